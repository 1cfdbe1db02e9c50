package org.jixiao.normalize;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jixiao.mapping.LabelMappings.FundSourcesMapping;
import org.jixiao.mapping.LabelSet;
import org.jixiao.model.FundSource;
import org.jixiao.model.TableRow;

/**
 * 项目资金来源 of a declaration: a row starting the section and naming the total (项目资金总额),
 * then one row per source (name, amount) until a row that is not one, or the table ends.
 */
final class FundSourcesReader {

    record Sources(BigDecimal total, List<FundSource> sources) {
    }

    private final LabelSet section;
    private final LabelSet totalLabels;

    private final NumberText figures;

    FundSourcesReader(FundSourcesMapping mapping, NumberText figures) {
        this.figures = figures;
        this.section = new LabelSet(mapping.sectionLabels());
        this.totalLabels = new LabelSet(mapping.totalLabels());
    }

    boolean startsSection(TableRow row) {
        int first = DocumentView.firstNonEmpty(row);
        return first >= 0 && section.matches(row.cell(first));
    }

    Sources read(List<List<TableRow>> tables) {
        for (List<TableRow> table : tables) {
            for (int s = 0; s < table.size(); s++) {
                if (!startsSection(table.get(s))) continue;
                BigDecimal total = null;
                List<FundSource> sources = new ArrayList<>();
                TableRow head = table.get(s);
                List<String> rest = head.cells().subList(DocumentView.firstNonEmpty(head) + 1, head.cells().size());
                LabelAmount first = labelAmount(rest);
                if (first != null) {
                    if (totalLabels.matches(first.label)) total = first.amount;
                    else sources.add(new FundSource(first.label, first.amount));
                }
                for (int r = s + 1; r < table.size(); r++) {
                    LabelAmount la = labelAmount(table.get(r).cells());
                    if (la == null) break;
                    if (totalLabels.matches(la.label) && total == null) total = la.amount;
                    else sources.add(new FundSource(la.label, la.amount));
                }
                return new Sources(total, sources);
            }
        }
        return null;
    }

    private record LabelAmount(String label, BigDecimal amount) {
    }

    /** "label, then a figure": the shape of every sources row. */
    private LabelAmount labelAmount(List<String> cells) {
        String label = null;
        for (String c : cells) {
            if (c.isBlank()) continue;
            if (label == null) {
                if (figures.isNumber(c)) return null;
                label = SectionLabels.withoutOfWhich(c);
            } else {
                BigDecimal v = figures.parse(c);
                return v == null ? null : new LabelAmount(label, v);
            }
        }
        return null;
    }
}
