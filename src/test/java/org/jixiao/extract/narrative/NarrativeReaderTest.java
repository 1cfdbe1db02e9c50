package org.jixiao.extract.narrative;

import static org.jixiao.extract.narrative.NarrativeAssertions.assertStatements;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jixiao.model.Comparator;
import org.jixiao.model.NarrativeStatement;
import org.junit.jupiter.api.Test;

class NarrativeReaderTest {

    @Test
    void fundsFiguresOfTheExecutionParagraph() {
        assertStatements(List.of("2021 年度社区养老服务补助项目年初预算数 2,400.00 万元，调整后预算数 2360.5 万元，"
                        + "实际支出 2124.45 万元，资金执行率 90.00%。"), List.of(),
                "initialBudget.value=2400万元", "adjustedBudget.value=2360.5万元", "executed.value=2124.45万元",
                "executionRate.value=90%");
    }

    @Test
    void attributesBelongToTheLastIndicatorNamedInTheParagraph() {
        assertStatements(List.of("③养老机构巡查次数年初目标值为不少于 12 次。全年共开展巡查 14 次，完成年初目标。"
                        + "该项指标标准分值为 10 分，实际得分 10 分。"), List.of("养老机构巡查次数", "床位入住率"),
                "养老机构巡查次数.target=12次", "养老机构巡查次数.weight=10分", "养老机构巡查次数.score=10分");
    }

    @Test
    void comparatorAndScaleComeFromTheOneNormaliser() {
        List<NarrativeStatement> s = assertStatements(
                List.of("投诉办结时间年初目标值为 3 个工作日以内，服务覆盖人数年初目标值为 1.2 万人。"),
                List.of("投诉办结时间", "服务覆盖人数"),
                "投诉办结时间.target=3个工作日", "服务覆盖人数.target=12000人");
        assertEquals(Comparator.LE, s.get(0).comparator());
    }

    @Test
    void aFigureRightAfterAnIndicatorNameIsItsActual() {
        assertStatements(List.of("2022年新增就业岗位1350个，城镇登记失业率为 2.1%。"), List.of("新增就业岗位", "城镇登记失业率"),
                "新增就业岗位.actual=1350个", "城镇登记失业率.actual=2.1%");
    }

    @Test
    void countOfIndicatorsAndTotalScore() {
        assertStatements(List.of("本项目共设置绩效指标 8 个，自评得分为 93.5 分。"), List.of(),
                "indicators.count=8个", "totalScore.value=93.5分");
    }

    @Test
    void attributeWordsWithoutASubjectOrFigureSayNothing() {
        assertStatements(List.of("（3）个别绩效指标年初目标值设置偏低，标准分值分配不够合理。", "（一）自评得分"), List.of("办件量"));
    }

    @Test
    void offsetsPointIntoTheJoinedProse() {
        String first = "第一段没有数字。";
        String second = "执行率 88.5%。";
        NarrativeStatement s = assertStatements(List.of(first, second), List.of(), "executionRate.value=88.5%").get(0);
        String prose = first + "\n" + second;
        assertEquals("执行率 88.5%", prose.substring(s.start(), s.end()).strip());
        assertEquals(s.text(), prose.substring(s.start(), s.end()).strip());
    }
}
