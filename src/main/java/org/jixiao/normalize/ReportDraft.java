package org.jixiao.normalize;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jixiao.mapping.LabelMappings.FigureField;
import org.jixiao.mapping.LabelMappings.FundsColumn;
import org.jixiao.mapping.LabelMappings.HeaderField;
import org.jixiao.mapping.LabelMappings.Section;
import org.jixiao.model.BudgetItem;
import org.jixiao.model.FundSource;
import org.jixiao.model.Indicator;
import org.jixiao.model.Location;

/**
 * What the section readers have read so far from one document: each value with the place it was
 * read from. The first reading of a field wins (a form states its header once; a later table
 * that repeats a label belongs to an attachment). Mutable, and private to one normalisation.
 */
final class ReportDraft {

    record Located<T>(T value, Location location) {
    }

    /** What is known of one section: where it starts, rows read, columns found and missing. */
    static final class SectionState {
        Location location;
        int rows;
        final List<String> columnsFound = new ArrayList<>();
        final List<String> columnsMissing = new ArrayList<>();
    }

    /** The year the report is for (title or text): a prior-year column is one before it. */
    Integer reportYear;
    /**
     * Within the table being read: a total was read, so the label | amount rows below break it
     * down. Reset at each table (breakdowns do not run across tables).
     */
    boolean inBreakdown;
    /** The rank of the label the department fallback was read from (预算单位 before 填报单位). */
    Integer departmentFallbackRank;
    final Map<HeaderField, Located<String>> header = new EnumMap<>(HeaderField.class);
    final Map<FigureField, Located<BigDecimal>> figures = new EnumMap<>(FigureField.class);
    final Map<FundsColumn, Located<BigDecimal>> fundsTotals = new EnumMap<>(FundsColumn.class);
    final List<FundSource> sources = new ArrayList<>();
    private final List<Integer> sourceLevels = new ArrayList<>();
    /** The figure the sources break down (项目资金总额, 当年年度预算, the matrix total). */
    Located<BigDecimal> sourcesTotal;
    Location sourcesLocation;
    /** The last total read (项目总预算, 当年年度预算): the one a breakdown below it breaks down. */
    Located<BigDecimal> pendingTotal;
    /** True once a block with a ranked breakdown (资金来源) has given the sources: later blocks add none. */
    boolean sourcesClosed;
    final List<BudgetItem> budgetItems = new ArrayList<>();
    Located<BigDecimal> itemsTotal;
    Located<BigDecimal> priorYearUsedFromItems;
    final List<Indicator> indicators = new ArrayList<>();
    Located<BigDecimal> totalScore;
    /** The 总分 row was seen (its score may be blank or hold only the weights). */
    boolean totalRowSeen;
    final Map<Section, SectionState> sections = new EnumMap<>(Section.class);
    /** The money unit the form states (万元 or 元), null when it says none. */
    String moneyUnit;

    SectionState section(Section s, Location at) {
        SectionState st = sections.computeIfAbsent(s, k -> new SectionState());
        if (st.location == null) st.location = at;
        return st;
    }

    boolean has(Section s) {
        return sections.containsKey(s);
    }

    void putHeader(HeaderField f, String value, Location at) {
        if (value == null || value.isBlank() || header.containsKey(f)) return;
        header.put(f, new Located<>(value, at));
    }

    void putFigure(FigureField f, BigDecimal value, Location at) {
        if (value == null || figures.containsKey(f)) return;
        figures.put(f, new Located<>(value, at));
    }

    /**
     * The sources at the top level of an enumerated list only: (一)财政拨款小计 is a source, its
     * 1、一般公共预算 a part of it. Unnumbered sources are kept.
     */
    List<FundSource> topLevelSources() {
        int top = sourceLevels.stream().filter(l -> l >= 0).min(Integer::compare).orElse(-1);
        if (top < 0) return sources;
        List<FundSource> out = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            int l = sourceLevels.get(i);
            if (l < 0 || l == top) out.add(sources.get(i));
        }
        return out;
    }

    BigDecimal figure(FigureField f) {
        Located<BigDecimal> v = figures.get(f);
        return v == null ? null : v.value();
    }

    Location figureAt(FigureField f) {
        Located<BigDecimal> v = figures.get(f);
        return v == null ? null : v.location();
    }

    void addSource(String name, BigDecimal amount, Location at) {
        addSource(name, amount, at, -1);
    }

    /** A source with the level of its enumerator ((一) 0, 一、 1, 1、 2, ① 3; -1 for none). */
    void addSource(String name, BigDecimal amount, Location at, int level) {
        sourceLevels.add(level);
        if (sourcesLocation == null) sourcesLocation = at;
        if (sources.isEmpty() && sourcesTotal == null && pendingTotal != null) sourcesTotal = pendingTotal;
        sources.add(new FundSource(name, amount));
    }
}
