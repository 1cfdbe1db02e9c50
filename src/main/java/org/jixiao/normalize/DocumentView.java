package org.jixiao.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jixiao.model.Block;
import org.jixiao.model.ExtractedDocument;
import org.jixiao.model.TableBlock;
import org.jixiao.model.TableRow;
import org.jixiao.model.TextBlock;

/** The blocks of one document, sorted for the readers: prose, tables, and all text joined. */
final class DocumentView {

    final List<TextBlock> prose = new ArrayList<>();
    final List<List<TableRow>> tables = new ArrayList<>();
    final String fullText;

    DocumentView(ExtractedDocument doc, Pattern ignoredRow) {
        StringBuilder all = new StringBuilder();
        for (Block b : doc.blocks()) {
            if (b instanceof TextBlock t) {
                prose.add(t);
                all.append(t.text()).append('\n');
            } else if (b instanceof TableBlock t) {
                List<TableRow> rows = new ArrayList<>();
                for (TableRow r : t.rows()) {
                    if (r.cells().stream().allMatch(c -> ignoredRow.matcher(c).matches())) continue;
                    rows.add(r);
                    all.append(String.join("\t", r.cells())).append('\n');
                }
                if (!rows.isEmpty()) tables.add(rows);
            }
        }
        fullText = all.toString();
    }

    static int firstNonEmpty(TableRow row) {
        for (int i = 0; i < row.cells().size(); i++) {
            if (!row.cells().get(i).isBlank()) return i;
        }
        return -1;
    }
}
