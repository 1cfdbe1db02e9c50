/**
 * The search index: every checked {@link org.jixiao.model.Report} in an embedded Lucene index on
 * disk, one document per report, per indicator row and per budget item, answering text, filter,
 * range and facet queries for the CLI and, later, the REST API. Lucene is imported only here and in
 * sub-packages.
 *
 * <p><b>Why flat documents with a parent reference, not block join.</b> Every row document carries
 * its report's fields (region lineage, year, kind, department, project, {@code current},
 * {@code sha256}) besides its own. Users filter rows by report properties far more than the other
 * way round ("故障响应时间 targets in 江苏省 in 2020"), and with the report fields on the row every
 * filter is a plain term or point query and facets count rows directly, with no join at query time
 * and no need to keep parents and children in one segment block for queries to be correct. The
 * price — a few repeated keyword fields per row — is small next to the text. A report's documents are
 * still written together by {@link org.apache.lucene.index.IndexWriter#updateDocuments} under its
 * sha256 term, so they appear, are replaced and are deleted atomically.
 *
 * <p><b>Current and history.</b> Reports of the same series (kind, year, region code, project name)
 * are versions of one submission: the most recently indexed is {@code current=true}, the older ones
 * stay searchable as history. Lucene cannot change an indexed term in place, so a superseded report
 * is rewritten from the canonical JSON kept with its report document.
 */
package org.jixiao.index;
