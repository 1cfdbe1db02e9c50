package org.jixiao.model;

import java.io.Serializable;
import java.util.List;

/**
 * How much of one section of a form was read: whether the form should have it, whether it was
 * found, how many rows were read, which of its columns were found and which are missing.
 *
 * @param section        the report's JSON field the section fills: {@code project}, {@code funds},
 *                       {@code indicators}, {@code totalScore}, {@code sources}, {@code priorYear},
 *                       {@code budgetItems}
 * @param title          the section's Chinese name (项目资金, 绩效指标 …)
 * @param expected       the form variant should have this section
 * @param found          the section was recognised in the document
 * @param rowsRead       rows read into the report (indicators, items, sources; 1 for a block)
 * @param columnsFound   Chinese names of the columns or fields found
 * @param columnsMissing Chinese names of the columns or fields the section usually has but this one lacks
 * @param location       where the section starts, null when not found
 * @param scanned        what of the section was recognised from a scan (OCR); null when nothing was
 */
public record SectionCoverage(String section, String title, boolean expected, boolean found, int rowsRead,
                              List<String> columnsFound, List<String> columnsMissing, Location location,
                              ScannedPart scanned) implements Serializable {

    public SectionCoverage {
        columnsFound = columnsFound == null ? List.of() : List.copyOf(columnsFound);
        columnsMissing = columnsMissing == null ? List.of() : List.copyOf(columnsMissing);
    }

    /** A section nothing of which was read from a scan. */
    public SectionCoverage(String section, String title, boolean expected, boolean found, int rowsRead,
                           List<String> columnsFound, List<String> columnsMissing, Location location) {
        this(section, title, expected, found, rowsRead, columnsFound, columnsMissing, location, null);
    }

    /** The same section with what of it was read from a scan. */
    public SectionCoverage withScanned(ScannedPart part) {
        return new SectionCoverage(section, title, expected, found, rowsRead, columnsFound, columnsMissing, location, part);
    }

    /** Expected by the form and not read: the report is only partly read. */
    public boolean notRead() {
        return expected && (!found || rowsRead == 0);
    }
}
