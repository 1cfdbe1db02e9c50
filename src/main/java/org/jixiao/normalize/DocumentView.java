package org.jixiao.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jixiao.model.Block;
import org.jixiao.model.ExtractedDocument;
import org.jixiao.model.Location;
import org.jixiao.model.TableBlock;
import org.jixiao.model.TableRow;
import org.jixiao.model.TextBlock;

/**
 * The blocks of one document, sorted for the readers: tables, prose, the lines a title or a
 * "label：value" may stand on (prose and the single-cell rows a spreadsheet prints its title and
 * 填报单位 in), and all text joined.
 */
final class DocumentView {

    /** A line of text with its place: a paragraph, or a row with one filled cell. */
    record Line(String text, Location location, int block) {
    }

    final List<TextBlock> prose = new ArrayList<>();
    final List<TableView> tables = new ArrayList<>();
    /** For each table, the index of its block in reading order. */
    final List<Integer> tableBlocks = new ArrayList<>();
    final List<Line> lines = new ArrayList<>();
    final String fullText;
    private final List<String> labels = new ArrayList<>();

    /** Every non-empty table cell and every prose line: where a section's label may stand. */
    List<String> labels() {
        return labels;
    }

    DocumentView(ExtractedDocument doc, Pattern ignoredRow) {
        StringBuilder all = new StringBuilder();
        int index = 0;
        for (Block b : doc.blocks()) {
            if (b instanceof TextBlock t) {
                prose.add(t);
                lines.add(new Line(t.text(), t.location(), index));
                labels.add(t.text());
                all.append(t.text()).append('\n');
            } else if (b instanceof TableBlock t) {
                List<TableRow> rows = new ArrayList<>();
                for (TableRow r : t.rows()) {
                    if (r.cells().stream().allMatch(c -> ignoredRow.matcher(c).matches())) continue;
                    rows.add(r);
                    all.append(String.join("\t", r.cells())).append('\n');
                    for (String c : r.cells()) {
                        if (!c.isBlank()) labels.add(c);
                    }
                    List<String> filled = r.cells().stream().filter(c -> !c.isBlank()).toList();
                    if (filled.size() == 1) lines.add(new Line(filled.get(0).strip(), r.location(), index));
                }
                if (!rows.isEmpty()) {
                    tables.add(new TableView(rows));
                    tableBlocks.add(index);
                }
            }
            index++;
        }
        fullText = all.toString();
    }
}
