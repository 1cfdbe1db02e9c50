package org.jixiao.verify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jixiao.mapping.Taxonomy;
import org.jixiao.model.FindingCode;
import org.jixiao.model.FormVariant;
import org.jixiao.model.Indicator;
import org.jixiao.model.Report;
import org.jixiao.model.ReportKind;

/** The indicator-design checks (severity WARNING): what a reviewer would send back. */
final class DesignRules {

    private final RuleSettings.Design design;
    private final Taxonomy taxonomy;
    private final Rescorer rescorer;

    DesignRules(RuleSettings.Design design, Taxonomy taxonomy, Rescorer rescorer) {
        this.design = design;
        this.taxonomy = taxonomy;
        this.rescorer = rescorer;
    }

    List<Rule> all() {
        return List.of(this::noIndicators, this::duplicates, this::misclassified, this::targetTooLow,
                this::missingBenefit, this::vagueTargets, this::weightSum, this::categoryWeights);
    }

    /**
     * Only for reports without coverage of their indicator table: where coverage covers it, an
     * indicator table not read is a SECTION_NOT_READ naming what is missing.
     */
    private void noIndicators(Report r, Checks out) {
        if (!r.indicators().isEmpty()) return;
        if (r.coverage().stream().anyMatch(c -> c.section().equals("indicators"))) return;
        out.add(FindingCode.NO_INDICATORS.finding("indicators",
                "未读到绩效指标表：报告中没有可识别的一级/二级/三级指标", null));
    }

    private void duplicates(Report r, Checks out) {
        Map<String, List<Indicator>> byName = new LinkedHashMap<>();
        for (Indicator i : r.indicators()) byName.computeIfAbsent(key(i.name()), k -> new ArrayList<>()).add(i);
        for (List<Indicator> same : byName.values()) {
            if (same.size() < 2) continue;
            // A scoring criterion scored in parts (its 三级 cell merged over two scoring rows) has no
            // targets: the repeated name is the layout, not a duplicated indicator.
            if (same.stream().allMatch(i -> i.target() == null && i.actual() == null)) continue;
            Indicator first = same.get(0);
            out.add(FindingCode.DUPLICATE_INDICATOR.finding(first.name(),
                    "三级指标“" + first.name() + "”重复设置 " + same.size() + " 次，应整合相同或相似的指标",
                    first.location()));
        }
    }

    private void misclassified(Report r, Checks out) {
        Set<String> seen = new LinkedHashSet<>();
        for (Indicator i : r.indicators()) {
            String name = i.name();
            String l2 = taxonomy.level2Category(i.level2());
            if (containsAny(name, design.timeKeywords()) && l2 != null && design.timeMisplacedUnderLevel2().contains(l2)
                    && seen.add(key(name))) {
                out.add(FindingCode.MISCLASSIFIED_INDICATOR.finding(name,
                        "“" + name + "”是时效指标，却设在“" + i.level2() + "”下，应归入时效指标", i.location()));
                continue;
            }
            if (containsAny(name, design.satisfactionKeywords())) {
                String l1 = taxonomy.level1Category(i.level1());
                boolean underOutput = l1 != null && design.satisfactionMisplacedUnderLevel1().contains(l1);
                boolean underBenefit = i.level2() != null && containsAny(i.level2(), design.benefitWords());
                if ((underOutput || underBenefit) && seen.add(key(name))) {
                    String where = underOutput ? i.level1() : i.level2();
                    out.add(FindingCode.MISCLASSIFIED_INDICATOR.finding(name,
                            "“" + name + "”是满意度指标，却设在“" + where + "”下，应归入满意度指标", i.location()));
                }
            }
        }
    }

    private void targetTooLow(Report r, Checks out) {
        Set<String> seen = new LinkedHashSet<>();
        for (Indicator i : r.indicators()) {
            if (rescorer.direction(i) != Rescorer.Direction.POSITIVE) continue;
            BigDecimal[] ab = rescorer.comparable(i);
            if (ab == null || ab[0].signum() <= 0) continue;
            if (ab[1].compareTo(ab[0].multiply(design.targetTooLowFactor())) >= 0 && seen.add(key(i.name()))) {
                out.add(FindingCode.TARGET_TOO_LOW.finding(i.name(),
                        "指标“" + i.name() + "”实际完成值 " + Figures.show(ab[1]) + " 达到目标值 " + Figures.show(ab[0])
                                + " 的 " + Figures.show(design.targetTooLowFactor()) + " 倍以上，目标值设置过低",
                        i.location()));
            }
        }
    }

