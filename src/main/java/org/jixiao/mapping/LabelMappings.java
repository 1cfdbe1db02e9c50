package org.jixiao.mapping;

import java.util.List;
import java.util.Map;

/** The contents of {@code mappings/labels.yaml}; see that file for what each part means. */
public record LabelMappings(Map<String, List<KindSignal>> kinds, List<String> titleKeywords,
                            Map<String, List<String>> fields, List<String> lastFigureFields, FundsMapping funds,
                            TableMapping indicatorTable, FundSourcesMapping fundSources,
                            TableMapping budgetItems, List<String> figureUnits, String ignoredRowPattern) {

    public record KindSignal(String phrase, int weight) {
    }

    public record FundsMapping(Map<String, List<String>> columns, List<String> totalRows,
                               List<String> breakdownRows, String weightPattern) {
    }

    public record TableMapping(Map<String, List<String>> columns, List<String> endRows) {
    }

    public record FundSourcesMapping(List<String> sectionLabels, List<String> totalLabels) {
    }
}
