package org.jixiao.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Media types from content: the PDF header answered without Tika's type table says what Tika says. */
class FileIngestorTest {

    @Test
    void everyCorpusPdfGetsTheTypeTikasMagicGivesIt() throws IOException {
        List<Path> pdfs;
        try (Stream<Path> files = Files.walk(Path.of("corpus"))) {
            pdfs = files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        assertFalse(pdfs.isEmpty());
        FileIngestor ingestor = new FileIngestor();
        for (Path pdf : pdfs) {
            assertEquals(tika(Files.readAllBytes(pdf)), ingestor.apply(pdf).mediaType(), pdf.toString());
        }
    }

    @Test
    void aPdfNamedTxtIsAPdfAndTextNamedPdfIsNot(@TempDir Path dir) throws IOException {
        Path pdf = dir.resolve("report.txt");
        Files.copy(Path.of("corpus/pdf-decl-clinic/pdf-decl-clinic.pdf"), pdf);
        Path text = dir.resolve("report.pdf");
        Files.writeString(text, "项目名称\t道路维护\n预算数\t100\n");
        FileIngestor ingestor = new FileIngestor();
        assertEquals("application/pdf", ingestor.apply(pdf).mediaType());
        assertEquals("text/plain", ingestor.apply(text).mediaType());
        // A header not at the start is Tika's to judge, as before.
        byte[] late = ("\n\n%PDF-1.4\n" + Files.readString(text)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(tika(late), ingestor.ingest(null, "late.pdf", late).mediaType());
    }

    private static String tika(byte[] bytes) throws IOException {
        try (InputStream in = TikaInputStream.get(bytes)) {
            return MimeTypes.getDefaultMimeTypes().detect(in, new Metadata()).toString();
        }
    }
}
