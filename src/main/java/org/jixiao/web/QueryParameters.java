package org.jixiao.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query string of one request, parsed from the raw query only (never from headers, which a
 * client could also set), restricted to the names the endpoint accepts and validated.
 */
final class QueryParameters {

    /** Longest value accepted for any parameter; queries and filters are short. */
    static final int MAX_VALUE_LENGTH = 200;
    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern YEARS = Pattern.compile("\\s*(\\d{4})\\s*(?:(?:\\.\\.|-|～|~)\\s*(\\d{4})\\s*)?");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]{0,59}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final Map<String, String> values = new LinkedHashMap<>();

    private QueryParameters() {
    }

    static QueryParameters parse(String rawQuery, Set<String> allowed) {
        QueryParameters p = new QueryParameters();
        if (rawQuery == null || rawQuery.isEmpty()) return p;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("查询参数编码有误：" + clip(pair));
            }
            if (!allowed.contains(name)) {
                throw ApiProblem.badRequest("未知的查询参数“" + clip(name) + "”，可用的参数：" + String.join("、", allowed));
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                throw ApiProblem.badRequest("参数 " + name + " 过长（最多 " + MAX_VALUE_LENGTH + " 个字符）");
            }
            if (CONTROL.matcher(value).find()) throw ApiProblem.badRequest("参数 " + name + " 含有控制字符");
            if (p.values.containsKey(name)) throw ApiProblem.badRequest("参数 " + name + " 重复出现");
            value = value.strip();
            if (!value.isEmpty()) p.values.put(name, value);
        }
        return p;
    }

    String text(String name) {
        return values.get(name);
    }

    /** Year or range: {@code 2020}, {@code 2019..2021}, {@code 2019-2021}; null when absent. */
    int[] years(String name) {
        String v = values.get(name);
        if (v == null) return null;
        Matcher m = YEARS.matcher(v);
        if (!m.matches()) throw ApiProblem.badRequest("无法理解年度“" + v + "”：应写成 2020 或 2019..2021");
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        if (from > to) throw ApiProblem.badRequest("年度范围“" + v + "”的起始年份晚于结束年份");
        return new int[] {from, to};
    }

    /** A finding code such as TOTAL_SCORE_MISMATCH; null when absent. */
    String code(String name) {
        String v = values.get(name);
        if (v == null) return null;
        if (!CODE.matcher(v).matches()) throw ApiProblem.badRequest("问题代码“" + v + "”格式不对，应为大写字母和下划线，例如 TOTAL_SCORE_MISMATCH");
        return v;
    }

    int positive(String name, int defaultValue, int max) {
        String v = values.get(name);
        if (v == null) return defaultValue;
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("参数 " + name + " 应为正整数");
        }
        if (n <= 0 || n > max) throw ApiProblem.badRequest("参数 " + name + " 应在 1 到 " + max + " 之间");
        return n;
    }

    boolean flag(String name) {
        String v = values.get(name);
        if (v == null) return false;
        return switch (v) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ApiProblem.badRequest("参数 " + name + " 应为 true 或 false");
        };
    }

    static String sha256(String id) {
        String v = id == null ? "" : id.strip().toLowerCase(java.util.Locale.ROOT);
        if (!SHA256.matcher(v).matches()) throw ApiProblem.badRequest("报告编号应为 64 位十六进制 SHA-256");
        return v;
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
