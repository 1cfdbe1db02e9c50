package org.jixiao.normalize;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jixiao.extract.narrative.NarrativeReader;
import org.jixiao.extract.narrative.NarrativeVocabulary;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.mapping.LabelMappings;
import org.jixiao.mapping.LabelMappings.FigureField;
import org.jixiao.mapping.LabelMappings.FundsColumn;
import org.jixiao.mapping.LabelMappings.HeaderField;
import org.jixiao.mapping.LabelMappings.Section;
import org.jixiao.mapping.LabelText;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.ExtractedDocument;
import org.jixiao.model.FormVariant;
import org.jixiao.model.Funds;
import org.jixiao.model.Indicator;
import org.jixiao.model.Location;
import org.jixiao.model.NarrativeStatement;
import org.jixiao.model.PriorYear;
import org.jixiao.model.Project;
import org.jixiao.model.Report;
import org.jixiao.model.SectionCoverage;
import org.jixiao.model.SourceInfo;
import org.jixiao.model.TextBlock;
import org.jixiao.pipeline.Stage;

/**
 * Reads an extracted document into the canonical report: the title and form, then every table
 * through the section readers ({@link SectionReaders}), then the "label：value" lines, then the
 * narrative. Tables are the primary source; the narrative fills what the tables lack (the
 * 年初预算数 of a Hubei form, the 分值 of its indicators) and its own figures are kept as
 * statements for verification to compare. Each report states its form and, per section, how much
 * of it was read.
 */
public final class Normalizer implements Stage<ExtractedDocument, Report> {

    /** A year: "2019年", "2019 年度"; not a date such as 2022年2月3日 (a filing date is not the report's year). */
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年(?!\\s*\\d{1,2}\\s*月)");
    private static final Pattern ISO_YEAR = Pattern.compile("((?:19|20)\\d{2})-\\d{1,2}-\\d{1,2}");
    private static final Pattern ANY_YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");
    /** A budget level named after a region in a title: 省级, 市级, 县级, 区级, 州级. */
    private static final Pattern BUDGET_LEVEL = Pattern.compile("(省|市|县|区|州)(省|市|县|区|州)?级");
    /** Footnotes are notes on the form, not narrative to compare with its tables. */
    private static final Pattern FOOTNOTE = Pattern.compile("^\\s*(注|备注|说明|填报说明)\\s*\\d*\\s*[:：.、]");
    /** The money unit a form states: 金额单位：万元, 单位:万元, (万元) in a label. */
    private static final Pattern MONEY_UNIT = Pattern.compile("(?:金额)?单位\\s*[:：]\\s*(万元|元)|[(（]\\s*(万元|元)\\s*[)）]");
    /** What a project name taken from the title loses: the year, the region, the form's name. */
    private static final Pattern TITLE_YEAR = Pattern.compile("^\\s*(?:(?:19|20)\\d{2}\\s*年度?|[\\[【][^\\]】]*[\\]】]|关于)\\s*");
    private static final Pattern TITLE_REGION = Pattern.compile("^[\\u4e00-\\u9fa5]{1,7}?(?:自治区|自治州|自治县|省|市|县|区|旗|盟)(?=[\\u4e00-\\u9fa5\\d])");
    private static final Pattern TITLE_FORM = Pattern.compile("(?:支出)?(?:预算)?绩效.*$|自评.*$");
    private static final Pattern TITLE_PROJECT = Pattern.compile(".*(项目|资金|经费|补助|补贴).*");

    /** The length of a county name too short to be trusted in running text (攸县). */
    private static final int SHORT_COUNTY_NAME = 2;

    private final LabelMappings labels;
    private final NumberText figures;
    private final Pattern ignoredRow;
    private final FormClassifier forms;
    private final SectionReaders readers;
    private final Coverage coverage;
    private final QuantityParser quantities;
    private final NarrativeReader narrative;
    private final RegionResolver regions;
    private final ProseIndicatorReader proseReader;

