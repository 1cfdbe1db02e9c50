package org.jixiao.index.analysis;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.jixiao.normalize.NumberText;

/**
 * Tokens from {@link WordSegmenter}: one per word, offsets into the original text (corrected for
 * any char filter), full-width Latin folded and lower-cased. A dictionary word inside a longer word (社保 in
 * 社保卡) is stacked on the longer word's position (increment 0), like a synonym, so phrase and
 * position logic still see one word there.
 */
public final class HanLpTokenizer extends Tokenizer {

    /** Input beyond this is ignored: field values are cells and paragraphs, never whole books. */
    static final int MAX_CHARS = 100_000;

    private final WordSegmenter segmenter;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);

    private List<WordSegmenter.Word> words = List.of();
    private int next;
    private int lastEnd;
    private int textLength;

    public HanLpTokenizer(WordSegmenter segmenter) {
        this.segmenter = segmenter;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        String text = readAll();
        textLength = text.length();
        words = text.isEmpty() ? List.of() : segmenter.words(text);
        next = 0;
        lastEnd = -1;
    }

    @Override
    public boolean incrementToken() {
        if (next >= words.size()) return false;
        clearAttributes();
        WordSegmenter.Word w = words.get(next++);
        term.setEmpty().append(w.term());
        offset.setOffset(correctOffset(w.start()), correctOffset(w.end()));
        boolean inside = w.start() < lastEnd;
        increment.setPositionIncrement(inside ? 0 : 1);
        length.setPositionLength(1);
        if (!inside) lastEnd = w.end();
        return true;
    }

    @Override
    public void end() throws IOException {
        super.end();
        int finalOffset = correctOffset(textLength);
        offset.setOffset(finalOffset, finalOffset);
    }

    @Override
    public void close() throws IOException {
        super.close();
        words = List.of();
    }

    private String readAll() throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[1024];
        int n;
        while (sb.length() < MAX_CHARS && (n = input.read(buf)) != -1) sb.append(buf, 0, n);
        if (sb.length() > MAX_CHARS) sb.setLength(MAX_CHARS);
        for (int i = 0; i < sb.length(); i++) sb.setCharAt(i, NumberText.halfWidth(sb.charAt(i)));
        return sb.toString();
    }
}
