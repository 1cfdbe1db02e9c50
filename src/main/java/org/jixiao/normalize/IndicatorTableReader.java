package org.jixiao.normalize;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jixiao.mapping.LabelMappings.TableMapping;
import org.jixiao.mapping.LabelSet;
import org.jixiao.mapping.Taxonomy;
import org.jixiao.model.Indicator;
import org.jixiao.model.TableRow;

/**
 * The indicator table: found by its header row (一级指标 | 二级指标 | 三级指标 | 目标值 …),
 * read row by row until an end row (总分 …), the start of another section or the end of the table.
 *
 * <p>Merged 一级/二级 cells arrive empty in the rows they span and are filled down. Conversions
 * sometimes shift a row's cells by one column around a merged cell; the taxonomy of level names
 * tells where each cell belongs, so such rows are put back (see {@link #realign}).
 */
final class IndicatorTableReader {

    /** The header must name at least this many indicator columns, the name column among them. */
    static final int MIN_HEADER_COLUMNS = 3;

    /** Per column key, one label set per synonym, most specific synonym first. */
    private final Map<String, List<LabelSet>> columns = new LinkedHashMap<>();
    private final LabelSet endRows;
    private final Taxonomy taxonomy;
    private final QuantityParser quantities;

    private final NumberText figures;

    IndicatorTableReader(TableMapping mapping, Taxonomy taxonomy, QuantityParser quantities, NumberText figures) {
        this.figures = figures;
        mapping.columns().forEach((k, v) -> columns.put(k, v.stream().map(x -> new LabelSet(List.of(x))).toList()));
        this.endRows = new LabelSet(mapping.endRows());
        this.taxonomy = taxonomy;
        this.quantities = quantities;
    }

    /**
     * Column index per key when the row is an indicator header. Each key takes the cell matching
     * its most specific synonym, so a merged "绩效指标" cell before "三级指标" does not take the
     * name column.
     */
    Map<String, Integer> header(TableRow row) {
        Map<String, Integer> map = new LinkedHashMap<>();
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        for (Map.Entry<String, List<LabelSet>> e : columns.entrySet()) {
            synonyms:
            for (LabelSet synonym : e.getValue()) {
                for (int i = 0; i < row.cells().size(); i++) {
                    if (!taken.contains(i) && synonym.matches(row.cells().get(i))) {
                        map.put(e.getKey(), i);
                        taken.add(i);
                        break synonyms;
                    }
                }
            }
        }
        boolean usable = map.size() >= MIN_HEADER_COLUMNS && map.containsKey("name")
                && (map.containsKey("target") || map.containsKey("actual"));
        return usable ? map : null;
    }

    /**
     * All indicator rows of the document, in order.
     *
     * @param otherSection true for rows that start another section (funds, sources, budget items)
     */
    List<Indicator> read(List<List<TableRow>> tables, Predicate<TableRow> otherSection) {
        List<Indicator> out = new ArrayList<>();
        for (List<TableRow> table : tables) {
            Map<String, Integer> header = null;
            String level1 = null;
            String level2 = null;
            for (TableRow row : table) {
                Map<String, Integer> h = header(row);
                if (h != null) {
                    // A header repeated on the next page continues the same table.
                    header = h;
                    continue;
                }
                if (header == null) continue;
                int first = DocumentView.firstNonEmpty(row);
                if (first < 0) continue;
                if (endRows.matches(row.cell(first)) || otherSection.test(row)) {
                    header = null;
                    continue;
                }
                List<String> cells = realign(row.cells(), header);
                String l1 = cell(cells, header, "level1");
                String l2 = cell(cells, header, "level2");
                String name = cell(cells, header, "name");
                if (!l1.isEmpty()) {
                    if (!l1.equals(level1) && l2.isEmpty()) level2 = null;
                    level1 = l1;
                }
                if (!l2.isEmpty()) level2 = l2;
                if (name.isEmpty()) continue;
                String target = cell(cells, header, "target");
                String actual = cell(cells, header, "actual");
                BigDecimal weight = figures.parse(cell(cells, header, "weight"));
                BigDecimal score = figures.parse(cell(cells, header, "score"));
                out.add(new Indicator(level1, level2, name, nullIfEmpty(target), nullIfEmpty(actual),
                        weight, score, quantities.parse(target), quantities.parse(actual),
                        weight == null ? null : "table", row.location()));
            }
        }
        return out;
    }

    /**
     * Puts shifted cells back in their columns:
     * <ul>
     * <li>a 二级 label in the name column with the 二级 column empty: the row from the 二级
     * column on moved one column right;</li>
     * <li>the name column empty and a non-label in the 二级 column: the name moved one column
     * left into the (merged, empty) 二级 cell.</li>
     * </ul>
     */
    List<String> realign(List<String> cells, Map<String, Integer> header) {
        Integer l2 = header.get("level2");
        Integer name = header.get("name");
        if (l2 == null || name == null || name != l2 + 1) return cells;
        String l2Cell = at(cells, l2);
        String nameCell = at(cells, name);
        if (l2Cell.isEmpty() && taxonomy.isLevel2(nameCell)) {
            List<String> shifted = new ArrayList<>(cells);
            shifted.remove((int) l2);
            return shifted;
        }
        if (nameCell.isEmpty() && !l2Cell.isEmpty() && !taxonomy.isLevel2(l2Cell) && !taxonomy.isLevel1(l2Cell)) {
            List<String> moved = new ArrayList<>(cells);
            // A row may stop before the name column (trailing cells left out): make room.
            while (moved.size() <= name) moved.add("");
            moved.set(name, l2Cell);
            moved.set(l2, "");
            return moved;
        }
        return cells;
    }

    private static String cell(List<String> cells, Map<String, Integer> header, String key) {
        Integer i = header.get(key);
        return i == null ? "" : at(cells, i);
    }

    private static String at(List<String> cells, int i) {
        return i < cells.size() ? cells.get(i).strip() : "";
    }

    private static String nullIfEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