    public Normalizer(Mappings mappings) {
        mappings.validate();
        this.labels = mappings.labels();
        this.ignoredRow = Pattern.compile(labels.ignoredRowPattern());
        this.figures = new NumberText(labels.figureUnits());
        this.quantities = new QuantityParser(mappings.read("quantities.yaml", QuantityParser.Vocabulary.class));
        this.forms = new FormClassifier(labels.title(), labels.forms());
        SourceNames names = new SourceNames(labels.spendingCategories(), labels.notSourceLabels());
        IndicatorTableReader indicators = new IndicatorTableReader(labels.indicatorTable(), labels.categoryAnnotation(),
                labels.notIndicatorNames(), mappings.taxonomy(), quantities, figures);
        FundsMatrixReader funds = new FundsMatrixReader(labels.fundsMatrix(), figures, names);
        BudgetItemsReader items = new BudgetItemsReader(labels.budgetItems(), figures);
        SourcesSectionReader sources = new SourcesSectionReader(labels.sourcesSections(),
                labels.figures().get(FigureField.TOTAL_AMOUNT), figures, names);
        LabelValueReader labelValues = new LabelValueReader(labels, figures, names);
        PriorYearMatrixReader priorYear = new PriorYearMatrixReader(labels.priorYearSections(), labels.figures(), figures);
        this.readers = new SectionReaders(indicators, funds, items, sources, priorYear, labelValues,
                SectionReaders.headerLabels(labels.header()));
        this.coverage = new Coverage(labels.expectedSections(), labels.sectionSignals());
        this.narrative = new NarrativeReader(mappings.read("narrative.yaml", NarrativeVocabulary.class), quantities::parse);
        this.regions = new RegionResolver(mappings);
        this.proseReader = new ProseIndicatorReader(mappings.taxonomy(), quantities);
    }

    public QuantityParser quantities() {
        return quantities;
    }

