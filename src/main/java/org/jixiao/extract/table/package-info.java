/**
 * Tables of PDF pages (tabula-java on PDFBox): ruled tables are read from their grid of rulings
 * (lattice), tables without rulings from the alignment of their text (stream), chosen per table.
 * Merged cells, which tabula does not report, are rebuilt from the cell rectangles so that a
 * table reads like its text form: the text in the top-left cell of a merged area, empty strings
 * in the positions it spans. Tables continued on the next page are joined here too.
 */
package org.jixiao.extract.table;
