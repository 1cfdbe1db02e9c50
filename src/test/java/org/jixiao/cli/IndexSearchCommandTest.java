package org.jixiao.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code index} and {@code search} (and {@code check --index}) as a user runs them. */
class IndexSearchCommandTest {

    /** A self-evaluation written for this test in the layout of the text corpus. */
    private static final String REPORT = String.join("\n",
            "2020 年度江苏省江阴市信息系统运维项目绩效自评表",
            "",
            "项目名称\t\t信息系统运维项目",
            "主管部门\t\t江阴市人力资源和社会保障局\t实施单位\t江阴市社保中心",
            "预算执行情况 (万元) (20分)\t\t预算数(A)\t执行数(B)\t执行率 (B/A)\t得分(20分 *执行率)",
            "\t年度财政资金总额:\t200.00\t170.00\t85.00%\t17.00",
            "一级指标\t二级指标\t三级指标\t年初目标值 (A)\t实际完成值 (B)\t分值\t得分",
            "产出指标\t时效指标\t故障处理响应时间\t≤30 分钟\t20 分钟\t40\t40",
            "产出指标\t数量指标\t社保卡制卡人数\t≥5000 人\t5200 人\t40\t40",
            "总分\t97.00",
            "");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return JixiaoCommand.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @BeforeEach
    void files() throws Exception {
        Files.createDirectories(dir.resolve("in"));
        Files.writeString(dir.resolve("in/jiangyin.txt"), REPORT, StandardCharsets.UTF_8);
        Files.write(dir.resolve("in/empty.txt"), new byte[0]);
    }

    private String index() {
        return dir.resolve("idx").toString();
    }

    @Test
    void indexNamesUnreadableFilesAndGoesOn() {
        assertEquals(1, run("index", dir.resolve("in").toString(), "--index", index()));
        assertTrue(err.toString().contains("无法读取 " + dir.resolve("in/empty.txt")), err.toString());
        assertTrue(out.toString().contains("已索引 1 份报告"), out.toString());

        assertEquals(0, run("search", "故障响应", "--index", index()));
        String table = out.toString();
        assertTrue(table.startsWith("地区"), table);
        assertTrue(table.contains("故障处理响应时间"), table);
        assertTrue(table.contains("江阴市"), table);
        assertTrue(table.contains("jiangyin.txt"), table);
        assertTrue(table.contains("年度：2020 1"), table);
        assertTrue(table.contains("类型：绩效自评 1"), table);
    }

    @Test
    void filtersAndJson() throws Exception {
        assertEquals(0, run("index", dir.resolve("in/jiangyin.txt").toString(), "--index", index()));
        assertEquals(0, run("search", "", "--index", index(), "--region", "江苏", "--year", "2019..2021",
                "--where", "executionRate<90", "--json"));
        JsonNode r = new ObjectMapper().readTree(out.toString());
        assertEquals(1, r.get("total").asInt());
        JsonNode hit = r.get("hits").get(0);
        assertEquals("report", hit.get("type").asText());
        assertEquals(0, hit.get("executionRate").decimalValue().compareTo(new java.math.BigDecimal("85.00")));

        // Sorted output is still valid JSON (relevance is a number, not NaN).
        assertEquals(0, run("search", "故障", "--index", index(), "--sort", "-score", "--json"));
        assertTrue(new ObjectMapper().readTree(out.toString()).get("hits").get(0).get("relevance").isNumber(), out.toString());

        assertEquals(0, run("search", "--index", index(), "--region", "湖北"));
        assertTrue(out.toString().contains("没有找到"), out.toString());
    }

    @Test
    void badInputIsAUsageErrorInChinese() {
        assertEquals(0, run("index", dir.resolve("in/jiangyin.txt").toString(), "--index", index()));
        assertEquals(2, run("search", "", "--index", index(), "--where", "executionRate is low"));
        assertTrue(err.toString().contains("无法理解条件"), err.toString());
        assertEquals(2, run("search", "", "--index", index(), "--year", "去年"));
        assertTrue(err.toString().contains("无法理解年度"), err.toString());
        assertEquals(2, run("search", "x", "--index", dir.resolve("nothing").toString()));
        assertTrue(err.toString().contains("索引目录不存在"), err.toString());
    }

    @Test
    void checkCanIndexAsItChecksAndIndexCanDelete() throws Exception {
        assertEquals(0, run("check", dir.resolve("in/jiangyin.txt").toString(), "--index", index()));
        assertEquals(0, run("search", "社保卡", "--index", index(), "--json"));
        JsonNode r = new ObjectMapper().readTree(out.toString());
        assertEquals("社保卡制卡人数", r.get("hits").get(0).get("name").asText());
        String sha = r.get("hits").get(0).get("sha256").asText();

        assertEquals(0, run("index", "--delete", sha, "--index", index()));
        assertEquals(0, run("search", "社保卡", "--index", index()));
        assertTrue(out.toString().contains("没有找到"), out.toString());
        assertEquals(1, run("index", "--delete", sha, "--index", index()));
    }

    @Test
    void anIndexOfAnotherLayoutIsNamedWithWhatToDo() throws Exception {
        Path old = dir.resolve("old-index");
        try (var w = new org.apache.lucene.index.IndexWriter(org.apache.lucene.store.FSDirectory.open(old),
                new org.apache.lucene.index.IndexWriterConfig())) {
            w.addDocument(new org.apache.lucene.document.Document());
        }
        for (String[] args : new String[][] {{"search", "响应时间", "--index", old.toString()},
                {"index", dir.resolve("in/jiangyin.txt").toString(), "--index", old.toString()},
                {"check", dir.resolve("in/jiangyin.txt").toString(), "--index", old.toString()}}) {
            assertEquals(4, run(args), String.join(" ", args));
            assertTrue(err.toString().contains("索引 " + old) && err.toString().contains("重新运行 index"), err.toString());
            assertTrue(!err.toString().contains("内部错误"), err.toString());
        }
    }

