package org.jixiao.normalize;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jixiao.extract.narrative.NarrativeReader;
import org.jixiao.extract.narrative.NarrativeVocabulary;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.mapping.LabelMappings;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.ExtractedDocument;
import org.jixiao.model.FundSource;
import org.jixiao.model.Funds;
import org.jixiao.model.Indicator;
import org.jixiao.model.NarrativeStatement;
import org.jixiao.model.PriorYear;
import org.jixiao.model.Project;
import org.jixiao.model.Report;
import org.jixiao.model.ReportKind;
import org.jixiao.model.SourceInfo;
import org.jixiao.model.TextBlock;
import org.jixiao.pipeline.Stage;

/**
 * Reads an extracted document into the canonical report. Tables are the primary source; the
 * narrative fills what the tables lack (the 年初预算数 of a Hubei form, the 分值 of its
 * indicators) and its own figures are kept as statements for verification to compare.
 */
public final class Normalizer implements Stage<ExtractedDocument, Report> {

    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");
    private static final Pattern ISO_YEAR = Pattern.compile("((?:19|20)\\d{2})-\\d{1,2}-\\d{1,2}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** A budget level named after a region in a title: 省级, 市级, 县级, 区级, 州级. */
    private static final Pattern BUDGET_LEVEL = Pattern.compile("(省|市|县|区|州)(省|市|县|区|州)?级");

    private final LabelMappings labels;
    private final NumberText figures;
    private final Pattern ignoredRow;
    private final KindClassifier kinds;
    private final HeaderFields headerFields;
    private final FundsBlockReader fundsReader;
    private final FundSourcesReader sourcesReader;
    private final IndicatorTableReader indicatorReader;
    private final BudgetItemsReader budgetReader;
    private final QuantityParser quantities;
    private final NarrativeReader narrative;
    private final RegionResolver regions;

    public Normalizer(Mappings mappings) {
        this.labels = mappings.labels();
        this.ignoredRow = Pattern.compile(labels.ignoredRowPattern());
        this.kinds = new KindClassifier(labels.kinds());
        this.figures = new NumberText(labels.figureUnits());
        this.headerFields = new HeaderFields(labels.fields(), labels.lastFigureFields(), figures);
        this.fundsReader = new FundsBlockReader(labels.funds(), figures);
        this.sourcesReader = new FundSourcesReader(labels.fundSources(), figures);
        this.quantities = new QuantityParser(mappings.read("quantities.yaml", QuantityParser.Vocabulary.class));
        this.indicatorReader = new IndicatorTableReader(labels.indicatorTable(), mappings.taxonomy(), quantities, figures);
        this.budgetReader = new BudgetItemsReader(labels.budgetItems(), figures);
        this.narrative = new NarrativeReader(mappings.read("narrative.yaml", NarrativeVocabulary.class), quantities::parse);
        this.regions = new RegionResolver(mappings);
    }

    public QuantityParser quantities() {
        return quantities;
    }

    @Override
    public Report apply(ExtractedDocument doc) {
        DocumentView view = new DocumentView(doc, ignoredRow);
        String title = title(view);
        ReportKind kind = kinds.classify(title, view.fullText);
        if (kind == null) {
            throw new UnreadableInputException(doc.source().fileName(),
                    "未识别为绩效自评表或绩效目标申报表：文中没有任何一种报告的标志（如“自评表”“申报表”“目标值”）");
        }
        Map<String, HeaderFields.Value> fields = headerFields.read(view.tables, view.prose);

        FundsBlockReader.Block fundsBlock = fundsReader.read(view.tables);
        FundSourcesReader.Sources declared = sourcesReader.read(view.tables);
        List<Indicator> indicators = indicatorReader.read(view.tables,
                row -> fundsReader.header(row) != null || sourcesReader.startsSection(row) || budgetReader.header(row) != null);

        List<String> paragraphs = view.prose.stream().map(TextBlock::text).toList();
        List<NarrativeStatement> statements = narrative.read(paragraphs, indicators.stream().map(Indicator::name).toList());
        indicators = weightsFromNarrative(indicators, statements);

        Map<String, BigDecimal> table = fundsBlock == null ? Map.of() : fundsBlock.totals();
        Map<String, BigDecimal> prose = firstFundsFigures(statements);
        List<FundSource> sources = declared != null ? declared.sources()
                : fundsBlock != null ? fundsBlock.breakdown() : List.of();
        BigDecimal sourcesTotal = declared != null ? declared.total()
                : fundsBlock != null && !fundsBlock.breakdown().isEmpty() ? table.get("adjustedBudget") : null;
        PriorYear priorYear = priorYear(fields);
        Funds funds = new Funds(
                pick(table, prose, "initialBudget"), pick(table, prose, "adjustedBudget"),
                pick(table, prose, "executed"), pick(table, prose, "executionRate"),
                table.get("executionWeight"), table.get("executionScore"),
                number(fields, "totalAmount"), number(fields, "currentYearAmount"),
                priorYear, sources, sourcesTotal);

        BigDecimal totalScore = number(fields, "totalScore");
        if (totalScore == null) totalScore = prose.get("totalScore");

        Project project = new Project(text(fields, "projectName"), text(fields, "department"),
                text(fields, "implementingUnit"));
        // "四川省省级财政项目…", "江阴市市级…": the title states whose budget the project is in, and a
        // lower-level implementing unit named below does not move it there.
        boolean levelInTitle = title != null && BUDGET_LEVEL.matcher(title).find();
        RegionResolver.Region region = regions.resolve(levelInTitle ? List.of(title)
                : List.of(nz(title), nz(project.department()), nz(project.implementingUnit()), nz(project.name())),
                view.fullText);
        SourceInfo source = new SourceInfo(doc.source().fileName(), doc.source().sha256(),
                doc.source().mediaType(), doc.pages());
        return new Report(kind, year(title, fields, view.fullText), region == null ? null : region.name(),
                region == null ? null : region.code(), title, source, project, funds, indicators,
                budgetReader.read(view.tables), totalScore, doc.problems(), statements);
    }

    private String title(DocumentView view) {
        for (TextBlock t : view.prose) {
            for (String k : labels.titleKeywords()) {
                if (t.text().contains(k) && t.text().length() <= 80) return SPACES.matcher(t.text()).replaceAll(" ").strip();
            }
        }
        return null;
    }

    private static Integer year(String title, Map<String, HeaderFields.Value> fields, String fullText) {
        for (String s : new String[] {title, fields.containsKey("startDate") ? fields.get("startDate").text() : null}) {
            if (s == null) continue;
            Matcher m = YEAR.matcher(s);
            if (m.find()) return Integer.valueOf(m.group(1));
            m = ISO_YEAR.matcher(s);
            if (m.find()) return Integer.valueOf(m.group(1));
        }
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

    private static BigDecimal pick(Map<String, BigDecimal> table, Map<String, BigDecimal> prose, String key) {
        BigDecimal t = table.get(key);
        return t != null ? t : prose.get(key);
    }

    private PriorYear priorYear(Map<String, HeaderFields.Value> fields) {
        BigDecimal budget = number(fields, "priorBudget");
        BigDecimal used = number(fields, "priorUsed");
        BigDecimal balance = number(fields, "priorBalance");
        BigDecimal rate = number(fields, "priorUseRate");
        if (budget == null && used == null && balance == null && rate == null) return null;
        return new PriorYear(budget, used, balance, rate);
    }

    private BigDecimal number(Map<String, HeaderFields.Value> fields, String key) {
        HeaderFields.Value v = fields.get(key);
        return v == null ? null : figures.parse(v.text());
    }

    private static String text(Map<String, HeaderFields.Value> fields, String key) {
        HeaderFields.Value v = fields.get(key);
        return v == null ? null : v.text();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