    @Override
    public Report apply(ExtractedDocument doc) {
        DocumentView view = new DocumentView(doc, ignoredRow);
        FormClassifier.Title titleLine = forms.title(view.lines);
        String title = titleLine == null ? null : titleLine.text();
        ReportDraft draft = new ReportDraft();
        Integer year = year(title, null, view.fullText);
        draft.reportYear = year;
        readers.read(view, titleLine == null ? -1 : titleLine.block(), draft);
        // "label：value" prose lines (the single-cell rows of a table were read with their table).
        for (TextBlock t : view.prose) readers.labelValues().readLine(t.text(), t.location(), draft);
        if (year == null) year = year(null, text(draft, HeaderField.START_DATE), null);

        List<Indicator> indicators = new ArrayList<>(draft.indicators);
        boolean proseIndicators = false;
        if (indicators.isEmpty() && !draft.has(Section.INDICATORS)) {
            indicators.addAll(proseReader.read(view.prose));
            proseIndicators = !indicators.isEmpty();
            if (proseIndicators) draft.section(Section.INDICATORS, indicators.get(0).location());
        }
        boolean executionRead = draft.fundsTotals.containsKey(FundsColumn.EXECUTED) || draft.figures.containsKey(FigureField.EXECUTED);
        boolean declarationFunds = draft.figures.containsKey(FigureField.TOTAL_AMOUNT)
                || draft.figures.containsKey(FigureField.CURRENT_YEAR_AMOUNT);
        FormVariant form = forms.classify(title, indicators, executionRead, declarationFunds, proseIndicators);
        if (form == null) {
            throw new UnreadableInputException(doc.source().fileName(),
                    "未识别为绩效自评表或绩效目标申报表：文中既没有报告标题（如“……绩效自评表”“……绩效目标申报表”），"
                            + "也没有可读取的绩效指标表或资金表");
        }
        List<String> paragraphs = view.prose.stream().map(t -> t.text())
                .filter(t -> !FOOTNOTE.matcher(t).find()).toList();
        List<NarrativeStatement> statements = narrative.read(paragraphs, indicators.stream().map(Indicator::name).toList());
        boolean anything = !indicators.isEmpty() || !draft.fundsTotals.isEmpty() || !draft.figures.isEmpty()
                || !draft.header.isEmpty() || !draft.budgetItems.isEmpty() || !draft.sources.isEmpty()
                || !statements.isEmpty();
        if (!anything) {
            throw new UnreadableInputException(doc.source().fileName(),
                    "未识别为绩效自评表或绩效目标申报表：标题像报告，但文中没有可读取的表格、字段或数字（项目名称、资金、绩效指标）");
        }
        indicators = weightsFromNarrative(indicators, statements);

        Map<String, BigDecimal> prose = firstFundsFigures(statements);
        Matcher unit = MONEY_UNIT.matcher(view.fullText);
        if (unit.find()) draft.moneyUnit = unit.group(1) != null ? unit.group(1) : unit.group(2);
        Map<String, Location> located = new LinkedHashMap<>();
        if (form == FormVariant.TARGET_NOTICE) noticeFacts(view, projectFromTitle(title), draft, located);
        Funds funds = funds(draft, prose, located);
        BigDecimal totalScore = draft.totalScore != null ? draft.totalScore.value() : null;
        if (totalScore != null) located.put("totalScore", draft.totalScore.location());
        if (totalScore == null && !draft.totalRowSeen && draft.figures.containsKey(FigureField.TOTAL_SCORE)) {
            totalScore = draft.figure(FigureField.TOTAL_SCORE);
            located.put("totalScore", draft.figureAt(FigureField.TOTAL_SCORE));
        }
        if (totalScore == null && !draft.totalRowSeen) totalScore = prose.get("totalScore");
        if (!draft.budgetItems.isEmpty()) {
            located.put("budgetItems", draft.budgetItems.get(0).location());
            if (draft.itemsTotal != null) located.put("budgetItems.total", draft.itemsTotal.location());
        }

        boolean departmentForm = form == FormVariant.DEPARTMENT_SELF_EVALUATION || form == FormVariant.DEPARTMENT_DECLARATION;
        String projectName = text(draft, HeaderField.PROJECT_NAME);
        if (projectName == null && !departmentForm) projectName = projectFromTitle(title);
        String department = text(draft, HeaderField.DEPARTMENT);
        if (department == null) department = text(draft, HeaderField.DEPARTMENT_FALLBACK);
        Project project = new Project(departmentForm ? null : projectName, department,
                text(draft, HeaderField.IMPLEMENTING_UNIT));
        // "四川省省级财政项目…", "江阴市市级…": the title states whose budget the project is in, and a
        // lower-level implementing unit named below does not move it there.
        boolean levelInTitle = title != null && BUDGET_LEVEL.matcher(title).find();
        RegionResolver.Region region = levelInTitle ? regions.resolve(List.of(LabelText.normalize(title)), "") : null;
        if (region == null) {
            List<String> names = List.of(nz(title), nz(project.department()), nz(project.implementingUnit()),
                    nz(project.name()), nz(text(draft, HeaderField.DEPARTMENT_FALLBACK)));
            region = regions.resolve(names.stream().map(LabelText::normalize).toList(), LabelText.simplified(view.fullText));
        }
        if (region == null) region = countyNamingUnit(title, project, text(draft, HeaderField.DEPARTMENT_FALLBACK));
        region = levelOfUnit(region, project);
        SourceInfo source = new SourceInfo(doc.source().fileName(), doc.source().sha256(),
                doc.source().mediaType(), doc.pages());
        int fundsFigures = countFunds(funds);
        List<SectionCoverage> sections = coverage.of(form, view.labels(), draft, fundsFigures, totalScore != null, indicators.size(),
                project.name() != null || project.department() != null || project.implementingUnit() != null);
        return new Report(form.kind(), year, region == null ? null : region.name(),
                region == null ? null : region.code(), title, source, project, funds, indicators,
                draft.budgetItems, totalScore, doc.problems(), statements, form, sections, List.of(), located,
                draft.itemsTotal == null ? null : draft.itemsTotal.value());
    }

    /** "安排……资金50万元，实施同心县下马关镇……项目": how a notice states its money and its project. */
    private static final Pattern NOTICE_FUNDS = Pattern.compile("资金\\s*(\\d+(?:\\.\\d+)?)\\s*万元[^。；;]*?实施([^，,。；;]{2,60}?项目)");

    /**
     * A prose notice has no funds field: the sentence that allocates the money and names the
     * project gives the total and the project's full name (with its county, which the title may
     * leave out).
     */
    private void noticeFacts(DocumentView view, String titleName, ReportDraft draft, Map<String, Location> located) {
        for (TextBlock t : view.prose) {
            Matcher m = NOTICE_FUNDS.matcher(t.text());
            if (!m.find()) continue;
            if (!draft.figures.containsKey(FigureField.TOTAL_AMOUNT)) {
                draft.putFigure(FigureField.TOTAL_AMOUNT, new BigDecimal(m.group(1)), t.location());
            }
            String named = m.group(2).strip();
            if (!draft.header.containsKey(HeaderField.PROJECT_NAME) && (titleName == null || named.endsWith(titleName))) {
                draft.putHeader(HeaderField.PROJECT_NAME, named, t.location());
            }
            return;
        }
    }

