package org.jixiao.index.solr;

import static org.jixiao.index.solr.SolrFields.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.solr.common.SolrInputDocument;
import org.jixiao.index.NumericField;
import org.jixiao.model.BudgetItem;
import org.jixiao.model.Finding;
import org.jixiao.model.Indicator;
import org.jixiao.model.Quantity;
import org.jixiao.model.Report;
import org.jixiao.normalize.RegionResolver;
import org.jixiao.normalize.RegionResolver.Region;

/**
 * A report as Solr documents: the report entry ({@code sha256!0}), then one per indicator row and
 * one per budget item ({@code sha256!1} …), the same entries and values as the embedded index.
 * Unlike there, the report's displayed fields (file, project, region …) are on every entry: a row
 * cannot find its report entry by position in a cluster, and a second request per hit would cost far
 * more than the repeated stored values.
 */
final class SolrDocuments {

    /** Facet label for reports whose region is not known (as in the embedded index). */
    static final String UNKNOWN_REGION = "未识别地区";
    /** Longest keyword indexed as one term (Lucene's limit is 32766 UTF-8 bytes, at most 3 per char). */
    static final int MAX_TERM_CHARS = 32766 / 3;
    /** Fraction digits kept in the comparable long: 万元 to 0.0001 元, as the embedded index. */
    static final int SCALE = 6;
    /** Yuan per 万元. */
    private static final BigDecimal YUAN_PER_WAN = BigDecimal.valueOf(10_000);

    private final RegionResolver regions;

    SolrDocuments(RegionResolver regions) {
        this.regions = regions;
    }

    /** The id of entry {@code n} of a report: the sha256 first, so that all its entries share a shard. */
    static String id(String sha256, int n) {
        return sha256 + ROUTE_SEPARATOR + n;
    }

    /** The report's entries, all marked {@code current} or history as given. */
    List<SolrInputDocument> build(Report r, String series, long indexedAt, boolean current) {
        String sha = r.source().sha256();
        List<Region> lineage = r.regionCode() == null ? List.of() : regions.lineage(r.regionCode());
        List<SolrInputDocument> docs = new ArrayList<>(1 + r.indicators().size() + r.budgetItems().size());

        SolrInputDocument report = entry(r, lineage, TYPE_REPORT, current);
        report.setField(SERIES, series);
        report.setField(INDEXED_AT, indexedAt);
        report.setField(INDICATOR_COUNT, r.indicators().size());
        report.setField(BUDGET_COUNT, r.budgetItems().size());
        set(report, DEPARTMENT, r.project().department());
        set(report, UNIT, r.project().implementingUnit());
        set(report, TITLE, r.title());
        Set<String> codes = new LinkedHashSet<>();
        for (Finding f : r.findings()) codes.add(f.code());
        for (String code : codes) report.addField(FINDING, code);
        String reportName = r.project().name() != null ? r.project().name() : r.title();
        text(report, reportName, r.title(), r.project().department(), r.project().implementingUnit(), r.region());
        number(report, NumericField.EXECUTION_RATE, r.funds().executionRate());
        number(report, NumericField.TOTAL_SCORE, r.totalScore());
        // Amounts compared across reports in one unit, 万元 (as the embedded index does).
        number(report, NumericField.INITIAL_BUDGET, tenThousands(r, r.funds().initialBudget()));
        number(report, NumericField.ADJUSTED_BUDGET, tenThousands(r, r.funds().adjustedBudget()));
        number(report, NumericField.EXECUTED, tenThousands(r, r.funds().executed()));
        number(report, NumericField.EXECUTION_SCORE, r.funds().executionScore());
        number(report, NumericField.TOTAL_AMOUNT, tenThousands(r, r.funds().totalAmount()));
        number(report, NumericField.CURRENT_YEAR_AMOUNT, tenThousands(r, r.funds().currentYearAmount()));
        docs.add(report);

        for (Indicator i : r.indicators()) {
            SolrInputDocument d = entry(r, lineage, TYPE_INDICATOR, current);
            set(d, LEVEL1, i.level1());
            if (i.level1() != null && !i.level1().isBlank()) d.setField(LEVEL1_KEY, oneTerm(i.level1()));
            set(d, LEVEL2, i.level2());
            set(d, NAME, i.name());
            set(d, TARGET, i.target());
            set(d, ACTUAL, i.actual());
            Set<String> rowCodes = new LinkedHashSet<>();
            for (Finding f : r.findings()) if (i.name() != null && i.name().equals(f.subject())) rowCodes.add(f.code());
            for (String code : rowCodes) d.addField(FINDING, code);
            text(d, i.name(), i.target(), i.actual());
            number(d, NumericField.WEIGHT, i.weight());
            number(d, NumericField.SCORE, i.score());
            number(d, NumericField.TARGET_VALUE, value(i.targetValue()));
            number(d, NumericField.ACTUAL_VALUE, value(i.actualValue()));
            docs.add(d);
        }
        for (BudgetItem b : r.budgetItems()) {
            SolrInputDocument d = entry(r, lineage, TYPE_BUDGET, current);
            set(d, NAME, b.name());
            set(d, PURPOSE, b.purpose());
            text(d, b.name(), b.purpose());
            number(d, NumericField.AMOUNT, b.amount());
            docs.add(d);
        }
        for (int n = 0; n < docs.size(); n++) docs.get(n).setField(ID, id(sha, n));
        return docs;
    }

