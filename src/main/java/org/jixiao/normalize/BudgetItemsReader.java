package org.jixiao.normalize;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jixiao.mapping.LabelMappings.TableMapping;
import org.jixiao.mapping.LabelSet;
import org.jixiao.model.BudgetItem;
import org.jixiao.model.TableRow;

/** 项目概算: header 项目明细名称 | 金额 | 用途, then one row per line item to the end of the table. */
final class BudgetItemsReader {

    private final Map<String, LabelSet> columns = new LinkedHashMap<>();
    private final LabelSet endRows;

    private final NumberText figures;

    BudgetItemsReader(TableMapping mapping, NumberText figures) {
        this.figures = figures;
        mapping.columns().forEach((k, v) -> columns.put(k, new LabelSet(v)));
        endRows = new LabelSet(mapping.endRows() == null ? List.of("合计", "总计") : mapping.endRows());
    }

    Map<String, Integer> header(TableRow row) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < row.cells().size(); i++) {
            for (Map.Entry<String, LabelSet> e : columns.entrySet()) {
                if (!map.containsKey(e.getKey()) && e.getValue().matches(row.cells().get(i))) {
                    map.put(e.getKey(), i);
                    break;
                }
            }
        }
        return map.containsKey("name") && map.containsKey("amount") ? map : null;
    }

    List<BudgetItem> read(List<List<TableRow>> tables) {
        List<BudgetItem> items = new ArrayList<>();
        for (List<TableRow> table : tables) {
            Map<String, Integer> header = null;
            for (TableRow row : table) {
                Map<String, Integer> h = header(row);
                if (h != null) {
                    header = h;
                    continue;
                }
                if (header == null) continue;
                String name = row.cell(header.get("name")).strip();
                if (name.isEmpty() || endRows.matches(name)) {
                    header = null;
                    continue;
                }
                BigDecimal amount = figures.parse(row.cell(header.get("amount")));
                Integer p = header.get("purpose");
                String purpose = p == null ? "" : row.cell(p).strip();
                items.add(new BudgetItem(name, amount, purpose.isEmpty() ? null : purpose, row.location()));
            }
        }
        return items;
    }
}