    /**
     * A two-character county (攸县, 沛县) is too short to be trusted inside running text, but a
     * unit or a title that starts with it is named after it: 攸县农业农村局 is in 攸县.
     */
    private RegionResolver.Region countyNamingUnit(String title, Project project, String fallback) {
        for (String s : new String[] {project.department(), project.implementingUnit(), fallback, title}) {
            if (s == null) continue;
            String n = LabelText.normalize(s);
            if (n.length() <= SHORT_COUNTY_NAME || !n.substring(0, SHORT_COUNTY_NAME).matches(".[县区市旗]")) continue;
            RegionResolver.Region r = regions.find(n.substring(0, SHORT_COUNTY_NAME));
            if (r != null) return r;
        }
        return null;
    }

    /**
     * A unit named by its level alone (省商务厅) belongs to the province of the place the form
     * names, not to the city of its street address.
     */
    private RegionResolver.Region levelOfUnit(RegionResolver.Region region, Project project) {
        if (region == null) return null;
        String unit = project.department() != null ? project.department() : project.implementingUnit();
        if (unit == null) return region;
        List<RegionResolver.Region> lineage = regions.lineage(region.code());
        // Only 省: a 市 unit may be a county-level city's own (江阴市's 市人社局).
        return unit.startsWith("省") && lineage.size() > 1 ? lineage.get(lineage.size() - 1) : region;
    }

    private Funds funds(ReportDraft draft, Map<String, BigDecimal> prose, Map<String, Location> located) {
        Map<FundsColumn, String> paths = new EnumMap<>(FundsColumn.class);
        paths.put(FundsColumn.INITIAL_BUDGET, "initialBudget");
        paths.put(FundsColumn.ADJUSTED_BUDGET, "adjustedBudget");
        paths.put(FundsColumn.EXECUTED, "executed");
        paths.put(FundsColumn.EXECUTION_RATE, "executionRate");
        paths.put(FundsColumn.EXECUTION_WEIGHT, "executionWeight");
        paths.put(FundsColumn.EXECUTION_SCORE, "executionScore");
        Map<String, BigDecimal> v = new HashMap<>();
        draft.fundsTotals.forEach((k, x) -> {
            v.put(paths.get(k), x.value());
            located.put("funds." + paths.get(k), x.location());
        });
        figure(draft, FigureField.EXECUTED, "executed", v, located);
        figure(draft, FigureField.EXECUTION_WEIGHT, "executionWeight", v, located);
        figure(draft, FigureField.TOTAL_AMOUNT, "totalAmount", v, located);
        figure(draft, FigureField.CURRENT_YEAR_AMOUNT, "currentYearAmount", v, located);
        for (String k : List.of("initialBudget", "adjustedBudget", "executed", "executionRate")) {
            if (!v.containsKey(k) && prose.containsKey(k)) v.put(k, prose.get(k));
        }
        PriorYear prior = priorYear(draft, located);
        BigDecimal sourcesTotal = null;
        if (!draft.sources.isEmpty()) {
            if (draft.sourcesTotal != null) {
                sourcesTotal = draft.sourcesTotal.value();
                located.put("funds.sourcesTotal", draft.sourcesTotal.location());
            }
            located.put("funds.sources", draft.sourcesLocation);
        }
        return new Funds(v.get("initialBudget"), v.get("adjustedBudget"), v.get("executed"), v.get("executionRate"),
                v.get("executionWeight"), v.get("executionScore"), v.get("totalAmount"), v.get("currentYearAmount"),
                prior, draft.topLevelSources(), sourcesTotal, draft.moneyUnit);
    }

    private static void figure(ReportDraft draft, FigureField f, String key, Map<String, BigDecimal> v,
                               Map<String, Location> located) {
        if (v.containsKey(key) || !draft.figures.containsKey(f)) return;
        v.put(key, draft.figure(f));
        located.put("funds." + key, draft.figureAt(f));
    }

