package org.jixiao.model;

/** The relation a target states between the required value and the achieved one. */
public enum Comparator {
    GE("≥"), GT(">"), EQ("="), LE("≤"), LT("<");

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** True for "more is better" targets (≥, >, =). */
    public boolean positive() {
        return this == GE || this == GT || this == EQ;
    }
}
