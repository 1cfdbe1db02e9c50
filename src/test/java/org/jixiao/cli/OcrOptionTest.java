package org.jixiao.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.jixiao.extract.ocr.OcrMode;
import org.junit.jupiter.api.Test;

/** {@code --ocr off|auto|force} as a user gives it: a scan is read by default, refused with off, a wrong value is a usage error. */
class OcrOptionTest {

    private static final String SCAN = "corpus/pdf-scan-image-only/pdf-scan-image-only.pdf";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return JixiaoCommand.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void aScanIsReadByDefaultAndSaysSo() throws Exception {
        assertEquals(0, run("extract", SCAN), err.toString());
        JsonNode r = new ObjectMapper().readTree(out.toString());
        assertEquals("农村饮水安全巩固提升工程", r.at("/project/name").asText());
        assertEquals(0, r.at("/funds/executed").decimalValue().compareTo(new java.math.BigDecimal("456.00")));
        assertEquals("OCR_PAGE", r.at("/findings/0/code").asText());
        // The figure says it was recognised from the scan, with what was read and how surely.
        assertEquals("456.00", r.at("/figureLocations/funds.executed/ocr/text").asText());
        assertTrue(r.at("/figureLocations/funds.executed/ocr/confidence").asDouble() > 0.8, r.at("/figureLocations").toString());
        assertTrue(!err.toString().contains("页已识别"), "a one-page scan is done too soon to need progress: " + err);
    }

    @Test
    void aLongScanShowsEachRecognisedPageOnStderr() {
        assertEquals(0, run("check", "--format", "json", "corpus/scanned/scan-toilet-200-upside"), err.toString());
        String e = err.toString();
        assertTrue(e.matches("(?s).*扫描件 scan-toilet-200-upside\\.pdf：第 1/2 页已识别（\\d+\\.\\d 秒）.*"), e);
        assertTrue(e.contains("扫描件 scan-toilet-200-upside.pdf：第 2/2 页已识别"), e);
    }

    @Test
    void offRefusesTheScanNamingTheOption() {
        assertEquals(1, run("extract", "--ocr", "off", SCAN));
        assertTrue(err.toString().contains("pdf-scan-image-only.pdf") && err.toString().contains("--ocr off"), err.toString());
        assertEquals(null, System.getProperty(OcrMode.PROPERTY), "the option does not outlive the command");
    }

    @Test
    void aWrongValueIsAUsageError() {
        assertEquals(2, run("extract", "--ocr", "maybe", SCAN));
        assertTrue(err.toString().contains("--ocr"), err.toString());
    }
}
