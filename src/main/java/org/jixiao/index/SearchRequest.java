package org.jixiao.index;

import java.util.List;
import org.jixiao.model.ReportKind;

/**
 * A search over the index. Empty text with filters lists everything that matches.
 *
 * @param text     words to find; null or blank for none
 * @param region   region name, short name (江苏) or code (320000); its sub-regions match too
 * @param yearFrom first year, inclusive, or null
 * @param yearTo   last year, inclusive, or null
 * @param kind     {@code SELF_EVALUATION} or {@code TARGET_DECLARATION} (or 自评 / 申报), or null
 * @param level1   一级指标, exactly, or null
 * @param finding  finding code, or null
 * @param where    numeric conditions, all required
 * @param history  also superseded versions (by default only current ones)
 * @param sort     numeric field to sort by, {@code -} in front for descending; null for relevance
 * @param limit    hits to return
 * @param facets   whether to count facets
 * @param matching how text is matched, null for {@link TextMatching#DEFAULT}
 */
public record SearchRequest(String text, String region, Integer yearFrom, Integer yearTo, String kind,
                            String level1, String finding, List<Condition> where, boolean history,
                            String sort, int limit, boolean facets, TextMatching matching) {

    public static final int DEFAULT_LIMIT = 20;

    public SearchRequest {
        where = where == null ? List.of() : List.copyOf(where);
        if (limit <= 0) throw new InvalidQueryException("结果条数必须大于 0");
    }

    /** Just text, current reports, default limit, with facets. */
    public static SearchRequest text(String text) {
        return new SearchRequest(text, null, null, null, null, null, null, List.of(), false, null,
                DEFAULT_LIMIT, true, null);
    }

    public SearchRequest withRegion(String newRegion) {
        return new SearchRequest(text, newRegion, yearFrom, yearTo, kind, level1, finding, where, history, sort, limit, facets, matching);
    }

    public SearchRequest withYears(Integer from, Integer to) {
        return new SearchRequest(text, region, from, to, kind, level1, finding, where, history, sort, limit, facets, matching);
    }

    public SearchRequest withKind(String newKind) {
        return new SearchRequest(text, region, yearFrom, yearTo, newKind, level1, finding, where, history, sort, limit, facets, matching);
    }

    public SearchRequest withLevel1(String newLevel1) {
        return new SearchRequest(text, region, yearFrom, yearTo, kind, newLevel1, finding, where, history, sort, limit, facets, matching);
    }

    public SearchRequest withFinding(String newFinding) {
        return new SearchRequest(text, region, yearFrom, yearTo, kind, level1, newFinding, where, history, sort, limit, facets, matching);
    }

    public SearchRequest withWhere(List<Condition> newWhere) {
        return new SearchRequest(text, region, yearFrom, yearTo, kind, level1, finding, newWhere, history, sort, limit, facets, matching);
    }

    public SearchRequest withHistory(boolean newHistory) {
        return new SearchRequest(text, region, yearFrom, yearTo, kind, level1, finding, where, newHistory, sort, limit, facets, matching);
    }

    public SearchRequest withSort(String newSort) {
        return new SearchRequest(text, region, yearFrom, yearTo, kind, level1, finding, where, history, newSort, limit, facets, matching);
    }

    public SearchRequest withLimit(int newLimit) {
        return new SearchRequest(text, region, yearFrom, yearTo, kind, level1, finding, where, history, sort, newLimit, facets, matching);
    }

    public SearchRequest withFacets(boolean newFacets) {
        return new SearchRequest(text, region, yearFrom, yearTo, kind, level1, finding, where, history, sort, limit, newFacets, matching);
    }

    public SearchRequest withMatching(TextMatching newMatching) {
        return new SearchRequest(text, region, yearFrom, yearTo, kind, level1, finding, where, history, sort, limit, facets, newMatching);
    }

    /**
     * The kind a {@link #kind()} names: the enum name in any case, or 自评 / 申报 (目标).
     *
     * @throws InvalidQueryException with a Chinese message for anything else
     */
    public static ReportKind kindOf(String text) {
        String t = text.strip();
        for (ReportKind k : ReportKind.values()) if (k.name().equalsIgnoreCase(t)) return k;
        if (t.contains("自评")) return ReportKind.SELF_EVALUATION;
        if (t.contains("申报") || t.contains("目标")) return ReportKind.TARGET_DECLARATION;
        throw new InvalidQueryException("未知的报告类型“" + t + "”，可用：SELF_EVALUATION（自评）、TARGET_DECLARATION（目标申报）");
    }
}
