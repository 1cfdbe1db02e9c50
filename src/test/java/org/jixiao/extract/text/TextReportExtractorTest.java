package org.jixiao.extract.text;

import static org.jixiao.extract.text.TextExtractAssertions.assertExtractsTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jixiao.model.Block;
import org.jixiao.model.TableBlock;
import org.junit.jupiter.api.Test;

class TextReportExtractorTest {

    @Test
    void tabRowsFormTablesAndKeepEmptyMergedCells() {
        assertExtractsTo("标题\n\n项目名称\t\t运维经费\n\t产出指标\t数量指标\n",
                "P:标题", "T:[项目名称||运维经费][|产出指标|数量指标]");
    }

    @Test
    void tableContinuesAcrossBlankLinesOfAPageBreak() {
        assertExtractsTo("a\tb\n\n\nc\td\n正文\ne\tf\n",
                "T:[a|b][c|d]", "P:正文", "T:[e|f]");
    }

    @Test
    void htmlFragmentsInCellsAreCleanedAndCheckboxesKept() {
        assertExtractsTo("<p>一级目标</p>\t1、部门预算项目 <input checked=\"\" type=\"checkbox\"/> 2、专项 <input type=\"checkbox\"/>\n",
                "T:[一级目标|1、部门预算项目 ☑ 2、专项 ☐]");
        assertExtractsTo("<p>项目概况</p>\t<p>第一段。</p> <ol><li>一、维护费。</li></ol> &amp; 其他\n",
                "T:[项目概况|第一段。 一、维护费。 & 其他]");
    }

    @Test
    void paragraphCutByAPageBreakIsJoined() {
        String cut = "为确保各应用系统和硬件设备、网络系统的正常运行，需要安排必要的运行和维护经费，并逐步";
        assertExtractsTo(cut + "\n\n完善相关制度。\n\n2. 下一段标题\n\n下一段正文。\n",
                "P:" + cut + "完善相关制度。", "P:2. 下一段标题", "P:下一段正文。");
    }

    @Test
    void shortHeadingsAndNumberedItemsStayApart() {
        assertExtractsTo("1. 执行率情况\n\n2020 年度项目年初预算数 100 万元。\n",
                "P:1. 执行率情况", "P:2020 年度项目年初预算数 100 万元。");
        String longLine = "这是一个足够长但没有句末标点的段落用来检验编号条目不会被并入上一段的情况";
        assertExtractsTo(longLine + "\n（2）优化指标分类。\n", "P:" + longLine, "P:（2）优化指标分类。");
    }

    @Test
    void markdownTablesAndHeadings() {
        assertExtractsTo("# 2021年度项目自评表\n\n| 项目名称 | 运维 |\n|---|---|\n| 总分 | 90 |\n",
                "P:2021年度项目自评表", "T:[项目名称|运维][---|---][总分|90]");
    }

    @Test
    void rowsAreLocatedByLine() {
        List<Block> blocks = TextReportExtractor.blocks("标题\n\na\tb\nc\td\n");
        TableBlock t = (TableBlock) blocks.get(1);
        assertEquals(3, t.rows().get(0).location().line());
        assertEquals(4, t.rows().get(1).location().line());
    }
}
