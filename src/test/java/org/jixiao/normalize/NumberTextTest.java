package org.jixiao.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberTextTest {

    /** Figure cells as the bundled labels.yaml defines them. */
    static final NumberText FIGURES = new NumberText(org.jixiao.mapping.Mappings.bundled().labels().figureUnits());

    /** Figure cells of the two seed forms and their variants; the expected text keeps the printed scale. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1,688.91|1688.91", "1,550.59|1550.59", "91.81%|91.81", "18.36|18.36", "98.36|98.36",
            "300.00|300.00", "300|300", "300.00 万元|300.00", "621.11|621.11", "0|0", "100.00|100.00",
            "１８．３６|18.36", "１，６８８．９１|1688.91", "18。36|18.36", "¥44.40|44.40", "￥ 1.20|1.20",
            "-5%|-5", "−5|-5", "－5.5|-5.5", "+3|3", ".5|.5", " 69.63 |69.63", "44.40 元|44.40", "5 分|5",
            "3 亿元|3",
    })
    void readsFigureCells(String cell, String expected) {
        BigDecimal v = FIGURES.parse(cell);
        assertEquals(new BigDecimal(expected), v, cell);
        assertTrue(FIGURES.isNumber(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "无", "足额到位", "2020-01-01", "1 2", "300-400", "15 个", "≥90%",
            "持卡人数 5917 万", "第 3 项", "1.2.3"})
    void rejectsCellsThatAreNotOneFigure(String cell) {
        assertNull(FIGURES.parse(cell), cell);
        assertFalse(FIGURES.isNumber(cell));
    }

    @Test
    void nullCell() {
        assertNull(FIGURES.parse(null));
        assertFalse(FIGURES.isNumber(null));
        assertNull(NumberText.halfWidth(null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "＞＝９０％|>=90%", "＜５|<5", "（万元）|(万元)", "１，０００．５|1,000.5", "３。５|3.5",
            "句号。结束|句号。结束", "−1|-1",
    })
    void halfWidthConvertsDigitsAndSigns(String in, String out) {
        assertEquals(out, NumberText.halfWidth(in));
    }

    @Test
    void halfWidthTurnsIdeographicSpaceIntoSpace() {
        assertEquals("1 2", NumberText.halfWidth("１\u3000２"));
    }

    /** Random amounts with 0 to 2 decimals, printed plain, separated or full width, read back exactly. */
    @Test
    void readsBackGeneratedAmounts() {
        Random random = new Random(1688L);
        for (int i = 0; i < 20000; i++) {
            BigDecimal v = BigDecimal.valueOf(random.nextLong() % 10_000_000_000L, random.nextInt(3));
            String printed = switch (random.nextInt(4)) {
                case 0 -> v.toPlainString();
                case 1 -> separated(v);
                case 2 -> fullWidth(separated(v));
                default -> v.toPlainString() + (random.nextBoolean() ? " 万元" : "%");
            };
            assertEquals(v, FIGURES.parse(printed), printed);
        }
    }

    private static String separated(BigDecimal v) {
        String plain = v.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder sb = new StringBuilder(v.signum() < 0 ? "-" : "");
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) sb.append(',');
            sb.append(whole.charAt(i));
        }
        return sb + (dot < 0 ? "" : plain.substring(dot));
    }

    private static String fullWidth(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) sb.append(c < 0x7F && c > 0x20 ? (char) (c + 0xFEE0) : c);
        return sb.toString();
    }

    @Test
    void theUnitsAFigureMayCarryComeFromTheMapping() {
        assertNull(FIGURES.parse("12.5 千元"), "千元 is not in the bundled figureUnits");
        NumberText withThousands = new NumberText(java.util.List.of("万元", "千元"));
        assertEquals(new BigDecimal("12.5"), withThousands.parse("12.5 千元"));
        assertEquals(new BigDecimal("3"), withThousands.parse("3万元"));
        assertNull(withThousands.parse("91.81%"), "% is not in this list");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new NumberText(java.util.List.of()));
        assertTrue(e.getMessage().contains("figureUnits"), e.getMessage());
    }
}
