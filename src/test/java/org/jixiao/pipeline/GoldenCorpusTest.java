package org.jixiao.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.Report;
import org.jixiao.output.ReportJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every corpus report, in every form it is kept in, matches its reviewed expected.json and the schema. */
class GoldenCorpusTest {

    private static final Pipeline PIPELINE = new Pipeline(Mappings.bundled());
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Path> cases() {
        return Corpus.goldenInputs();
    }

    @Test
    void corpusIsNotEmpty() {
        assertFalse(cases().isEmpty(), "corpus/ holds no case with an expected.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesExpected(Path input) throws IOException {
        Report report = PIPELINE.process(input);
        JsonNode actual = JSON.readTree(ReportJson.write(report));
        ReportSchema.assertValid(actual, input.toString());
        JsonNode expected = JSON.readTree(input.resolveSibling("expected.json").toFile());
        GoldenReport.assertMatches(expected, actual, input.toString());
    }
}
