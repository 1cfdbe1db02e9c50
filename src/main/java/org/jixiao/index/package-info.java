/**
 * Search over checked reports, through one port: {@link org.jixiao.index.SearchStore} (add or
 * replace a report, mark it current or history, delete, search with {@link
 * org.jixiao.index.SearchRequest} into {@link org.jixiao.index.SearchResult} with facets, a
 * project's versions, commit). The CLI, the routes and the web use only this package; the embedded
 * Lucene index ({@code index.lucene}) is one implementation, picked by {@link
 * org.jixiao.index.SearchLocation}, and a cluster client can be another.
 *
 * <p><b>Versions live above the port.</b> Reports of the same series (kind, year, region code,
 * project name) are versions of one submission: the most recently indexed is current, the older
 * ones stay searchable as history, and deleting the current one makes the newest remaining one
 * current. {@link org.jixiao.index.ReportIndex} decides that and tells the store, so that every
 * implementation keeps versions alike and none has to know the rule.
 */
package org.jixiao.index;
