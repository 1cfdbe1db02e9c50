package org.jixiao.verify;

import java.util.ArrayList;
import java.util.List;
import org.jixiao.model.FindingCode;
import org.jixiao.model.Report;
import org.jixiao.model.SectionCoverage;

/**
 * SECTION_NOT_READ: one warning per section the form should have and that was not read (not
 * found, or found without a row), so that a report read in part never looks clean. The figures
 * of that section are not checked; the message names the section and what is missing.
 */
final class SectionCoverageRule implements Rule {

    @Override
    public void check(Report report, Checks out) {
        for (SectionCoverage c : report.coverage()) {
            if (!c.notRead()) continue;
            out.add(FindingCode.SECTION_NOT_READ.finding(c.section(), message(c), c.location()));
        }
    }

    static String message(SectionCoverage c) {
        String title = c.title() == null || c.title().isBlank() ? c.section() : c.title();
        List<String> what = new ArrayList<>();
        if (!c.found()) {
            what.add("表样应有“" + title + "”，报告中未找到");
        } else {
            what.add("找到了“" + title + "”，但未读出任何一行");
        }
        if (!c.columnsMissing().isEmpty()) what.add("缺少" + String.join("、", c.columnsMissing()));
        if (c.found() && !c.columnsFound().isEmpty()) what.add("读到的列：" + String.join("、", c.columnsFound()));
        return String.join("；", what) + "。该部分的数字未经核对，报告未完整读取";
    }
}
