package org.jixiao.index.lucene;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Decimal values (万元, percent, points) indexed exactly: as a long of the value times
 * 10^{@value #SCALE}, never through binary floating point. Each value gets a point (ranges), a doc
 * value (sorting) and the printed text (display) under one name.
 */
final class DecimalField {

    /** Fraction digits kept: 万元 to 0.0001 元, rates and scores far beyond what is printed. */
    static final int SCALE = 6;

    private DecimalField() {
    }

    /** Adds the value; one too large for the scaled long (beyond ±9.2 × 10^12) is stored but not comparable. */
    static void add(Document doc, String name, BigDecimal value) {
        if (value == null) return;
        BigInteger scaled = value.setScale(SCALE, RoundingMode.HALF_UP).unscaledValue();
        if (scaled.bitLength() < Long.SIZE) {
            long encoded = scaled.longValue();
            doc.add(new LongPoint(name, encoded));
            doc.add(new NumericDocValuesField(name, encoded));
        }
        doc.add(new StoredField(name, value.toPlainString()));
    }

    /** The scaled long, clamped to the long range (a bound beyond every indexed value). */
    static long encode(BigDecimal value, RoundingMode rounding) {
        BigInteger scaled = value.setScale(SCALE, rounding).unscaledValue();
        if (scaled.bitLength() < Long.SIZE) return scaled.longValue();
        return scaled.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    static BigDecimal decode(long encoded) {
        return BigDecimal.valueOf(encoded, SCALE).stripTrailingZeros();
    }

    /** The documents whose value stands in the relation to {@code bound}. */
    static Query compare(String name, String operator, BigDecimal bound) {
        long floor = encode(bound, RoundingMode.FLOOR);
        long ceiling = encode(bound, RoundingMode.CEILING);
        if (floor == Long.MAX_VALUE || ceiling == Long.MIN_VALUE) {
            // Beyond every value an index can hold: only the open side can match anything.
            boolean above = floor == Long.MAX_VALUE;
            boolean matchesAll = above ? operator.startsWith("<") : operator.startsWith(">");
            return matchesAll ? NumericDocValuesField.newSlowRangeQuery(name, Long.MIN_VALUE, Long.MAX_VALUE)
                    : new MatchNoDocsQuery("比较值超出索引范围");
        }
        long[] range = switch (operator) {
            case "<" -> new long[] {Long.MIN_VALUE, ceiling - 1};
            case "<=" -> new long[] {Long.MIN_VALUE, floor};
            case ">" -> new long[] {floor + 1, Long.MAX_VALUE};
            case ">=" -> new long[] {ceiling, Long.MAX_VALUE};
            case "=" -> floor == ceiling ? new long[] {floor, floor} : null;
            default -> throw new IllegalArgumentException(operator);
        };
        if (range == null) return new MatchNoDocsQuery("比较值的精度超出索引精度");
        // Points when the range leads the search, doc values when another clause is more selective.
        return new IndexOrDocValuesQuery(LongPoint.newRangeQuery(name, range[0], range[1]),
                NumericDocValuesField.newSlowRangeQuery(name, range[0], range[1]));
    }
}