    private void missingBenefit(Report r, Checks out) {
        if (r.indicators().isEmpty()) return;
        // Evaluation criteria (决策/过程/产出/效益 scoring sheets, bare indicator tables) are not a
        // project's targets: whether they measure benefit is not this rule's question.
        if (r.form() == FormVariant.SCORING_SHEET || r.form() == FormVariant.INDICATOR_TABLE
                || r.indicators().stream().allMatch(i -> i.target() == null && i.actual() == null)) return;
        for (Indicator i : r.indicators()) {
            if ((i.level1() != null && containsAny(i.level1(), design.benefitWords()))
                    || (i.level2() != null && containsAny(i.level2(), design.benefitWords()))
                    || "effect".equals(taxonomy.level1Category(i.level1())) && "benefit".equals(taxonomy.level2Category(i.level2()))) {
                return;
            }
        }
        // The whole table lacks something: the finding points at where the table starts, when known.
        out.add(FindingCode.MISSING_BENEFIT_INDICATORS.finding("indicators",
                "未设置效益指标（经济效益、社会效益、生态效益、可持续影响等），无法反映项目的预期效果",
                FigureLocation.ofSection(r, "indicators")));
    }

    private void vagueTargets(Report r, Checks out) {
        for (Indicator i : r.indicators()) {
            String t = i.target();
            if (t == null || t.chars().anyMatch(Character::isDigit)) continue;
            for (String v : design.vagueTargets()) {
                if (t.contains(v)) {
                    out.add(FindingCode.VAGUE_TARGET.finding(i.name(),
                            "指标“" + i.name() + "”的目标值“" + t + "”不可衡量，应给出具体数值、时限或标准", i.location()));
                    break;
                }
            }
        }
    }

    private void weightSum(Report r, Checks out) {
        if (r.kind() != ReportKind.SELF_EVALUATION || r.indicators().isEmpty()) return;
        if (r.funds().executionWeight() == null) {
            out.skip("未能核对分值合计：未读到预算执行分值");
            return;
        }
        BigDecimal sum = r.funds().executionWeight();
        List<String> unweighted = new ArrayList<>();
        for (Indicator i : r.indicators()) {
            if (i.weight() == null) unweighted.add("“" + i.name() + "”");
            else sum = sum.add(i.weight());
        }
        if (!unweighted.isEmpty()) {
            // A sum without some weights says nothing about the full marks.
            out.skip("未能核对分值合计：指标" + String.join("", unweighted) + "未读到分值");
            return;
        }
        if (sum.compareTo(design.fullMarks()) == 0) return;
        out.add(FindingCode.WEIGHT_SUM_MISMATCH.finding("weights",
                "预算执行分值与各指标分值合计 " + Figures.show(sum) + " 分，不等于满分 " + Figures.show(design.fullMarks()) + " 分",
                design.fullMarks(), sum, FigureLocation.ofSection(r, "indicators")));
    }

    /**
     * A category that states its weight (产出指标(50分), a 分值 column after 一级指标) should weigh
     * what its indicators weigh together. Checked only where every indicator of the category has a
     * weight, once per category.
     */
    private void categoryWeights(Report r, Checks out) {
        Map<String, List<Indicator>> level1 = new LinkedHashMap<>();
        Map<String, List<Indicator>> level2 = new LinkedHashMap<>();
        for (Indicator i : r.indicators()) {
            if (i.level1() != null && i.level1Weight() != null) {
                level1.computeIfAbsent(i.level1() + "\u0000" + i.level1Weight(), k -> new ArrayList<>()).add(i);
            }
            if (i.level2() != null && i.level2Weight() != null && !i.level2().equals(i.level1())) {
                level2.computeIfAbsent(i.level1() + "\u0000" + i.level2() + "\u0000" + i.level2Weight(),
                        k -> new ArrayList<>()).add(i);
            }
        }
        for (List<Indicator> group : level1.values()) {
            Indicator first = group.get(0);
            compareCategory(first.level1(), first.level1Weight(), group, out);
        }
        for (List<Indicator> group : level2.values()) {
            Indicator first = group.get(0);
            compareCategory(first.level2(), first.level2Weight(), group, out);
        }
    }

    private void compareCategory(String category, BigDecimal stated, List<Indicator> group, Checks out) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Indicator i : group) {
            if (i.weight() == null) return;
            sum = sum.add(i.weight());
        }
        if (sum.compareTo(stated) == 0) return;
        out.add(FindingCode.WEIGHT_SUM_MISMATCH.finding(category,
                "“" + category + "”标注分值 " + Figures.show(stated) + " 分，其下 " + group.size() + " 个指标分值合计 "
                        + Figures.show(sum) + " 分",
                stated, sum, group.get(0).location()));
    }

    private static boolean containsAny(String s, List<String> words) {
        if (s == null) return false;
        for (String w : words) if (s.contains(w)) return true;
        return false;
    }

    private static String key(String name) {
        return name.replaceAll("\\s+", "");
    }
}
