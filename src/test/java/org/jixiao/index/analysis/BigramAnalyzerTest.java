package org.jixiao.index.analysis;

import static org.jixiao.index.analysis.AnalysisAssertions.assertAnalyzesTo;
import static org.jixiao.index.analysis.AnalysisAssertions.ints;
import static org.jixiao.index.analysis.AnalysisAssertions.terms;

import org.junit.jupiter.api.Test;

class BigramAnalyzerTest {

    private final BigramAnalyzer bigrams = new BigramAnalyzer();

    @Test
    void overlappingBigramsOfHanText() {
        assertAnalyzesTo(bigrams, "故障响应", terms("故障", "障响", "响应"), ints(0, 1, 2), ints(2, 3, 4), ints(1, 1, 1));
    }

    @Test
    void latinAndDigitsStayWholeAndLowerCased() {
        assertAnalyzesTo(bigrams, "PC终端2台", terms("pc", "终端", "2", "台"));
    }
}
