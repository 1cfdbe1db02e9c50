package org.jixiao.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical report: what every input format is normalised into, what verification works on,
 * what is indexed and what the JSON contract publishes.
 */
public record Report(ReportKind kind, Integer year, String region, String regionCode, String title,
                     SourceInfo source, Project project, Funds funds, List<Indicator> indicators,
                     List<BudgetItem> budgetItems, BigDecimal totalScore, List<Finding> findings,
                     List<NarrativeStatement> statements) {

    public Report {
        project = project == null ? Project.EMPTY : project;
        funds = funds == null ? Funds.EMPTY : funds;
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        budgetItems = budgetItems == null ? List.of() : List.copyOf(budgetItems);
        findings = findings == null ? List.of() : List.copyOf(findings);
        statements = statements == null ? List.of() : List.copyOf(statements);
    }

    public Report withFindings(List<Finding> more) {
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(more);
        return new Report(kind, year, region, regionCode, title, source, project, funds, indicators,
                budgetItems, totalScore, all, statements);
    }

    public Report withIndicators(List<Indicator> newIndicators) {
        return new Report(kind, year, region, regionCode, title, source, project, funds, newIndicators,
                budgetItems, totalScore, findings, statements);
    }

    public Report withStatements(List<NarrativeStatement> newStatements) {
        return new Report(kind, year, region, regionCode, title, source, project, funds, indicators,
                budgetItems, totalScore, findings, newStatements);
    }

    public Report withRegion(String newRegion, String newCode) {
        return new Report(kind, year, newRegion, newCode, title, source, project, funds, indicators,
                budgetItems, totalScore, findings, statements);
    }
}
