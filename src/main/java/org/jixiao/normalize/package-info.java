/**
 * Third stage: reads the blocks of any extracted document into the canonical
 * {@link org.jixiao.model.Report}. Which cell is which field is decided by the labels and headers
 * in {@code mappings/}, never by position alone, so PDF, text and office inputs of the same form
 * give the same report. The tables are read by section readers listed in one place
 * ({@link org.jixiao.normalize.SectionReaders}): indicator table, funds matrix, budget items,
 * 资金来源, 上年度资金 and label-value cells, each asked whether its block starts at a row and then
 * to read it; the form and its coverage per section come out with the report. Also the
 * number/unit/comparator normaliser and the region resolver.
 */
package org.jixiao.normalize;
