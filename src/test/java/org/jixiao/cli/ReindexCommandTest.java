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
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jixiao.mapping.Mappings;
import org.jixiao.output.ReportJson;
import org.jixiao.pipeline.Pipeline;
import org.jixiao.pipeline.SampleReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jixiao reindex} rebuilds a damaged index from what was checked (data/done/), moving the
 * old one aside, and keeps submission order: of two versions of one project, the one submitted
 * later is current after the rebuild even when its file name sorts first.
 */
class ReindexCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return JixiaoCommand.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    /** A checked report as the service leaves it: the original and its report JSON, written at {@code at}. */
    private void checked(Path done, String name, String text, Instant at) throws Exception {
        Path original = done.resolve(name);
        Files.writeString(original, text, StandardCharsets.UTF_8);
        Path json = done.resolve(name + ".json");
        Files.writeString(json, ReportJson.write(new Pipeline(Mappings.bundled()).process(original)), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(json, FileTime.from(at));
    }

    @Test
    void rebuildsFromDoneInSubmissionOrderAndKeepsTheOldIndexAside() throws Exception {
        Path data = dir.resolve("data");
        Path done = Files.createDirectories(data.resolve("done"));
        Instant t0 = Instant.parse("2026-03-01T08:00:00Z");
        // The older version's name sorts after the newer one's: name order would make it current.
        checked(done, "z-first-submission.txt", SampleReports.SELF_EVALUATION, t0);
        checked(done, "a-resubmission.txt", SampleReports.SELF_EVALUATION.replace("总分\t98.00", "总分\t97.00"),
                t0.plusSeconds(3600));
        Path index = Files.createDirectories(data.resolve("index"));
        Files.writeString(index.resolve("segments_9"), "damaged", StandardCharsets.UTF_8);

        assertEquals(0, run("reindex", "--data", data.toString()), err.toString());
        assertTrue(out.toString().contains("已重建索引") && out.toString().contains("2 份报告"), out.toString());
        List<Path> aside = new ArrayList<>();
        try (Stream<Path> s = Files.list(data)) {
            s.filter(p -> p.getFileName().toString().startsWith("index.old-")).forEach(aside::add);
        }
        assertEquals(1, aside.size(), "the old index is moved aside, not deleted");
        assertTrue(Files.exists(aside.get(0).resolve("segments_9")));

        out.getBuffer().setLength(0);
        assertEquals(0, run("search", "--index", index.toString(), "--kind", "SELF_EVALUATION", "--json"), err.toString());
        JsonNode result = new ObjectMapper().readTree(out.toString());
        List<String> current = new ArrayList<>();
        for (JsonNode hit : result.path("hits")) {
            if (hit.path("type").asText().equals("report") && hit.path("current").asBoolean()) current.add(hit.path("file").asText());
        }
        assertEquals(List.of("a-resubmission.txt"), current, out.toString());
    }

    @Test
    void rebuildsWhatTheCliCheckedIntoTheStoreInSubmissionOrder() throws Exception {
        Path data = dir.resolve("data");
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Path first = Files.writeString(reports.resolve("z-first.txt"), SampleReports.SELF_EVALUATION, StandardCharsets.UTF_8);
        Path second = Files.writeString(reports.resolve("a-second.txt"),
                SampleReports.SELF_EVALUATION.replace("总分\t98.00", "总分\t97.00"), StandardCharsets.UTF_8);
        // Checked into the store of record only (no done/): one at a time, the older version first.
        assertEquals(0, run("check", first.toString(), "--data", data.toString()), err.toString());
        assertEquals(0, run("check", second.toString(), "--data", data.toString()), err.toString());
        assertTrue(Files.notExists(data.resolve("done")));

        out.getBuffer().setLength(0);
        assertEquals(0, run("reindex", "--data", data.toString()), err.toString());
        assertTrue(out.toString().contains("已重建索引") && out.toString().contains("2 份报告"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("search", "--index", data.resolve("index").toString(), "--history", "--json"), err.toString());
        List<String> reportEntries = new ArrayList<>();
        for (JsonNode hit : new ObjectMapper().readTree(out.toString()).path("hits")) {
            if (hit.path("type").asText().equals("report")) reportEntries.add(hit.path("file").asText() + " " + hit.path("current").asBoolean());
        }
        assertEquals(List.of("a-second.txt true", "z-first.txt false"), reportEntries.stream().sorted().toList(), out.toString());
    }

    @Test
    void withoutDoneThereIsNothingToRebuildFrom() {
        assertEquals(1, run("reindex", "--data", dir.resolve("nothing").toString()));
        assertTrue(err.toString().contains("done"), err.toString());
    }

    @Test
    void aGarbledIndexIsRefusedInChineseWithExitFourAndLeftAsItWas() throws Exception {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Files.writeString(reports.resolve("r.txt"), SampleReports.SELF_EVALUATION, StandardCharsets.UTF_8);
        Path index = dir.resolve("index");
        assertEquals(0, run("index", "--index", index.toString(), reports.toString()), err.toString());
        Path largest;
        try (Stream<Path> s = Files.list(index)) {
            largest = s.max(java.util.Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(largest);
        for (int i = bytes.length / 2; i < bytes.length / 2 + 200; i++) bytes[i] ^= 0x5A;
        Files.write(largest, bytes);
        byte[] garbled = Files.readAllBytes(largest);

        // Opening to write verifies every file's checksum: the damage is found before anything is written.
        err.getBuffer().setLength(0);
        assertEquals(4, run("index", "--index", index.toString(), reports.toString()));
        assertTrue(err.toString().contains("已损坏") && err.toString().contains("reindex"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(java.util.Arrays.equals(garbled, Files.readAllBytes(largest)), "nothing is written into a damaged index");
    }
}