    /** A new entry with the report's fields every entry carries. */
    private static SolrInputDocument entry(Report r, List<Region> lineage, String type, boolean current) {
        SolrInputDocument d = new SolrInputDocument();
        d.setField(TYPE, type);
        d.setField(SHA256, r.source().sha256());
        d.setField(SUPERSEDED, current ? CURRENT : HISTORY);
        set(d, FILE, r.source().file());
        set(d, REGION, r.region());
        set(d, REGION_CODE, r.regionCode());
        set(d, PROJECT, r.project().name());
        for (Region region : lineage) {
            d.addField(REGION_CODES, region.code());
            d.addField(REGION_NAMES, region.name());
        }
        if (lineage.isEmpty() && r.region() != null) d.addField(REGION_NAMES, r.region());
        List<String> path = new ArrayList<>();
        for (int i = lineage.size() - 1; i >= 0; i--) path.add(lineage.get(i).name());
        if (path.isEmpty()) path.add(r.region() != null ? r.region() : UNKNOWN_REGION);
        for (int level = 0; level < Math.min(path.size(), REGION_LEVELS); level++) d.setField(REGION_LEVEL + level, path.get(level));
        if (r.year() != null) d.setField(YEAR, r.year());
        if (r.kind() != null) d.setField(KIND, r.kind().name());
        return d;
    }

    /** The entry's name (words and bigrams) and its context (words), as the embedded index analyses them. */
    private static void text(SolrInputDocument d, String name, String... context) {
        if (name != null && !name.isBlank()) d.setField(NAME_TEXT, name);
        for (String value : context) if (value != null && !value.isBlank()) d.addField(BODY_TEXT, value);
    }

    private static void set(SolrInputDocument d, String field, String value) {
        if (value != null) d.setField(field, value);
    }

    /** A keyword cut to what one term holds: a garbled cell is still filtered by its beginning. */
    static String oneTerm(String value) {
        String v = value.strip();
        if (v.getBytes(StandardCharsets.UTF_8).length <= 32766) return v;
        return v.substring(0, MAX_TERM_CHARS);
    }

    /** The number as printed, and comparable when it fits the scaled long (beyond ±9.2 × 10^12 it is only shown). */
    private static void number(SolrInputDocument d, NumericField field, BigDecimal value) {
        if (value == null) return;
        d.setField(printed(field.fieldName()), value.toPlainString());
        var scaled = value.setScale(SCALE, RoundingMode.HALF_UP).unscaledValue();
        if (scaled.bitLength() < Long.SIZE) d.setField(comparable(field.fieldName()), scaled.longValue());
    }

    /** An amount in 万元, whatever unit the form printed it in. */
    static BigDecimal tenThousands(Report r, BigDecimal amount) {
        if (amount == null || !"元".equals(r.funds().unit())) return amount;
        return amount.divide(YUAN_PER_WAN, amount.scale() + 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal value(Quantity q) {
        return q == null ? null : q.value();
    }
}
