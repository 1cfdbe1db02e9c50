package org.jixiao.extract.text;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.ExtractedDocument;
import org.jixiao.model.SourceDocument;
import org.jixiao.normalize.Normalizer;
import org.jixiao.verify.StandardRules;
import org.jixiao.verify.Verifier;

/**
 * Coverage-guided fuzzing of the text report parser with normalisation and verification behind
 * it: any text either becomes a report or a clear "cannot read", never another exception. The
 * fuzzer starts from the regression inputs under
 * src/test/resources/org/jixiao/extract/text/TextReportFuzzTestInputs (report-shaped text).
 */
class TextReportFuzzTest {

    private static final TextReportExtractor EXTRACT = new TextReportExtractor();
    private static final Normalizer NORMALIZE = new Normalizer(Mappings.bundled());
    private static final Verifier VERIFY = new Verifier(StandardRules.create(Mappings.bundled()));

    @FuzzTest(maxDuration = "20s")
    void textReportNeverThrows(FuzzedDataProvider data) {
        byte[] bytes = data.consumeRemainingAsString().getBytes(StandardCharsets.UTF_8);
        try {
            ExtractedDocument doc = EXTRACT.apply(new SourceDocument(null, "fuzz.txt", bytes, "0", "text/plain"));
            VERIFY.apply(NORMALIZE.apply(doc));
        } catch (UnreadableInputException expected) {
            // a clear refusal is a correct outcome
        }
    }
}
