package org.jixiao.index.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;

import java.io.Reader;

/**
 * Word analysis of Chinese text with HanLP. Full-width Latin letters and digits (ＰＣ, ９５) are
 * folded to half width first so they match what users type. Use {@link #forIndex()} when
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
    protected Reader initReader(String fieldName, Reader reader) {
        return new CJKWidthCharFilter(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new HanLpTokenizer(segmenter);
        return new TokenStreamComponents(tokenizer);
    }
}
