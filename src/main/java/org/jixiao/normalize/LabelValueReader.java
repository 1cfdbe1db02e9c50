package org.jixiao.normalize;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jixiao.mapping.LabelMappings;
import org.jixiao.mapping.LabelMappings.FigureField;
import org.jixiao.mapping.LabelMappings.HeaderField;
import org.jixiao.mapping.LabelMappings.Section;
import org.jixiao.mapping.LabelSet;
import org.jixiao.mapping.LabelText;
import org.jixiao.model.BudgetItem;
import org.jixiao.model.Location;

/**
 * Label → value cells, one row at a time: the header block (项目名称 | …), money fields
 * (项目总预算 | 65, 年度资金总额:50万, 计划投资额 (万元) | 570) and the breakdowns under them. A
 * value is the rest of the cell after a colon, or the next non-empty cell that is not itself a
 * label; an amount may carry its unit (250万) or follow a name in its cell (…补助资金50). A
 * free-text breakdown in one cell (总额10606万元 财政拨款:6923万元 … 三、其他:3683万元) gives the
 * total and its parts. Rows marked 其中, and first label | amount pairs of the rows after a total,
 * are fund sources; codes, rates and spending categories never are.
 *
 * <p>It reads every row no other section claimed, so it is the last reader asked.
 */
final class LabelValueReader implements SectionReader {

    /** "label:value" in one cell; the label is short. */
    private static final Pattern IN_CELL = Pattern.compile("^([^:：]{1,20})[:：]\\s*(.*)$", Pattern.DOTALL);
    /** A name followed by its amount in one cell: (少数民族发展任务)50, 250万. */
    private static final Pattern NAME_AMOUNT = Pattern.compile("^([^\\d:：]*?)\\s*(-?\\d+(?:,\\d{3})*(?:\\.\\d+)?)\\s*(万元|万|元)?$");
    /** One part of a free-text breakdown: an optional enumerator, a name, a colon, an amount. */
    private static final Pattern PART = Pattern.compile(
            "(?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．]|\\d+[、.．])?\\s*"
                    + "([\\u4e00-\\u9fa5][\\u4e00-\\u9fa5\\s]*?)\\s*[:：]?\\s*(\\d+(?:,\\d{3})*(?:\\.\\d+)?)\\s*(?:万元|万|元)?");
    private static final Pattern BRACKETS = Pattern.compile("[(（][^()（）]*[)）]");
    /** Another "label:" after the value, on the same prose line (单位名称:区商务局 填报日期:…). */
    private static final Pattern NEXT_LABEL = Pattern.compile("\\s+[^\\s:：]{2,12}[:：].*$", Pattern.DOTALL);
    private static final Pattern ANY_NUMBER = Pattern.compile("\\d+(?:,\\d{3})*(?:\\.\\d+)?");

    private final Map<HeaderField, LabelSet> header = new EnumMap<>(HeaderField.class);
    private final Map<FigureField, LabelSet> figureLabels = new EnumMap<>(FigureField.class);
    /** Total labels long enough to be recognised at the end of a longer label (年度预算资金总额). */
    private final List<String> totalSynonyms;
    static final int MIN_NAMED_TOTAL_LABEL = 4;
    private final List<String> fundingLevelWords;
    private final List<String> fundingLevelEndings;
    private final LabelSet fundsSections;
    private final List<Pattern> codePatterns;
    private final List<String> placeholders;
    private final NumberText figures;
    private final SourceNames names;


    LabelValueReader(LabelMappings labels, NumberText figures, SourceNames names) {
        labels.header().forEach((k, v) -> header.put(k, new LabelSet(v)));
        labels.figures().forEach((k, v) -> figureLabels.put(k, new LabelSet(v)));
        this.totalSynonyms = labels.figures().get(FigureField.TOTAL_AMOUNT).stream().map(LabelText::normalize)
                .sorted((a, b) -> b.length() - a.length()).toList();
        this.fundingLevelWords = labels.fundingLevelWords();
        this.fundingLevelEndings = labels.fundingLevelEndings();
        this.fundsSections = new LabelSet(labels.fundsSections());
        this.codePatterns = labels.codePatterns().stream().map(Pattern::compile).toList();
        this.placeholders = labels.placeholderValues().stream().map(LabelText::normalize).toList();
        this.figures = figures;
        this.names = names;
    }

