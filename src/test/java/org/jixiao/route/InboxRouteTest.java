package org.jixiao.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.jixiao.index.SearchRequest;
import org.jixiao.index.SearchResult;
import org.jixiao.output.ReportJson;
import org.jixiao.pipeline.Corpus;
import org.jixiao.web.JixiaoServer;
import org.jixiao.web.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbox route on a real folder: files dropped into the inbox end in done/ with their JSON or in
 * failed/ with their reason, duplicates are recorded, and a checked report becomes searchable.
 * Waits on Camel's NotifyBuilder, never on a sleep.
 */
class InboxRouteTest {

    /** Longest wait for files to go through the route; far above the real time, it only bounds a hang. */
    private static final long ROUTE_TIMEOUT_SECONDS = 60;
    /** The service's promise: searchable within this long after being taken from the inbox. */
    private static final long VISIBLE_WITHIN_MILLIS = 2000;

    @TempDir
    static Path data;
    static DataFolders folders;
    static JixiaoServer server;
    /** When the inbox route took each file (the exchange's creation), by file name. */
    static final Map<String, Long> takenAt = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        folders = DataFolders.under(data);
        server = TestServer.start(folders);
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) server.close();
    }

    /** Matches once the inbox route is done with this content (another file of the same name does not count). */
    private static NotifyBuilder whenContentDone(byte[] content) {
        String sha = Intake.sha256(content);
        return whenDone(1, e -> sha.equals(e.getMessage().getHeader(IntakeHeaders.SHA256, String.class)));
    }

    /** Matches once the inbox route is done with each of these files (and only these). */
    private static NotifyBuilder whenInboxDone(String... files) {
        Set<String> names = Set.of(files);
        return whenDone(files.length, e -> names.contains(e.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class)));
    }

    private static NotifyBuilder whenDone(int count, java.util.function.Predicate<Exchange> wanted) {
        return InboxNotifications.whenDone(server.camel(), count, e -> {
            takenAt.putIfAbsent(e.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class), e.getClock().getCreated());
            return wanted.test(e);
        });
    }

    private static void drop(String name, byte[] content) throws IOException {
        // Written beside the inbox and renamed in, as a department's copy job would finish.
        Path tmp = data.resolve(name + ".part");
        Files.write(tmp, content);
        Files.move(tmp, folders.inbox().resolve(name));
    }

    @Test
    void everyCorpusReportIsCheckedAndStoredWithItsJson() throws Exception {
        List<Path> inputs = Corpus.goldenInputs();
        assertFalse(inputs.isEmpty(), "the corpus is part of the repository");
        NotifyBuilder done = whenInboxDone(inputs.stream().map(p -> p.getFileName().toString()).toArray(String[]::new));
        for (Path in : inputs) drop(in.getFileName().toString(), Files.readAllBytes(in));
        assertTrue(done.matches(ROUTE_TIMEOUT_SECONDS, TimeUnit.SECONDS), "all corpus files went through the route");

        for (Path in : inputs) {
            String name = in.getFileName().toString();
            Path original = folders.done().resolve(name);
            assertTrue(Files.exists(original), name + " moved to done/");
            assertEquals(-1, Files.mismatch(in, original), name + " is moved unchanged");
            JsonNode report = ReportJson.mapper().readTree(folders.done().resolve(name + ".json").toFile());
            JsonNode expected = ReportJson.mapper().readTree(in.resolveSibling("expected.json").toFile());
            assertEquals(codes(expected), codes(report), name + ": findings as designed in its expected.json");
            assertEquals(Intake.sha256(Files.readAllBytes(in)), report.path("source").path("sha256").asText());
        }
        assertFalse(Files.exists(folders.inbox().resolve(inputs.get(0).getFileName())), "nothing left in the inbox");
    }

    private static Set<String> codes(JsonNode report) {
        Set<String> codes = new TreeSet<>();
        report.path("findings").forEach(f -> codes.add(f.path("code").asText()));
        return codes;
    }

    @Test
    void aCheckedReportIsSearchableWithinTwoSecondsOfBeingTaken() throws Exception {
        Path source = Corpus.goldenInputs().get(0);
        // Different bytes (a new content), same report: one more line at the end.
        byte[] content = (Files.readString(source, StandardCharsets.UTF_8) + "\n附：本表由测试提交（可见性）。\n")
                .getBytes(StandardCharsets.UTF_8);
        String sha = Intake.sha256(content);
        String name = "visible-" + source.getFileName();
        NotifyBuilder done = whenInboxDone(name);
        drop(name, content);
        assertTrue(done.matches(ROUTE_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        server.index().nextCommit().get(VISIBLE_WITHIN_MILLIS, TimeUnit.MILLISECONDS);
        long visible = System.currentTimeMillis();
        long taken = takenAt.get(name);

        String project = ReportJson.mapper().readTree(folders.done().resolve(name + ".json").toFile())
                .path("project").path("name").asText();
        SearchResult result = server.index().search(SearchRequest.text(project).withLimit(200));
        assertTrue(result.hits().stream().anyMatch(h -> sha.equals(h.sha256())), "found by its project name");
        long millis = visible - taken;
        System.out.println("taken → searchable: " + millis + " ms");
        assertTrue(millis < VISIBLE_WITHIN_MILLIS, "searchable " + millis + " ms after being taken");
    }

    @Test
    void unreadableFilesGoToFailedWithTheirReasonInChinese() throws Exception {
        NotifyBuilder done = whenInboxDone("empty.txt", "scan.pdf", "memo.txt");
        drop("empty.txt", new byte[0]);
        drop("scan.pdf", new byte[] {0x00, 0x01, 0x02, (byte) 0xFF, 0x10, 0x20, 0x00, 0x7F});
        drop("memo.txt", "下周二上午开会，讨论办公室搬迁。\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(done.matches(ROUTE_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        for (String name : List.of("empty.txt", "scan.pdf", "memo.txt")) {
            assertTrue(Files.exists(folders.failed().resolve(name)), name + " kept in failed/");
            String reason = Files.readString(folders.failed().resolve(name + DataFolders.ERROR_SUFFIX), StandardCharsets.UTF_8);
            assertTrue(reason.startsWith("无法检查“" + name + "”："), reason);
            String why = reason.substring(reason.indexOf("”：") + 2);
            assertTrue(why.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    "the reason itself is in Chinese: " + reason);
            assertFalse(Files.exists(folders.done().resolve(name + DataFolders.REPORT_SUFFIX)));
        }
        assertTrue(Files.readString(folders.failed().resolve("empty.txt" + DataFolders.ERROR_SUFFIX)).contains("为空"));
    }

    @Test
    void theSameContentIsRecordedAsDuplicateEvenAfterARestart() throws Exception {
        Path source = Corpus.goldenInputs().get(1);
        byte[] content = (Files.readString(source, StandardCharsets.UTF_8) + "\n附：重复提交测试。\n").getBytes(StandardCharsets.UTF_8);
        NotifyBuilder first = whenInboxDone("first.txt");
        drop("first.txt", content);
        assertTrue(first.matches(ROUTE_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        NotifyBuilder second = whenInboxDone("again.txt");
        drop("again.txt", content);
        assertTrue(second.matches(ROUTE_TIMEOUT_SECONDS, TimeUnit.SECONDS));

        assertTrue(Files.exists(folders.done().resolve("again.txt")), "the resubmission is kept");
        assertFalse(Files.exists(folders.done().resolve("again.txt.json")), "and not checked again");
        assertTrue(Files.readString(folders.done().resolve("again.txt" + DataFolders.DUPLICATE_SUFFIX)).contains("“first.txt”"));

        server.close();
        server = TestServer.start(folders);
        NotifyBuilder third = whenInboxDone("after-restart.txt");
        drop("after-restart.txt", content);
        assertTrue(third.matches(ROUTE_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertTrue(Files.readString(folders.done().resolve("after-restart.txt" + DataFolders.DUPLICATE_SUFFIX)).contains("“first.txt”"));
        assertFalse(Files.exists(folders.done().resolve("after-restart.txt.json")));
    }

    @Test
    void aSecondFileOfTheSameNameGetsANumberedNameAndNothingIsOverwritten() throws Exception {
        Path source = Corpus.goldenInputs().get(2);
        String text = Files.readString(source, StandardCharsets.UTF_8);
        byte[] one = (text + "\n附：第一份。\n").getBytes(StandardCharsets.UTF_8);
        byte[] two = (text + "\n附：第二份。\n").getBytes(StandardCharsets.UTF_8);
        NotifyBuilder first = whenContentDone(one);
        drop("same-name.txt", one);
        assertTrue(first.matches(ROUTE_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        NotifyBuilder second = whenContentDone(two);
        drop("same-name.txt", two);
        assertTrue(second.matches(ROUTE_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertTrue(Files.exists(folders.done().resolve("same-name~2.txt")), "stored beside, not over: " + TestServer.names(folders.done()));
        assertEquals(-1, Files.mismatch(folders.done().resolve("same-name.txt"), write(one)));
        assertEquals(-1, Files.mismatch(folders.done().resolve("same-name~2.txt"), write(two)));
        assertTrue(Files.exists(folders.done().resolve("same-name~2.txt.json")));
    }

    private static Path write(byte[] content) throws IOException {
        Path p = Files.createTempFile(data, "expected", ".bin");
        Files.write(p, content);
        return p;
    }
}
