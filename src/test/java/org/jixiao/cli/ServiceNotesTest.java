package org.jixiao.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jixiao.route.DataFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code index data/done} and {@code check data/failed}: the service's notes there are not reports. */
class ServiceNotesTest {

    @TempDir
    Path data;

    @Test
    void notesBesideStoredFilesAreNotTakenForReports() throws Exception {
        Path done = Files.createDirectories(data.resolve("done"));
        Files.writeString(done.resolve("a.txt"), "报告");
        Files.writeString(done.resolve("a.txt" + DataFolders.REPORT_SUFFIX), "{}");
        Files.writeString(done.resolve("b.txt"), "报告");
        Files.writeString(done.resolve("b.txt" + DataFolders.DUPLICATE_SUFFIX), "文件“b.txt”与已提交的“a.txt”内容完全相同");
        Path failed = Files.createDirectories(data.resolve("failed"));
        Files.writeString(failed.resolve("c.pdf"), "%PDF");
        Files.writeString(failed.resolve("c.pdf" + DataFolders.ERROR_SUFFIX), "无法检查");

        List<String> names = CheckCommand.inputs(List.of(done, failed)).files().stream()
                .map(i -> i.path().getFileName().toString()).toList();
        assertEquals(List.of("a.txt", "b.txt", "c.pdf"), names);
        // Named on the command line, a file is always tried, as before.
        assertEquals(1, CheckCommand.inputs(List.of(done.resolve("b.txt" + DataFolders.DUPLICATE_SUFFIX))).files().size());
    }
}
