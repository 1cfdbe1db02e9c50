package org.jixiao.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.Comparator;
import org.jixiao.model.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityParserTest {

    private static final QuantityParser PARSER = new QuantityParser(
            Mappings.bundled().read("quantities.yaml", QuantityParser.Vocabulary.class));

    private static void assertQuantity(String text, String comparator, String value, String unit, Quantity q) {
        assertNotNull(q, text);
        assertEquals(comparator == null ? null : Comparator.valueOf(comparator), q.comparator(), text + " comparator");
        assertEquals(0, new BigDecimal(value).compareTo(q.value()), text + " value " + q.value());
        assertEquals(unit, q.unit(), text + " unit");
        assertNull(q.qualitative(), text + " qualitative");
    }

    /** Target and actual cells as the two seed forms print them (湖北 自评表, 江阴 申报表). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "每年故障少于 2 次|LT|2|次",
            "每年被通报漏洞或安全事故少于 2 次|LT|2|次",
            "6 小时以内|LE|6|小时",
            "15 个||15|个",
            "85 个||85|个",
            "0||0|",
            "省级和 6 个市州||6|个",
            "持卡人数 5917 万(当年制卡人数 300 万张)||59170000|",
            "持卡人数 6085 万（当年制卡人数 300 万张）||60850000|",
            "1,688.91||1688.91|",
            "91.81%||91.81|%",
            "≤10%|LE|10|%",
            "≥90%|GE|90|%",
            ">=90%|GE|90|%",
            "≥300条|GE|300|条",
            "≥10个|GE|10|个",
            "=12次|EQ|12|次",
            "=1人|EQ|1|人",
            "=364个|EQ|364|个",
            "≥5000人次|GE|5000|人次",
            "=0|EQ|0|",
            "≤15分钟|LE|15|分钟",
            "≤4小时|LE|4|小时",
            "≤1工作日|LE|1|工作日",
            "≤6天|LE|6|天",
            "≥80万|GE|800000|",
            "=0次|EQ|0|次",
            "=100%|EQ|100|%",
            "≥20000家|GE|20000|家",
            "≥70个|GE|70|个",
            "300.00||300.00|",
            "300-400条||300|条",
            "300～400 条||300|条",
            "3至5个工作日||3|个工作日",
            "一体机巡检次数 =4次|EQ|4|次",
    })
    void readsSeedPhrasings(String text, String comparator, String value, String unit) {
        assertQuantity(text, comparator, value, unit, PARSER.parse(text));
    }

    /** Clause windows of the kind the narrative reader hands over, phrased like the seeds' prose. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "目标值为每年故障少于 2 次|LT|2|次",
            "年内持卡人数达到 6085 万人|GE|60850000|人",
            "累计签发 1956 万张|  |19560000|张",
            "新开通签发渠道 38 个||38|个",
            "标准分值为 5 分||5|分",
            "资金执行率 91.81%||91.81|%",
            "年初预算数 1779.83 万元||1779.83|万元",
            "每月执行一次巡检||1|次",
            "每半年开展一次巡检||1|次",
            "全年共4次||4|次",
            "全年新增知识库300-400条||300|条",
            "提供1人驻场||1|人",
            "涉及参保人员近130万人||1300000|人",
            "为 17 个市州提供服务||17|个",
    })
    void readsProseWindows(String text, String comparator, String value, String unit) {
        assertQuantity(text, comparator == null || comparator.isBlank() ? null : comparator, value, unit,
                PARSER.parse(text));
    }

    /** Every comparator form the issue lists, in symbols and in words, before and after the number. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "≥ 5 个|GE|5|个", "＞5个|GT|5|个", "＝5个|EQ|5|个", "＜5个|LT|5|个", "≤5个|LE|5|个",
            "＞＝５个|GE|5|个", "<=5个|LE|5|个", "> 5个|GT|5|个", "< 5个|LT|5|个", "≧5个|GE|5|个", "≦5个|LE|5|个",
            "﹦100%|EQ|100|%", "═100%|EQ|100|%", "95百分比||95|百分比", 
            "$\\geq 90\\%$|GE|90|%", "$\\leq 2$ 小时|LE|2|小时", "$\\geqslant 3$ 次|GE|3|次", "$> 1$|GT|1|",
            "不低于90%|GE|90|%", "不少于 20 家|GE|20|家", "至少3次|GE|3|次", "达到95%|GE|95|%",
            "100 人以上|GE|100|人", "100人及以上|GE|100|人",
            "高于 80%|GT|80|%", "超过10万人|GT|100000|人",
            "不高于5%|LE|5|%", "不超过 3 天|LE|3|天", "2 小时以内|LE|2|小时", "5%以下|LE|5|%",
            "控制在2小时内|LE|2|小时", "控制在 3 个工作日以内|LE|3|个工作日",
            "低于1%|LT|1|%", "少于3次|LT|3|次", "不满 10 人|LT|10|人", "不足5个|LT|5|个",
            "等于 1 次|EQ|1|次",
            // A comparator in an earlier clause does not bind the number.
            "高于去年水平，本年完成 5 个||5|个",
    })
    void readsComparators(String text, String comparator, String value, String unit) {
        assertQuantity(text, comparator, value, unit, PARSER.parse(text));
    }

    /** Numbers in every form: Chinese numerals, scales, separators, full width, signs, percent. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "十二个月||12|个月", "一百二十人||120|人", "百分之九十五||95|%", "不低于百分之九十|GE|90|%",
            "百分之95以上|GE|95|%", "两千零五户||2005|户", "三次||3|次", "零||0|", "≥十个|GE|10|个",
            "一点五小时||1.5|小时",
            "1.2万||12000|", "3亿||300000000|", "5千万||50000000|", "1.2万人||12000|人", "≥80 万人次|GE|800000|人次",
            "3亿元||3|亿元", "1.2万元||1.2|万元", "300.00 万元||300.00|万元", "五万元||5|万元", "十万人||100000|人",
            "60,850,000||60850000|", "６０，８５０，０００||60850000|", "１２０％||120|%", "１８．３６||18.36|",
            "18。36||18.36|",
            "-5%||-5|%", "−3.5||-3.5|", "－2 个||-2|个", "≥-5%|GE|-5|%", "+5%||5|%",
            "12,345,678.9 元||12345678.9|元",
            "3千米||3|千米", "三千米||3|千米", "提高 5 个百分点||5|个百分点", "5百分点||5|百分点", "两个工作日||2|个工作日",
            "1.2万人次||12000|人次", "五千万元||5000|万元", "200 公斤||200|公斤",
            // Ordinals are not quantities: 第2 is skipped, 一体机 is a word.
            "第2季度完成 5 个||5|个", "第一批 3 家||3|家",
    })
    void readsNumberForms(String text, String comparator, String value, String unit) {
        assertQuantity(text, comparator, value, unit, PARSER.parse(text));
    }

    @Test
    void moneyKeepsPrintedScale() {
        assertEquals("300.00", PARSER.parse("300.00 万元").value().toPlainString());
        assertEquals("1688.91", PARSER.parse("1,688.91").value().toPlainString());
    }

    @Test
    void scaleAndSeparatorsGiveTheSameValue() {
        Quantity scaled = PARSER.parse("6085 万");
        Quantity written = PARSER.parse("60,850,000");
        assertEquals(0, scaled.value().compareTo(written.value()));
        assertEquals(Integer.valueOf(0), PARSER.compare(scaled, written));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "按照业务要求完成|完成", "足额到位|足额到位", "健全|健全", "合规|合规", "有效|有效", "完备|完备",
            "规范|规范", "达标|达标", "合格|合格", "不合格|不合格", "达到预期|达到预期", "无|无", "是|是",
            "基本达成预期|基本达成",
    })
    void recognisesQualitativeValues(String text, String term) {
        Quantity q = PARSER.parse(text);
        assertNotNull(q, text);
        assertNull(q.value());
        assertNull(q.comparator());
        assertEquals(term, q.qualitative());
        assertEquals(term, PARSER.qualitativeTerm(text));
    }

    @Test
    void singleCharacterTermsCountOnlyAlone() {
        assertNull(PARSER.qualitativeTerm("无法反映"));
        assertNull(PARSER.qualitativeTerm("是否"));
        assertEquals("否", PARSER.qualitativeTerm(" 否 "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u3000", "--", "详见附件", "$\\geq X$", "十堰市", "一体机", "万", "百分之", "第3"})
    void nothingMeasurable(String text) {
        assertNull(PARSER.parse(text), text);
    }

    @Test
    void nullIsNothing() {
        assertNull(PARSER.parse(null));
        assertNull(PARSER.qualitativeTerm(null));
    }

    // ---- unit conversion -------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "3 万人|人|30000", "30000 人|万人|3", "2 吨|千克|2000", "3 百分点|个百分点|3", "300.00 万元|元|3000000", "1 亿元|万元|10000",
            "2 天|小时|48", "30 分钟|小时|0.5", "1 小时|分钟|60", "2 周|天|14", "1 年|个月|12",
            "3 个工作日|工作日|3", "5%|‰|50", "2 公里|米|2000", "15|个|15",
    })
    void convertsWithinAFamily(String text, String unit, String expected) {
        Quantity q = PARSER.toUnit(PARSER.parse(text), unit);
        assertNotNull(q, text + " → " + unit);
        assertEquals(unit, q.unit());
        assertEquals(0, new BigDecimal(expected).compareTo(q.value()), text + " → " + q.value());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"5 小时|个", "1工作日|天", "1工作日|小时", "1 个月|天", "3 万元|人", "2 次|个", "5%|个"})
    void refusesUnitsOfDifferentThings(String text, String unit) {
        assertNull(PARSER.toUnit(PARSER.parse(text), unit), text + " → " + unit);
    }

    @Test
    void comparesAcrossScales() {
        assertEquals(Integer.valueOf(-1), PARSER.compare(PARSER.parse("≥80万"), PARSER.parse("82 万人")));
        assertEquals(Integer.valueOf(0), PARSER.compare(PARSER.parse("300.00 万元"), PARSER.parse("3,000,000元")));
        assertEquals(Integer.valueOf(1), PARSER.compare(PARSER.parse("≤1 天"), PARSER.parse("6 小时以内")));
        assertNull(PARSER.compare(PARSER.parse("≤1工作日"), PARSER.parse("24 小时")));
        assertNull(PARSER.compare(PARSER.parse("合格"), PARSER.parse("5 个")));
        assertNull(PARSER.compare(null, PARSER.parse("5 个")));
    }

    // ---- generated inputs ------------------------------------------------------------------

    private static final Map<Comparator, List<String>> BEFORE = Map.of(
            Comparator.GE, List.of("≥", ">=", "＞＝", "≧", "不低于", "不少于", "至少", "达到"),
            Comparator.GT, List.of(">", "＞", "高于", "超过"),
            Comparator.LE, List.of("≤", "<=", "＜＝", "不高于", "不超过", "控制在"),
            Comparator.LT, List.of("<", "＜", "低于", "少于", "不满"),
            Comparator.EQ, List.of("=", "＝"));
    private static final Map<Comparator, List<String>> AFTER = Map.of(
            Comparator.GE, List.of("以上", "及以上"),
            Comparator.LE, List.of("以内", "以下", "内"));
    private static final List<String> UNITS = List.of("个", "次", "人", "人次", "小时", "天", "工作日", "个工作日",
            "条", "家", "%", "分钟", "户", "张", "项", "个月", "年", "万元", "元");
    private static final List<String> SUBJECTS = List.of("", "每年故障", "服务人数", "目标值为", "网上办件事项", "响应时间");
    private static final List<String> SPACES = List.of("", " ", "\u3000");
    private static final String FULL_WIDTH_DIGITS = "０１２３４５６７８９";

    /**
     * Random values written as plain, separated, full-width or Chinese numbers, with random
     * comparators before or after and random units, parse back to the value, comparator and unit.
     */
    @Test
    void recoversGeneratedQuantities() {
        Random random = new Random(42L);
        Comparator[] relations = Comparator.values();
        for (int i = 0; i < 20000; i++) {
            boolean negative = random.nextInt(10) == 0;
            BigDecimal value = randomValue(random);
            if (negative) value = value.negate();
            String unit = random.nextInt(6) == 0 ? null : UNITS.get(random.nextInt(UNITS.size()));
            String number = render(value, random, unit);
            boolean percentWords = number.startsWith("百分之");
            String expectedUnit = percentWords ? "%" : unit;
            Comparator relation = random.nextInt(5) == 0 ? null : relations[random.nextInt(relations.length)];
            String sp = SPACES.get(random.nextInt(SPACES.size()));
            String before = "";
            String after = "";
            if (relation != null) {
                boolean useAfter = AFTER.containsKey(relation) && random.nextBoolean();
                if (useAfter) {
                    after = pick(AFTER.get(relation), random);
                } else {
                    before = pick(BEFORE.get(relation), random);
                }
            }
            // A bare Chinese numeral inside other text is read as part of a word (十堰, 统一), so it
            // only stands alone when nothing else marks it as a quantity.
            boolean bareChinese = unit == null && relation == null && !number.matches(".*\\d.*");
            String subject = bareChinese ? "" : pick(SUBJECTS, random);
            String text = subject + before + sp + number + sp
                    + (unit == null || percentWords ? "" : unit) + after;
            Quantity q = PARSER.parse(text);
            assertNotNull(q, text);
            assertEquals(0, value.compareTo(q.value()), text + " value " + q.value());
            assertEquals(relation, q.comparator(), text + " comparator");
            assertEquals(expectedUnit, q.unit(), text + " unit");
        }
    }

    private static BigDecimal randomValue(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> BigDecimal.valueOf(random.nextInt(100));
            case 1 -> BigDecimal.valueOf(random.nextInt(1_000_000));
            case 2 -> BigDecimal.valueOf(random.nextInt(10_000_000), 1 + random.nextInt(2));
            default -> BigDecimal.valueOf(Math.abs(random.nextLong() % 1_000_000_000_000L));
        };
    }

    /** The value in one of the printed forms; Chinese forms only for non-negative values. */
    private static String render(BigDecimal value, Random random, String unit) {
        int form = random.nextInt(value.signum() < 0 ? 3 : 5);
        String plain = value.toPlainString();
        return switch (form) {
            case 0 -> plain;
            case 1 -> separated(value);
            case 2 -> fullWidth(random.nextBoolean() ? plain : separated(value));
            case 3 -> "%".equals(unit) && random.nextBoolean()
                    ? "百分之" + ChineseNumeralRenderer.render(value)
                    : ChineseNumeralRenderer.render(value);
            default -> ChineseNumeralRenderer.render(value);
        };
    }

    /** Thousands separators in the integer part: 12345678.9 → 12,345,678.9. */
    private static String separated(BigDecimal value) {
        String plain = value.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) sb.append(',');
            sb.append(whole.charAt(i));
        }
        return (value.signum() < 0 ? "-" : "") + sb + (dot < 0 ? "" : plain.substring(dot));
    }

    private static String fullWidth(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= '0' && c <= '9') sb.append(FULL_WIDTH_DIGITS.charAt(c - '0'));
            else if (c == ',') sb.append('，');
            else if (c == '.') sb.append('．');
            else if (c == '-') sb.append('－');
            else sb.append(c);
        }
        return sb.toString();
    }

    private static String pick(List<String> words, Random random) {
        return words.get(random.nextInt(words.size()));
    }

    /** Random text over the characters that matter to the parser never makes it throw. */
    @Test
    void neverThrowsOnNoise() {
        String alphabet = "0123456789０１２３.,，．。-−+%％万亿千百十零〇一二两三九点百分之第≥≤＞＜＝<>=$\\"
                + "geqlslant{}不低于高超过以上内下控制在元人次个工作日小时天年月 　合格无是(（)）";
        Random random = new Random(99L);
        for (int i = 0; i < 50000; i++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String text = sb.toString();
            Quantity q = PARSER.parse(text);
            if (q != null) {
                assertTrue(q.value() != null || q.qualitative() != null, text);
            }
            NumberTextTest.FIGURES.parse(text);
        }
        for (int i = 0; i < 20000; i++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(20);
            for (int j = 0; j < length; j++) sb.append((char) random.nextInt(Character.MAX_VALUE + 1));
            PARSER.parse(sb.toString());
            PARSER.qualitativeTerm(sb.toString());
            NumberTextTest.FIGURES.parse(sb.toString());
        }
    }

    @Test
    void manyNumeralRunsStayFast() {
        String cell = "第一统一十堰".repeat(20000) + "一".repeat(20000) + "十".repeat(20000) + "3个";
        long start = System.nanoTime();
        Quantity q = PARSER.parse(cell);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 5000, "a 160000-character cell took " + millis + " ms");
        assertEquals(0, BigDecimal.valueOf(3).compareTo(q.value()));
    }

    @Test
    void longInputsStayFast() {
        String cell = "每年故障少于 2 次".repeat(2000) + "一".repeat(5000) + "9".repeat(5000);
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) PARSER.parse(cell);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 5000, "20 parses of a 30000-character cell took " + millis + " ms");
        assertEquals(0, BigDecimal.valueOf(2).compareTo(PARSER.parse(cell).value()));
    }

    /** Scaling is exact decimal arithmetic: 0.0001亿 is 10000, where binary floating point drifts. */
    @Test
    void scalingIsExact() {
        assertEquals(0, new BigDecimal("10000").compareTo(PARSER.parse("0.0001亿").value()));
        assertEquals(0, new BigDecimal("1230").compareTo(PARSER.parse("0.123万").value()));
    }
}
