package org.jixiao.index;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One numeric comparison such as {@code executionRate < 90}, and the parser for the
 * {@code --where} language: comparisons joined by {@code and}.
 */
public record Condition(NumericField field, String operator, BigDecimal value) {

    private static final Pattern AND = Pattern.compile("\\s+(?i:and)\\s+|\\s*&&\\s*|\\s*并且\\s*");
    private static final Pattern COMPARISON =
            Pattern.compile("\\s*([A-Za-z]+)\\s*(<=|>=|==|=|<|>|≤|≥|＜|＞|＝)\\s*([-+]?\\d+(?:\\.\\d+)?)\\s*%?\\s*");
    /** Spellings users type for the five operators. */
    private static final Map<String, String> OPERATORS = Map.of(
            "<", "<", "<=", "<=", ">", ">", ">=", ">=", "=", "=", "==", "=",
            "≤", "<=", "≥", ">=", "＜", "<", "＞", ">");
    private static final String EXAMPLE = "例如 executionRate<90 或 score>=5 and weight<=10";

    public Condition {
        if (!OPERATORS.containsValue(operator)) throw new IllegalArgumentException(operator);
    }

    /** Parses {@code executionRate<90 and score>=5}; an empty or blank text is no condition. */
    public static List<Condition> parse(String text) {
        List<Condition> out = new ArrayList<>();
        if (text == null || text.isBlank()) return out;
        for (String part : AND.split(text.strip())) {
            Matcher m = COMPARISON.matcher(part.replace('＝', '='));
            if (!m.matches()) {
                throw new InvalidQueryException("无法理解条件“" + part.strip() + "”：应写成“字段 比较符 数值”，"
                        + "比较符为 < <= > >= =，多个条件用 and 连接，" + EXAMPLE);
            }
            NumericField field = NumericField.byName(m.group(1)).orElseThrow(() -> new InvalidQueryException(
                    "未知的数值字段“" + m.group(1) + "”，可用的字段：" + NumericField.names()));
            out.add(new Condition(field, OPERATORS.get(m.group(2)), new BigDecimal(m.group(3))));
        }
        return out;
    }

    @Override
    public String toString() {
        return field.fieldName() + operator + value.toPlainString();
    }
}
