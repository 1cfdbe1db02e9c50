package org.jixiao.index.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;

/**
 * {@code assertAnalyzesTo} for JUnit 5: Lucene's own {@link BaseTokenStreamTestCase#assertTokenStreamContents}
 * checks the terms, offsets and position increments given, and the token stream contract besides
 * (clearAttributes on every token, reset/end/close, offsets never going backwards, the final offset).
 */
final class AnalysisAssertions {

    private static final String FIELD = "text";

    private AnalysisAssertions() {
    }

    static void assertAnalyzesTo(Analyzer analyzer, String input, String[] terms, int[] starts, int[] ends,
                                 int[] increments) {
        try {
            BaseTokenStreamTestCase.assertTokenStreamContents(analyzer.tokenStream(FIELD, input), terms, starts,
                    ends, null, increments, null, input.length());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertAnalyzesTo(Analyzer analyzer, String input, String... terms) {
        try {
            BaseTokenStreamTestCase.assertTokenStreamContents(analyzer.tokenStream(FIELD, input), terms, null,
                    null, null, null, null, input.length());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String[] terms(String... terms) {
        return terms;
    }

    static int[] ints(int... values) {
        return values;
    }
}
