package org.jixiao.normalize;

import java.util.List;
import org.jixiao.mapping.LabelMappings.FormsMapping;
import org.jixiao.mapping.LabelMappings.TitleMapping;
import org.jixiao.mapping.LabelMappings.VariantSignal;
import org.jixiao.mapping.LabelText;
import org.jixiao.model.FormVariant;
import org.jixiao.model.Indicator;
import org.jixiao.model.ReportKind;

/**
 * The title of a document and the form it is. The family comes from the title (自评 before
 * 目标: a 绩效目标自评表 evaluates); the variant from the title's phrases (部门整体, 转移支付,
 * 审批表 …). Without a title, the sections read decide: an indicator table with actual values or
 * a funds block with execution is a self-evaluation, targets alone a declaration.
 */
final class FormClassifier {

    /** A title line that wraps: the line before it is joined when it is at most this long. */
    static final int WRAPPED_TITLE_PART = 40;
    /** …and the line after it when it is at most this long and ends the form's name (自评表, 表). */
    static final int WRAPPED_TITLE_TAIL = 6;

    record Title(String text, int block) {
    }

    private final TitleMapping titles;
    private final FormsMapping forms;

    FormClassifier(TitleMapping titles, FormsMapping forms) {
        this.titles = titles;
        this.forms = forms;
    }

    /**
     * The first line naming a form; a title that wrapped is joined again: the short line before it
     * when this one starts inside the form's name (…区域(项目)绩 + 效目标自评表, 特困家庭再扶助 +
     * 项目支出绩效目标申报表), a lone character after it (…审批 + 表). Null when no line names a form.
     */
    Title title(List<DocumentView.Line> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).text().strip();
            if (t.length() > titles.maxTitleLength() || !containsAny(t, titles.keywords())) continue;
            if (titles.notTitlePrefixes().stream().anyMatch(t::startsWith) || t.matches("^\\d+[.、．].*")) continue;
            String end = t.replaceAll("[\\s。.]+$", "");
            if (titles.notTitleEndings().stream().anyMatch(end::endsWith)) continue;
            String text = t.replaceAll("\\s+", " ");
            if (i > 0 && text.matches("^(效|表|项目|支出|绩效|部门).*")) {
                DocumentView.Line prev = lines.get(i - 1);
                String p = prev.text().strip();
                boolean wrapped = prev.block() == lines.get(i).block() - 1 && !p.isEmpty()
                        && p.length() <= WRAPPED_TITLE_PART && !p.matches(".*[。:：;；,，]$") && !p.matches("^[(（\\[].*")
                        && titles.notTitlePrefixes().stream().noneMatch(p::startsWith) && !containsAny(p, titles.keywords());
                if (wrapped) text = p + text;
            }
            String next = i + 1 < lines.size() ? lines.get(i + 1).text().strip() : "";
            if (i + 1 < lines.size() && lines.get(i + 1).block() == lines.get(i).block() + 1
                    && !next.isEmpty() && next.length() <= WRAPPED_TITLE_TAIL && next.endsWith("表")) {
                text = text + lines.get(i + 1).text().strip();
            }
            return new Title(text, lines.get(i).block());
        }
        return null;
    }

    /** The family named by the title, or null (none, or a bare indicator table). */
    private ReportKind family(String title) {
        if (title == null) return null;
        String t = LabelText.normalize(title);
        if (containsAny(t, forms.indicatorTablePhrases())) return null;
        for (ReportKind k : List.of(ReportKind.SELF_EVALUATION, ReportKind.TARGET_DECLARATION)) {
            if (containsAny(t, forms.family().getOrDefault(k, List.of()))) return k;
        }
        return null;
    }

    private boolean indicatorTable(String title) {
        return title != null && containsAny(LabelText.normalize(title), forms.indicatorTablePhrases());
    }

    /**
     * The form read: from the title when it names one, else from what was read.
     *
     * @return null when neither the title nor the content make it a form
     */
    FormVariant classify(String title, List<Indicator> indicators, boolean executionRead, boolean declarationFunds,
                         boolean proseIndicators) {
        if (indicatorTable(title)) return FormVariant.INDICATOR_TABLE;
        ReportKind kind = family(title);
        if (kind == null) {
            boolean actuals = indicators.stream().anyMatch(i -> i.actual() != null || i.score() != null);
            boolean targets = indicators.stream().anyMatch(i -> i.target() != null);
            if (actuals || executionRead) kind = ReportKind.SELF_EVALUATION;
            else if (targets || declarationFunds) kind = ReportKind.TARGET_DECLARATION;
            else return null;
        }
        String t = title == null ? "" : LabelText.normalize(title);
        for (VariantSignal v : forms.variants()) {
            if (!t.contains(LabelText.normalize(v.phrase()))) continue;
            FormVariant f = kind == ReportKind.SELF_EVALUATION ? v.selfEvaluation() : v.declaration();
            if (f != null) return f;
        }
        if (kind == ReportKind.SELF_EVALUATION) {
            boolean scoredOnly = !indicators.isEmpty() && indicators.stream()
                    .allMatch(i -> i.target() == null && i.actual() == null && (i.weight() != null || i.score() != null));
            return scoredOnly ? FormVariant.SCORING_SHEET : FormVariant.PROJECT_SELF_EVALUATION;
        }
        return proseIndicators && indicators.isEmpty() ? FormVariant.TARGET_NOTICE : FormVariant.PROJECT_DECLARATION;
    }

    private static boolean containsAny(String text, List<String> phrases) {
        String n = LabelText.normalize(text);
        for (String p : phrases) {
            if (n.contains(LabelText.normalize(p))) return true;
        }
        return false;
    }
}
