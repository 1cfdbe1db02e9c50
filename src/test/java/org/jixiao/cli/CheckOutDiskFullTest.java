package org.jixiao.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jixiao.pipeline.Corpus;
import org.jixiao.route.SmallDisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --out DIR} with DIR on a real disk that is full (a small tmpfs, root only): the file
 * whose result could not be written is named, what was checked is still printed, and no empty or
 * partial file is left in DIR; once there is room the same command writes everything.
 */
class CheckOutDiskFullTest {

    /** Room left on the full disk: one page, less than one report's JSON, so a plain write would stop half-way. */
    private static final long ROOM = 4096;

    @TempDir
    Path tmp;

    @Test
    void aFullOutputDiskNamesTheFileKeepsWhatWasCheckedAndLeavesNoPartialFile() throws Exception {
        List<Path> inputs = Corpus.goldenTextInputs().subList(0, 3);
        List<String> args = new ArrayList<>(List.of("check"));
        inputs.forEach(p -> args.add(p.toString()));
        try (SmallDisk disk = SmallDisk.mount(tmp.resolve("disk"), 2)) {
            Path out = disk.root().resolve("out");
            Files.createDirectories(out);
            args.add("--out");
            args.add(out.toString());
            disk.fill();
            disk.leave(ROOM);

            StringWriter stdout = new StringWriter();
            StringWriter stderr = new StringWriter();
            int status = JixiaoCommand.run(args.toArray(String[]::new), new PrintWriter(stdout), new PrintWriter(stderr));

            String first = inputs.get(0).getFileName().toString();
            assertEquals(1, status, stderr.toString());
            assertTrue(stderr.toString().contains("无法写入 " + out.resolve(first + ".json")), stderr.toString());
            assertTrue(stderr.toString().contains("磁盘空间不足"), stderr.toString());
            assertTrue(stderr.toString().contains("其后 2 个文件未检查"), stderr.toString());
            assertFalse(stderr.toString().contains("Exception"), "no stack trace: " + stderr);
            assertTrue(stdout.toString().contains("已检查 1 份报告") && stdout.toString().contains("EXECUTION_RATE_MISMATCH"),
                    "the report checked is printed with its findings: " + stdout);
            assertEquals(List.of(), files(out), "no empty, partial or temporary file is left in --out");

            disk.free();
            StringWriter again = new StringWriter();
            assertEquals(0, JixiaoCommand.run(args.toArray(String[]::new), new PrintWriter(again), new PrintWriter(new StringWriter())));
            assertEquals(List.of(first + ".json", inputs.get(1).getFileName() + ".json", inputs.get(2).getFileName() + ".json")
                    .stream().sorted().toList(), files(out));
        }
    }

    @Test
    void anIndexOnAFullDiskIsNamedAndTheResultsArePrinted() throws Exception {
        List<String> args = new ArrayList<>(List.of("check"));
        Corpus.goldenTextInputs().subList(0, 2).forEach(p -> args.add(p.toString()));
        try (SmallDisk disk = SmallDisk.mount(tmp.resolve("disk"), 2)) {
            Path index = disk.root().resolve("index");
            args.add("--index");
            args.add(index.toString());
            disk.fill();

            StringWriter stdout = new StringWriter();
            StringWriter stderr = new StringWriter();
            int status = JixiaoCommand.run(args.toArray(String[]::new), new PrintWriter(stdout), new PrintWriter(stderr));

            assertEquals(1, status, stderr.toString());
            assertTrue(stderr.toString().contains("无法写入索引 " + index) && stderr.toString().contains("磁盘空间不足"), stderr.toString());
            assertFalse(stderr.toString().contains("Exception"), "no stack trace: " + stderr);
            assertTrue(stdout.toString().contains("已检查 2 份报告"), "both reports checked are printed: " + stdout);
        }
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
