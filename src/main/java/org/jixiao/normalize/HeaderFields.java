package org.jixiao.normalize;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jixiao.mapping.LabelSet;
import org.jixiao.model.Location;
import org.jixiao.model.TableRow;
import org.jixiao.model.TextBlock;

/**
 * The label → value fields of a form: a cell holding a known label, and the next non-empty cell
 * of its row that is not itself a label. Table cells are read before prose lines of the form
 * "label：value", and the first occurrence of a field wins.
 */
final class HeaderFields {

    record Value(String text, Location location) {
    }

    private final Map<String, LabelSet> labels = new LinkedHashMap<>();
    private final java.util.Set<String> lastFigureFields;

    private final NumberText figures;

    HeaderFields(Map<String, List<String>> fields, List<String> lastFigureFields, NumberText figures) {
        this.figures = figures;
        fields.forEach((k, v) -> labels.put(k, new LabelSet(v)));
        this.lastFigureFields = java.util.Set.copyOf(lastFigureFields == null ? List.of() : lastFigureFields);
    }

    Map<String, Value> read(List<List<TableRow>> tables, List<TextBlock> prose) {
        Map<String, Value> out = new HashMap<>();
        for (List<TableRow> table : tables) {
            for (TableRow row : table) {
                List<String> cells = row.cells();
                for (int i = 0; i < cells.size(); i++) {
                    String key = keyOf(cells.get(i));
                    if (key == null || out.containsKey(key)) continue;
                    if (lastFigureFields.contains(key)) {
                        String last = lastFigure(cells, i);
                        if (last != null) out.put(key, new Value(last, row.location()));
                        continue;
                    }
                    for (int j = i + 1; j < cells.size(); j++) {
                        String v = cells.get(j);
                        if (v.isBlank()) continue;
                        if (keyOf(v) == null) out.put(key, new Value(v, row.location()));
                        break;
                    }
                }
            }
        }
        for (TextBlock t : prose) {
            String text = t.text();
            int colon = indexOfColon(text);
            if (colon <= 0) continue;
            String key = keyOf(text.substring(0, colon));
            String value = text.substring(colon + 1).strip();
            if (key != null && !value.isEmpty() && !out.containsKey(key)) {
                out.put(key, new Value(value, t.location()));
            }
        }
        return out;
    }

    /** The last figure after the label: a 总分 row may repeat the 分值 total before the score. */
    private String lastFigure(List<String> cells, int label) {
        for (int j = cells.size() - 1; j > label; j--) {
            if (figures.isNumber(cells.get(j))) return cells.get(j);
        }
        return null;
    }

    private String keyOf(String cell) {
        if (cell == null || cell.isBlank()) return null;
        for (Map.Entry<String, LabelSet> e : labels.entrySet()) {
            if (e.getValue().matches(cell)) return e.getKey();
        }
        return null;
    }

    private static int indexOfColon(String s) {
        int a = s.indexOf('：');
        int b = s.indexOf(':');
        if (a < 0) return b;
        if (b < 0) return a;
        return Math.min(a, b);
    }
}
