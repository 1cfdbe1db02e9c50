package org.jixiao.index.lucene;

import static org.jixiao.index.lucene.IndexSchema.*;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jixiao.index.Condition;
import org.jixiao.index.InvalidQueryException;
import org.jixiao.index.NumericField;
import org.jixiao.index.SearchRequest;
import org.jixiao.index.SearchResult;
import org.jixiao.index.TextMatching;

/**
 * Answers {@link SearchRequest}s over one point-in-time view of the index (open a new searcher to
 * see later commits). Thread-safe: the CLI uses one per command, a server one per refresh.
 */
public final class ReportSearcher implements Closeable {

    /** A row's own name counts for more than its context (its target and actual text). */
    static final float NAME_BOOST = 2f;
    /** In {@link TextMatching#COMBINED}, matching every query word outweighs any bigram overlap. */
    static final float WORDS_BOOST = 4f;
    /** Values shown per facet dimension. */
    static final int FACET_VALUES = 10;

    /**
     * Threads one query runs on: the machine's cores (two on the target machines). Each searches a
     * slice of the segments and counts its facets, so a query's latency is about its cost divided
     * by the cores rather than its whole cost on one.
     */
    static final int SEARCH_THREADS = Runtime.getRuntime().availableProcessors();
    /** Shared by every searcher of the process; daemon threads, so it never keeps the CLI alive. */
    private static final ExecutorService SEARCH_POOL = SEARCH_THREADS > 1 ? Executors.newFixedThreadPool(SEARCH_THREADS, r -> {
        Thread t = new Thread(r, "jixiao-search");
        t.setDaemon(true);
        return t;
    }) : null;

    /** Below this many hits per thread, reading them in parallel costs more than it saves. */
    static final int MIN_HITS_PER_THREAD = 4;

    /** Stored fields a hit shows, and where its report entry is. */
    private static final Set<String> HIT_FIELDS = Set.of(TYPE, REPORT_OFFSET, REGION, REGION_CODE, YEAR, KIND, PROJECT,
            LEVEL1, LEVEL2, NAME, TARGET, ACTUAL, FINDING, FILE, SHA256,
            NumericField.AMOUNT.fieldName(), NumericField.TOTAL_AMOUNT.fieldName(),
            NumericField.ADJUSTED_BUDGET.fieldName(), NumericField.WEIGHT.fieldName(),
            NumericField.SCORE.fieldName(), NumericField.EXECUTION_RATE.fieldName(),
            NumericField.TOTAL_SCORE.fieldName());

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final SortedSetDocValuesReaderState facetState;
    private final FacetCounter facetCounter;
    private final List<String> facetDims;
    private final Analyzer queryAnalyzer = IndexSchema.queryAnalyzer();

