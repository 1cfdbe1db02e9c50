package org.jixiao.normalize;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jixiao.mapping.LabelMappings.FundsMapping;
import org.jixiao.mapping.LabelSet;
import org.jixiao.model.FundSource;
import org.jixiao.model.Location;
import org.jixiao.model.TableRow;

/**
 * The funds block of a self-evaluation: a header row naming two or more funds columns (预算数,
 * 执行数, 执行率, 得分 …), then a total row (年度资金总额) and optional breakdown rows
 * (本年财政拨款, 上年结转资金, 其他资金). Values are taken from the header's columns; when a
 * conversion moved the cells, from the figures of the row in order.
 */
final class FundsBlockReader {

    /** A header must name at least this many funds columns, so an indicator header's 得分 alone is not one. */
    static final int MIN_HEADER_COLUMNS = 2;

    record Block(Map<String, BigDecimal> totals, List<FundSource> breakdown, Location location) {
    }

    private final Map<String, LabelSet> columns = new LinkedHashMap<>();
    private final LabelSet totalRows;
    private final LabelSet breakdownRows;
    private final Pattern weightPattern;

    private final NumberText figures;

    FundsBlockReader(FundsMapping mapping, NumberText figures) {
        this.figures = figures;
        mapping.columns().forEach((k, v) -> columns.put(k, new LabelSet(v)));
        totalRows = new LabelSet(mapping.totalRows());
        breakdownRows = new LabelSet(mapping.breakdownRows());
        weightPattern = Pattern.compile(mapping.weightPattern());
    }

    /** Column key per cell index when the row is a funds header, else null. */
    Map<Integer, String> header(TableRow row) {
        Map<Integer, String> map = new LinkedHashMap<>();
        for (int i = 0; i < row.cells().size(); i++) {
            String cell = row.cells().get(i);
            for (Map.Entry<String, LabelSet> e : columns.entrySet()) {
                if (e.getValue().matches(cell) && !map.containsValue(e.getKey())) {
                    map.put(i, e.getKey());
                    break;
                }
            }
        }
        return map.size() >= MIN_HEADER_COLUMNS ? map : null;
    }

    Block read(List<List<TableRow>> tables) {
        for (List<TableRow> table : tables) {
            for (int h = 0; h < table.size(); h++) {
                Map<Integer, String> header = header(table.get(h));
                if (header == null) continue;
                Block b = readAfter(table, h, header);
                if (b != null) return b;
            }
        }
        return null;
    }

    private Block readAfter(List<TableRow> table, int h, Map<Integer, String> header) {
        Map<String, BigDecimal> totals = null;
        List<FundSource> breakdown = new ArrayList<>();
        Location location = null;
        for (int r = h + 1; r < table.size(); r++) {
            TableRow row = table.get(r);
            int labelAt = labelIndex(row);
            if (labelAt < 0) break;
            String label = SectionLabels.withoutOfWhich(row.cell(labelAt));
            boolean total = totalRows.matches(label);
            boolean part = breakdownRows.matches(label);
            if (!total && !part) break;
            Map<String, BigDecimal> values = values(row, labelAt, header);
            if (total && totals == null) {
                totals = values;
                location = row.location();
            } else if (part) {
                BigDecimal amount = values.getOrDefault("adjustedBudget", values.get("initialBudget"));
                breakdown.add(new FundSource(label, amount));
            }
        }
        if (totals == null) return null;
        if (!totals.containsKey("executionWeight")) {
            BigDecimal w = weightFromHeader(table.get(h));
            if (w != null) totals.put("executionWeight", w);
        }
        return new Block(totals, breakdown, location);
    }

    private int labelIndex(TableRow row) {
        for (int i = 0; i < row.cells().size(); i++) {
            String c = row.cells().get(i);
            if (c.isBlank()) continue;
            return figures.isNumber(c) ? -1 : i;
        }
        return -1;
    }

    private Map<String, BigDecimal> values(TableRow row, int labelAt, Map<Integer, String> header) {
        Map<String, BigDecimal> positional = new LinkedHashMap<>();
        for (Map.Entry<Integer, String> e : header.entrySet()) {
            if (e.getKey() <= labelAt) continue;
            BigDecimal v = figures.parse(row.cell(e.getKey()));
            if (v != null) positional.put(e.getValue(), v);
        }
        List<BigDecimal> inOrder = new ArrayList<>();
        for (int i = labelAt + 1; i < row.cells().size(); i++) {
            BigDecimal v = figures.parse(row.cell(i));
            if (v != null) inOrder.add(v);
        }
        if (positional.size() >= inOrder.size()) return positional;
        // The cells do not sit under their headers: read the figures in header order instead.
        Map<String, BigDecimal> sequential = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(header.values());
        for (int i = 0; i < inOrder.size() && i < keys.size(); i++) sequential.put(keys.get(i), inOrder.get(i));
        return sequential;
    }

    private BigDecimal weightFromHeader(TableRow headerRow) {
        for (String cell : headerRow.cells()) {
            Matcher m = weightPattern.matcher(NumberText.halfWidth(cell));
            if (m.find()) return new BigDecimal(m.group(1));
        }
        return null;
    }
}