    /** A new table: breakdowns do not run across tables. */
    void startTable(ReportDraft draft) {
        draft.inBreakdown = false;
        draft.pendingTotal = null;
    }

    @Override
    public boolean startsAt(TableView table, int row) {
        return true;
    }

    private record Pair(String label, String value, boolean ofWhich, Location labelAt, Location valueAt) {
    }

    @Override
    public int read(TableView table, int r, ReportDraft draft) {
        int first = table.firstNonEmpty(r);
        if (first < 0) return r + 1;
        if (first == 0) {
            String head = table.cell(r, 0);
            if (fundsSections.matches(head)) {
                draft.inBreakdown = true;
                draft.section(Section.FUNDS, table.location(r));
            } else if (!SourceNames.ofWhich(head) && figureField(head) == null) {
                draft.inBreakdown = false;
            }
        }
        List<Pair> pairs = pairs(table, r);
        boolean sourcesHere = true;
        int markers = 0;
        for (int i = 0; i < pairs.size(); i++) {
            Pair p = pairs.get(i);
            if (p.label().isEmpty()) {
                // A bare 其中: its breakdown follows; a second one in the row breaks down another figure.
                if (++markers > 1) sourcesHere = false;
                continue;
            }
            boolean level = namesFundingLevel(p.label());
            if (readField(p, draft) && !(level && figureField(p.label()) == FigureField.CURRENT_YEAR_AMOUNT)) continue;
            if (names.namesNoSource(p.label())) continue;
            BigDecimal amount = amount(p.value());
            if (amount == null || draft.sourcesClosed || !sourcesHere) continue;
            boolean afterMarker = i > 0 && (pairs.get(i - 1).label().isEmpty() || pairs.get(i - 1).ofWhich());
            boolean firstOfRow = i == 0 || (i == 1 && pairs.get(0).label().isEmpty());
            if (!(p.ofWhich() || afterMarker || (draft.inBreakdown && firstOfRow) || level)) continue;
            String name = names.name(p.label());
            if (names.excluded(name)) continue;
            draft.addSource(name, amount, p.valueAt(), names.level(p.label()));
            draft.section(Section.SOURCES, p.labelAt()).rows++;
        }
        return r + 1;
    }

    /** Reads a header or figure field; false when the label is neither. */
    private boolean readField(Pair p, ReportDraft draft) {
        HeaderField h = headerField(p.label());
        if (h != null) {
            String v = cleanText(p.value());
            if (v == null) return true;
            if (h == HeaderField.DEPARTMENT_FALLBACK) {
                int rank = header.get(h).rank(p.label());
                if (draft.departmentFallbackRank == null || rank < draft.departmentFallbackRank) {
                    draft.header.remove(h);
                    draft.departmentFallbackRank = rank;
                }
            }
            draft.putHeader(h, v, p.valueAt());
            draft.section(Section.PROJECT, p.labelAt()).rows = 1;
            return true;
        }
        FigureField f = figureField(p.label());
        if (f == null) return false;
        if (f == FigureField.TOTAL_AMOUNT && breakdownText(p, draft)) return true;
        BigDecimal v = amount(p.value());
        String fund = f == FigureField.TOTAL_AMOUNT ? namedTotal(p.label()) : null;
        if (fund != null && v != null && draft.pendingTotal != null && draft.inBreakdown) {
            // A second named total inside a breakdown is a fund within the first: a line item of
            // it, and the breakdowns below it are its own, not the project's sources.
            draft.budgetItems.add(new BudgetItem(fund, v, null, p.valueAt()));
            draft.section(Section.BUDGET_ITEMS, p.labelAt()).rows++;
            draft.sourcesClosed = true;
            return true;
        }
        if (f == FigureField.TOTAL_AMOUNT || f == FigureField.CURRENT_YEAR_AMOUNT) {
            draft.inBreakdown = true;
            draft.section(Section.FUNDS, p.labelAt()).rows = v == null ? draft.section(Section.FUNDS, p.labelAt()).rows : 1;
        }
        if (f.name().startsWith("PRIOR_")) {
            ReportDraft.SectionState prior = draft.section(Section.PRIOR_YEAR, p.labelAt());
            if (v != null) prior.rows = 1;
        }
        if (f == FigureField.TOTAL_SCORE) draft.section(Section.TOTAL_SCORE, p.labelAt());
        if (v != null) draft.putFigure(f, v, p.valueAt());
        if (v != null && (f == FigureField.TOTAL_AMOUNT || f == FigureField.CURRENT_YEAR_AMOUNT)) {
            draft.pendingTotal = new ReportDraft.Located<>(v, p.valueAt());
        }
        return true;
    }

