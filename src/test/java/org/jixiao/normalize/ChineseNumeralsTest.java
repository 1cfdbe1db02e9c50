package org.jixiao.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.Random;
import org.jixiao.mapping.Mappings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseNumeralsTest {

    private static final ChineseNumerals NUMERALS = new ChineseNumerals(
            Mappings.bundled().read("quantities.yaml", QuantityParser.Vocabulary.class).chineseNumerals());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "零|0", "五|5", "十|10", "十二|12", "二十|20", "二十五|25", "一百|100", "一百二十|120",
            "一百零五|105", "一百一十二|112", "一千零一|1001", "两千|2000", "两千零二十|2020",
            "九千九百九十九|9999", "一万|10000", "十万|100000", "十一万|110000", "一万零五百|10500",
            "一万零五|10005", "三亿|300000000", "一亿二千万|120000000", "一亿零五万|100050000",
            "一万亿|1000000000000", "二〇二〇|2020", "一点五|1.5", "九十五点五|95.5", "三点一四|3.14",
            "壹佰贰拾|120", "叁仟|3000",
            // Spoken shortenings: the lone trailing digit counts one place lower.
            "一万五|15000", "二百五|250", "三千二|3200", "一亿五|150000000"})
    void readsNumerals(String text, String expected) {
        assertEquals(0, new BigDecimal(expected).compareTo(NUMERALS.parse(text)), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"十十", "百千", "五五十", "点五", "一点", "一点二点三", "万", "一万万万五亿"})
    void rejectsMalformedNumerals(String text) {
        assertNull(NUMERALS.parse(text), text);
    }

    @Test
    void nothingToRead() {
        assertNull(NUMERALS.parse(null));
        assertNull(NUMERALS.parse(""));
        assertNull(NUMERALS.parse("abc"));
    }

    /** Every integer below 10^12, written the standard way, reads back as itself. */
    @Test
    void readsBackRenderedIntegers() {
        Random random = new Random(20201231L);
        for (int i = 0; i < 20000; i++) {
            long n = switch (i % 4) {
                case 0 -> random.nextInt(100);
                case 1 -> random.nextInt(100000);
                case 2 -> (long) (random.nextDouble() * 1_000_000_000_000L);
                default -> sparse(random);
            };
            String text = ChineseNumeralRenderer.render(n);
            assertEquals(BigDecimal.valueOf(n), NUMERALS.parse(text), text);
        }
    }

    @Test
    void readsBackRenderedDecimals() {
        Random random = new Random(7L);
        for (int i = 0; i < 5000; i++) {
            BigDecimal v = BigDecimal.valueOf(random.nextInt(1_000_000), 1 + random.nextInt(3));
            String text = ChineseNumeralRenderer.render(v);
            assertEquals(0, v.compareTo(NUMERALS.parse(text)), text);
        }
    }

    /** Numbers with many zero digits (1000010, 200000300), where 零 placement is easiest to get wrong. */
    static long sparse(Random random) {
        long n = 0;
        long place = 1;
        for (int d = 0; d < 12; d++) {
            if (random.nextInt(4) == 0) n += place * (1 + random.nextInt(9));
            place *= 10;
        }
        return n;
    }
}
