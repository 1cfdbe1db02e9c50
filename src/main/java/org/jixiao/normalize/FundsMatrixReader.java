package org.jixiao.normalize;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jixiao.mapping.LabelMappings.FundsColumn;
import org.jixiao.mapping.LabelMappings.FundsMatrixMapping;
import org.jixiao.mapping.LabelMappings.Section;
import org.jixiao.mapping.LabelSet;

/**
 * The funds matrix of a self-evaluation: a header row naming two or more funds columns (年初预算数,
 * 全年预算数, 全年执行数, 分值, 执行率, 得分 …, formula annotations such as ④=①+②+③ ignored), then
 * a total row (年度资金总额, 总额, 财政资金小计) and the rows that break it down (本年财政拨款,
 * 中央补助 …). Every value is read under its own column header, so a blank cell never moves its
 * neighbours. The block ends at a label left of its label column (the next section) or another
 * section's header.
 */
final class FundsMatrixReader implements SectionReader {

    /** Columns a header must name, so an indicator header's 分值 | 得分 alone is not one. */
    static final int MIN_HEADER_COLUMNS = 2;

    private final ColumnRoles<FundsColumn> columns;
    private final LabelSet totalRows;
    private final Pattern weightPattern;
    private final NumberText figures;
    private final SourceNames sourceNames;
    private BiPredicate<TableView, Integer> otherSection = (t, r) -> false;

    FundsMatrixReader(FundsMatrixMapping mapping, NumberText figures, SourceNames sourceNames) {
        this.columns = new ColumnRoles<>(FundsColumn.class, mapping.columns());
        this.totalRows = new LabelSet(mapping.totalRows());
        this.weightPattern = Pattern.compile(mapping.weightPattern());
        this.figures = figures;
        this.sourceNames = sourceNames;
    }

    void endAt(BiPredicate<TableView, Integer> otherSection) {
        this.otherSection = otherSection;
    }

    /** Column index → funds column when the row is a funds header, else null. */
    Map<Integer, FundsColumn> header(TableView table, int row) {
        Map<Integer, FundsColumn> map = columns.match(table.cells(row), figures);
        if (map == null) return null;
        boolean money = map.containsValue(FundsColumn.ADJUSTED_BUDGET) || map.containsValue(FundsColumn.INITIAL_BUDGET)
                || map.containsValue(FundsColumn.EXECUTED);
        return map.size() >= MIN_HEADER_COLUMNS && money ? map : null;
    }

    @Override
    public boolean startsAt(TableView table, int row) {
        return header(table, row) != null;
    }

    @Override
    public int read(TableView table, int h, ReportDraft draft) {
        Map<Integer, FundsColumn> header = header(table, h);
        ReportDraft.SectionState state = draft.section(Section.FUNDS, table.location(h));
        for (FundsColumn c : FundsColumn.values()) {
            if (header.containsValue(c)) state.columnsFound.add(title(c));
            else state.columnsMissing.add(title(c));
        }
        int firstColumn = header.keySet().stream().min(Integer::compare).orElse(0);
        int labelColumn = -1;
        boolean totals = false;
        boolean breakdown = false;
        int r = h + 1;
        for (; r < table.size(); r++) {
            if (table.filled(r) == 0) continue;
            int first = table.firstNonEmpty(r);
            if (labelColumn < 0) labelColumn = Math.min(first, Math.max(0, firstColumn - 1));
            if (first < labelColumn) break;
            if (otherSection.test(table, r)) break;
            String label = first < firstColumn ? table.cell(r, first) : "";
            Map<FundsColumn, ReportDraft.Located<BigDecimal>> values = values(table, r, header, first);
            if (values.isEmpty()) continue;
            if (!totals && (totalRows.matches(SourceNames.withoutOfWhich(label)) || label.isEmpty())) {
                totals = true;
                state.rows = 1;
                values.forEach(draft.fundsTotals::putIfAbsent);
                continue;
            }
            String name = sourceNames.name(label);
            if (sourceNames.excluded(name) || totalRows.matches(name) || draft.sourcesClosed) continue;
            ReportDraft.Located<BigDecimal> amount = values.getOrDefault(FundsColumn.ADJUSTED_BUDGET, values.get(FundsColumn.INITIAL_BUDGET));
            if (amount == null) continue;
            if (draft.sources.isEmpty() && draft.sourcesTotal == null) {
                ReportDraft.Located<BigDecimal> t = draft.fundsTotals.getOrDefault(FundsColumn.ADJUSTED_BUDGET,
                        draft.fundsTotals.get(FundsColumn.INITIAL_BUDGET));
                draft.sourcesTotal = t;
            }
            draft.addSource(name, amount.value(), table.location(r));
            breakdown = true;
        }
        if (breakdown) {
            draft.sourcesClosed = true;
            draft.section(Section.SOURCES, table.location(h)).rows = 1;
        }
        if (!draft.fundsTotals.containsKey(FundsColumn.EXECUTION_WEIGHT)) {
            BigDecimal w = weightFromHeader(table, h);
            if (w != null) draft.fundsTotals.put(FundsColumn.EXECUTION_WEIGHT, new ReportDraft.Located<>(w, table.location(h)));
        }
        return Math.max(r, h + 1);
    }

    private Map<FundsColumn, ReportDraft.Located<BigDecimal>> values(TableView table, int r, Map<Integer, FundsColumn> header, int labelAt) {
        Map<FundsColumn, ReportDraft.Located<BigDecimal>> out = new EnumMap<>(FundsColumn.class);
        for (Map.Entry<Integer, FundsColumn> e : header.entrySet()) {
            if (e.getKey() <= labelAt && !figures.isNumber(table.cell(r, e.getKey()))) continue;
            BigDecimal v = figures.parse(table.cell(r, e.getKey()));
            if (v != null) out.put(e.getValue(), new ReportDraft.Located<>(v, table.location(r, e.getKey())));
        }
        return out;
    }

    private BigDecimal weightFromHeader(TableView table, int h) {
        for (String cell : table.cells(h)) {
            Matcher m = weightPattern.matcher(NumberText.halfWidth(cell));
            if (m.find()) return new BigDecimal(m.group(1));
        }
        return null;
    }

    static String title(FundsColumn c) {
        return switch (c) {
            case INITIAL_BUDGET -> "年初预算数";
            case ADJUSTED_BUDGET -> "全年预算数";
            case EXECUTED -> "全年执行数";
            case EXECUTION_WEIGHT -> "分值";
            case EXECUTION_RATE -> "执行率";
            case EXECUTION_SCORE -> "得分";
        };
    }
}
