package org.jixiao.index;

import java.math.BigDecimal;
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

    static void add(Document doc, String name, BigDecimal value) {
        if (value == null) return;
        long encoded = encode(value, RoundingMode.HALF_UP);
        doc.add(new LongPoint(name, encoded));
        doc.add(new NumericDocValuesField(name, encoded));
        doc.add(new StoredField(name, value.toPlainString()));
    }

    static long encode(BigDecimal value, RoundingMode rounding) {
        return value.setScale(SCALE, rounding).unscaledValue().longValueExact();
    }

    static BigDecimal decode(long encoded) {
        return BigDecimal.valueOf(encoded, SCALE).stripTrailingZeros();
    }

    /** The documents whose value stands in the relation to {@code bound}. */
    static Query compare(String name, String operator, BigDecimal bound) {
        long floor = encode(bound, RoundingMode.FLOOR);
        long ceiling = encode(bound, RoundingMode.CEILING);
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
