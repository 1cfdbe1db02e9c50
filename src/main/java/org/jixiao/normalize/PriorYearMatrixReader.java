package org.jixiao.normalize;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jixiao.mapping.LabelMappings.FigureField;
import org.jixiao.mapping.LabelMappings.Section;
import org.jixiao.mapping.LabelSet;

/**
 * 上年度资金使用情况 as a matrix with a column per year (项目 | 2022年 | 2023年, then 预算安排数,
 * 实际使用数, 结余数, 资金使用率 rows): the prior year is the latest column before the report's
 * year, read under its own header so the other year's figures never stand in for it.
 */
final class PriorYearMatrixReader implements SectionReader {

    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年度?");
    private static final List<FigureField> FIELDS = List.of(FigureField.PRIOR_BUDGET, FigureField.PRIOR_USED,
            FigureField.PRIOR_BALANCE, FigureField.PRIOR_USE_RATE);

    private final LabelSet sections;
    private final Map<FigureField, LabelSet> labels = new EnumMap<>(FigureField.class);
    private final NumberText figures;

    PriorYearMatrixReader(List<String> sections, Map<FigureField, List<String>> figureLabels, NumberText figures) {
        this.sections = new LabelSet(sections);
        for (FigureField f : FIELDS) labels.put(f, new LabelSet(figureLabels.get(f)));
        this.figures = figures;
    }

    private Map<Integer, Integer> years(TableView table, int row) {
        Map<Integer, Integer> out = new LinkedHashMap<>();
        for (int c = table.firstNonEmpty(row) + 1; c < table.width(row); c++) {
            Matcher m = YEAR.matcher(table.cell(row, c));
            if (m.matches()) out.put(Integer.valueOf(m.group(1)), c);
        }
        return out;
    }

    @Override
    public boolean startsAt(TableView table, int row) {
        int first = table.firstNonEmpty(row);
        return first >= 0 && sections.matches(table.cell(row, first)) && !years(table, row).isEmpty();
    }

    @Override
    public int read(TableView table, int start, ReportDraft draft) {
        Map<Integer, Integer> years = years(table, start);
        Integer chosen = null;
        for (Integer y : years.keySet()) {
            if (draft.reportYear != null && y >= draft.reportYear) continue;
            if (chosen == null || y > chosen) chosen = y;
        }
        int sectionColumn = table.firstNonEmpty(start);
        int r = start + 1;
        for (; r < table.size(); r++) {
            if (table.filled(r) == 0) continue;
            int first = table.firstNonEmpty(r);
            if (first <= sectionColumn) break;
            if (chosen == null) continue;
            String label = table.cell(r, first);
            for (FigureField f : FIELDS) {
                if (!labels.get(f).matches(label)) continue;
                int c = years.get(chosen);
                BigDecimal v = figures.parse(table.cell(r, c));
                if (v != null) draft.putFigure(f, v, table.location(r, c));
                break;
            }
        }
        draft.section(Section.PRIOR_YEAR, table.location(start)).rows = chosen == null ? 0 : 1;
        return r;
    }
}
