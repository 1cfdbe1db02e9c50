package org.jixiao.output;

import org.jixiao.model.FindingCode;
import org.jixiao.model.Report;

/**
 * Whether a report was read whole. A report with a section the form should have and that was not
 * read is shown as 未完整读取 everywhere, never as clean: its coverage says so, and so does any
 * SECTION_NOT_READ finding (a report written before coverage existed may carry only the finding).
 */
public final class ReadState {

    /** What tables, the CSV and the web page show for a report read in part. */
    public static final String PARTLY_READ = "未完整读取";
    /** What the CSV shows for a report read whole. */
    public static final String READ = "完整";

    private ReadState() {
    }

    public static boolean partlyRead(Report r) {
        return r.partlyRead() || r.findings().stream().anyMatch(f -> FindingCode.SECTION_NOT_READ.code().equals(f.code()));
    }

    public static String of(Report r) {
        return partlyRead(r) ? PARTLY_READ : READ;
    }
}
