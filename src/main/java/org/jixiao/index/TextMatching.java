package org.jixiao.index;

/**
 * How query text meets the analysed fields. The default was chosen by measurement: see
 * {@code TextMatchingRankingTest}, which ranks a set of judged queries with each mode and asserts
 * the default is not worse than the others.
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
