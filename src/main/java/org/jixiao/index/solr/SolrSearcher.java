package org.jixiao.index.solr;

import static org.jixiao.index.solr.SolrFields.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.json.BucketBasedJsonFacet;
import org.apache.solr.client.solrj.response.json.BucketJsonFacet;
import org.apache.solr.client.solrj.response.json.NestableJsonFacet;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.jixiao.index.Condition;
import org.jixiao.index.InvalidQueryException;
import org.jixiao.index.NumericField;
import org.jixiao.index.SearchRequest;
import org.jixiao.index.SearchResult;
import org.jixiao.index.TextMatching;

/**
 * Answers {@link SearchRequest}s from the collection, with the embedded index's semantics: the same
 * text matching (HanLP words, every word required, the name counting twice; CJK bigrams, half of them
 * required; combined, bigram matches only when the words find less than a page), the same filters,
 * exact decimal ranges, sorting with missing values last, and facet counts over every match (Solr's
 * JSON facets, refined across shards so the counts are exact).
 */
final class SolrSearcher {

    /** As the embedded index: a row's own name counts for more than its context. */
    static final int NAME_BOOST = 2;
    /** As the embedded index: in {@link TextMatching#COMBINED}, matching every word outweighs any bigram overlap. */
    static final int WORDS_BOOST = 4;
    /** Values shown per facet dimension. */
    static final int FACET_VALUES = 10;
    /** Word matches that make a page without the looser bigram matches: the default page (as the embedded index). */
    static final int WORD_MATCHES_ENOUGH = SearchRequest.DEFAULT_LIMIT;

    /** What a hit shows. */
    private static final String HIT_FIELDS = String.join(",", TYPE, SHA256, REGION, REGION_CODE, YEAR, KIND, PROJECT,
            LEVEL1, LEVEL2, NAME, TARGET, ACTUAL, FINDING, FILE, SUPERSEDED, "*_v", "score");

    private final SolrClient client;
    private final String collection;

    SolrSearcher(SolrClient client, String collection) {
        this.client = client;
        this.collection = collection;
    }

    SearchResult search(SearchRequest request) {
        TextMatching matching = request.matching() == null ? TextMatching.DEFAULT : request.matching();
        boolean text = request.text() != null && !request.text().isBlank();
        List<String> filters = filters(request);
        QueryResponse response = null;
        if (matching == TextMatching.COMBINED && text) {
            // As the embedded index: bigram matches only fill up a page the words cannot, and the
            // page is fixed, so totals and facets never depend on the caller's limit.
            response = run(request, TextMatching.WORDS, filters);
            if (response.getResults().getNumFound() < WORD_MATCHES_ENOUGH) response = null;
        }
        if (response == null) response = run(request, matching, filters);
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (SolrDocument d : response.getResults()) hits.add(hit(d));
        List<SearchResult.Facet> facets = request.facets() ? facets(response.getJsonFacetingResponse()) : List.of();
        return new SearchResult(response.getResults().getNumFound(), hits, facets);
    }

    private QueryResponse run(SearchRequest request, TextMatching matching, List<String> filters) {
        SolrQuery q = new SolrQuery();
        textQuery(q, request.text(), matching);
        for (String f : filters) q.addFilterQuery(f);
        q.setRows(request.limit());
        q.setFields(HIT_FIELDS);
        sort(q, request.sort());
        if (request.facets()) q.set("json.facet", facetJson());
        return query(q);
    }

    /** The report entries of these reports, in the given order; one not stored is left out. */
    List<SearchResult.Hit> reports(List<String> sha256s) {
        if (sha256s.isEmpty()) return List.of();
        SolrQuery q = new SolrQuery("*:*");
        q.addFilterQuery(term(TYPE, TYPE_REPORT));
        q.addFilterQuery("{!terms f=" + SHA256 + "}" + String.join(",", sha256s));
        q.setRows(sha256s.size());
        q.setFields(HIT_FIELDS);
        Map<String, SearchResult.Hit> bySha = new HashMap<>();
        for (SolrDocument d : query(q).getResults()) {
            SearchResult.Hit h = hit(d);
            bySha.put(h.sha256(), h);
        }
        List<SearchResult.Hit> out = new ArrayList<>();
        for (String sha : sha256s) if (bySha.containsKey(sha)) out.add(bySha.get(sha));
        return out;
    }

