package org.jixiao.normalize;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jixiao.mapping.LabelMappings.BudgetItemsMapping;
import org.jixiao.mapping.LabelMappings.ItemColumn;
import org.jixiao.mapping.LabelMappings.Section;
import org.jixiao.mapping.LabelSet;
import org.jixiao.model.BudgetItem;

/**
 * 项目概算 / 项目资金测算表 / 预算成本构成 / 资金安排表 / 年度履职目标: a header naming the item
 * column and the amount column (支出内容 | 测算依据及说明 | 金额 …, in any order), then one row per
 * item with its amount; the 合计 row is kept to be compared, not counted. Columns of earlier
 * years' execution beside the items (2021年实际执行数) give the prior year's use from their total.
 */
final class BudgetItemsReader implements SectionReader {

    private final ColumnRoles<ItemColumn> columns;
    private final LabelSet endRows;
    private final Pattern priorYearColumn;
    private final NumberText figures;

    BudgetItemsReader(BudgetItemsMapping mapping, NumberText figures) {
        this.columns = new ColumnRoles<>(ItemColumn.class, mapping.columns());
        this.endRows = new LabelSet(mapping.endRows());
        this.priorYearColumn = Pattern.compile(mapping.priorYearColumn());
        this.figures = figures;
    }

    Map<ItemColumn, Integer> header(TableView table, int row) {
        Map<Integer, ItemColumn> byColumn = columns.match(table.cells(row), figures);
        if (byColumn == null) return null;
        Map<ItemColumn, Integer> map = new EnumMap<>(ItemColumn.class);
        byColumn.forEach((c, k) -> map.put(k, c));
        if (!map.containsKey(ItemColumn.NAME) || !map.containsKey(ItemColumn.AMOUNT)) return null;
        // The first item row must carry an amount under the amount column.
        for (int r = row + 1; r < table.size(); r++) {
            if (table.filled(r) == 0) continue;
            return figures.parse(table.cell(r, map.get(ItemColumn.AMOUNT))) != null ? map : null;
        }
        return null;
    }

    @Override
    public boolean startsAt(TableView table, int row) {
        return header(table, row) != null;
    }

    @Override
    public int read(TableView table, int h, ReportDraft draft) {
        Map<ItemColumn, Integer> header = header(table, h);
        Map<Integer, Integer> priorColumns = new LinkedHashMap<>();
        for (int c = 0; c < table.width(h); c++) {
            Matcher m = priorYearColumn.matcher(table.cell(h, c).replaceAll("\\s+", ""));
            if (m.find()) priorColumns.put(Integer.valueOf(m.group(1)), c);
        }
        ReportDraft.SectionState state = draft.section(Section.BUDGET_ITEMS, table.location(h));
        state.columnsFound.add("项目名称");
        state.columnsFound.add("金额");
        int nameAt = header.get(ItemColumn.NAME);
        int amountAt = header.get(ItemColumn.AMOUNT);
        Integer purposeAt = header.get(ItemColumn.PURPOSE);
        int r = h + 1;
        for (; r < table.size(); r++) {
            if (table.filled(r) == 0) continue;
            int first = table.firstNonEmpty(r);
            if (endRows.matches(table.cell(r, first)) || endRows.matches(table.cell(r, nameAt))) {
                BigDecimal total = figures.parse(table.cell(r, amountAt));
                if (total != null && draft.itemsTotal == null) {
                    draft.itemsTotal = new ReportDraft.Located<>(total, table.location(r, amountAt));
                }
                priorYearUsed(table, r, priorColumns, draft);
                r++;
                break;
            }
            String name = table.cell(r, nameAt);
            BigDecimal amount = figures.parse(table.cell(r, amountAt));
            if (name.isEmpty() || amount == null) break;
            String purpose = purposeAt == null ? "" : table.cell(r, purposeAt);
            draft.budgetItems.add(new BudgetItem(name, amount, purpose.isEmpty() ? null : purpose, table.location(r)));
            state.rows++;
        }
        return Math.max(r, h + 1);
    }

    /** The latest column before the report's year: its total is what was used the year before. */
    private void priorYearUsed(TableView table, int totalRow, Map<Integer, Integer> priorColumns, ReportDraft draft) {
        Integer best = null;
        for (Integer year : priorColumns.keySet()) {
            if (draft.reportYear != null && year >= draft.reportYear) continue;
            if (best == null || year > best) best = year;
        }
        if (best == null) return;
        int c = priorColumns.get(best);
        BigDecimal used = figures.parse(table.cell(totalRow, c));
        if (used != null) {
            draft.priorYearUsedFromItems = new ReportDraft.Located<>(used, table.location(totalRow, c));
            draft.section(Section.PRIOR_YEAR, table.location(totalRow)).rows = 1;
        }
    }
}
