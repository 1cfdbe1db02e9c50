package org.jixiao.index.lucene;

import static org.jixiao.index.lucene.IndexSchema.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.jixiao.index.NumericField;
import org.jixiao.model.BudgetItem;
import org.jixiao.model.Finding;
import org.jixiao.model.Indicator;
import org.jixiao.model.Quantity;
import org.jixiao.model.Report;
import org.jixiao.normalize.RegionResolver;
import org.jixiao.normalize.RegionResolver.Region;

/**
 * A report as Lucene documents: the report itself first, then one per indicator row and one per
 * budget item, each row carrying the report's filterable fields (see the package documentation).
 */
final class ReportDocuments {

    /** Facet label for reports whose region is not known. */
    static final String UNKNOWN_REGION = "未识别地区";

    /**
     * Analysed text, indexed with term frequencies but without positions: searches match words and
     * bigrams and rank them by BM25, and never ask for phrases, so positions would only cost
     * indexing time and disk.
     */
    private static final FieldType ANALYSED = analysed();

    private static FieldType analysed() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }

    private final RegionResolver regions;
    private final FacetsConfig facets = facetsConfig();

    ReportDocuments(RegionResolver regions) {
        this.regions = regions;
    }

    /**
     * Whether the entry {@code doc} of {@code reader} belongs to the current version of its series:
     * history entries, and only they, hold a {@link IndexSchema#SUPERSEDED} value (see LuceneSearchStore#mark).
     */
    static boolean isCurrent(IndexReader reader, int doc) throws IOException {
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        NumericDocValues superseded = leaf.reader().getNumericDocValues(SUPERSEDED);
        return superseded == null || !superseded.advanceExact(doc - leaf.docBase);
    }

    /**
     * The report's documents, all current ({@link LuceneSearchStore} marks history after writing
     * them), carrying the series and order the versioning rules gave the report.
     */
    List<Document> build(Report r, String series, long indexedAt) {
        List<Region> lineage = r.regionCode() == null ? List.of() : regions.lineage(r.regionCode());
        List<Document> docs = new ArrayList<>(1 + r.indicators().size() + r.budgetItems().size());
        List<IndexableField> shared = shared(r, lineage);

        Document report = entry(TYPE_REPORT, shared);
        reportOnly(report, r, series, indexedAt);
        Set<String> codes = findingCodes(r.findings());
        for (String code : codes) report.add(new StringField(FINDING, code, Field.Store.YES));
        facets(report, codes.stream().map(c -> new SortedSetDocValuesFacetField(FACET_FINDING, c)).toList());
        report.add(new StoredField(INDICATOR_COUNT, r.indicators().size()));
        report.add(new StoredField(BUDGET_COUNT, r.budgetItems().size()));
        String reportName = r.project().name() != null ? r.project().name() : r.title();
        text(report, reportName, r.title(), r.project().department(), r.project().implementingUnit(), r.region());
        DecimalField.add(report, NumericField.EXECUTION_RATE.fieldName(), r.funds().executionRate());
        DecimalField.add(report, NumericField.TOTAL_SCORE.fieldName(), r.totalScore());
        // Amounts compared across reports in one unit, 万元: a form printed in 元 is scaled here,
        // while its JSON keeps the figures as printed.
        DecimalField.add(report, NumericField.INITIAL_BUDGET.fieldName(), tenThousands(r, r.funds().initialBudget()));
        DecimalField.add(report, NumericField.ADJUSTED_BUDGET.fieldName(), tenThousands(r, r.funds().adjustedBudget()));
        DecimalField.add(report, NumericField.EXECUTED.fieldName(), tenThousands(r, r.funds().executed()));
        DecimalField.add(report, NumericField.EXECUTION_SCORE.fieldName(), r.funds().executionScore());
        DecimalField.add(report, NumericField.TOTAL_AMOUNT.fieldName(), tenThousands(r, r.funds().totalAmount()));
        DecimalField.add(report, NumericField.CURRENT_YEAR_AMOUNT.fieldName(), tenThousands(r, r.funds().currentYearAmount()));
        docs.add(report);

        // The level-1 facet fields of a report's rows, resolved once per distinct value.
        Map<String, List<IndexableField>> level1Facets = new HashMap<>();
        for (Indicator i : r.indicators()) {
            Document d = entry(TYPE_INDICATOR, shared);
            d.add(new StoredField(REPORT_OFFSET, docs.size()));
            keyword(d, LEVEL1, i.level1());
            stored(d, LEVEL2, i.level2());
            stored(d, NAME, i.name());
            stored(d, TARGET, i.target());
            stored(d, ACTUAL, i.actual());
            if (i.level1() != null && fitsOneTerm(i.level1())) {
                level1Facets.computeIfAbsent(i.level1(), l -> resolve(List.of(new SortedSetDocValuesFacetField(FACET_LEVEL1, l))))
                        .forEach(d::add);
            }
            Set<String> rowCodes = new LinkedHashSet<>();
            for (Finding f : r.findings()) {
                if (i.name() != null && i.name().equals(f.subject())) rowCodes.add(f.code());
            }
            for (String code : rowCodes) d.add(new StringField(FINDING, code, Field.Store.YES));
            if (!rowCodes.isEmpty()) facets(d, rowCodes.stream().map(c -> new SortedSetDocValuesFacetField(FACET_FINDING, c)).toList());
            // Context is the row's own target and actual text; the project name is the report entry's,
            // so a query for a project's subject does not return every row of that project.
            text(d, i.name(), i.target(), i.actual());
            DecimalField.add(d, NumericField.WEIGHT.fieldName(), i.weight());
            DecimalField.add(d, NumericField.SCORE.fieldName(), i.score());
            DecimalField.add(d, NumericField.TARGET_VALUE.fieldName(), value(i.targetValue()));
            DecimalField.add(d, NumericField.ACTUAL_VALUE.fieldName(), value(i.actualValue()));
            docs.add(d);
        }
        for (BudgetItem b : r.budgetItems()) {
            Document d = entry(TYPE_BUDGET, shared);
            d.add(new StoredField(REPORT_OFFSET, docs.size()));
            stored(d, NAME, b.name());
            stored(d, PURPOSE, b.purpose());
            text(d, b.name(), b.purpose());
            DecimalField.add(d, NumericField.AMOUNT.fieldName(), b.amount());
            docs.add(d);
        }
        return docs;
    }

    /** A new entry of {@code type} with the report's shared fields. */
    private static Document entry(String type, List<IndexableField> shared) {
        Document d = new Document();
        d.add(new StringField(TYPE, type, Field.Store.YES));
        for (IndexableField f : shared) d.add(f);
        return d;
    }

    /**
     * The fields every entry of a report is filtered and counted by, built once per report (facet
     * paths resolved) and the same instances added to each of its entries: a report of twenty rows
     * costs one set of them, not twenty. What is only displayed (file, project, department, title …)
     * is stored on the report entry alone; a hit on a row reads it from there, which keeps row
     * entries small and indexing fast.
     */
    private List<IndexableField> shared(Report r, List<Region> lineage) {
        List<IndexableField> fields = new ArrayList<>();
        fields.add(new StringField(SHA256, r.source().sha256(), Field.Store.YES));
        for (Region region : lineage) {
            fields.add(new StringField(REGION_CODES, region.code(), Field.Store.NO));
            fields.add(new StringField(REGION_NAMES, region.name(), Field.Store.NO));
        }
        if (lineage.isEmpty() && r.region() != null) fields.add(new StringField(REGION_NAMES, r.region(), Field.Store.NO));
        List<IndexableField> facetFields = new ArrayList<>();
        facetFields.add(new SortedSetDocValuesFacetField(FACET_REGION, regionPath(r, lineage)));
        if (r.year() != null) {
            fields.add(new IntPoint(YEAR, r.year()));
            fields.add(new NumericDocValuesField(YEAR, r.year()));
            facetFields.add(new SortedSetDocValuesFacetField(FACET_YEAR, r.year().toString()));
        }
        if (r.kind() != null) {
            fields.add(new StringField(KIND, r.kind().name(), Field.Store.NO));
            facetFields.add(new SortedSetDocValuesFacetField(FACET_KIND, r.kind().name()));
        }
        fields.addAll(resolve(facetFields));
        return List.copyOf(fields);
    }

    /** What hits on any entry of the report display, stored once on the report entry. */
    private static void reportOnly(Document d, Report r, String series, long indexedAt) {
        d.add(new StoredField(SERIES, series));
        d.add(new StoredField(INDEXED_AT, indexedAt));
        stored(d, FILE, r.source().file());
        stored(d, REGION, r.region());
        stored(d, REGION_CODE, r.regionCode());
        if (r.year() != null) d.add(new StoredField(YEAR, r.year()));
        if (r.kind() != null) d.add(new StoredField(KIND, r.kind().name()));
        stored(d, DEPARTMENT, r.project().department());
        stored(d, UNIT, r.project().implementingUnit());
        stored(d, PROJECT, r.project().name());
        stored(d, TITLE, r.title());
    }

    private static String[] regionPath(Report r, List<Region> lineage) {
        if (lineage.isEmpty()) return new String[] {r.region() != null ? r.region() : UNKNOWN_REGION};
        String[] path = new String[lineage.size()];
        for (int i = 0; i < lineage.size(); i++) path[i] = lineage.get(lineage.size() - 1 - i).name();
        return path;
    }

    private static Set<String> findingCodes(List<Finding> findings) {
        Set<String> codes = new LinkedHashSet<>();
        for (Finding f : findings) codes.add(f.code());
        return codes;
    }

    /**
     * The entry's name, and its context as separate values of one field: each value is segmented on
     * its own, so the segmenter's memo serves the targets and actuals that repeat across rows and
     * reports.
     */
    private static void text(Document d, String name, String... context) {
        if (name != null && !name.isBlank()) {
            d.add(new Field(NAME_WORDS, name, ANALYSED));
            d.add(new Field(NAME_BIGRAMS, name, ANALYSED));
        }
        // Context gets words only: bigrams are for recall on names, and on every context value they
        // would double the indexing work for matches nobody ranks high.
        for (String value : nonNull(context)) d.add(new Field(BODY_WORDS, value, ANALYSED));
    }

    /**
     * Indexed as one term and stored: for fields a search filters on. Fields only shown (level 2,
     * name, department, project …) are stored alone; their words are in the analysed text fields. A value beyond Lucene's term limit (a garbled cell) is stored
     * whole and indexed by its beginning, which is all an exact filter could ever match.
     */
    private static void keyword(Document d, String field, String value) {
        if (value == null || value.isBlank()) return;
        if (fitsOneTerm(value)) {
            d.add(new StringField(field, value, Field.Store.YES));
        } else {
            d.add(new StringField(field, value.substring(0, IndexWriter.MAX_TERM_LENGTH / 3), Field.Store.NO));
            d.add(new StoredField(field, value));
        }
    }

    static boolean fitsOneTerm(String value) {
        // UTF-8 needs at most 3 bytes per char of a Java string (4 per surrogate pair, i.e. 2 per char).
        return value.length() * 3 <= IndexWriter.MAX_TERM_LENGTH;
    }

    private static void stored(Document d, String field, String value) {
        if (value != null) d.add(new StoredField(field, value));
    }

    /** Yuan per 万元. */
    private static final BigDecimal YUAN_PER_WAN = BigDecimal.valueOf(10_000);

    /** An amount in 万元, whatever unit the form printed it in. */
    static BigDecimal tenThousands(Report r, BigDecimal amount) {
        if (amount == null || !"元".equals(r.funds().unit())) return amount;
        return amount.divide(YUAN_PER_WAN, amount.scale() + 4, java.math.RoundingMode.HALF_UP);
    }

    private static BigDecimal value(Quantity q) {
        return q == null ? null : q.value();
    }

    private static List<String> nonNull(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) if (v != null && !v.isBlank()) out.add(v);
        return out;
    }

    /** Adds facet fields, resolved into what is indexed for them. */
    private void facets(Document d, List<? extends IndexableField> facetFields) {
        if (!facetFields.isEmpty()) resolve(facetFields).forEach(d::add);
    }

    /** Facet fields as the doc-values fields {@link FacetsConfig} indexes for them. */
    private List<IndexableField> resolve(List<? extends IndexableField> facetFields) {
        Document d = new Document();
        facetFields.forEach(d::add);
        try {
            return List.copyOf(facets.build(d).getFields());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
