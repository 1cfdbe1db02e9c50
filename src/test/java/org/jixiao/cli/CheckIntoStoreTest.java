package org.jixiao.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jixiao.model.Submission;
import org.jixiao.model.SubmissionOutcome;
import org.jixiao.output.ReportJson;
import org.jixiao.route.DataFolders;
import org.jixiao.store.JdbcStore;
import org.jixiao.store.StoreOfRecord;
import org.jixiao.store.StoreSettings;
import org.jixiao.store.SubmissionQuery;
import org.jixiao.web.JixiaoServer;
import org.jixiao.web.ServerSettings;
import org.jixiao.web.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --data DIR} writes to the same store of record and index as {@code serve --data DIR}:
 * what the CLI checked, the service's pages list and open; {@code --format xlsx} writes a workbook.
 */
class CheckIntoStoreTest {

    static final Path QINGDAO = Path.of("corpus/qingdao-2019-self-eval-mof/qingdao-2019-self-eval-mof.txt");
    static final Path ELEVATOR = Path.of("corpus/hangzhou-xihu-2024-declaration-elevator/hangzhou-xihu-2024-declaration-elevator.txt");
    static final Path NOT_A_REPORT = Path.of("corpus/variants/not-a-report/not-a-report.html");

    @TempDir
    Path root;

    /** The report JSON `extract` prints for a file. */
    private static String extracted(Path file) {
        StringWriter out = new StringWriter();
        JixiaoCommand.run(new String[] {"extract", file.toString()}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        return out.toString();
    }

    private int check(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        return JixiaoCommand.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void whatTheCliCheckedTheServiceListsAndOpens() throws Exception {
        Path data = root.resolve("data");
        assertEquals(1, check("check", QINGDAO.toString(), ELEVATOR.toString(), NOT_A_REPORT.toString(), "--data", data.toString()),
                "one input is no report: status 1, the others recorded");
        assertEquals(0, check("check", QINGDAO.toString(), "--data", data.toString()));
        String sha;
        try (StoreOfRecord store = JdbcStore.open(StoreSettings.embedded(data))) {
            List<Submission> all = store.list(SubmissionQuery.ALL.sortedBy(SubmissionQuery.Sort.OLDEST_FIRST));
            assertEquals(List.of(SubmissionOutcome.CHECKED, SubmissionOutcome.CHECKED, SubmissionOutcome.FAILED,
                    SubmissionOutcome.DUPLICATE), all.stream().map(Submission::outcome).toList());
            assertEquals("命令行", all.get(0).submitter());
            assertTrue(all.get(2).reason().length() > 0, "the refused file keeps its reason");
            sha = all.get(0).sha256();
        }
        assertTrue(Files.exists(data.resolve("index")), "indexed beside the store");

        try (JixiaoServer server = TestServer.start(ServerSettings.defaults(DataFolders.under(data)))) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> report = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/api/reports/" + sha)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, report.statusCode(), "a report the CLI checked opens from a search hit: " + report.body());
            assertEquals(sha, ReportJson.mapper().readTree(report.body()).path("source").path("sha256").asText());
            HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/api/submissions")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = ReportJson.mapper().readTree(list.body());
            assertEquals(4, body.path("count").asInt(), list.body());
            HttpResponse<String> dashboard = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/api/dashboard")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode counts = ReportJson.mapper().readTree(dashboard.body());
            assertEquals(2, counts.path("byOutcome").path("CHECKED").asInt());
            assertEquals(1, counts.path("byOutcome").path("FAILED").asInt());
            assertEquals(1, counts.path("byOutcome").path("DUPLICATE").asInt());
            int findings = 0;
            for (Path f : List.of(QINGDAO, ELEVATOR)) {
                findings += ReportJson.mapper().readTree(extracted(f)).path("findings").size();
            }
            int counted = 0;
            for (JsonNode n : counts.path("byFinding")) counted += n.asInt();
            assertEquals(findings, counted, "every finding of the checked reports counted once by its code: " + counts.path("byFinding"));
            HttpResponse<byte[]> original = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/api/reports/" + sha + "/original")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, original.statusCode());
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(QINGDAO), original.body()));
        }
    }

    /** {@code index --data DIR} records as {@code check --data} does: a search hit opens in the web page; {@code --index} alone does not record. */
    @Test
    void whatIndexFindsTheServiceOpens() throws Exception {
        Path data = root.resolve("data");
        assertEquals(1, check("index", QINGDAO.toString(), NOT_A_REPORT.toString(), "--data", data.toString()));
        Path alone = root.resolve("alone");
        assertEquals(0, check("index", ELEVATOR.toString(), "--index", alone.toString()));
        assertTrue(Files.notExists(alone.resolve("store.mv.db")) && Files.notExists(root.resolve("store.mv.db")),
                "an index named on its own is written alone");
        String sha;
        try (StoreOfRecord store = JdbcStore.open(StoreSettings.embedded(data))) {
            List<Submission> all = store.list(SubmissionQuery.ALL.sortedBy(SubmissionQuery.Sort.OLDEST_FIRST));
            assertEquals(List.of(SubmissionOutcome.CHECKED, SubmissionOutcome.FAILED), all.stream().map(Submission::outcome).toList());
            assertEquals("命令行", all.get(0).submitter());
            assertTrue(all.get(1).reason().length() > 0, "the refused file keeps its reason");
            sha = all.get(0).sha256();
        }
        StringWriter found = new StringWriter();
        assertEquals(0, JixiaoCommand.run(new String[] {"search", "--index", data.resolve("index").toString(), "--json", "青岛"},
                new PrintWriter(found), new PrintWriter(new StringWriter())));
        assertTrue(found.toString().contains(sha), "indexed in the data folder's index: " + found);
        try (JixiaoServer server = TestServer.start(ServerSettings.defaults(DataFolders.under(data)))) {
            HttpResponse<String> report = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.port() + "/api/reports/" + sha)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, report.statusCode(), "a report `index` wrote opens from a search hit: " + report.body());
        }
    }

    @Test
    void xlsxNeedsAnOutFolderAndWritesAWorkbookThere() throws Exception {
        assertEquals(2, check("check", QINGDAO.toString(), "--format", "xlsx"));
        Path out = root.resolve("out");
        assertEquals(0, check("check", QINGDAO.toString(), ELEVATOR.toString(), "--format", "xlsx", "--out", out.toString()));
        assertEquals(0, check("check", QINGDAO.toString(), "--format", "xlsx", "--out", out.toString()));
        Path first = out.resolve(CheckCommand.WORKBOOK);
        Path second = out.resolve(CheckCommand.WORKBOOK.replace(".xlsx", ".2.xlsx"));
        assertTrue(Files.exists(second), "an earlier run's workbook is never overwritten");
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(first))) {
            assertEquals(2, book.getSheet("报告").getLastRowNum());
            assertEquals(QINGDAO.toString(), book.getSheet("报告").getRow(1).getCell(0).getStringCellValue());
        }
    }
}
