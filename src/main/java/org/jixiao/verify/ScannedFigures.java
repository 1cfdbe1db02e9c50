package org.jixiao.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jixiao.model.BudgetItem;
import org.jixiao.model.Finding;
import org.jixiao.model.Indicator;
import org.jixiao.model.Location;
import org.jixiao.model.OcrReading;
import org.jixiao.model.Report;
import org.jixiao.model.ScannedPart;
import org.jixiao.model.SectionCoverage;

/**
 * Keeps what was recognised from a scan (OCR) recognisable as such: a finding on such a figure
 * says so in its message and shows the text the engine read, and each section of the coverage
 * states how much of it, on which pages, came from the scan.
 */
final class ScannedFigures {

    /** The words that tell a reader a figure was recognised from a scan; a message holding them is not noted twice. */
    static final String RECOGNISED = "识别自扫描件";

    private ScannedFigures() {
    }

    /** The finding, its message followed by what the scan gave when its figure was recognised from one. */
    static Finding noted(Finding f) {
        Location at = f.location();
        if (at == null || at.ocr() == null || f.message().contains(RECOGNISED)) return f;
        return new Finding(f.code(), f.severity(), f.subject(), f.message() + note(at), f.expected(), f.reported(), at);
    }

    /** "（该数字识别自扫描件：识别文字“480.00”，置信度 0.93，请对照原件核对）" and the like for a row or a paragraph. */
    static String note(Location at) {
        OcrReading r = at.ocr();
        String what = at.column() != null ? "该数字" : at.row() != null ? "该行" : "该段内容";
        StringBuilder sb = new StringBuilder("（").append(what).append(RECOGNISED);
        if (r.text() != null) sb.append("：识别文字“").append(r.text()).append("”，");
        else sb.append("，");
        return sb.append("置信度 ").append(r.shownConfidence()).append("，请对照原件核对）").toString();
    }

    /** The report with each coverage section stating what of it was read from a scan; unchanged when nothing was. */
    static Report counted(Report r) {
        if (r.coverage().isEmpty()) return r;
        List<SectionCoverage> out = new ArrayList<>();
        boolean any = false;
        for (SectionCoverage c : r.coverage()) {
            ScannedPart part = part(locations(r, c));
            out.add(part == null ? c : c.withScanned(part));
            any |= part != null;
        }
        return any ? r.withCoverage(r.form(), out) : r;
    }

    /** Where the section's rows or figures were read: one place per row or figure counted. */
    private static List<Location> locations(Report r, SectionCoverage c) {
        List<Location> out = new ArrayList<>();
        Map<String, Location> figures = r.figureLocations();
        switch (c.section()) {
            case "indicators" -> r.indicators().stream().map(Indicator::location).forEach(out::add);
            case "budgetItems" -> {
                r.budgetItems().stream().map(BudgetItem::location).forEach(out::add);
                out.add(figures.get("budgetItems.total"));
            }
            case "sources" -> {
                // The sources carry one place, where their section starts: each of them was read there.
                Location at = figures.get("funds.sources");
                for (int i = 0; i < r.funds().sources().size(); i++) out.add(at);
                out.add(figures.get("funds.sourcesTotal"));
            }
            case "priorYear" -> figures.forEach((k, v) -> {
                if (k.startsWith("funds.priorYear.")) out.add(v);
            });
            case "funds" -> figures.forEach((k, v) -> {
                if (k.startsWith("funds.") && !k.startsWith("funds.priorYear") && !k.startsWith("funds.sources")) out.add(v);
            });
            case "totalScore" -> out.add(figures.get("totalScore"));
            default -> out.add(c.location());
        }
        return out;
    }

    private static ScannedPart part(List<Location> places) {
        TreeSet<Integer> pages = new TreeSet<>();
        int items = 0;
        double lowest = 1;
        for (Location l : places) {
            if (l == null || l.ocr() == null) continue;
            items++;
            if (l.page() != null) pages.add(l.page());
            lowest = Math.min(lowest, l.ocr().confidence());
        }
        return items == 0 ? null : new ScannedPart(List.copyOf(pages), items, lowest);
    }
}