    private PriorYear priorYear(ReportDraft draft, Map<String, Location> located) {
        BigDecimal budget = draft.figure(FigureField.PRIOR_BUDGET);
        BigDecimal used = draft.figure(FigureField.PRIOR_USED);
        BigDecimal balance = draft.figure(FigureField.PRIOR_BALANCE);
        BigDecimal rate = draft.figure(FigureField.PRIOR_USE_RATE);
        if (used == null && draft.priorYearUsedFromItems != null) {
            used = draft.priorYearUsedFromItems.value();
            located.put("funds.priorYear.used", draft.priorYearUsedFromItems.location());
        }
        if (budget == null && used == null && balance == null && rate == null) return null;
        Map<FigureField, String> keys = Map.of(FigureField.PRIOR_BUDGET, "budget", FigureField.PRIOR_USED, "used",
                FigureField.PRIOR_BALANCE, "balance", FigureField.PRIOR_USE_RATE, "useRate");
        keys.forEach((f, k) -> {
            if (draft.figureAt(f) != null) located.put("funds.priorYear." + k, draft.figureAt(f));
        });
        located.putIfAbsent("funds.priorYear", located.values().stream().findFirst().orElse(null));
        if (located.get("funds.priorYear") == null) located.remove("funds.priorYear");
        return new PriorYear(budget, used, balance, rate);
    }

    private static int countFunds(Funds f) {
        int n = 0;
        for (BigDecimal b : new BigDecimal[] {f.initialBudget(), f.adjustedBudget(), f.executed(), f.executionRate(),
                f.executionWeight(), f.executionScore(), f.totalAmount(), f.currentYearAmount()}) {
            if (b != null) n++;
        }
        return n + (f.sources().isEmpty() ? 0 : 1);
    }

    /** 2021年度农村公益事业财政奖补项目绩效评价自评表 → 农村公益事业财政奖补项目. */
    static String projectFromTitle(String title) {
        if (title == null) return null;
        String s = title.strip();
        String before;
        do {
            before = s;
            s = TITLE_YEAR.matcher(s).replaceFirst("");
            s = TITLE_REGION.matcher(s).replaceFirst("");
        } while (!s.equals(before));
        s = TITLE_FORM.matcher(s).replaceFirst("").strip();
        return s.length() >= 4 && TITLE_PROJECT.matcher(s).matches() ? s : null;
    }

    static Integer year(String title, String startDate, String fullText) {
        for (String s : new String[] {title, startDate}) {
            if (s == null) continue;
            Matcher m = ANY_YEAR.matcher(s);
            if (m.find()) return Integer.valueOf(m.group(1));
            m = ISO_YEAR.matcher(s);
            if (m.find()) return Integer.valueOf(m.group(1));
        }
        if (fullText == null) return null;
        Matcher m = YEAR.matcher(fullText);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** Gives indicators without a table 分值 the weight their paragraph states, in table order. */
    private static List<Indicator> weightsFromNarrative(List<Indicator> indicators, List<NarrativeStatement> statements) {
        Map<String, List<BigDecimal>> weights = new HashMap<>();
        for (NarrativeStatement s : statements) {
            if (s.attribute().equals("weight")) weights.computeIfAbsent(s.subject(), k -> new ArrayList<>()).add(s.value());
        }
        Map<String, Integer> seen = new HashMap<>();
        List<Indicator> out = new ArrayList<>();
        for (Indicator i : indicators) {
            int k = seen.merge(i.name(), 1, Integer::sum) - 1;
            List<BigDecimal> w = weights.get(i.name());
            if (i.weight() == null && w != null && k < w.size()) {
                out.add(i.withWeight(w.get(k), "narrative"));
            } else {
                out.add(i);
            }
        }
        return out;
    }

    private static Map<String, BigDecimal> firstFundsFigures(List<NarrativeStatement> statements) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (NarrativeStatement s : statements) {
            if (s.attribute().equals("value")) out.putIfAbsent(s.subject(), s.value());
        }
        return out;
    }

    private static String text(ReportDraft draft, HeaderField f) {
        ReportDraft.Located<String> v = draft.header.get(f);
        return v == null ? null : v.value();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
