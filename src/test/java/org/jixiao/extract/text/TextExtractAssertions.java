package org.jixiao.extract.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.jixiao.model.Block;
import org.jixiao.model.TableBlock;
import org.jixiao.model.TableRow;
import org.jixiao.model.TextBlock;

/**
 * The text stage's assertion: what blocks a text turns into, written compactly — a paragraph as
 * "P:text", a table as "T:" followed by its rows with cells joined by "|".
 */
final class TextExtractAssertions {

    private TextExtractAssertions() {
    }

    static void assertExtractsTo(String text, String... expected) {
        List<String> actual = new ArrayList<>();
        for (Block b : TextReportExtractor.blocks(text)) {
            if (b instanceof TextBlock t) {
                actual.add("P:" + t.text());
            } else if (b instanceof TableBlock t) {
                StringBuilder sb = new StringBuilder("T:");
                for (TableRow r : t.rows()) sb.append('[').append(String.join("|", r.cells())).append(']');
                actual.add(sb.toString());
            }
        }
        assertEquals(List.of(expected), actual);
    }
}
