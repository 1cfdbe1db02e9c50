package org.jixiao.extract.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.mapping.Mappings;
import org.jixiao.output.ReportJson;
import org.jixiao.pipeline.Pipeline;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every PDF of the corpus, run through the whole pipeline, gives the report its expected.json
 * describes. expected.json holds the contract fields read from the source document; fields it
 * leaves out are not compared, numbers are compared by value (300.00 equals 300), and a case whose
 * expected.json says {@code unreadable} must be refused with that reason.
 */
class PdfCorpusTest {

    static final Path CORPUS = Path.of("corpus");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pipeline PIPELINE = new Pipeline(Mappings.bundled());

    static List<Path> corpusPdfs() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(CORPUS)) {
            for (Path dir : dirs.sorted().toList()) {
                Path pdf = dir.resolve(dir.getFileName() + ".pdf");
                if (Files.isRegularFile(pdf) && Files.isRegularFile(dir.resolve("expected.json"))) out.add(pdf);
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusPdfGivesItsExpectedReport() throws IOException {
        List<Path> pdfs = corpusPdfs();
        assertTrue(pdfs.size() >= 12, "the PDF corpus has at least 12 cases, found " + pdfs.size());
        return pdfs.stream().map(pdf -> DynamicTest.dynamicTest(pdf.getFileName().toString(), () -> check(pdf)));
    }

    private static void check(Path pdf) throws IOException {
        JsonNode expected = JSON.readTree(pdf.resolveSibling("expected.json").toFile());
        if (expected.has("unreadable")) {
            UnreadableInputException e = assertThrows(UnreadableInputException.class, () -> PIPELINE.process(pdf));
            String reason = expected.get("unreadable").get("reasonContains").asText();
            assertTrue(e.reason().contains(reason), "reason \"" + e.reason() + "\" should say " + reason);
            assertTrue(e.getMessage().startsWith(pdf.getFileName().toString()), "the message names the file");
            return;
        }
        JsonNode actual = JSON.readTree(ReportJson.write(PIPELINE.process(pdf)));
        List<String> differences = new ArrayList<>();
        compare("", expected, actual, differences);
        assertTrue(differences.isEmpty(), pdf.getFileName() + " differs from expected.json:\n  " + String.join("\n  ", differences));
        assertEquals("application/pdf", actual.get("source").get("mediaType").asText());
        assertFalse(actual.get("source").get("pages").isNull(), "a PDF report knows its page count");
    }

    /** Collects where {@code actual} differs from {@code expected} on the fields expected names. */
    static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (actual == null || actual.isMissingNode()) {
            out.add(path + ": missing, expected " + expected);
            return;
        }
        if (expected.isObject()) {
            if (!actual.isObject()) {
                out.add(path + ": expected an object " + expected + ", got " + actual);
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                compare(path + "." + f.getKey(), f.getValue(), actual.get(f.getKey()), out);
            }
        } else if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                out.add(path + ": expected " + expected.size() + " items, got " + (actual.isArray() ? actual.size() : actual));
            }
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                compare(path + "[" + i + "]", expected.get(i), actual.get(i), out);
            }
        } else if (expected.isNumber()) {
            if (!actual.isNumber() || expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                out.add(path + ": expected " + expected + ", got " + actual);
            }
        } else if (!expected.equals(actual)) {
            out.add(path + ": expected " + expected + ", got " + actual);
        }
    }
}
