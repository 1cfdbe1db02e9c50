/**
 * Third stage: reads the blocks of any extracted document into the canonical
 * {@link org.jixiao.model.Report}. Which cell is which field is decided by the labels and headers
 * in {@code mappings/}, never by position alone, so PDF, text and office inputs of the same form
 * give the same report. Also the number/unit/comparator normaliser and the region resolver.
 */
package org.jixiao.normalize;
