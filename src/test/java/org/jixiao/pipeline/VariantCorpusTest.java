package org.jixiao.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.Finding;
import org.jixiao.model.Report;
import org.jixiao.output.ReportJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The form-variant cases of corpus/variants (our own wording and figures, the structures of the
 * real forms; see corpus/pdf-src/variants/README): every input, in each of its formats, reads to
 * its expected.json field by field, names its form, and raises the findings its errors call for
 * (expectedFindings: code and subject; no other ERROR). A case whose expected.json says
 * {@code refused} must be refused with a reason that names the file.
 */
class VariantCorpusTest {

    private static final Pipeline PIPELINE = new Pipeline(Mappings.bundled());
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Path> inputs() {
        return Corpus.variantInputs();
    }

    @Test
    void everyVariantClassHasACaseInTwoFormats() {
        Set<String> cases = new TreeSet<>();
        for (Path p : inputs()) cases.add(p.getParent().getFileName().toString());
        assertTrue(cases.size() >= 10, "corpus/variants holds " + cases);
        for (String c : cases) {
            long formats = inputs().stream().filter(p -> p.getParent().getFileName().toString().equals(c)).count();
            assertTrue(formats >= 2, c + " is kept in " + formats + " format(s), want two");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void readsToItsExpectedFile(Path input) throws IOException {
        JsonNode expected = JSON.readTree(input.resolveSibling("expected.json").toFile());
        if (expected.path("refused").asBoolean(false)) {
            UnreadableInputException e = assertThrows(UnreadableInputException.class, () -> PIPELINE.process(input));
            assertTrue(e.getMessage().startsWith(input.getFileName().toString()), e.getMessage());
            assertFalse(e.reason().isBlank());
            return;
        }
        Report report = PIPELINE.process(input);
        JsonNode actual = JSON.readTree(ReportJson.write(report));
        ReportSchema.assertValid(actual, input.toString());
        FormExpectation.Result r = FormExpectation.compare(expected, actual, Set.of());
        assertTrue(r.differences.isEmpty(), input + " differs from its expected.json:\n  " + String.join("\n  ", r.differences));
        Set<String> want = new TreeSet<>();
        for (JsonNode f : expected.path("expectedFindings")) want.add(f.path("code").asText() + "/" + f.path("subject").asText());
        Set<String> errors = new TreeSet<>();
        Set<String> all = new TreeSet<>();
        for (Finding f : report.findings()) {
            all.add(f.code() + "/" + f.subject());
            if (f.severity() == org.jixiao.model.Severity.ERROR) errors.add(f.code() + "/" + f.subject());
        }
        assertTrue(all.containsAll(want), input + ": findings " + all + " lack " + want);
        errors.removeAll(want);
        assertTrue(errors.isEmpty(), input + ": errors the form does not have: " + errors);
    }
}
