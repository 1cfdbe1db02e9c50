package org.jixiao.normalize;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jixiao.mapping.LabelSet;

/**
 * Column roles by meaning: each cell of a header row takes the first role whose synonyms it
 * matches, each role one column. A header row holds labels only: a figure in it means the row is
 * data, and no header.
 */
final class ColumnRoles<K extends Enum<K>> {

    private final Map<K, LabelSet> roles;

    ColumnRoles(Class<K> type, Map<K, List<String>> synonyms) {
        this.roles = new EnumMap<>(type);
        synonyms.forEach((k, v) -> roles.put(k, new LabelSet(v)));
    }

    /** Column index → role for the row's cells, in column order; null when a cell is a figure. */
    Map<Integer, K> match(List<String> cells, NumberText figures) {
        Map<Integer, K> map = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            if (figures.isNumber(cells.get(i))) return null;
            for (Map.Entry<K, LabelSet> e : roles.entrySet()) {
                if (!map.containsValue(e.getKey()) && e.getValue().matches(cells.get(i))) {
                    map.put(i, e.getKey());
                    break;
                }
            }
        }
        return map;
    }
}
