/**
 * The service's Camel routes: reports arrive from one source endpoint (by default the inbox folder),
 * are checked by the same {@link org.jixiao.pipeline.Pipeline} the CLI uses, written to the index
 * through one committing writer, and end in {@code done/} (with their report JSON) or
 * {@code failed/} (with the reason in Chinese). Camel is imported only here and in
 * {@code org.jixiao.web}; the stages never see it.
 *
 * <p><b>What survives a crash.</b> The {@code done/} folder is the record of truth: a report counts
 * as done once its JSON is there, and everything else (the content registry that recognises
 * resubmissions, the index) is rebuilt or reconciled from it at start. A file leaves the inbox only
 * by an atomic rename after its JSON is written, so a process killed at any point leaves each file
 * either still in the inbox (it is taken again) or done.
 */
package org.jixiao.route;
