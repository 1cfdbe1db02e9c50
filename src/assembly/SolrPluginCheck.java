import java.io.StringReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Run by `mvn package` right after target/jixiao-solr-plugin.jar is written (pom.xml, execution
 * solr-plugin-check), with Lucene's two jars as the only class path, as a Solr node has them:
 * loads the plugin jar in a class loader of its own (as Solr loads its lib folder), instantiates
 * HanLpTokenizerFactory as a schema line does and segments Chinese text in both modes. Fails the
 * build when the jar misses a class or a dictionary HanLP reads. Not part of the jar nor of the
 * sources' packages: java runs this one file directly.
 *
 * Usage: java -cp lucene-core.jar:lucene-analysis-common.jar src/assembly/SolrPluginCheck.java target/jixiao-solr-plugin.jar
 */
public class SolrPluginCheck {

    public static void main(String[] args) throws Exception {
        URL jar = Path.of(args[0]).toUri().toURL();
        try (URLClassLoader plugin = new URLClassLoader(new URL[] {jar}, SolrPluginCheck.class.getClassLoader())) {
            if (hasClass(SolrPluginCheck.class.getClassLoader(), "com.hankcs.hanlp.HanLP")) {
                throw new IllegalStateException("检查自身的类路径上已有 HanLP：这样检查不出插件 jar 是否完整");
            }
            Class<? extends TokenizerFactory> type = Class.forName("org.jixiao.index.analysis.HanLpTokenizerFactory", true, plugin)
                    .asSubclass(TokenizerFactory.class);
            String text = "社保卡发放率达到１００％，养老服务补贴按时足额发放";
            List<String> index = terms(type, "index", text);
            List<String> query = terms(type, "query", text);
            // Index mode adds the dictionary words inside longer ones; query mode keeps the longest only.
            require(index.contains("社保卡") && index.contains("社保"), "索引模式 " + index);
            require(query.contains("社保卡") && !query.contains("社保"), "查询模式 " + query);
            require(index.contains("100"), "全角数字应转为半角 " + index);
            System.out.println("jixiao-solr-plugin.jar 可单独加载 HanLpTokenizerFactory：索引模式 " + index + "，查询模式 " + query);
        }
    }

    private static List<String> terms(Class<? extends TokenizerFactory> type, String mode, String text) throws Exception {
        Map<String, String> args = new HashMap<>(Map.of("mode", mode, "luceneMatchVersion", "9.12.0"));
        TokenizerFactory factory = type.getConstructor(Map.class).newInstance(args);
        List<String> out = new ArrayList<>();
        try (Tokenizer tokenizer = factory.create()) {
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            tokenizer.setReader(new StringReader(text));
            tokenizer.reset();
            while (tokenizer.incrementToken()) out.add(term.toString());
            tokenizer.end();
        }
        return out;
    }

    private static boolean hasClass(ClassLoader loader, String name) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void require(boolean ok, String what) {
        if (!ok) throw new IllegalStateException("jixiao-solr-plugin.jar 的分词与索引不一致：" + what);
    }
}
