package org.jixiao.index;

/**
 * How query text meets the analysed fields. The default was chosen by measurement: see
 * {@code TextMatchingRankingTest}, which ranks 15 judged queries over corpus-like reports with each
 * mode and asserts the default is not worse than the others. Measured: MAP 0.944 words, 0.994
 * bigrams, 0.994 combined; nDCG@10 0.959, 0.998, 0.998. Words alone miss 满意率 for 满意度 and
 * 完工时限 for 完成时限; bigrams and combined tie, and combined is the default because it puts
 * entries holding every query word first and, with a full page of those, leaves the loose bigram
 * tail (and its cost) out.
 */
public enum TextMatching {
    /** HanLP words, every query word required: precise, misses what HanLP segments differently. */
    WORDS,
    /** CJK bigrams of names, half of them required, ranked by BM25: dictionary-free recall, looser matches. */
    BIGRAMS,
    /**
     * Both: entries with every query word rank first; bigram-only matches follow, and are added only
     * when the words find fewer entries than the page asks for.
     */
    COMBINED;

    /** The mode used when a request does not name one. */
    public static final TextMatching DEFAULT = COMBINED;
}