    private ReportSearcher(Directory directory, DirectoryReader reader) throws IOException {
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader, SEARCH_POOL) {
            @Override
            protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
                return balancedSlices(leaves, SEARCH_THREADS);
            }
        };
        this.facetState = facetState(reader);
        this.facetCounter = facetState == null ? null : new FacetCounter(facetState, searcher.getTaskExecutor());
        // The dimensions this index has values for, in the order results show them.
        Set<String> indexed = new HashSet<>();
        if (facetState != null) facetState.getDims().forEach(indexed::add);
        this.facetDims = Stream.of(FACET_REGION, FACET_YEAR, FACET_KIND, FACET_LEVEL1, FACET_FINDING).filter(indexed::contains).toList();
    }

    /** Opens the last commit in {@code dir}; fails with a Chinese message when there is no index there. */
    public static ReportSearcher open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new InvalidQueryException("索引目录不存在：" + dir + "（请先用 index 命令建立索引）");
        Directory directory = FSDirectory.open(dir);
        try {
            if (!DirectoryReader.indexExists(directory)) {
                throw new InvalidQueryException("目录中没有索引：" + dir + "（请先用 index 命令建立索引）");
            }
            DirectoryReader reader = DirectoryReader.open(directory);
            try {
                IndexSchema.checkFormat(dir, reader.getIndexCommit().getUserData());
            } catch (RuntimeException e) {
                reader.close();
                throw e;
            }
            return new ReportSearcher(directory, reader);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    private static SortedSetDocValuesReaderState facetState(DirectoryReader reader) throws IOException {
        try {
            return new DefaultSortedSetDocValuesReaderState(reader, facetsConfig());
        } catch (IllegalArgumentException e) {
            return null; // an empty index has no facet values yet
        }
    }

    /**
     * The segments in {@code count} slices of about equal size, largest segment first into the
     * lightest slice: each thread gets the same share of the work, where Lucene's default groups
     * segments up to a size and leaves the last slice short.
     */
    static IndexSearcher.LeafSlice[] balancedSlices(List<LeafReaderContext> leaves, int count) {
        int n = Math.max(1, Math.min(count, leaves.size()));
        List<List<LeafReaderContext>> groups = new ArrayList<>();
        long[] sizes = new long[n];
        for (int i = 0; i < n; i++) groups.add(new ArrayList<>());
        List<LeafReaderContext> bySize = new ArrayList<>(leaves);
        bySize.sort(java.util.Comparator.comparingInt((LeafReaderContext c) -> c.reader().maxDoc()).reversed());
        for (LeafReaderContext leaf : bySize) {
            int lightest = 0;
            for (int i = 1; i < n; i++) if (sizes[i] < sizes[lightest]) lightest = i;
            groups.get(lightest).add(leaf);
            sizes[lightest] += leaf.reader().maxDoc();
        }
        return groups.stream().filter(g -> !g.isEmpty()).map(IndexSearcher.LeafSlice::new).toArray(IndexSearcher.LeafSlice[]::new);
    }

    public SearchResult search(SearchRequest request) {
        try {
            return run(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SearchResult run(SearchRequest request) throws IOException {
        TextMatching matching = request.matching() == null ? TextMatching.DEFAULT : request.matching();
        Matches matches = null;
        if (matching == TextMatching.COMBINED && request.text() != null && !request.text().isBlank()) {
            // Bigram matches only fill up a page the words cannot: with enough word matches the
            // loose tail is left out, which keeps results precise and facets cheap. "Enough" is a
            // fixed page, not the caller's --limit, so totals and facets never depend on the limit.
            matches = match(request, query(request, TextMatching.WORDS));
            if (matches.total() < WORD_MATCHES_ENOUGH) matches = null;
        }
        if (matches == null) matches = match(request, query(request, matching));
        List<SearchResult.Hit> hits = hits(matches.top().scoreDocs);
        List<SearchResult.Facet> facets = matches.facets() == null ? List.of() : facets(matches.facets());
        return new SearchResult(matches.total(), hits, facets);
    }

    /** The report entries of these reports, in the given order; one not in the index is left out. */
    List<SearchResult.Hit> reports(List<String> sha256s) throws IOException {
        if (sha256s.isEmpty()) return List.of();
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(TYPE, TYPE_REPORT)), Occur.FILTER)
                .add(new org.apache.lucene.search.TermInSetQuery(SHA256, sha256s.stream().map(org.apache.lucene.util.BytesRef::new).toList()),
                        Occur.FILTER)
                .build();
        TopDocs top = searcher.search(query, sha256s.size());
        Map<String, SearchResult.Hit> bySha = new HashMap<>();
        for (SearchResult.Hit h : hits(top.scoreDocs, 0, top.scoreDocs.length)) bySha.put(h.sha256(), h);
        List<SearchResult.Hit> out = new ArrayList<>();
        for (String sha : sha256s) if (bySha.containsKey(sha)) out.add(bySha.get(sha));
        return out;
    }

    /** Hits read in parallel, a share per search thread: reading stored fields is a good part of a query. */
    private List<SearchResult.Hit> hits(ScoreDoc[] docs) throws IOException {
        int parts = Math.min(SEARCH_THREADS, docs.length / MIN_HITS_PER_THREAD);
        if (parts < 2) return hits(docs, 0, docs.length);
        List<java.util.concurrent.Callable<List<SearchResult.Hit>>> tasks = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            int from = (int) ((long) docs.length * p / parts);
            int to = (int) ((long) docs.length * (p + 1) / parts);
            tasks.add(() -> hits(docs, from, to));
        }
        List<SearchResult.Hit> out = new ArrayList<>(docs.length);
        for (List<SearchResult.Hit> part : searcher.getTaskExecutor().invokeAll(tasks)) out.addAll(part);
        return out;
    }

    private List<SearchResult.Hit> hits(ScoreDoc[] docs, int from, int to) throws IOException {
        List<SearchResult.Hit> hits = new ArrayList<>(to - from);
        StoredFields stored = reader.storedFields(); // one per thread: a StoredFields is not thread-safe
        Map<String, Document> reports = new HashMap<>();
        for (int i = from; i < to; i++) {
            ScoreDoc sd = docs[i];
            Document d = stored.document(sd.doc, HIT_FIELDS);
            Document report = d;
            if (!TYPE_REPORT.equals(d.get(TYPE))) {
                report = reports.get(d.get(SHA256));
                if (report == null) {
                    report = reportEntry(stored, sd.doc, d);
                    reports.put(d.get(SHA256), report);
                }
            }
            hits.add(hit(d, report, ReportDocuments.isCurrent(reader, sd.doc), sd.score));
        }
        return hits;
    }

    /**
     * The report entry of a row: {@link IndexSchema#REPORT_OFFSET} entries before it. Every index
     * this version opens stores the offset (the layout check sees to that) and Lucene keeps a
     * block together, so a miss is a bug, not an input to work around.
     */
    private static Document reportEntry(StoredFields stored, int doc, Document row) throws IOException {
        Document report = stored.document(doc - row.getField(REPORT_OFFSET).numericValue().intValue(), HIT_FIELDS);
        if (!TYPE_REPORT.equals(report.get(TYPE)) || !row.get(SHA256).equals(report.get(SHA256))) {
            throw new IllegalStateException("entry " + doc + " does not follow its report " + row.get(SHA256));
        }
        return report;
    }

    /** Word matches that make a page without the looser bigram matches: the default page. */
    static final int WORD_MATCHES_ENOUGH = SearchRequest.DEFAULT_LIMIT;

    /** What a query matched: the top entries, their total and (when asked for) each slice's matches to count facets over. */
    private record Matches(TopDocs top, long total, List<FacetsCollector> facets) {
    }

    @SuppressWarnings("unchecked")
    private Matches match(SearchRequest request, Query query) throws IOException {
        Sort sort = sort(request.sort());
        if (request.facets() && facetState != null) {
            // Every match is visited for the counts anyway, so the total is counted exactly.
            int n = Math.min(request.limit(), Math.max(1, reader.maxDoc()));
            CollectorManager<?, ? extends TopDocs> top = sort == null
                    ? new TopScoreDocCollectorManager(n, null, Integer.MAX_VALUE)
                    : new TopFieldCollectorManager(sort, n, null, Integer.MAX_VALUE);
            Object[] r = searcher.search(query, new MultiCollectorManager(top, FacetCounter.perSlice()));
            TopDocs topDocs = (TopDocs) r[0];
            // Sorted by a field, hits still show their relevance.
            if (sort != null) TopFieldCollector.populateScores(topDocs.scoreDocs, searcher, query);
            List<FacetsCollector> slices = (List<FacetsCollector>) r[1];
            long total = 0;
            for (FacetsCollector slice : slices) for (var m : slice.getMatchingDocs()) total += m.totalHits;
            return new Matches(topDocs, total, slices);
        }
        TopDocs top = sort == null ? searcher.search(query, request.limit()) : searcher.search(query, request.limit(), sort, true);
        long total = top.totalHits.relation == org.apache.lucene.search.TotalHits.Relation.EQUAL_TO
                ? top.totalHits.value : searcher.count(query);
        return new Matches(top, total, null);
    }

    /** The Lucene query for a request, its text matched as {@code matching} says. */
    private Query query(SearchRequest request, TextMatching matching) throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        Query text = textQuery(request.text(), matching);
        b.add(text == null ? new MatchAllDocsQuery() : text, text == null ? Occur.FILTER : Occur.MUST);
        // Only history entries hold the value, so this steps over them alone, not over every entry.
        if (!request.history()) b.add(new FieldExistsQuery(SUPERSEDED), Occur.MUST_NOT);
        if (request.region() != null && !request.region().isBlank()) b.add(regionQuery(request.region().strip()), Occur.FILTER);
        if (request.yearFrom() != null || request.yearTo() != null) {
            int from = request.yearFrom() == null ? Integer.MIN_VALUE : request.yearFrom();
            int to = request.yearTo() == null ? Integer.MAX_VALUE : request.yearTo();
            b.add(new IndexOrDocValuesQuery(IntPoint.newRangeQuery(YEAR, from, to),
                    NumericDocValuesField.newSlowRangeQuery(YEAR, from, to)), Occur.FILTER);
        }
        if (request.kind() != null && !request.kind().isBlank()) {
            b.add(new TermQuery(new Term(KIND, SearchRequest.kindOf(request.kind()).name())), Occur.FILTER);
        }
        if (request.level1() != null && !request.level1().isBlank()) {
            b.add(new TermQuery(new Term(LEVEL1, request.level1().strip())), Occur.FILTER);
        }
        if (request.finding() != null && !request.finding().isBlank()) {
            b.add(new TermQuery(new Term(FINDING, request.finding().strip().toUpperCase(Locale.ROOT))), Occur.FILTER);
        }
        for (Condition c : request.where()) {
            b.add(DecimalField.compare(c.field().fieldName(), c.operator(), c.value()), Occur.FILTER);
        }
        return b.build();
    }

    private Query textQuery(String text, TextMatching matching) throws IOException {
        if (text == null || text.isBlank()) return null;
        Query words = allTerms(terms(NAME_WORDS, text), NAME_WORDS, BODY_WORDS);
        Query bigrams = anyTerm(terms(NAME_BIGRAMS, text), NAME_BIGRAMS);
        return switch (matching) {
            case WORDS -> words;
            case BIGRAMS -> bigrams;
            case COMBINED -> new BooleanQuery.Builder()
                    .add(new BoostQuery(words, WORDS_BOOST), Occur.SHOULD)
                    .add(bigrams, Occur.SHOULD)
                    .build();
        };
    }

    private List<String> terms(String field, String text) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = queryAnalyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        }
        return List.copyOf(out);
    }

    /** Every term must occur, in the name or in the context (the name counting more). */
    private static Query allTerms(List<String> terms, String nameField, String bodyField) {
        if (terms.isEmpty()) return new org.apache.lucene.search.MatchNoDocsQuery("查询中没有可检索的词");
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : terms) b.add(either(t, nameField, bodyField), Occur.MUST);
        return b.build();
    }

    /**
     * Bigrams of the name, at least half of them (rounded down, at least one): 完成时限 still finds
     * 工程完工时限 by 时限, but a long query is not answered by every name sharing one common
     * bigram such as 时间. More and rarer overlaps rank higher.
     */
    private static Query anyTerm(List<String> terms, String field) {
        if (terms.isEmpty()) return new org.apache.lucene.search.MatchNoDocsQuery("查询中没有可检索的词");
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : terms) b.add(new TermQuery(new Term(field, t)), Occur.SHOULD);
        b.setMinimumNumberShouldMatch(Math.max(1, terms.size() / 2));
        return b.build();
    }

    private static Query either(String term, String nameField, String bodyField) {
        return new DisjunctionMaxQuery(List.of(
                new BoostQuery(new TermQuery(new Term(nameField, term)), NAME_BOOST),
                new TermQuery(new Term(bodyField, term))), 0f);
    }

    /** 320000 by code; 江苏省 by exact name; 江苏 by the start of a name. Sub-regions always match. */
    private Query regionQuery(String region) throws IOException {
        if (region.chars().allMatch(Character::isDigit)) return new TermQuery(new Term(REGION_CODES, region));
        Term exact = new Term(REGION_NAMES, region);
        if (reader.docFreq(exact) > 0) return new TermQuery(exact);
        return new PrefixQuery(new Term(REGION_NAMES, region));
    }

    private static Sort sort(String spec) {
        if (spec == null || spec.isBlank()) return null;
        String s = spec.strip();
        boolean descending = s.startsWith("-");
        String name = descending ? s.substring(1) : s;
        String field;
        if (name.equalsIgnoreCase(YEAR)) {
            field = YEAR;
        } else {
            field = NumericField.byName(name).orElseThrow(() -> new InvalidQueryException(
                    "无法按“" + name + "”排序，可用的字段：year, " + NumericField.names())).fieldName();
        }
        SortField sf = new SortField(field, SortField.Type.LONG, descending);
        // Entries without the value go last either way.
        sf.setMissingValue(descending ? Long.MIN_VALUE : Long.MAX_VALUE);
        return new Sort(sf, SortField.FIELD_SCORE);
    }

    private List<SearchResult.Facet> facets(List<FacetsCollector> slices) throws IOException {
        FacetCounter.Counts counts = facetCounter.count(slices);
        List<SearchResult.Facet> out = new ArrayList<>();
        for (String dim : facetDims) {
            List<String> path = new ArrayList<>();
            FacetCounter.Children r = counts.topChildren(FACET_VALUES, dim);
            // Where all hits lie in one region, show the next level down (江苏省 → 无锡市 …).
            while (dim.equals(FACET_REGION) && r != null && r.childCount() == 1) {
                List<String> deeper = new ArrayList<>(path);
                deeper.add(r.top().get(0).label());
                FacetCounter.Children below = counts.topChildren(FACET_VALUES, dim, deeper.toArray(String[]::new));
                if (below == null || below.childCount() == 0) break;
                path = deeper;
                r = below;
            }
            if (r == null || r.childCount() == 0) continue;
            List<SearchResult.Count> values = new ArrayList<>();
            for (FacetCounter.Count c : r.top()) values.add(new SearchResult.Count(c.label(), c.count()));
            out.add(new SearchResult.Facet(dim, List.copyOf(path), values));
        }
        return out;
    }

    private static SearchResult.Hit hit(Document d, Document report, boolean current, float relevance) {
        String type = d.get(TYPE);
        BigDecimal amount = decimal(d, NumericField.AMOUNT.fieldName());
        if (amount == null) amount = decimal(d, NumericField.TOTAL_AMOUNT.fieldName());
        if (amount == null) amount = decimal(d, NumericField.ADJUSTED_BUDGET.fieldName());
        IndexableField year = report.getField(YEAR);
        String name = d.get(NAME);
        if (TYPE_REPORT.equals(type)) name = null;
        return new SearchResult.Hit(type, report.get(REGION), report.get(REGION_CODE),
                year == null ? null : year.numericValue().intValue(), report.get(KIND), report.get(PROJECT),
                d.get(LEVEL1), d.get(LEVEL2), name, d.get(TARGET), d.get(ACTUAL),
                decimal(d, NumericField.WEIGHT.fieldName()), decimal(d, NumericField.SCORE.fieldName()),
                decimal(d, NumericField.EXECUTION_RATE.fieldName()), decimal(d, NumericField.TOTAL_SCORE.fieldName()),
                amount, Arrays.asList(d.getValues(FINDING)), report.get(FILE), d.get(SHA256),
                current, relevance);
    }

    private static BigDecimal decimal(Document d, String field) {
        for (IndexableField f : d.getFields(field)) {
            if (f.stringValue() != null) return new BigDecimal(f.stringValue());
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } finally {
            directory.close();
        }
    }
}
