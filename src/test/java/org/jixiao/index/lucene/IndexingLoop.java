package org.jixiao.index.lucene;

import java.nio.file.Path;
import org.jixiao.model.Report;
import org.jixiao.index.ReportFixture;
import org.jixiao.index.ReportIndex;

/**
 * Indexes made-up reports into {@code args[0]} in batches, committing after each, forever: the
 * process {@link IndexCrashTest} kills mid-batch. Prints {@code committed N} after each commit (N =
 * reports committed by this run).
 */
public final class IndexingLoop {

    static final int REPORTS_PER_BATCH = 25;
    static final int INDICATORS_PER_REPORT = 20;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String run = args[1];
        try (ReportIndex index = ReportIndex.open(dir, ReportFixture.REGIONS)) {
            for (int n = 0; ; ) {
                for (int b = 0; b < REPORTS_PER_BATCH; b++, n++) index.add(report(run + "-" + n, n));
                index.commit();
                System.out.println("committed " + n);
                System.out.flush();
            }
        }
    }

    static Report report(String sha, int n) {
        ReportFixture f = ReportFixture.report(sha).project("项目" + sha).year(2020 + n % 3).funds("100", "90", "90");
        for (int i = 0; i < INDICATORS_PER_REPORT; i++) {
            f.indicator("产出指标", "数量指标", "完成数量" + i, "≥" + i + " 个", i + " 个", "5", "5");
        }
        return f.item("设备购置", "50").build();
    }
}
