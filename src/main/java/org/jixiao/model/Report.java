package org.jixiao.model;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The canonical report: what every input format is normalised into, what verification works on,
 * what is indexed and what the JSON contract publishes.
 *
 * @param form            the form variant read (kind is its family)
 * @param coverage        per section the form should have: found, rows and columns read
 * @param skippedChecks   checks that could not run, each with its reason in Chinese
 * @param figureLocations where each single figure was read, keyed by its JSON path
 *                        ({@code funds.executionRate}, {@code totalScore}, {@code funds.priorYear.balance} …)
 * @param budgetItemsTotal the 合计 printed under the budget items, null when none is printed
 */
public record Report(ReportKind kind, Integer year, String region, String regionCode, String title,
                     SourceInfo source, Project project, Funds funds, List<Indicator> indicators,
                     List<BudgetItem> budgetItems, BigDecimal totalScore, List<Finding> findings,
                     List<NarrativeStatement> statements, FormVariant form, List<SectionCoverage> coverage,
                     List<String> skippedChecks, Map<String, Location> figureLocations,
                     BigDecimal budgetItemsTotal) implements Serializable {

    public Report {
        project = project == null ? Project.EMPTY : project;
        funds = funds == null ? Funds.EMPTY : funds;
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        budgetItems = budgetItems == null ? List.of() : List.copyOf(budgetItems);
        findings = findings == null ? List.of() : List.copyOf(findings);
        statements = statements == null ? List.of() : List.copyOf(statements);
        coverage = coverage == null ? List.of() : List.copyOf(coverage);
        skippedChecks = skippedChecks == null ? List.of() : List.copyOf(skippedChecks);
        figureLocations = figureLocations == null ? Map.of() : Map.copyOf(figureLocations);
    }

    /** A report without a printed 合计 under its budget items. */
    public Report(ReportKind kind, Integer year, String region, String regionCode, String title,
                  SourceInfo source, Project project, Funds funds, List<Indicator> indicators,
                  List<BudgetItem> budgetItems, BigDecimal totalScore, List<Finding> findings,
                  List<NarrativeStatement> statements, FormVariant form, List<SectionCoverage> coverage,
                  List<String> skippedChecks, Map<String, Location> figureLocations) {
        this(kind, year, region, regionCode, title, source, project, funds, indicators, budgetItems, totalScore,
                findings, statements, form, coverage, skippedChecks, figureLocations, null);
    }

    /** A report without form, coverage or figure locations (fixtures, synthetic reports). */
    public Report(ReportKind kind, Integer year, String region, String regionCode, String title,
                  SourceInfo source, Project project, Funds funds, List<Indicator> indicators,
                  List<BudgetItem> budgetItems, BigDecimal totalScore, List<Finding> findings,
                  List<NarrativeStatement> statements) {
        this(kind, year, region, regionCode, title, source, project, funds, indicators, budgetItems, totalScore,
                findings, statements, null, null, null, null, null);
    }

    /** True when a section the form should have was not read: the report must not look clean. */
    public boolean partlyRead() {
        return coverage.stream().anyMatch(SectionCoverage::notRead);
    }

    /** Where a figure was read, by its JSON path; null when not known. */
    public Location locationOf(String path) {
        return figureLocations.get(path);
    }

    public Report withFindings(List<Finding> more) {
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(more);
        return new Report(kind, year, region, regionCode, title, source, project, funds, indicators,
                budgetItems, totalScore, all, statements, form, coverage, skippedChecks, figureLocations, budgetItemsTotal);
    }

    public Report withSkippedChecks(List<String> more) {
        List<String> all = new ArrayList<>(skippedChecks);
        all.addAll(more);
        return new Report(kind, year, region, regionCode, title, source, project, funds, indicators,
                budgetItems, totalScore, findings, statements, form, coverage, all, figureLocations, budgetItemsTotal);
    }

    public Report withIndicators(List<Indicator> newIndicators) {
        return new Report(kind, year, region, regionCode, title, source, project, funds, newIndicators,
                budgetItems, totalScore, findings, statements, form, coverage, skippedChecks, figureLocations, budgetItemsTotal);
    }

    public Report withStatements(List<NarrativeStatement> newStatements) {
        return new Report(kind, year, region, regionCode, title, source, project, funds, indicators,
                budgetItems, totalScore, findings, newStatements, form, coverage, skippedChecks, figureLocations, budgetItemsTotal);
    }

    public Report withRegion(String newRegion, String newCode) {
        return new Report(kind, year, newRegion, newCode, title, source, project, funds, indicators,
                budgetItems, totalScore, findings, statements, form, coverage, skippedChecks, figureLocations, budgetItemsTotal);
    }

    public Report withCoverage(FormVariant newForm, List<SectionCoverage> newCoverage) {
        return new Report(kind, year, region, regionCode, title, source, project, funds, indicators,
                budgetItems, totalScore, findings, statements, newForm, newCoverage, skippedChecks, figureLocations, budgetItemsTotal);
    }
}
