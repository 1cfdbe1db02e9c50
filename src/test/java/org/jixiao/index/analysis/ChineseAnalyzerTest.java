package org.jixiao.index.analysis;

import static org.jixiao.index.analysis.AnalysisAssertions.assertAnalyzesTo;
import static org.jixiao.index.analysis.AnalysisAssertions.ints;
import static org.jixiao.index.analysis.AnalysisAssertions.terms;

import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.junit.jupiter.api.Test;

/** The HanLP tokenizer under Lucene's token stream checks, on indicator names as reports print them. */
class ChineseAnalyzerTest {

    private final Analyzer index = ChineseAnalyzer.forIndex();
    private final Analyzer query = ChineseAnalyzer.forQuery();

    @Test
    void splitsACompoundIndicatorNameIntoWordsWithOffsets() {
        // 故障 处理 响应 时间: four two-character words, one position each.
        assertAnalyzesTo(index, "故障处理响应时间", terms("故障", "处理", "响应", "时间"),
                ints(0, 2, 4, 6), ints(2, 4, 6, 8), ints(1, 1, 1, 1));
    }

    @Test
    void indexModeStacksTheShorterWordInsideALongerOne() {
        // 社保卡 is a dictionary word and so is 社保 inside it: stacked on the same position, so a
        // query for either finds the row.
        assertAnalyzesTo(index, "社保卡制卡人数", terms("社保卡", "社保", "制卡", "人数"),
                ints(0, 0, 3, 5), ints(3, 2, 5, 7), ints(1, 0, 1, 1));
    }

    @Test
    void queryModeKeepsOnlyTheLongestWords() {
        assertAnalyzesTo(query, "社保卡制卡人数", terms("社保卡", "制卡", "人数"),
                ints(0, 3, 5), ints(3, 5, 7), ints(1, 1, 1));
    }

    @Test
    void dropsPunctuationAndComparatorsButKeepsNumbers() {
        assertAnalyzesTo(query, "满意率≥95%", terms("满意率", "95"), ints(0, 4), ints(3, 6), ints(1, 1));
    }

    @Test
    void lowerCasesLatinAndFoldsFullWidthWithOffsetsIntoTheOriginal() {
        assertAnalyzesTo(query, "PC终端", terms("pc", "终端"), ints(0, 2), ints(2, 4), ints(1, 1));
        // Full-width ＰＣ is folded by the char filter; offsets still point into the text as printed.
        assertAnalyzesTo(query, "ＰＣ终端", terms("pc", "终端"), ints(0, 2), ints(2, 4), ints(1, 1));
    }

    @Test
    void emptyAndPunctuationOnlyTextHaveNoTokens() {
        assertAnalyzesTo(index, "", new String[0]);
        assertAnalyzesTo(index, "（）——", new String[0]);
    }

    @Test
    void theAnalyzerIsReusableAcrossTexts() {
        // The same analyzer instance hands out the same (reset) tokenizer for every field value.
        assertAnalyzesTo(index, "故障响应", "故障", "响应");
        assertAnalyzesTo(index, "网站正常服务率", "网站", "正常", "服务", "率");
        assertAnalyzesTo(index, "故障响应", "故障", "响应");
    }

    @Test
    void survivesRandomText() throws Exception {
        // Lucene's random-input check: random Unicode, offsets consistent, no exceptions. Fixed seed.
        BaseTokenStreamTestCase.checkRandomData(new Random(20201231L), index, 200);
    }
}
