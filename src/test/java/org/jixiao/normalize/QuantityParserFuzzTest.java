package org.jixiao.normalize;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.Quantity;

/**
 * Coverage-guided fuzzing of the number/unit/comparator normaliser: it must never throw, and a
 * value it returns must be a plain finite decimal. Plain test runs replay the inputs kept under
 * src/test/resources/org/jixiao/normalize/QuantityParserFuzzTestInputs; {@code JAZZER_FUZZ=1} fuzzes.
 */
class QuantityParserFuzzTest {

    private static final QuantityParser PARSER =
            new QuantityParser(Mappings.bundled().read("quantities.yaml", QuantityParser.Vocabulary.class));

    @FuzzTest(maxDuration = "20s")
    void parseNeverThrows(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        Quantity q = PARSER.parse(text);
        if (q != null && q.value() != null) {
            assertTrue(q.value().precision() < 10_000, "value of absurd precision from: " + text);
        }
        BigDecimal n = NumberTextTest.FIGURES.parse(text);
        if (n != null) assertTrue(n.precision() < 10_000);
    }
}
