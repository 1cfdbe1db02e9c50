package org.jixiao.extract.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.jixiao.ingest.TextDecoder;
import org.jixiao.model.Block;
import org.jixiao.model.ExtractedDocument;
import org.jixiao.model.Location;
import org.jixiao.model.SourceDocument;
import org.jixiao.model.TableBlock;
import org.jixiao.model.TableRow;
import org.jixiao.model.TextBlock;
import org.jixiao.pipeline.Stage;

/**
 * Reads a text or Markdown report into blocks.
 *
 * <p>A line with a tab (or a Markdown {@code | a | b |} line) is a table row; consecutive rows
 * form one table even across blank lines, because a page break in the source PDF becomes a blank
 * line in its text conversion. Prose lines separated by blank lines are joined into one paragraph
 * when the first looks cut off (long and without closing punctuation), for the same reason.
 */
public final class TextReportExtractor implements Stage<SourceDocument, ExtractedDocument> {

    /**
     * A prose line at least this long that ends without closing punctuation was cut by a page
     * break; shorter unpunctuated lines are headings ("2. 完成的绩效目标") and stay apart.
     */
    static final int SOFT_BREAK_MIN_LENGTH = 30;

    private static final Pattern CLOSING = Pattern.compile(".*[。！？!?；;：:…”」』）)\\]】]$");
    private static final Pattern LIST_START = Pattern.compile("^([（(]?[0-9一二三四五六七八九十]+[)）.、．]|[①-⑳]|[-*•]\\s).*");
    private static final Pattern MARKDOWN_ROW = Pattern.compile("^\\s*\\|.*\\|\\s*$");
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^#{1,6}\\s+");

    @Override
    public ExtractedDocument apply(SourceDocument source) {
        String text = TextDecoder.decode(source.bytes(), source.fileName());
        return new ExtractedDocument(source, null, blocks(text), List.of());
    }

    static List<Block> blocks(String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<Block> blocks = new ArrayList<>();
        List<TableRow> table = new ArrayList<>();
        StringBuilder paragraph = null;
        int paragraphLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replace("\uFEFF", "");
            int lineNo = i + 1;
            List<String> cells = cells(line);
            if (cells != null) {
                if (paragraph != null) {
                    blocks.add(new TextBlock(paragraph.toString(), Location.line(paragraphLine)));
                    paragraph = null;
                }
                table.add(new TableRow(cells, Location.line(lineNo)));
                continue;
            }
            String clean = CellText.clean(MARKDOWN_HEADING.matcher(line).replaceFirst(""));
            if (clean.isEmpty()) {
                continue;
            }
            if (!table.isEmpty()) {
                blocks.add(new TableBlock(table, table.get(0).location()));
                table = new ArrayList<>();
            }
            if (paragraph != null && continues(paragraph, clean)) {
                join(paragraph, clean);
            } else {
                if (paragraph != null) {
                    blocks.add(new TextBlock(paragraph.toString(), Location.line(paragraphLine)));
                }
                paragraph = new StringBuilder(clean);
                paragraphLine = lineNo;
            }
        }
        if (paragraph != null) {
            blocks.add(new TextBlock(paragraph.toString(), Location.line(paragraphLine)));
        }
        if (!table.isEmpty()) {
            blocks.add(new TableBlock(table, table.get(0).location()));
        }
        return blocks;
    }

    /** The cells of a table row, or null when the line is prose. */
    private static List<String> cells(String line) {
        if (line.indexOf('\t') >= 0) {
            return Arrays.stream(line.split("\t", -1)).map(CellText::clean).toList();
        }
        if (MARKDOWN_ROW.matcher(line).matches()) {
            String inner = line.strip();
            inner = inner.substring(1, inner.length() - 1);
            return Arrays.stream(inner.split("\\|", -1)).map(CellText::clean).toList();
        }
        return null;
    }

    private static boolean continues(StringBuilder paragraph, String next) {
        String last = paragraph.toString();
        return last.length() >= SOFT_BREAK_MIN_LENGTH
                && !CLOSING.matcher(last).matches()
                && !LIST_START.matcher(next).matches();
    }

    private static void join(StringBuilder paragraph, String next) {
        char a = paragraph.charAt(paragraph.length() - 1);
        char b = next.charAt(0);
        if (a < 0x2E80 && b < 0x2E80 && Character.isLetterOrDigit(a) && Character.isLetterOrDigit(b)) {
            paragraph.append(' ');
        }
        paragraph.append(next);
    }
}
