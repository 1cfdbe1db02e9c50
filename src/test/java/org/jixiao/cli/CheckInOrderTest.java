package org.jixiao.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code check} reads several files at once (one per core) but prints, writes and indexes them in
 * input order: its stream of reports is the one a file-by-file run gives, a failing file in the
 * middle included.
 */
class CheckInOrderTest {

    @Test
    void aBatchReadInParallelPrintsWhatEachFileGivesAloneInInputOrder() throws Exception {
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of("corpus"))) {
            walk.filter(p -> p.toString().endsWith(".txt") && !p.toString().contains("pdf-src")).sorted().limit(6)
                    .forEach(p -> files.add(p.toString()));
        }
        // A cover letter that is no form: refused, mid-batch (a scan is no longer refused: it is OCR'd).
        files.add(files.size() / 2, "corpus/variants/not-a-report/not-a-report.html");
        files.add(Path.of("corpus/pdf-decl-clinic/pdf-decl-clinic.pdf").toString());
        assertEquals(8, files.size());

        List<String> batch = new ArrayList<>(List.of("check", "--format", "jsonl"));
        batch.addAll(files);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(1, JixiaoCommand.run(batch.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err)));

        List<String> alone = new ArrayList<>();
        for (String f : files) {
            StringWriter one = new StringWriter();
            JixiaoCommand.run(new String[] {"check", "--format", "jsonl", f}, new PrintWriter(one), new PrintWriter(new StringWriter()));
            alone.addAll(one.toString().lines().toList());
        }
        assertEquals(7, alone.size());
        assertEquals(alone, out.toString().lines().toList());
        assertEquals(1, err.toString().lines().filter(l -> l.contains("not-a-report.html")).count(), err.toString());
    }
}
