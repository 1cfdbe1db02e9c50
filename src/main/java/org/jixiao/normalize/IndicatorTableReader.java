package org.jixiao.normalize;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jixiao.mapping.LabelMappings.IndicatorColumn;
import org.jixiao.mapping.LabelMappings.IndicatorTableMapping;
import org.jixiao.mapping.LabelMappings.Section;
import org.jixiao.mapping.LabelSet;
import org.jixiao.mapping.LabelText;
import org.jixiao.mapping.Taxonomy;
import org.jixiao.model.Indicator;

/**
 * The indicator table, read by column meaning rather than position: the header is found anywhere
 * in a table, over one or two rows, and each column takes a role (一级/二级/三级, target, actual,
 * 分值, 得分 …) from the vocabulary of labels.yaml. Rows are read until an end row (总分 …), a row
 * that starts another section, a label left of the table's columns, or the end of the table.
 *
 * <ul>
 * <li>Split target columns 指标性质 | 指标值 | 度量单位 are joined into one target (≥95%).</li>
 * <li>Category cells lose their weight annotations (产出指标(50分) → 产出指标) and are filled down;
 * a new 一级 label with its 二级 cell empty spans both columns and is both.</li>
 * <li>A header without a 三级 column (一级指标 | 二级指标 | 目标值) holds its names one level up:
 * the deepest level column is the name and the one before it the 二级.</li>
 * <li>Template residue (……, a bare 指标2:), seal rows and footnotes are not indicators.</li>
 * </ul>
 */
final class IndicatorTableReader implements SectionReader {

    /** "(50分)", "(10)", "15分": one number, in brackets or followed by 分; not a range. */
    private static final Pattern STATED_WEIGHT =
            Pattern.compile("[(（]\\s*(\\d+(?:\\.\\d+)?)\\s*分?\\s*[)）]|(?<![\\d\\-—~])(\\d+(?:\\.\\d+)?)\\s*分");

    /** A header must give at least this many roles, a level or name column among them. */
    static final int MIN_HEADER_ROLES = 3;
    /** The upper row of a two-row header names at least this many columns itself. */
    static final int MIN_UPPER_ROLES = 2;

    /** Where each role sits, over how many rows the header runs, and the level weights' columns. */
    record Header(Map<IndicatorColumn, Integer> columns, Integer level1Weight, Integer level2Weight, int rows,
                  int firstColumn, String sectionLabel, List<String> labels) {

        Integer at(IndicatorColumn c) {
            return columns.get(c);
        }

        boolean has(IndicatorColumn c) {
            return columns.containsKey(c);
        }
    }

    private final Map<IndicatorColumn, LabelSet> roles = new EnumMap<>(IndicatorColumn.class);
    private final LabelSet endRows;
    private final LabelSet totalRows;
    private final Pattern categoryAnnotation;
    private final List<Pattern> notIndicatorNames;
    private final Taxonomy taxonomy;
    private final QuantityParser quantities;
    private final NumberText figures;
    /** True for a row that starts another section (set by {@link SectionReaders}). */
    private BiPredicate<TableView, Integer> otherSection = (t, r) -> false;

    IndicatorTableReader(IndicatorTableMapping mapping, String categoryAnnotation, List<String> notIndicatorNames,
                         Taxonomy taxonomy, QuantityParser quantities, NumberText figures) {
        mapping.columns().forEach((k, v) -> roles.put(k, new LabelSet(v)));
        this.endRows = new LabelSet(mapping.endRows());
        this.totalRows = new LabelSet(mapping.totalRows());
        this.categoryAnnotation = Pattern.compile(categoryAnnotation);
        this.notIndicatorNames = notIndicatorNames.stream().map(Pattern::compile).toList();
        this.taxonomy = taxonomy;
        this.quantities = quantities;
        this.figures = figures;
    }

    void endAt(BiPredicate<TableView, Integer> otherSection) {
        this.otherSection = otherSection;
    }

