package org.jixiao;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/**
 * tabula-java 1.0.5 is built on PDFBox 2.0.x: PDFBox 3 (or Tika's PDF parser, which brings it)
 * must never reach the classpath. The enforcer rule in pom.xml fails the build on the dependency
 * graph; this test checks what is actually loaded.
 */
class ClasspathTest {

    @Test
    void pdfboxIsTwoPointZero() throws Exception {
        String version = org.apache.pdfbox.util.Version.getVersion();
        assertTrue(version.startsWith("2.0."), "PDFBox " + version + " on the classpath");
        assertTrue(PDDocument.class.getProtectionDomain().getCodeSource().getLocation().toString().contains("pdfbox-2.0."));
    }

    @Test
    void noPdfbox3OrTikaPdfParserClasses() {
        // org.apache.pdfbox.Loader and the pdfbox-io module exist only in PDFBox 3.
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.pdfbox.Loader"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.pdfbox.io.RandomAccessReadBuffer"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.tika.parser.pdf.PDFParser"));
    }
}
