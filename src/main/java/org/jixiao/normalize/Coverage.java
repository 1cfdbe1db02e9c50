package org.jixiao.normalize;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jixiao.mapping.LabelMappings.FigureField;
import org.jixiao.mapping.LabelMappings.HeaderField;
import org.jixiao.mapping.LabelMappings.Section;
import org.jixiao.mapping.LabelText;
import org.jixiao.model.FormVariant;
import org.jixiao.model.ReportKind;
import org.jixiao.model.SectionCoverage;

/**
 * Per section a form should have, whether it was found and how much of it was read. A section is
 * expected when the form variant has it (labels.yaml {@code expectedSections}) or when the
 * document announces it (a 项目概算 heading, a 总分 row): a report whose 项目资金测算表 was not
 * recognised must say so, never look clean.
 */
final class Coverage {

    private final Map<FormVariant, List<Section>> expectedByForm;
    private final Map<Section, List<String>> signals;

    Coverage(Map<FormVariant, List<Section>> expectedByForm, Map<Section, List<String>> signals) {
        this.expectedByForm = expectedByForm;
        Map<Section, List<String>> normalized = new java.util.EnumMap<>(Section.class);
        signals.forEach((k, v) -> normalized.put(k, v.stream().map(LabelText::normalize).toList()));
        this.signals = normalized;
    }

    /**
     * @param labels the cells and short lines of the document: a section is announced by a label
     *               (项目概算, 项目资金(万元)), not by the same words inside a sentence
     */
    List<SectionCoverage> of(FormVariant form, List<String> labels, ReportDraft draft, int fundsFigures,
                             boolean totalScoreRead, int indicatorsRead, boolean projectRead) {
        Set<Section> expected = EnumSet.noneOf(Section.class);
        if (form != null) expected.addAll(expectedByForm.getOrDefault(form, List.of()));
        // Each label's bare form once, not once per section.
        List<String> bare = labels.stream().map(LabelText::bare).filter(b -> !b.isEmpty() && b.length() <= MAX_LABEL_LENGTH)
                .toList();
        for (Map.Entry<Section, List<String>> e : signals.entrySet()) {
            if (announced(bare, e.getValue())) expected.add(e.getKey());
        }
        List<SectionCoverage> out = new ArrayList<>();
        for (Section s : Section.values()) {
            ReportDraft.SectionState st = draft.sections.get(s);
            boolean found = st != null;
            if (!expected.contains(s) && !found) continue;
            int rows = switch (s) {
                case INDICATORS -> indicatorsRead;
                case BUDGET_ITEMS -> draft.budgetItems.size();
                case SOURCES -> draft.sources.size();
                case FUNDS -> fundsFigures;
                case TOTAL_SCORE -> totalScoreRead || draft.totalRowSeen ? 1 : 0;
                case PROJECT -> projectRead ? 1 : 0;
                case PRIOR_YEAR -> st == null ? 0 : st.rows;
            };
            // A section whose figures were read elsewhere (a 资金总额 row under 资金来源) was found.
            found = found || rows > 0;
            List<String> columnsFound = new ArrayList<>(st == null ? List.of() : st.columnsFound);
            List<String> columnsMissing = new ArrayList<>(st == null ? List.of() : st.columnsMissing);
            fields(s, draft, columnsFound, columnsMissing);
            if (s == Section.INDICATORS) columnsMissing.removeAll(notExpectedColumns(form));
            out.add(new SectionCoverage(s.field(), title(s), expected.contains(s), found, rows,
                    columnsFound, columnsMissing, st == null ? null : st.location));
        }
        return out;
    }

    /**
     * The fields of the header, funds and prior-year sections that were read from label-value
     * cells, and those of the header that are missing, so a reviewer sees what is behind "found".
     */
    private static void fields(Section s, ReportDraft draft, List<String> found, List<String> missing) {
        switch (s) {
            case PROJECT -> {
                for (HeaderField f : List.of(HeaderField.PROJECT_NAME, HeaderField.DEPARTMENT, HeaderField.IMPLEMENTING_UNIT)) {
                    boolean read = draft.header.containsKey(f)
                            || (f == HeaderField.DEPARTMENT && draft.header.containsKey(HeaderField.DEPARTMENT_FALLBACK));
                    (read ? found : missing).add(FIELD_TITLES.get(f));
                }
            }
            case FUNDS -> {
                for (FigureField f : List.of(FigureField.TOTAL_AMOUNT, FigureField.CURRENT_YEAR_AMOUNT, FigureField.EXECUTED,
                        FigureField.EXECUTION_WEIGHT)) {
                    if (draft.figures.containsKey(f) && !found.contains(FIGURE_TITLES.get(f))) found.add(FIGURE_TITLES.get(f));
                }
            }
            case PRIOR_YEAR -> {
                for (FigureField f : List.of(FigureField.PRIOR_BUDGET, FigureField.PRIOR_USED, FigureField.PRIOR_BALANCE,
                        FigureField.PRIOR_USE_RATE)) {
                    boolean read = draft.figures.containsKey(f)
                            || (f == FigureField.PRIOR_USED && draft.priorYearUsedFromItems != null);
                    (read ? found : missing).add(FIGURE_TITLES.get(f));
                }
            }
            default -> {
                // Tables state their own columns.
            }
        }
    }

    private static final Map<HeaderField, String> FIELD_TITLES = Map.of(HeaderField.PROJECT_NAME, "项目名称",
            HeaderField.DEPARTMENT, "主管部门", HeaderField.IMPLEMENTING_UNIT, "实施单位");
    private static final Map<FigureField, String> FIGURE_TITLES = Map.of(FigureField.TOTAL_AMOUNT, "项目资金总额",
            FigureField.CURRENT_YEAR_AMOUNT, "本年度资金", FigureField.EXECUTED, "执行数", FigureField.EXECUTION_WEIGHT, "分值",
            FigureField.PRIOR_BUDGET, "上年度预算安排", FigureField.PRIOR_USED, "上年度实际使用",
            FigureField.PRIOR_BALANCE, "上年度结余", FigureField.PRIOR_USE_RATE, "上年度资金使用率");

    /** Indicator columns a form of this variant does not have: a declaration has no 实际完成值. */
    private static List<String> notExpectedColumns(FormVariant form) {
        if (form == null || form.kind() == null) return List.of("实际完成值", "得分", "分值");
        if (form == FormVariant.SCORING_SHEET) return List.of("指标值", "实际完成值");
        if (form.kind() == ReportKind.TARGET_DECLARATION) return List.of("实际完成值", "得分", "分值");
        return List.of();
    }

    /** Longest label that can announce a section; longer cells are sentences. */
    static final int MAX_LABEL_LENGTH = 20;

    private static boolean announced(List<String> bareLabels, List<String> signals) {
        for (String n : bareLabels) {
            for (String s : signals) {
                if (n.startsWith(s)) return true;
            }
        }
        return false;
    }

    static String title(Section s) {
        return switch (s) {
            case PROJECT -> "项目基本信息";
            case FUNDS -> "项目资金";
            case SOURCES -> "资金来源";
            case PRIOR_YEAR -> "上年度资金使用情况";
            case BUDGET_ITEMS -> "项目概算（资金测算明细）";
            case INDICATORS -> "绩效指标";
            case TOTAL_SCORE -> "总分";
        };
    }
}
