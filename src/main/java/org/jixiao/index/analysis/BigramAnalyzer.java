package org.jixiao.index.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Overlapping CJK bigrams (故障响应 → 故障 障响 响应), dictionary-free: finds words HanLP splits
 * differently from the query, at the price of looser matches. A lone Han character is kept as a
 * unigram so one-character queries still work.
 */
public final class BigramAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        // Width folding before bigramming, as CJKAnalyzer does.
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new CJKBigramFilter(stream);
        stream = new LowerCaseFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