    /** 总额10606万元 财政拨款:6923万元 二、自有资金:0万元 …: the first amount is the total, the rest its parts. */
    private boolean breakdownText(Pair p, ReportDraft draft) {
        String text = BRACKETS.matcher(NumberText.halfWidth(p.value())).replaceAll(" ");
        Matcher n = ANY_NUMBER.matcher(text);
        int numbers = 0;
        while (n.find()) numbers++;
        if (numbers < 2) return false;
        Matcher m = PART.matcher(text);
        List<String[]> parts = new ArrayList<>();
        int leading = -1;
        Matcher firstNumber = ANY_NUMBER.matcher(text);
        if (firstNumber.find()) leading = firstNumber.start();
        BigDecimal total = null;
        if (leading >= 0 && text.substring(0, leading).replaceAll("[\\s:：]", "").isEmpty()) {
            // "250一、预算资金:250 …": the bare first amount is the total.
            total = new BigDecimal(firstNumber.group().replace(",", ""));
            m.region(firstNumber.end(), text.length());
        }
        while (m.find()) parts.add(new String[] {m.group(1).replaceAll("\\s+", ""), m.group(2).replace(",", "")});
        if (total == null && !parts.isEmpty()) {
            total = new BigDecimal(parts.get(0)[1]);
            parts = parts.subList(1, parts.size());
        }
        if (total == null) return false;
        draft.putFigure(FigureField.TOTAL_AMOUNT, total, p.valueAt());
        draft.pendingTotal = new ReportDraft.Located<>(total, p.valueAt());
        draft.section(Section.FUNDS, p.labelAt()).rows = 1;
        if (!draft.sourcesClosed && !parts.isEmpty()) {
            for (String[] part : parts) {
                String name = names.name(part[0]);
                if (names.excluded(name)) continue;
                draft.addSource(name, new BigDecimal(part[1]), p.valueAt());
                draft.section(Section.SOURCES, p.labelAt()).rows++;
            }
            draft.sourcesClosed = true;
        }
        return true;
    }

    /** The label | value pairs of a row, in order; a bare 其中 cell is a pair with an empty label. */
    private List<Pair> pairs(TableView table, int r) {
        List<Pair> out = new ArrayList<>();
        int width = table.width(r);
        int i = table.firstNonEmpty(r);
        while (i >= 0 && i < width) {
            String cell = table.cell(r, i);
            if (cell.isEmpty() || figures.isNumber(cell)) {
                i = table.nextNonEmpty(r, i);
                continue;
            }
            boolean ofWhich = SourceNames.ofWhich(cell);
            String rest = ofWhich ? cell.strip().replaceFirst("^其中\\s*[:：]?\\s*", "") : cell;
            if (rest.isEmpty()) {
                out.add(new Pair("", "", true, table.location(r, i), null));
                i = table.nextNonEmpty(r, i);
                continue;
            }
            Matcher in = IN_CELL.matcher(rest);
            if (in.matches() && !in.group(2).isBlank() && (isLabel(in.group(1)) || amount(in.group(2)) != null)) {
                out.add(new Pair(in.group(1).strip(), valueOf(in.group(2)), ofWhich, table.location(r, i), table.location(r, i)));
                i = table.nextNonEmpty(r, i);
                continue;
            }
            String label = rest.replaceAll("[:：]\\s*$", "").strip();
            int j = table.nextNonEmpty(r, i);
            if (fundsSections.matches(label) && figureField(label) == null) {
                // The block's own label (资金情况(万元)): the cells after it are pairs of their own.
                i = j;
                continue;
            }
            String value = j < 0 ? "" : table.cell(r, j);
            if (j < 0 || (isLabel(value) && !figures.isNumber(value))) {
                if (isLabel(label) || ofWhich) out.add(new Pair(label, "", ofWhich, table.location(r, i), null));
                i = j;
                continue;
            }
            if (isLabel(label) || ofWhich || amount(value) != null) {
                out.add(new Pair(label, value, ofWhich, table.location(r, i), table.location(r, j)));
                i = table.nextNonEmpty(r, j);
            } else {
                i = j;
            }
        }
        return out;
    }

