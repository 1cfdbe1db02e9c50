package org.jixiao.normalize;

/**
 * One kind of block a form may hold (indicator table, funds matrix, budget items, 资金来源,
 * label-value cells). The normaliser asks each reader, in the order {@link SectionReaders} lists
 * them, whether its block starts at a row; the first that says yes reads the block. A new form
 * variant is a new reader or new vocabulary, not an edit inside a long method.
 */
interface SectionReader {

    /** Does a block of this section start at this row? */
    boolean startsAt(TableView table, int row);

    /**
     * Reads the block starting at {@code row} into the draft.
     *
     * @return the index of the first row after the block (greater than {@code row})
     */
    int read(TableView table, int row, ReportDraft draft);
}
