package org.jixiao.normalize;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jixiao.mapping.LabelMappings.HeaderField;
import org.jixiao.mapping.LabelSet;

/**
 * The section readers, listed in the one place that orders them. Each table is read row by row;
 * at each row the readers are asked in turn whether their block starts there, and the first that
 * says yes reads it. The label-value reader comes last and takes any row nobody claimed.
 */
final class SectionReaders {

    private final LabelValueReader labelValues;
    private final List<SectionReader> order;
    private final LabelSet headerLabels;

    SectionReaders(IndicatorTableReader indicators, FundsMatrixReader funds, BudgetItemsReader items,
                   SourcesSectionReader sources, PriorYearMatrixReader priorYear, LabelValueReader labelValues,
                   List<String> headerLabels) {
        this.labelValues = labelValues;
        this.order = List.of(indicators, funds, items, sources, priorYear, labelValues);
        this.headerLabels = new LabelSet(headerLabels);
        // A block ends where another section's block starts.
        indicators.endAt((t, r) -> funds.startsAt(t, r) || items.startsAt(t, r) || sources.startsAt(t, r));
        funds.endAt((t, r) -> indicators.startsAt(t, r) || items.startsAt(t, r) || sources.startsAt(t, r));
    }

    /** The labels that start a report's own header block (项目名称, 主管部门 …). */
    static List<String> headerLabels(Map<HeaderField, List<String>> header) {
        return Stream.concat(header.get(HeaderField.PROJECT_NAME).stream(), header.get(HeaderField.DEPARTMENT).stream())
                .toList();
    }

    LabelValueReader labelValues() {
        return labelValues;
    }

    /**
     * Reads every table of the document. Tables that come before the title, hold indicator or
     * funds rows but no header of their own, while a table after the title has one, are the tail
     * of another report printed on the same page, and are left out.
     */
    void read(DocumentView view, int titleBlock, ReportDraft draft) {
        boolean headerAfterTitle = false;
        for (int t = 0; t < view.tables.size(); t++) {
            if (view.tableBlocks.get(t) > titleBlock && hasHeader(view.tables.get(t))) headerAfterTitle = true;
        }
        for (int t = 0; t < view.tables.size(); t++) {
            TableView table = view.tables.get(t);
            if (titleBlock >= 0 && view.tableBlocks.get(t) < titleBlock && headerAfterTitle && !hasHeader(table)) continue;
            labelValues.startTable(draft);
            int r = 0;
            while (r < table.size()) {
                int next = r + 1;
                for (SectionReader reader : order) {
                    if (reader.startsAt(table, r)) {
                        next = Math.max(r + 1, reader.read(table, r, draft));
                        break;
                    }
                }
                r = next;
            }
        }
    }

    private boolean hasHeader(TableView table) {
        for (int r = 0; r < table.size(); r++) {
            for (String c : table.cells(r)) {
                if (headerLabels.matches(c)) return true;
            }
        }
        return false;
    }
}
