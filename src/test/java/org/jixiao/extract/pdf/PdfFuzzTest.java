package org.jixiao.extract.pdf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.model.SourceDocument;

/**
 * Coverage-guided fuzzing of the PDF entry point: any bytes either become blocks or a clear
 * "cannot read" naming the file, never another exception. Starts from small PDFs under
 * src/test/resources/org/jixiao/extract/pdf/PdfFuzzTestInputs (a text page, a broken stream, a
 * cyclic page tree).
 */
class PdfFuzzTest {

    /** Small enough that a fuzzed page count cannot turn one input into minutes of work. */
    private static final PdfExtractor EXTRACT = new PdfExtractor(20);

    @FuzzTest(maxDuration = "20s")
    void pdfNeverThrows(byte[] bytes) {
        try {
            EXTRACT.apply(new SourceDocument(null, "fuzz.pdf", bytes, "0", "application/pdf"));
        } catch (UnreadableInputException expected) {
            // a clear refusal is a correct outcome
        }
    }
}
