package org.jixiao.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.Comparator;
import org.jixiao.model.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitConversionsTest {

    private static final UnitConversions BUNDLED = new UnitConversions(
            Mappings.bundled().read("quantities.yaml", QuantityParser.Vocabulary.class).conversions());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "6085|万人|人|60850000", "60850000|人|万人|6085", "1688.91|万元|元|16889100", "1|亿元|万元|10000",
            "1|天|小时|24", "90|分钟|小时|1.5", "1|周|日|7", "24|个月|年|2", "2|个工作日|工作日|2",
            "1|%|‰|10", "95|百分比|%|95", "2|个百分点|%|2", "2|百分点|%|2", "3|公里|千米|3", "5|人次|人次|5", "7|辆|辆|7",
    })
    void convertsWithinAFamily(String value, String from, String to, String expected) {
        assertEquals(0, new BigDecimal(expected).compareTo(BUNDLED.convert(new BigDecimal(value), from, to)),
                value + from + " → " + to);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "小时|个", "工作日|天", "工作日|小时", "个月|天", "年|天", "万元|人", "次|个", "人|人次", "%|个", "辆|台",
    })
    void refusesDifferentThings(String from, String to) {
        assertNull(BUNDLED.convert(BigDecimal.ONE, from, to), from + " → " + to);
        assertFalse(BUNDLED.comparable(from, to));
    }

    @Test
    void anAbsentUnitTakesTheOtherSide() {
        assertEquals(new BigDecimal("800000"), BUNDLED.convert(new BigDecimal("800000"), null, "人"));
        assertEquals(new BigDecimal("300"), BUNDLED.convert(new BigDecimal("300"), "万元", null));
        assertTrue(BUNDLED.comparable(null, null));
    }

    @Test
    void nonTerminatingQuotientsStayPrecise() {
        BigDecimal hours = BUNDLED.convert(BigDecimal.ONE, "秒", "小时");
        // 1/3600 to 34 significant digits; back to seconds it is 1 within that precision.
        assertEquals(0, BigDecimal.ONE.compareTo(BUNDLED.convert(hours, "小时", "秒").setScale(20,
                java.math.RoundingMode.HALF_UP).stripTrailingZeros()));
    }

    @Test
    void comparesQuantitiesInACommonUnit() {
        Quantity target = new Quantity(Comparator.LE, new BigDecimal("1"), "天", null);
        Quantity actual = new Quantity(null, new BigDecimal("30"), "小时", null);
        assertEquals(Integer.valueOf(-1), BUNDLED.compare(target, actual));
        assertEquals(Integer.valueOf(1), BUNDLED.compare(actual, target));
        Quantity converted = BUNDLED.toUnit(actual, "天");
        assertEquals(0, new BigDecimal("1.25").compareTo(converted.value()));
        assertEquals("天", converted.unit());
        assertNull(BUNDLED.compare(target, new Quantity(null, null, null, "合格")));
        assertNull(BUNDLED.toUnit(new Quantity(null, null, null, "合格"), "天"));
    }

    @Test
    void emptyOrBrokenFamiliesAreIgnored() {
        UnitConversions none = new UnitConversions(null);
        assertEquals(BigDecimal.TEN, none.convert(BigDecimal.TEN, "个", "个"));
        assertNull(none.convert(BigDecimal.TEN, "万人", "人"));
        UnitConversions broken = new UnitConversions(List.of(
                new UnitConversions.Family("人", Map.of("人", BigDecimal.ONE, "万人", BigDecimal.ZERO))));
        assertNull(broken.convert(BigDecimal.ONE, "万人", "人"));
    }
}
