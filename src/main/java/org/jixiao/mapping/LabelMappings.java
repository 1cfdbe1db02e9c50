package org.jixiao.mapping;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jixiao.model.FormVariant;
import org.jixiao.model.ReportKind;

/**
 * The contents of {@code mappings/labels.yaml}; see that file for what each part means. Every key
 * is typed (records and enums), so an unknown or misspelt key fails when the file is read.
 */
public record LabelMappings(TitleMapping title, FormsMapping forms, Map<HeaderField, List<String>> header,
                            List<String> codePatterns, List<String> placeholderValues,
                            Map<FigureField, List<String>> figures, List<String> notSourceLabels,
                            List<String> spendingCategories, List<String> fundsSections, List<String> sourcesSections,
                            List<String> priorYearSections, List<String> fundingLevelWords,
                            List<String> fundingLevelEndings,
                            FundsMatrixMapping fundsMatrix, IndicatorTableMapping indicatorTable,
                            String categoryAnnotation, List<String> notIndicatorNames,
                            BudgetItemsMapping budgetItems, Map<Section, List<String>> sectionSignals,
                            List<String> figureUnits, List<String> moneyUnits, String ignoredRowPattern,
                            Map<FormVariant, List<Section>> expectedSections) {

    public record TitleMapping(List<String> keywords, int maxTitleLength, List<String> notTitlePrefixes,
                               List<String> notTitleEndings) {
    }

    public record FormsMapping(Map<ReportKind, List<String>> family, List<String> indicatorTablePhrases,
                               List<VariantSignal> variants) {
    }

    public record VariantSignal(String phrase, FormVariant selfEvaluation, FormVariant declaration) {
    }

    /** Text fields of the header block. */
    public enum HeaderField {
        @JsonProperty("projectName") PROJECT_NAME,
        @JsonProperty("department") DEPARTMENT,
        @JsonProperty("departmentFallback") DEPARTMENT_FALLBACK,
        @JsonProperty("implementingUnit") IMPLEMENTING_UNIT,
        @JsonProperty("startDate") START_DATE
    }

    /** Figures read from "label | value" cells. */
    public enum FigureField {
        @JsonProperty("totalAmount") TOTAL_AMOUNT,
        @JsonProperty("currentYearAmount") CURRENT_YEAR_AMOUNT,
        @JsonProperty("executed") EXECUTED,
        @JsonProperty("executionWeight") EXECUTION_WEIGHT,
        @JsonProperty("priorBudget") PRIOR_BUDGET,
        @JsonProperty("priorUsed") PRIOR_USED,
        @JsonProperty("priorBalance") PRIOR_BALANCE,
        @JsonProperty("priorUseRate") PRIOR_USE_RATE,
        @JsonProperty("totalScore") TOTAL_SCORE
    }

    /** Columns of a self-evaluation's funds matrix. */
    public enum FundsColumn {
        @JsonProperty("initialBudget") INITIAL_BUDGET,
        @JsonProperty("adjustedBudget") ADJUSTED_BUDGET,
        @JsonProperty("executed") EXECUTED,
        @JsonProperty("executionWeight") EXECUTION_WEIGHT,
        @JsonProperty("executionRate") EXECUTION_RATE,
        @JsonProperty("executionScore") EXECUTION_SCORE
    }

    /** Column roles of an indicator table. */
    public enum IndicatorColumn {
        @JsonProperty("level1") LEVEL1,
        @JsonProperty("level2") LEVEL2,
        @JsonProperty("name") NAME,
        @JsonProperty("comparator") COMPARATOR,
        @JsonProperty("unit") UNIT,
        @JsonProperty("target") TARGET,
        @JsonProperty("actual") ACTUAL,
        @JsonProperty("weight") WEIGHT,
        @JsonProperty("score") SCORE,
        @JsonProperty("reviewScore") REVIEW_SCORE,
        @JsonProperty("explanation") EXPLANATION
    }

    /** Columns of a budget-items table. */
    public enum ItemColumn {
        @JsonProperty("name") NAME,
        @JsonProperty("amount") AMOUNT,
        @JsonProperty("purpose") PURPOSE
    }

    /** Sections a form may carry, named by the report's JSON field. */
    public enum Section {
        @JsonProperty("project") PROJECT,
        @JsonProperty("funds") FUNDS,
        @JsonProperty("sources") SOURCES,
        @JsonProperty("priorYear") PRIOR_YEAR,
        @JsonProperty("budgetItems") BUDGET_ITEMS,
        @JsonProperty("indicators") INDICATORS,
        @JsonProperty("totalScore") TOTAL_SCORE;

        /** The JSON field name. */
        public String field() {
            return switch (this) {
                case PROJECT -> "project";
                case FUNDS -> "funds";
                case SOURCES -> "sources";
                case PRIOR_YEAR -> "priorYear";
                case BUDGET_ITEMS -> "budgetItems";
                case INDICATORS -> "indicators";
                case TOTAL_SCORE -> "totalScore";
            };
        }
    }

    public record FundsMatrixMapping(Map<FundsColumn, List<String>> columns, List<String> totalRows,
                                     String weightPattern) {
    }

    public record IndicatorTableMapping(Map<IndicatorColumn, List<String>> columns, List<String> endRows,
                                        List<String> totalRows) {
    }

    public record BudgetItemsMapping(Map<ItemColumn, List<String>> columns, List<String> endRows,
                                     String priorYearColumn) {
    }
}
