package org.jixiao.extract.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jixiao.mapping.Mappings;
import org.jixiao.output.ReportJson;
import org.jixiao.pipeline.GoldenReport;
import org.jixiao.pipeline.Pipeline;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every PDF of the corpus, run through the whole pipeline, gives the report of its case.
 *
 * <p>A PDF made from a text-form case (the .txt beside it) must give the same report as the
 * text form on every contract field, findings included: the PDF route adds nothing and loses
 * nothing. (Whether that report matches expected.json is the golden corpus test's question.) A
 * PDF-only case must match its expected.json, compared as the golden test compares.
 */
class PdfCorpusTest {

    static final Path CORPUS = Path.of("corpus");
    /** Cases made as PDFs of their own, with an expected.json written from their sources. */
    static final int MIN_PDF_ONLY_CASES = 11;
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

    private static Path textForm(Path pdf) {
        String base = pdf.getFileName().toString().replaceFirst("\\.pdf$", "");
        for (String ext : List.of(".txt", ".md")) {
            Path p = pdf.resolveSibling(base + ext);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusPdfGivesTheReportOfItsCase() throws IOException {
        List<Path> pdfs = corpusPdfs();
        long pdfOnly = pdfs.stream().filter(p -> textForm(p) == null).count();
        assertTrue(pdfOnly >= MIN_PDF_ONLY_CASES, "PDF-only cases: " + pdfOnly);
        return pdfs.stream().map(pdf -> DynamicTest.dynamicTest(pdf.getFileName().toString(), () -> check(pdf)));
    }

    private static void check(Path pdf) throws IOException {
        JsonNode actual = JSON.readTree(ReportJson.write(PIPELINE.process(pdf)));
        assertEquals("application/pdf", actual.get("source").get("mediaType").asText());
        assertFalse(actual.get("source").get("pages").isNull(), "a PDF report knows its page count");
        Path text = textForm(pdf);
        if (text == null) {
            JsonNode expected = JSON.readTree(pdf.resolveSibling("expected.json").toFile());
            GoldenReport.assertMatches(expected, actual, pdf.toString());
        } else {
            JsonNode fromText = contract(JSON.readTree(ReportJson.write(PIPELINE.process(text))));
            GoldenReport.assertMatches(fromText, actual, pdf + " (compared with its text form " + text.getFileName() + ")");
        }
    }

    /**
     * A report without what depends on the file format: the source, where things were read
     * (lines in text, pages in a PDF) and the narrative statements' character offsets.
     */
    static JsonNode contract(JsonNode report) {
        ObjectNode r = report.deepCopy();
        r.remove("source");
        r.remove("statements");
        r.remove("figureLocations");
        for (String list : List.of("indicators", "budgetItems", "findings", "coverage")) {
            for (JsonNode item : r.path(list)) {
                if (item instanceof ObjectNode o) o.remove("location");
            }
        }
        return r;
    }
}