    @Test
    void anIndexPathThatIsAFileOrAFolderOfOtherFilesIsRefused() throws Exception {
        Path file = dir.resolve("README.md");
        Files.writeString(file, "# notes", StandardCharsets.UTF_8);
        Path mine = dir.resolve("mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("notes.txt"), "my own file", StandardCharsets.UTF_8);
        String report = dir.resolve("in/jiangyin.txt").toString();
        for (Path bad : new Path[] {file, mine}) {
            for (String[] args : new String[][] {{"check", report, "--index", bad.toString()},
                    {"index", report, "--index", bad.toString()}, {"search", "故障", "--index", bad.toString()}}) {
                assertEquals(2, run(args), String.join(" ", args));
                String message = err.toString().strip();
                assertTrue(message.startsWith("jixiao " + args[0] + "：--index " + bad), message);
                assertTrue(!message.contains("内部错误") && !message.contains("Exception"), message);
            }
        }
        try (var listed = Files.list(mine)) {
            assertEquals(1, listed.count(), "nothing is written among the user's files");
        }
        assertEquals("# notes", Files.readString(file));

        Path empty = dir.resolve("empty-index");
        Files.createDirectories(empty);
        assertEquals(0, run("check", report, "--index", empty.toString()));
        assertEquals(0, run("index", report, "--index", empty.toString()));
        assertEquals(0, run("search", "故障", "--index", empty.toString()));
        assertTrue(out.toString().contains("故障处理响应时间"), out.toString());
        assertEquals(0, run("index", report, "--index", dir.resolve("new-index").toString()));
    }

    @Test
    void searchNamesTheSearchStoreAndRefusesOnesNotImplemented() {
        String uri = "lucene:" + index();
        assertEquals(1, run("index", dir.resolve("in").toString(), "--search", uri));
        assertTrue(out.toString().contains("已索引 1 份报告") && out.toString().contains(index()), out.toString());
        assertEquals(0, run("search", "故障响应", "--search", uri));
        assertTrue(out.toString().contains("故障处理响应时间"), out.toString());

        for (String command : new String[] {"search", "index", "check"}) {
            assertEquals(2, run(command, dir.resolve("in/jiangyin.txt").toString(), "--search", "opensearch://os1:9200/reports"), command);
            assertTrue(err.toString().contains("--search 暂不支持 opensearch://"), err.toString());
            // A SolrCloud address without a collection is a usage error too, said before connecting.
            assertEquals(2, run(command, dir.resolve("in/jiangyin.txt").toString(), "--search", "solr://zk1:2181/"), command);
            assertTrue(err.toString().contains("solr://zk主机:端口"), err.toString());
        }
        // The service and the rebuild take a SolrCloud store too (SolrSearchStoreTest runs them on a
        // cluster); an address without a collection is a usage error there as well, said before connecting.
        for (String command : new String[] {"serve", "reindex"}) {
            assertEquals(2, run(command, "--data", dir.resolve("data").toString(), "--search", "solr://zk1:2181/"), command);
            assertTrue(err.toString().contains("solr://zk主机:端口"), err.toString());
        }
    }

    @Test
    void aLockedIndexHasItsOwnExitStatus() throws Exception {
        assertEquals(0, run("index", dir.resolve("in/jiangyin.txt").toString(), "--index", index()));
        try (var writer = new org.apache.lucene.index.IndexWriter(org.apache.lucene.store.FSDirectory.open(Path.of(index())),
                new org.apache.lucene.index.IndexWriterConfig())) {
            assertEquals(4, run("index", dir.resolve("in/jiangyin.txt").toString(), "--index", index()));
            assertTrue(err.toString().contains("正被另一个进程写入"), err.toString());
        }
    }

    @Test
    void unknownRegionOrFindingIsNamedNotNothingFound() {
        assertEquals(0, run("index", dir.resolve("in/jiangyin.txt").toString(), "--index", index()));
        assertEquals(2, run("search", "--index", index(), "--region", "火星"));
        assertTrue(err.toString().contains("未知的地区“火星”") && err.toString().contains("GB/T 2260"), err.toString());
        assertTrue(!out.toString().contains("没有找到"), out.toString());
        assertEquals(2, run("search", "--index", index(), "--finding", "NOPE"));
        assertTrue(err.toString().contains("未知的问题代码“NOPE”") && err.toString().contains("问题目录"), err.toString());
        // Known values with nothing indexed for them are still answered 没有找到, exit 0.
        assertEquals(0, run("search", "--index", index(), "--region", "湖北"));
        assertTrue(out.toString().contains("没有找到"), out.toString());
        assertEquals(0, run("search", "--index", index(), "--region", "420000"));
        assertEquals(0, run("search", "--index", index(), "--finding", "TOTAL_SCORE_MISMATCH"));
        assertTrue(out.toString().contains("没有找到"), out.toString());
        assertEquals(2, run("search", "--index", index(), "--region", "999999"));
        assertEquals(2, run("search", "--index", index(), "--kind", "foo"));
        assertTrue(err.toString().contains("未知的报告类型“foo”") && err.toString().contains("（绩效自评）"), err.toString());
    }

    @Test
    void indexOnAFolderWithoutReportsSaysSoAndExitsOne() throws Exception {
        Files.createDirectories(dir.resolve("nothing-here"));
        assertEquals(1, run("index", dir.resolve("nothing-here").toString(), "--index", index()));
        assertTrue(err.toString().contains("在 " + dir.resolve("nothing-here") + " 下没有找到报告文件"), err.toString());
    }
}