    QueryResponse query(SolrQuery q) {
        try {
            // POST: a long list of shas or a long text does not fit a URL.
            return new QueryRequest(q, org.apache.solr.client.solrj.SolrRequest.METHOD.POST).process(client, collection);
        } catch (SolrException e) {
            if (e.code() == SolrException.ErrorCode.BAD_REQUEST.code) throw new InvalidQueryException("无法执行该检索：" + e.getMessage());
            throw e;
        } catch (SolrServerException e) {
            throw new UncheckedIOException(new IOException("SolrCloud 检索失败：" + e.getMessage(), e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text query, analysed by the collection's own field types (HanLP query mode for the words,
     * CJK bigrams), built as the embedded index builds it: every word must occur in the name (boost
     * {@value #NAME_BOOST}) or the context, the better of the two counting; at least half of the
     * name's bigrams (rounded down, at least one).
     */
    private static void textQuery(SolrQuery q, String text, TextMatching matching) {
        if (text == null || text.isBlank()) {
            q.setQuery("*:*");
            return;
        }
        // Own parameter names: edismax reads bq, qf, pf … from the request, and would read these.
        q.set("jxText", escape(text.strip()));
        String words = "{!edismax qf='" + NAME_WORDS + "^" + NAME_BOOST + " " + BODY_WORDS + "' mm='100%' tie=0 sow=false v=$jxText}";
        String bigrams = "{!edismax qf=" + NAME_BIGRAMS + " mm='50%' sow=false v=$jxText}";
        switch (matching) {
            case WORDS -> q.setQuery(words);
            case BIGRAMS -> q.setQuery(bigrams);
            case COMBINED -> {
                q.set("jxWords", words);
                q.set("jxBigrams", bigrams);
                q.set("jxWordsBoosted", "{!boost b=" + WORDS_BOOST + " v=$jxWords}");
                q.setQuery("{!bool should=$jxWordsBoosted should=$jxBigrams}");
            }
        }
    }

    /** Query syntax in the user's text taken literally; spaces still separate words. */
    private static String escape(String text) {
        StringBuilder sb = new StringBuilder();
        for (String part : text.split("\\s+")) {
            if (part.isEmpty()) continue;
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(ClientUtils.escapeQueryChars(part));
        }
        return sb.toString();
    }

    private List<String> filters(SearchRequest request) {
        List<String> fq = new ArrayList<>();
        // History entries hold 1, current ones 0.
        if (!request.history()) fq.add("{!frange l=" + CURRENT + " u=" + CURRENT + "}" + SUPERSEDED);
        if (request.region() != null && !request.region().isBlank()) fq.add(regionFilter(request.region().strip()));
        if (request.yearFrom() != null || request.yearTo() != null) {
            fq.add(YEAR + ":[" + (request.yearFrom() == null ? "*" : request.yearFrom()) + " TO "
                    + (request.yearTo() == null ? "*" : request.yearTo()) + "]");
        }
        if (request.kind() != null && !request.kind().isBlank()) fq.add(term(KIND, SearchRequest.kindOf(request.kind()).name()));
        if (request.level1() != null && !request.level1().isBlank()) fq.add(term(LEVEL1_KEY, SolrDocuments.oneTerm(request.level1())));
        if (request.finding() != null && !request.finding().isBlank()) {
            fq.add(term(FINDING, request.finding().strip().toUpperCase(Locale.ROOT)));
        }
        for (Condition c : request.where()) fq.add(compare(c));
        return fq;
    }

    /** 320000 by code; 江苏省 by exact name; 江苏 by the start of a name. Sub-regions always match. */
    private String regionFilter(String region) {
        if (region.chars().allMatch(Character::isDigit)) return term(REGION_CODES, region);
        String exact = term(REGION_NAMES, region);
        SolrQuery probe = new SolrQuery("*:*");
        probe.addFilterQuery(exact);
        probe.setRows(0);
        if (query(probe).getResults().getNumFound() > 0) return exact;
        return "{!prefix f=" + REGION_NAMES + " v=" + localParam(region) + "}";
    }

    private static String term(String field, String value) {
        return "{!term f=" + field + " v=" + localParam(value) + "}";
    }

    /** A value inside local params, quoted and escaped. */
    private static String localParam(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** An exact decimal comparison on the scaled long, as the embedded index makes it. */
    static String compare(Condition c) {
        String field = comparable(c.field().fieldName());
        long floor = encode(c.value(), RoundingMode.FLOOR);
        long ceiling = encode(c.value(), RoundingMode.CEILING);
        String none = "-*:*";
        if (floor == Long.MAX_VALUE || ceiling == Long.MIN_VALUE) {
            // Beyond every value a store can hold: only the open side matches anything.
            boolean above = floor == Long.MAX_VALUE;
            boolean matchesAll = above ? c.operator().startsWith("<") : c.operator().startsWith(">");
            return matchesAll ? field + ":[* TO *]" : none;
        }
        return switch (c.operator()) {
            case "<" -> field + ":[* TO " + (ceiling - 1) + "]";
            case "<=" -> field + ":[* TO " + floor + "]";
            case ">" -> field + ":[" + (floor + 1) + " TO *]";
            case ">=" -> field + ":[" + ceiling + " TO *]";
            case "=" -> floor == ceiling ? field + ":[" + floor + " TO " + floor + "]" : none;
            default -> throw new IllegalArgumentException(c.operator());
        };
    }

    /** The scaled long, clamped to the long range (a bound beyond every stored value). */
    static long encode(BigDecimal value, RoundingMode rounding) {
        BigInteger scaled = value.setScale(SolrDocuments.SCALE, rounding).unscaledValue();
        if (scaled.bitLength() < Long.SIZE) return scaled.longValue();
        return scaled.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    private static void sort(SolrQuery q, String spec) {
        if (spec == null || spec.isBlank()) return;
        String s = spec.strip();
        boolean descending = s.startsWith("-");
        String name = descending ? s.substring(1) : s;
        String field;
        if (name.equalsIgnoreCase(YEAR)) {
            field = YEAR;
        } else {
            field = comparable(NumericField.byName(name).orElseThrow(() -> new InvalidQueryException(
                    "无法按“" + name + "”排序，可用的字段：year, " + NumericField.names())).fieldName());
        }
        // Entries without the value go last either way (sortMissingLast in the schema); then by relevance.
        q.addSort(field, descending ? SolrQuery.ORDER.desc : SolrQuery.ORDER.asc);
        q.addSort("score", SolrQuery.ORDER.desc);
    }

    /**
     * Every dimension's top values; the region's {@value SolrFields#REGION_LEVELS} levels each as a
     * flat facet of its own, so that where all hits lie in one region the next level down can be
     * shown. Flat, not nested: a terms facet nested four deep counts the top values under each of the
     * parent's top values (10⁴ buckets, refined across shards) and took seconds on broad queries at
     * 1 M rows (docs/scaling.md); the flat levels give the same drill-down, because the client only
     * descends below a level when it has a single value, and then every hit lies under it.
     */
    private static String facetJson() {
        StringBuilder sb = new StringBuilder("{");
        for (Dimension dim : FACETS) {
            if (dim == FACET_REGION) {
                for (int level = 0; level < REGION_LEVELS; level++) {
                    if (sb.length() > 1) sb.append(',');
                    sb.append(regionKey(dim, level)).append(':').append(terms(REGION_LEVEL + level));
                }
            } else {
                if (sb.length() > 1) sb.append(',');
                sb.append(dim.key()).append(':').append(terms(dim.field()));
            }
        }
        return sb.append('}').toString();
    }

    private static String regionKey(Dimension dim, int level) {
        return dim.key() + "_" + level;
    }

    private static String terms(String field) {
        return "{type:terms,field:" + field + ",limit:" + FACET_VALUES + ",refine:true}";
    }

    private static List<SearchResult.Facet> facets(NestableJsonFacet json) {
        List<SearchResult.Facet> out = new ArrayList<>();
        if (json == null) return out;
        for (Dimension dim : FACETS) {
            List<String> path = new ArrayList<>();
            List<BucketJsonFacet> buckets;
            if (dim == FACET_REGION) {
                buckets = buckets(json, regionKey(dim, 0));
                // Where all hits lie in one region, show the next level down (江苏省 → 无锡市 …).
                for (int level = 1; level < REGION_LEVELS && buckets.size() == 1; level++) {
                    List<BucketJsonFacet> below = buckets(json, regionKey(dim, level));
                    if (below.isEmpty()) break;
                    path.add(String.valueOf(buckets.get(0).getVal()));
                    buckets = below;
                }
            } else {
                buckets = buckets(json, dim.key());
            }
            if (buckets.isEmpty()) continue;
            List<SearchResult.Count> counts = new ArrayList<>();
            for (BucketJsonFacet b : buckets) counts.add(new SearchResult.Count(String.valueOf(b.getVal()), b.getCount()));
            out.add(new SearchResult.Facet(dim.label(), List.copyOf(path), counts));
        }
        return out;
    }

    private static List<BucketJsonFacet> buckets(NestableJsonFacet json, String key) {
        BucketBasedJsonFacet facet = json.getBucketBasedFacets(key);
        return facet == null ? List.of() : facet.getBuckets();
    }

    private static SearchResult.Hit hit(SolrDocument d) {
        String type = (String) d.getFirstValue(TYPE);
        BigDecimal amount = decimal(d, NumericField.AMOUNT);
        if (amount == null) amount = decimal(d, NumericField.TOTAL_AMOUNT);
        if (amount == null) amount = decimal(d, NumericField.ADJUSTED_BUDGET);
        Object year = d.getFirstValue(YEAR);
        Object superseded = d.getFirstValue(SUPERSEDED);
        Object score = d.getFirstValue("score");
        String name = TYPE_REPORT.equals(type) ? null : (String) d.getFirstValue(NAME);
        return new SearchResult.Hit(type, str(d, REGION), str(d, REGION_CODE),
                year == null ? null : ((Number) year).intValue(), str(d, KIND), str(d, PROJECT),
                str(d, LEVEL1), str(d, LEVEL2), name, str(d, TARGET), str(d, ACTUAL),
                decimal(d, NumericField.WEIGHT), decimal(d, NumericField.SCORE),
                decimal(d, NumericField.EXECUTION_RATE), decimal(d, NumericField.TOTAL_SCORE),
                amount, strings(d.getFieldValues(FINDING)), str(d, FILE), str(d, SHA256),
                superseded == null || ((Number) superseded).intValue() != HISTORY,
                score == null ? 0f : ((Number) score).floatValue());
    }

    private static String str(SolrDocument d, String field) {
        Object v = d.getFirstValue(field);
        return v == null ? null : v.toString();
    }

    private static List<String> strings(Collection<Object> values) {
        if (values == null) return List.of();
        List<String> out = new ArrayList<>();
        for (Object v : values) out.add(v.toString());
        return out;
    }

    private static BigDecimal decimal(SolrDocument d, NumericField field) {
        Object v = d.getFirstValue(printed(field.fieldName()));
        return v == null ? null : new BigDecimal(v.toString());
    }
}
