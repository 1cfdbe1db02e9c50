package org.jixiao.index.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;

/**
 * Word analysis of Chinese text with HanLP. Full-width Latin letters and digits (ＰＣ, ９５) are
 * folded to half width by the tokenizer so they match what users type. Use {@link #forIndex()} when
 * writing documents and {@link #forQuery()} when parsing queries.
 */
public final class ChineseAnalyzer extends Analyzer {

    private final WordSegmenter segmenter;

    private ChineseAnalyzer(WordSegmenter segmenter) {
        this.segmenter = segmenter;
    }

    public static ChineseAnalyzer forIndex() {
        return new ChineseAnalyzer(WordSegmenter.INDEX);
    }

    public static ChineseAnalyzer forQuery() {
        return new ChineseAnalyzer(WordSegmenter.QUERY);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new HanLpTokenizer(segmenter);
        return new TokenStreamComponents(tokenizer);
    }
}