    /** Prose lines and single-cell rows: "label：value" only. */
    void readLine(String line, Location at, ReportDraft draft) {
        Matcher in = IN_CELL.matcher(line.strip());
        if (!in.matches() || in.group(2).isBlank()) return;
        String label = in.group(1).strip();
        if (!isLabel(label)) return;
        readField(new Pair(label, valueOf(in.group(2)), false, at, at), draft);
    }

    /** The value after "label:", up to another "label:" on the same line (单位名称:区商务局 填报日期:…). */
    private static String valueOf(String afterColon) {
        return NEXT_LABEL.matcher(afterColon.strip()).replaceFirst("");
    }

    private boolean isLabel(String cell) {
        return headerField(cell) != null || figureField(cell) != null || fundsSections.matches(cell) || names.namesNoSource(cell);
    }

    private HeaderField headerField(String cell) {
        for (Map.Entry<HeaderField, LabelSet> e : header.entrySet()) {
            if (e.getValue().matches(cell)) return e.getKey();
        }
        return null;
    }

    private FigureField figureField(String cell) {
        for (Map.Entry<FigureField, LabelSet> e : figureLabels.entrySet()) {
            if (e.getValue().matches(cell)) return e.getKey();
        }
        return namedTotal(cell) != null ? FigureField.TOTAL_AMOUNT : null;
    }

    /**
     * A total with its fund's name before the label: "计划生育转移支付资金合计(万元) 年度预算资金总额" →
     * 计划生育转移支付资金合计. Null when the label is not of that shape.
     */
    String namedTotal(String cell) {
        String n = LabelText.normalize(cell).replaceAll("[)）:：]+$", "");
        for (String synonym : totalSynonyms) {
            if (synonym.length() >= MIN_NAMED_TOTAL_LABEL && n.endsWith(synonym) && n.length() > synonym.length()) {
                String name = cell.strip().replaceAll("[)）:：\\s]+$", "");
                int at = name.lastIndexOf(synonym.substring(0, 2));
                name = (at > 0 ? name.substring(0, at) : name).strip();
                return names.name(name.replaceAll("[(（]\\s*万?元\\s*[)）]\\s*$", ""));
            }
        }
        return null;
    }

    /** 年度本级预算金额, 该项目支出上级资金: money named by the budget level it comes from. */
    private boolean namesFundingLevel(String label) {
        String n = LabelText.normalize(label);
        return fundingLevelWords.stream().anyMatch(n::contains) && fundingLevelEndings.stream().anyMatch(n::endsWith);
    }

    /** The amount of a value cell: a figure, or a name followed by its amount. */
    BigDecimal amount(String value) {
        if (value == null || value.isBlank()) return null;
        BigDecimal v = figures.parse(value);
        if (v != null) return v;
        Matcher m = NAME_AMOUNT.matcher(NumberText.halfWidth(value).strip());
        if (!m.matches()) return null;
        return new BigDecimal(m.group(2).replace(",", ""));
    }

    /** A text field without budget-system codes and placeholders; null when nothing is left. */
    String cleanText(String value) {
        if (value == null) return null;
        String v = value.strip();
        for (Pattern p : codePatterns) v = p.matcher(v).replaceAll("").strip();
        String n = LabelText.normalize(v);
        for (String p : placeholders) {
            if (n.equals(p)) return null;
        }
        v = v.replaceAll("^[(（]盖章[)）]\\s*", "").strip();
        return v.isEmpty() ? null : v;
    }
}
