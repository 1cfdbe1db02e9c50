package org.jixiao.verify;

import static org.jixiao.verify.VerifyAssertions.assertFindings;
import static org.jixiao.verify.VerifyAssertions.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jixiao.model.Finding;
import org.jixiao.model.Location;
import org.jixiao.model.OcrReading;
import org.jixiao.model.Report;
import org.jixiao.model.ScannedPart;
import org.jixiao.model.SectionCoverage;
import org.junit.jupiter.api.Test;

/** A finding on a figure recognised from a scan says so and shows what was read; coverage counts what came from scans. */
class ScannedFiguresTest {

    private static final Location RATE = new Location(2, null, 4, 6, null, null).withOcr(new OcrReading("93.50%", 0.912));
    private static final Location SCORE = new Location(1, null, 4, 8, null, null);

    private static TestReports mismatched() {
        return new TestReports()
                .funds("1688.91", "1550.59", "93.50", "20", "20")
                .indicatorAt(new Location(2, null, 7, null, null, null).withOcr(new OcrReading("办件数量 | 40 | 40", 0.95)),
                        "产出指标", "数量指标", "办件数量", "≥15 个", "16 个", "40", "40")
                .indicator("效益指标", "社会效益指标", "群众办事时间", "≤3 天", "2 天", "40", "40")
                .total("100")
                .located("funds.executionRate", RATE)
                .located("funds.executionScore", SCORE);
    }

    @Test
    void aFindingOnAScannedFigureSaysItWasRecognisedAndShowsTheText() {
        Report r = assertFindings(mismatched().build(), "EXECUTION_RATE_MISMATCH/executionRate", "EXECUTION_SCORE_MISMATCH/executionScore");
        Finding rate = only(r, "EXECUTION_RATE_MISMATCH");
        assertTrue(rate.message().endsWith("（该数字识别自扫描件：识别文字“93.50%”，置信度 0.91，请对照原件核对）"), rate.message());
        assertEquals(RATE, rate.location(), "the finding keeps the reading in its location");
        Finding score = only(r, "EXECUTION_SCORE_MISMATCH");
        assertFalse(score.message().contains(ScannedFigures.RECOGNISED), "a figure of a text layer is not said to be scanned: " + score.message());
    }

    @Test
    void aRowAndAParagraphAreNamedAsSuch() {
        assertEquals("（该行识别自扫描件：识别文字“办件数量 | 40 | 40”，置信度 0.95，请对照原件核对）",
                ScannedFigures.note(new Location(2, null, 7).withOcr(new OcrReading("办件数量 | 40 | 40", 0.95))));
        assertEquals("（该段内容识别自扫描件，置信度 0.80，请对照原件核对）",
                ScannedFigures.note(Location.page(3).withOcr(new OcrReading(null, 0.8))));
    }

    @Test
    void coverageSaysWhichPagesAndHowManyFiguresCameFromTheScan() {
        TestReports t = mismatched();
        t.coverage.add(new SectionCoverage("funds", "项目资金", true, true, 1, List.of(), List.of(), SCORE));
        t.coverage.add(new SectionCoverage("indicators", "绩效指标", true, true, 2, List.of(), List.of(), null));
        t.coverage.add(new SectionCoverage("totalScore", "总分", true, true, 1, List.of(), List.of(), null));
        Report r = VerifyAssertions.VERIFIER.apply(t.build());
        assertEquals(new ScannedPart(List.of(2), 1, 0.912), r.coverage().get(0).scanned(), "one of the two located funds figures");
        assertEquals(new ScannedPart(List.of(2), 1, 0.95), r.coverage().get(1).scanned(), "one of the two indicator rows");
        assertNull(r.coverage().get(2).scanned(), "nothing of the total score came from a scan");
    }

    @Test
    void aReportOfATextLayerIsLeftAsItWas() {
        TestReports t = new TestReports().funds("1688.91", "1550.59", "91.81", "20", "18.36").located("funds.executionRate", SCORE);
        t.coverage.add(new SectionCoverage("funds", "项目资金", true, true, 1, List.of(), List.of(), SCORE));
        Report before = t.build();
        Report after = VerifyAssertions.VERIFIER.apply(before);
        assertEquals(before.coverage(), after.coverage());
    }
}
