package org.jixiao.mapping;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * The schema checks Jackson does not make on its own: a record key left out of a file reads as
 * null and would silently switch a check off, so every component must be present; patterns
 * must compile. Problems are stated in Chinese with the key's path.
 */
final class MappingSchema {

    private MappingSchema() {
    }

    static void requireComplete(String file, Object value) {
        requireComplete(file, "", value);
    }

    private static void requireComplete(String file, String path, Object value) {
        if (value == null || !value.getClass().isRecord()) return;
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String key = path.isEmpty() ? c.getName() : path + "." + c.getName();
            if (v == null && !optional(value.getClass(), c.getName())) {
                throw new InvalidMappingException(file, key, "缺少必需的键", null);
            }
            if (v instanceof Collection<?> list) {
                int i = 0;
                for (Object o : list) requireComplete(file, key + "[" + i++ + "]", o);
            } else if (v instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) requireComplete(file, key + "." + e.getKey(), e.getValue());
            } else {
                requireComplete(file, key, v);
            }
        }
    }

    /** Components that may be left out: a variant that applies to one family only. */
    private static boolean optional(Class<?> type, String component) {
        return type == LabelMappings.VariantSignal.class && !component.equals("phrase");
    }

    static void requirePatterns(String file, LabelMappings labels) {
        compile(file, "ignoredRowPattern", labels.ignoredRowPattern());
        compile(file, "categoryAnnotation", labels.categoryAnnotation());
        compile(file, "fundsMatrix.weightPattern", labels.fundsMatrix().weightPattern());
        compile(file, "budgetItems.priorYearColumn", labels.budgetItems().priorYearColumn());
        for (String p : labels.codePatterns()) compile(file, "codePatterns", p);
        for (String p : labels.notIndicatorNames()) compile(file, "notIndicatorNames", p);
    }

    private static void compile(String file, String key, String pattern) {
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new InvalidMappingException(file, key, "正则表达式无效（" + e.getDescription() + "）：" + pattern, e);
        }
    }

    static String path(JsonMappingException e) {
        List<String> parts = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.toList());
        return String.join(".", parts).replace(".[", "[");
    }

    static String problem(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "未知的键 “" + u.getPropertyName() + "”（可用的键：" + u.getKnownPropertyIds() + "）";
        }
        if (e instanceof InvalidFormatException f) {
            return "无效的值或键 “" + f.getValue() + "”" + (f.getTargetType() != null && f.getTargetType().isEnum()
                    ? "（可用：" + enumNames(f.getTargetType()) + "）" : "");
        }
        return e.getOriginalMessage();
    }

    private static String enumNames(Class<?> type) {
        StringBuilder sb = new StringBuilder();
        for (Object c : type.getEnumConstants()) {
            String name = ((Enum<?>) c).name();
            try {
                com.fasterxml.jackson.annotation.JsonProperty p = type.getField(name)
                        .getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                if (p != null) name = p.value();
            } catch (NoSuchFieldException ignored) {
                // every constant is a field
            }
            if (!sb.isEmpty()) sb.append(", ");
            sb.append(name);
        }
        return sb.toString();
    }
}
