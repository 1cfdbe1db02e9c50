package org.jixiao.index.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.util.AttributeFactory;

/**
 * The HanLP tokenizer as a Lucene {@link TokenizerFactory}, so that Solr builds the same word
 * analysis as the embedded index from a schema line:
 * {@code <tokenizer class="org.jixiao.index.analysis.HanLpTokenizerFactory" mode="index"/>}
 * ({@code mode="query"} for the query side: the longest words only). Solr finds the class on its
 * classpath: in the tests it is ours; on a real Solr {@code target/jixiao-solr-plugin.jar} (this
 * package, HanLP and its dictionaries; built by {@code mvn package}) goes into the node's
 * {@code lib} folder (see the README). So this package uses nothing of the project but
 * {@code NumberText}, which that jar also holds.
 */
public final class HanLpTokenizerFactory extends TokenizerFactory {

    private final WordSegmenter segmenter;

    /** Arguments as a schema gives them: {@code mode} is {@code index} (the default) or {@code query}. */
    public HanLpTokenizerFactory(Map<String, String> args) {
        super(args);
        String mode = get(args, "mode", java.util.List.of("index", "query"), "index");
        this.segmenter = "query".equals(mode) ? WordSegmenter.QUERY : WordSegmenter.INDEX;
        if (!args.isEmpty()) throw new IllegalArgumentException("Unknown parameters: " + args);
    }

    @Override
    public HanLpTokenizer create(AttributeFactory factory) {
        return new HanLpTokenizer(segmenter);
    }
}
