package org.jixiao.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.Report;
import org.jixiao.pipeline.Pipeline;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The store of record keeps reports as canonical JSON and the reviewer's exports read them back:
 * every corpus report read back from its JSON is the same report, and writes the same JSON.
 */
class ReportJsonReadTest {

    private static final Pipeline PIPELINE = new Pipeline(Mappings.bundled());

    static List<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("corpus"))) {
            return files.filter(p -> p.toString().endsWith(".txt") && !p.getFileName().toString().equals("README"))
                    .filter(p -> !p.toString().contains("not-a-report")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void aReportReadBackFromItsJsonIsTheSameReport(Path file) {
        Report report = PIPELINE.process(file);
        String json = ReportJson.write(report);
        Report back = ReportJson.read(json);
        assertEquals(json, ReportJson.write(back));
        assertEquals(report, back);
    }
}
