package org.jixiao.normalize;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.jixiao.mapping.Mappings;
import org.jixiao.model.Block;
import org.jixiao.model.ExtractedDocument;
import org.jixiao.model.Location;
import org.jixiao.model.Report;
import org.jixiao.model.SourceDocument;
import org.jixiao.model.TableBlock;
import org.jixiao.model.TableRow;
import org.jixiao.model.TextBlock;
import org.jixiao.output.ReportJson;

/**
 * The normaliser's assertion helper, in the manner of Lucene's assertAnalyzesTo: a document in
 * (lines of prose, and tables written one row a line with cells between "|"), the fields out, as
 * "json.path=value" pairs separated by ";". A path may index arrays (indicators[0].target) and
 * end in ".size"; "null" stands for JSON null; numbers compare by value.
 *
 * <pre>
 * assertReads(doc("某县2024年项目支出绩效自评表", table("一级指标|二级指标|三级指标|指标值", "产出指标|数量指标|培训人数|≥100人")),
 *         "form=PROJECT_SELF_EVALUATION; indicators[0].name=培训人数; indicators[0].target=≥100人");
 * </pre>
 */
final class NormalizerAssertions {

    static final Normalizer NORMALIZER = new Normalizer(Mappings.bundled());
    private static final ObjectMapper JSON = new ObjectMapper();

    private NormalizerAssertions() {
    }

    /** A table: one string per row, cells separated by "|" (a blank cell is an empty string between bars). */
    static TableBlock table(String... rows) {
        List<TableRow> out = new ArrayList<>();
        for (int r = 0; r < rows.length; r++) {
            out.add(new TableRow(List.of(rows[r].split("\\|", -1)), new Location(1, null, r + 1)));
        }
        return new TableBlock(out, Location.page(1));
    }

    /** A document of prose lines (String) and tables (TableBlock), in reading order. */
    static ExtractedDocument doc(Object... parts) {
        List<Block> blocks = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof String s) blocks.add(new TextBlock(s, Location.page(1)));
            else blocks.add((Block) p);
        }
        return new ExtractedDocument(new SourceDocument(null, "case.pdf", new byte[0], "0".repeat(64), "application/pdf"),
                1, blocks, List.of());
    }

    static Report read(ExtractedDocument doc) {
        return NORMALIZER.apply(doc);
    }

    /** Asserts every "path=value" of {@code fields} against the report the document reads to. */
    static Report assertReads(ExtractedDocument doc, String fields) {
        Report report = read(doc);
        JsonNode json;
        try {
            json = JSON.readTree(ReportJson.write(report));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        List<String> wrong = new ArrayList<>();
        for (String pair : fields.split(";")) {
            if (pair.isBlank()) continue;
            int eq = pair.indexOf('=');
            String path = pair.substring(0, eq).strip();
            String want = pair.substring(eq + 1).strip();
            String got = value(json, path);
            if (!same(want, got)) wrong.add(path + ": expected " + want + ", got " + got);
        }
        if (!wrong.isEmpty()) fail(String.join("\n", wrong) + "\nreport: " + json);
        return report;
    }

    private static boolean same(String want, String got) {
        if (want.equals(got)) return true;
        try {
            return new java.math.BigDecimal(want).compareTo(new java.math.BigDecimal(got)) == 0;
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
    }

    private static String value(JsonNode root, String path) {
        JsonNode cur = root;
        for (String part : path.split("\\.")) {
            if (part.equals("size")) return String.valueOf(cur.size());
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                cur = cur.path(part.substring(0, bracket));
                cur = cur.path(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
            } else {
                cur = cur.path(part);
            }
        }
        if (cur.isMissingNode()) return "<missing>";
        if (cur.isNull()) return "null";
        return cur.isValueNode() ? cur.asText() : cur.toString();
    }
}
