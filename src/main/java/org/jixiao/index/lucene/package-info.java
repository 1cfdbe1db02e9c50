/**
 * The embedded implementation of the {@link org.jixiao.index.SearchStore} port: every checked
 * {@link org.jixiao.model.Report} in a Lucene index on disk, one document per report, per indicator
 * row and per budget item, answering text, filter, range and facet queries. Lucene is used only
 * here and in {@code org.jixiao.index.analysis} (ArchitectureTest enforces it).
 *
 * <p><b>Why flat documents with a parent reference, not block join.</b> Every row document carries
 * its report's filterable fields (region lineage, year, kind, {@code sha256}) besides its own;
 * what is only displayed (project, department, file …) is stored once, on the report entry, which
 * a row finds at a fixed offset before it. Users filter rows by report properties far more than the other
 * way round ("故障响应时间 targets in 江苏省 in 2020"), and with the report fields on the row every
 * filter is a plain term or point query and facets count rows directly, with no join at query time
 * and no need to keep parents and children in one segment block for queries to be correct. The
 * price — a few repeated keyword fields per row, built once per report — is small next to the text.
 * A report's documents are still written as one block ({@link org.apache.lucene.index.IndexWriter#addDocuments},
 * or {@code updateDocuments} under its sha256 term), so they appear, are replaced and are deleted
 * atomically, and stay together and in order through merges.
 *
 * <p><b>Current and history.</b> Reports of the same series (kind, year, region code, project name)
 * are versions of one submission: {@link org.jixiao.index.ReportIndex} decides, above the port,
 * which is current; the older ones stay searchable as history. History entries hold an updatable numeric doc value ({@code superseded});
 * superseding or restoring a version updates it in place, and a search leaves out the few entries
 * holding it. The layout is named in the commit data and an index of another layout is refused.
 *
 * <p><b>Searching on all cores.</b> A searcher splits the segments into one slice per core, balanced
 * by size; each query runs its slices in parallel and counts each slice's facets on its own thread,
 * then sums them.
 */
package org.jixiao.index.lucene;
