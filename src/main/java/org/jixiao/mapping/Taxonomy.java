package org.jixiao.mapping;

import java.util.List;
import java.util.Map;

/** The contents of {@code mappings/taxonomy.yaml}: names of 一级 and 二级 levels by category. */
public record Taxonomy(Map<String, List<String>> level1, Map<String, List<String>> level2) {

    public boolean isLevel1(String cell) {
        return category(level1, cell) != null;
    }

    public boolean isLevel2(String cell) {
        return category(level2, cell) != null;
    }

    /** The category ("output", "benefit" …) a 一级 label belongs to, or null. */
    public String level1Category(String cell) {
        return category(level1, cell);
    }

    /** The category ("quantity", "timeliness" …) a 二级 label belongs to, or null. */
    public String level2Category(String cell) {
        return category(level2, cell);
    }

    private static String category(Map<String, List<String>> map, String cell) {
        String n = LabelText.normalize(cell);
        if (n.isEmpty()) return null;
        for (Map.Entry<String, List<String>> e : map.entrySet()) {
            for (String s : e.getValue()) {
                if (LabelText.normalize(s).equals(n)) return e.getKey();
            }
        }
        return null;
    }
}