    @Override
    public boolean startsAt(TableView table, int row) {
        return header(table, row) != null;
    }

    /** The header starting at this row (one row, or two when the second refines the first), or null. */
    Header header(TableView table, int row) {
        if (hasFigure(table, row)) return null;
        Header one = assign(table, row, labels(table, row, -1));
        if (row + 1 < table.size() && roleCells(table, row) >= MIN_UPPER_ROLES && continuesHeader(table, row + 1)) {
            Header two = assign(table, row, labels(table, row, row + 1));
            if (two != null && (one == null || two.columns().size() > one.columns().size())) {
                return new Header(two.columns(), two.level1Weight(), two.level2Weight(), 2, two.firstColumn(),
                        two.sectionLabel(), two.labels());
            }
        }
        return one;
    }

    /**
     * The effective label of each column: for a two-row header the upper and lower cells joined
     * (指标 + 分值 = 指标分值, 县级 + 评分 = 县级评分) when that is a role, else the lower cell
     * (年度指标值 over 指标性质 | 指标值 | 度量单位), else the upper one (merged down).
     */
    private List<String> labels(TableView table, int upper, int lower) {
        int width = Math.max(table.width(upper), lower < 0 ? 0 : table.width(lower));
        List<String> out = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            String u = table.cell(upper, c);
            if (lower < 0) {
                out.add(u);
                continue;
            }
            String l = table.cell(lower, c);
            String joined = u + l;
            if (role(joined) != null) out.add(joined);
            else if (!l.isEmpty() && role(l) != null) out.add(l);
            else out.add(u);
        }
        return out;
    }

    private int roleCells(TableView table, int row) {
        int n = 0;
        for (String c : table.cells(row)) {
            if (role(c) != null) n++;
        }
        return n;
    }

    /** A second header row: no figures, and every cell a role label alone or joined to the one above. */
    private boolean continuesHeader(TableView table, int row) {
        if (hasFigure(table, row) || table.filled(row) == 0) return false;
        for (int c = 0; c < table.width(row); c++) {
            String l = table.cell(row, c);
            if (l.isEmpty()) continue;
            if (role(l) == null && role(table.cell(row - 1, c) + l) == null) return false;
        }
        return true;
    }

    private IndicatorColumn role(String label) {
        if (label.isBlank()) return null;
        for (Map.Entry<IndicatorColumn, LabelSet> e : roles.entrySet()) {
            if (e.getValue().matches(label)) return e.getKey();
        }
        return null;
    }

    private Header assign(TableView table, int row, List<String> labels) {
        Map<IndicatorColumn, Integer> map = new EnumMap<>(IndicatorColumn.class);
        Set<Integer> taken = new HashSet<>();
        List<Integer> weightColumns = new ArrayList<>();
        for (int c = 0; c < labels.size(); c++) {
            if (roles.get(IndicatorColumn.WEIGHT).matches(labels.get(c))) weightColumns.add(c);
        }
        for (Map.Entry<IndicatorColumn, LabelSet> e : roles.entrySet()) {
            if (e.getKey() == IndicatorColumn.WEIGHT) continue;
            int best = -1;
            int bestRank = Integer.MAX_VALUE;
            for (int c = 0; c < labels.size(); c++) {
                if (taken.contains(c) || weightColumns.contains(c)) continue;
                int rank = e.getValue().rank(labels.get(c));
                if (rank >= 0 && rank < bestRank) {
                    best = c;
                    bestRank = rank;
                }
            }
            if (best >= 0) {
                map.put(e.getKey(), best);
                taken.add(best);
            }
        }
        // 分值 after a level column is that level's weight (一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值).
        Integer level1Weight = null;
        Integer level2Weight = null;
        for (int c : weightColumns) {
            Integer l1 = map.get(IndicatorColumn.LEVEL1);
            Integer l2 = map.get(IndicatorColumn.LEVEL2);
            if (weightColumns.size() > 1 && l1 != null && c == l1 + 1) level1Weight = c;
            else if (weightColumns.size() > 1 && l2 != null && c == l2 + 1) level2Weight = c;
            else map.put(IndicatorColumn.WEIGHT, c);
        }
        boolean named = map.containsKey(IndicatorColumn.NAME) || map.containsKey(IndicatorColumn.LEVEL2)
                || map.containsKey(IndicatorColumn.LEVEL1);
        // Values may stand in columns of their own (one per recipient village): all three levels and
        // the 指标解释 still make the table an indicator table.
        boolean allLevels = map.containsKey(IndicatorColumn.LEVEL1) && map.containsKey(IndicatorColumn.LEVEL2)
                && map.containsKey(IndicatorColumn.NAME) && map.containsKey(IndicatorColumn.EXPLANATION);
        boolean valued = map.containsKey(IndicatorColumn.TARGET) || map.containsKey(IndicatorColumn.ACTUAL)
                || map.containsKey(IndicatorColumn.WEIGHT) || map.containsKey(IndicatorColumn.SCORE) || allLevels;
        // The name column alone with a target is a two-column list, not an indicator table.
        boolean levelled = map.containsKey(IndicatorColumn.LEVEL1) || map.containsKey(IndicatorColumn.LEVEL2)
                || map.size() >= MIN_HEADER_ROLES + 1;
        if (map.size() < MIN_HEADER_ROLES || !named || !valued || !levelled) return null;
        int first = map.values().stream().min(Integer::compare).orElse(0);
        String section = null;
        for (int c = 0; c < first; c++) {
            if (!table.cell(row, c).isEmpty()) section = table.cell(row, c);
        }
        return new Header(map, level1Weight, level2Weight, 1, first, section, List.copyOf(labels));
    }

    @Override
    public int read(TableView table, int start, ReportDraft draft) {
        Header h = header(table, start);
        ReportDraft.SectionState state = draft.section(Section.INDICATORS, table.location(start));
        describeColumns(h, state);
        String level1 = null;
        String level2 = null;
        String previousName = null;
        BigDecimal level1Weight = null;
        BigDecimal level2Weight = null;
        int r = start + h.rows();
        for (; r < table.size(); r++) {
            if (table.filled(r) == 0) continue;
            Header repeated = header(table, r);
            if (repeated != null) {
                // A header repeated on the next page continues the same table.
                h = repeated;
                r += repeated.rows() - 1;
                continue;
            }
            int first = table.firstNonEmpty(r);
            String firstCell = table.cell(r, first);
            if (endRows.matches(firstCell)) {
                if (totalRows.matches(firstCell)) readTotal(table, r, h, draft);
                return r + 1;
            }
            if (otherSection.test(table, r)) return r;
            List<String> cells = realign(table.cells(r), h.columns());
            // A label left of the table's columns starts the next block, unless the row is an
            // indicator under a section cell merged down beside it (年度绩效目标 1 | 产出指标 | …).
            if (first < h.firstColumn() && !serial(firstCell) && !firstCell.equals(h.sectionLabel())
                    && at(cells, deepest(h)).isEmpty()) return r;
            if (notIndicator(firstCell)) continue;
            String l1Raw = at(cells, h.at(IndicatorColumn.LEVEL1));
            String l2Raw = at(cells, h.at(IndicatorColumn.LEVEL2));
            String name = at(cells, h.at(IndicatorColumn.NAME));
            if (!h.has(IndicatorColumn.NAME)) {
                // Names one level up: the deepest level column holds them.
                if (h.has(IndicatorColumn.LEVEL2)) {
                    name = l2Raw;
                    l2Raw = l1Raw;
                    l1Raw = "";
                } else {
                    name = l1Raw;
                    l1Raw = "";
                }
            }
            String l1 = category(l1Raw);
            String l2 = category(l2Raw);
            if (!l1.isEmpty()) {
                boolean spans = l2.isEmpty() && !name.isEmpty() && !l1.equals(level1);
                level1 = l1;
                level2 = spans ? l1 : null;
                level1Weight = stated(l1Raw, cells, h.level1Weight());
                level2Weight = spans ? level1Weight : null;
            }
            if (!l2.isEmpty()) {
                level2 = l2;
                level2Weight = stated(l2Raw, cells, h.level2Weight());
            }
            BigDecimal weight = figures.parse(at(cells, h.at(IndicatorColumn.WEIGHT)));
            BigDecimal score = figures.parse(at(cells, h.at(IndicatorColumn.SCORE)));
            if (name.isEmpty() && l1.isEmpty() && l2.isEmpty() && (weight != null || score != null)) {
                // A 三级 cell merged over two scoring rows: the second row scores the same indicator.
                name = previousName == null ? "" : previousName;
            }
            if (name.isEmpty() || notIndicator(name)) continue;
            previousName = name;
            String target = target(cells, h);
            String actual = at(cells, h.at(IndicatorColumn.ACTUAL));
            draft.indicators.add(new Indicator(level1, level2, name, nullIfEmpty(target), nullIfEmpty(actual),
                    weight, score, quantities.parse(target), quantities.parse(actual),
                    weight == null ? null : "table", table.location(r), level1Weight, level2Weight));
            state.rows++;
        }
        return r;
    }

    /** The column that holds the names: 三级, or the deepest level when the header has no 三级. */
    private static Integer deepest(Header h) {
        if (h.has(IndicatorColumn.NAME)) return h.at(IndicatorColumn.NAME);
        return h.has(IndicatorColumn.LEVEL2) ? h.at(IndicatorColumn.LEVEL2) : h.at(IndicatorColumn.LEVEL1);
    }

    private void describeColumns(Header h, ReportDraft.SectionState state) {
        for (IndicatorColumn c : IndicatorColumn.values()) {
            if (c == IndicatorColumn.REVIEW_SCORE || c == IndicatorColumn.COMPARATOR || c == IndicatorColumn.UNIT) continue;
            if (c == IndicatorColumn.SCORE && h.has(c) && h.has(IndicatorColumn.REVIEW_SCORE)) {
                // Several score columns (县级评分 | 市级评分): say which one the scores come from.
                state.columnsFound.add(title(c) + "（取自“" + h.labels().get(h.at(c)).replaceAll("\\s+", "") + "”列）");
            } else if (h.has(c)) state.columnsFound.add(title(c));
            else if (c != IndicatorColumn.EXPLANATION) state.columnsMissing.add(title(c));
        }
    }

    static String title(IndicatorColumn c) {
        return switch (c) {
            case LEVEL1 -> "一级指标";
            case LEVEL2 -> "二级指标";
            case NAME -> "三级指标";
            case COMPARATOR -> "指标性质";
            case UNIT -> "度量单位";
            case TARGET -> "指标值";
            case ACTUAL -> "实际完成值";
            case WEIGHT -> "分值";
            case SCORE -> "得分";
            case REVIEW_SCORE -> "复核评分";
            case EXPLANATION -> "指标解释";
        };
    }

    /** 总分 under the score column; a figure under the weight column only is the weights' sum, not a score. */
    private void readTotal(TableView table, int r, Header h, ReportDraft draft) {
        draft.totalRowSeen = true;
        draft.section(Section.TOTAL_SCORE, table.location(r));
        Integer scoreAt = h.at(IndicatorColumn.SCORE);
        if (scoreAt == null) return;
        BigDecimal v = figures.parse(table.cell(r, scoreAt));
        int at = scoreAt;
        if (v == null) {
            // A conversion may move the total out of its column: the last figure, unless it sits under 分值.
            for (int c = table.width(r) - 1; c > table.firstNonEmpty(r); c--) {
                BigDecimal f = figures.parse(table.cell(r, c));
                if (f == null) continue;
                if (h.at(IndicatorColumn.WEIGHT) == null || c != h.at(IndicatorColumn.WEIGHT)) {
                    v = f;
                    at = c;
                }
                break;
            }
        }
        if (v != null && draft.totalScore == null) {
            draft.totalScore = new ReportDraft.Located<>(v, table.location(r, at));
            draft.section(Section.TOTAL_SCORE, table.location(r)).rows = 1;
        }
    }

    /** 指标性质 | 指标值 | 度量单位 joined as printed (≥ 95 % → ≥95%). */
    private static String target(List<String> cells, Header h) {
        String value = at(cells, h.at(IndicatorColumn.TARGET));
        if (!h.has(IndicatorColumn.COMPARATOR) && !h.has(IndicatorColumn.UNIT)) return value;
        if (value.isEmpty()) return "";
        return (at(cells, h.at(IndicatorColumn.COMPARATOR)) + value + at(cells, h.at(IndicatorColumn.UNIT)))
                .replaceAll("\\s+", "");
    }

    /** A category label without its weight annotation and line breaks (规划\n(15分) → 规划). */
    String category(String raw) {
        if (raw == null || raw.isBlank()) return "";
        String s = categoryAnnotation.matcher(raw.strip()).replaceAll("");
        return s.replaceAll("\\s+", "");
    }

    /**
     * The weight a category states: its own 分值 column, or its label (产出指标(50分) → 50,
     * 决策(10) → 10; a range such as 成本指标(0-20)分 states none).
     */
    private BigDecimal stated(String raw, List<String> cells, Integer weightColumn) {
        if (weightColumn != null) {
            BigDecimal w = figures.parse(at(cells, weightColumn));
            if (w != null) return w;
        }
        if (raw == null) return null;
        Matcher m = STATED_WEIGHT.matcher(NumberText.halfWidth(raw));
        return m.find() ? new BigDecimal(m.group(1) != null ? m.group(1) : m.group(2)) : null;
    }

    private boolean notIndicator(String name) {
        String n = name.strip();
        for (Pattern p : notIndicatorNames) {
            if (p.matcher(n).find()) return true;
        }
        return false;
    }

    /** A 序号 cell (1, 2, 十二) left of the table's columns is part of the row. */
    private boolean serial(String cell) {
        return cell.matches("\\d{1,3}[.、]?") || LabelText.normalize(cell).matches("[一二三四五六七八九十]+[、.]?");
    }

    private boolean hasFigure(TableView table, int row) {
        for (String c : table.cells(row)) {
            if (figures.isNumber(c)) return true;
        }
        return false;
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
    List<String> realign(List<String> cells, Map<IndicatorColumn, Integer> header) {
        Integer l2 = header.get(IndicatorColumn.LEVEL2);
        Integer name = header.get(IndicatorColumn.NAME);
        if (l2 == null || name == null || name != l2 + 1) return cells;
        String l2Cell = at(cells, l2);
        String nameCell = at(cells, name);
        // Shifted right: the name then stands where the target should be (a figure there means the
        // row is a category label spanning 一级 and 二级, not a shifted one).
        String after = at(cells, name + 1);
        if (l2Cell.isEmpty() && taxonomy.isLevel2(nameCell) && !after.isEmpty() && !figures.isNumber(after)
                && quantities.parse(after) == null) {
            List<String> shifted = new ArrayList<>(cells);
            shifted.remove((int) l2);
            return shifted;
        }
        if (nameCell.isEmpty() && !l2Cell.isEmpty() && !taxonomy.isLevel2(category(l2Cell))
                && !taxonomy.isLevel1(category(l2Cell))) {
            List<String> moved = new ArrayList<>(cells);
            // A row may stop before the name column (trailing cells left out): make room.
            while (moved.size() <= name) moved.add("");
            moved.set(name, l2Cell);
            moved.set(l2, "");
            return moved;
        }
        return cells;
    }

    private static String at(List<String> cells, Integer i) {
        return i == null || i >= cells.size() ? "" : cells.get(i).strip();
    }

    private static String nullIfEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
