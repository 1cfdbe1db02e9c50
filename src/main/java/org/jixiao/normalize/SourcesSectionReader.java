package org.jixiao.normalize;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jixiao.mapping.LabelMappings.FigureField;
import org.jixiao.mapping.LabelMappings.Section;
import org.jixiao.mapping.LabelSet;
import org.jixiao.model.Location;

/**
 * 资金来源 as a section of its own (declarations): a row whose section label is 项目资金来源
 * and whose own label names the total (项目资金总额), then one row per source (name, amount)
 * while the section cell stays empty (merged). Enumerated lists keep their top level only.
 */
final class SourcesSectionReader implements SectionReader {

    private final LabelSet sections;
    private final LabelSet totalLabels;
    private final NumberText figures;
    private final SourceNames names;

    SourcesSectionReader(List<String> sections, List<String> totalLabels, NumberText figures, SourceNames names) {
        this.sections = new LabelSet(sections);
        this.totalLabels = new LabelSet(totalLabels);
        this.figures = figures;
        this.names = names;
    }

    @Override
    public boolean startsAt(TableView table, int row) {
        int first = table.firstNonEmpty(row);
        if (first < 0 || !sections.matches(table.cell(row, first))) return false;
        // The section label, then label | amount rows.
        return labelAmount(table, row, first + 1) != null || (row + 1 < table.size()
                && table.firstNonEmpty(row + 1) > first && labelAmount(table, row + 1, first + 1) != null);
    }

    private record Row(String label, BigDecimal amount, int level, Location at) {
    }

    @Override
    public int read(TableView table, int start, ReportDraft draft) {
        int sectionColumn = table.firstNonEmpty(start);
        List<Row> rows = new ArrayList<>();
        Row total = null;
        int r = start;
        for (; r < table.size(); r++) {
            boolean leftLabel = r > start && table.filled(r) > 0 && table.firstNonEmpty(r) <= sectionColumn;
            // A list continued after a page break loses its merged section cell: a bare
            // "name | amount" row still belongs to it.
            Row row = leftLabel ? continued(table, r) : labelAmount(table, r, sectionColumn + 1);
            if (leftLabel && row == null) break;
            if (row == null) continue;
            if (total == null && rows.isEmpty() && totalLabels.matches(SourceNames.withoutOfWhich(row.label()))) {
                total = row;
                continue;
            }
            rows.add(row);
        }
        draft.section(Section.SOURCES, table.location(start));
        if (total != null) {
            draft.putFigure(FigureField.TOTAL_AMOUNT, total.amount(), total.at());
            if (draft.sourcesTotal == null) draft.sourcesTotal = new ReportDraft.Located<>(total.amount(), total.at());
        }
        int top = rows.stream().mapToInt(Row::level).filter(l -> l >= 0).min().orElse(-1);
        if (!draft.sourcesClosed) {
            for (Row row : rows) {
                if (top >= 0 && row.level() != top) continue;
                String name = names.name(row.label());
                if (names.excluded(name)) continue;
                draft.addSource(name, row.amount(), row.at());
                draft.section(Section.SOURCES, table.location(start)).rows++;
            }
            draft.sourcesClosed = !rows.isEmpty();
        }
        return Math.max(r, start + 1);
    }

    private Row continued(TableView table, int r) {
        if (table.filled(r) != 2) return null;
        Row row = labelAmount(table, r, table.firstNonEmpty(r));
        if (row == null || sections.matches(row.label()) || totalLabels.matches(row.label())) return null;
        return row;
    }

    /** "label, then a figure" from column {@code from} on. */
    private Row labelAmount(TableView table, int r, int from) {
        String label = null;
        for (int c = from; c < table.width(r); c++) {
            String cell = table.cell(r, c);
            if (cell.isEmpty()) continue;
            if (label == null) {
                if (figures.isNumber(cell)) return null;
                label = cell;
            } else {
                BigDecimal v = figures.parse(cell);
                return v == null ? null : new Row(label, v, names.level(label), table.location(r, c));
            }
        }
        return null;
    }
}
