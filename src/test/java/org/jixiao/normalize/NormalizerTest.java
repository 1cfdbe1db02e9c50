package org.jixiao.normalize;

import static org.jixiao.normalize.NormalizerAssertions.assertReads;
import static org.jixiao.normalize.NormalizerAssertions.doc;
import static org.jixiao.normalize.NormalizerAssertions.read;
import static org.jixiao.normalize.NormalizerAssertions.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jixiao.ingest.UnreadableInputException;
import org.jixiao.model.Report;
import org.jixiao.model.SectionCoverage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * One case per variant class the real forms show, in our own wording and figures: a table in,
 * the fields out ({@link NormalizerAssertions}).
 */
class NormalizerTest {

    // ---------------------------------------------------------------- indicator tables

    @Test
    void columnsByMeaningWhenTheWeightComesBeforeTheTarget() {
        assertReads(doc("（护林员补助）绩效目标自评表", table(
                        "|一级指标|二级指标|三级指标|分值|年度指标值|全年实际值|得分|未完成原因",
                        "|产出指标(40分)|数量指标|★★护林员聘用人数(≥**人)|8|>=120人|126人|8|",
                        "|||巡护里程|12|>=3000公里|2800公里|11|天气原因")),
                "indicators.size=2; indicators[0].level1=产出指标; indicators[0].level2=数量指标;"
                        + " indicators[0].name=★★护林员聘用人数(≥**人); indicators[0].weight=8; indicators[0].target=>=120人;"
                        + " indicators[0].actual=126人; indicators[0].score=8; indicators[1].level1=产出指标;"
                        + " indicators[1].name=巡护里程; indicators[1].weight=12; indicators[1].score=11");
    }

    @Test
    void splitTargetColumnsUnderATwoRowHeaderAreJoined() {
        assertReads(doc("2023年度项目支出绩效自评表", table(
                        "绩效指标|||年度指标值|||实际完成值|分值|得分",
                        "一级指标|二级指标|三级指标|指标性质|指标值|度量单位|||",
                        "产出指标|质量指标|设备完好率|≥|95|%|97|20|20",
                        "|时效指标|维修响应时间|≤|24|小时|20|10|10")),
                "indicators[0].target=≥95%; indicators[0].actual=97; indicators[0].weight=20;"
                        + " indicators[1].level2=时效指标; indicators[1].target=≤24小时; indicators[1].score=10");
    }

    @Test
    void twoRowHeaderJoinsItsLabelsAndTakesTheFirstScoreColumn() {
        assertReads(doc("2022年度村级公益设施奖补项目绩效评价自评表", table(
                        "序号|一级指标|二级指标|三级指标|指标说明|指标|县级|市级",
                        "|||||分值|评分|评分",
                        "1|决策(12)|项目立项|议事程序|程序完整得3分|3|3|2",
                        "2||资金投入|资金整合|整合得2分|2|1|")),
                "form=SCORING_SHEET; indicators.size=2; indicators[0].level1=决策; indicators[0].weight=3;"
                        + " indicators[0].score=3; indicators[1].level2=资金投入; indicators[1].score=1; indicators[1].target=null;"
                        + " coverage[0].columnsFound[4]=得分（取自“县级评分”列）");
    }

    @Test
    void categoryCellsLoseTheirWeightsAndALabelAcrossTwoLevelsIsBoth() {
        assertReads(doc("2024年项目支出绩效目标申报表", table(
                        "一级指标|二级指标|三级指标|指标值",
                        "成本指标(0-20)分|经济成本指标|单位造价|≤1200元/平方米",
                        "规划\n(15分)|数量指标 (必填硬性指标)|新建面积|≥800平方米",
                        "社会公众满意度指标||居民满意度|≥92%")),
                "indicators[0].level1=成本指标; indicators[1].level1=规划; indicators[1].level2=数量指标;"
                        + " indicators[2].level1=社会公众满意度指标; indicators[2].level2=社会公众满意度指标");
    }

    @Test
    void templateResidueSealsAndFootnotesAreNotIndicators() {
        Report r = assertReads(doc("2024年项目绩效目标表", table(
                        "一级指标|二级指标|三级指标|指标值",
                        "产出指标|数量指标|指标1:改造户数|≥40户",
                        "||指标2:|",
                        "||……|",
                        "主管部门审核意见（盖章）|||",
                        "注：指标值应量化|||")),
                "indicators.size=1; indicators[0].name=指标1:改造户数");
        assertTrue(r.findings().stream().noneMatch(f -> f.subject().contains("指标2")));
    }

    @Test
    void aHeaderWithoutThirdLevelHoldsItsNamesOneLevelUp() {
        assertReads(doc("2023年市直部门预算项目支出绩效目标表", table(
                        "一级指标|二级指标||绩效标准|当年预期实现值",
                        "数量指标|道路清扫面积||反映清扫工作量|85万平方米",
                        "|公厕保洁座数||反映保洁工作量|40座")),
                "indicators.size=2; indicators[0].level1=null; indicators[0].level2=数量指标;"
                        + " indicators[0].name=道路清扫面积; indicators[1].level2=数量指标; indicators[1].target=40座");
    }

    @Test
    void weightColumnsAfterEachLevelBelongToTheLevel() {
        assertReads(doc("专项资金项目绩效自评表", table(
                        "一级指标|分值|二级指标|分值|三级指标|分值|得分",
                        "项目决策|18|项目目标|6|目标明确性|6|5",
                        "||资金分配|12|分配办法|12|12")),
                "indicators.size=2; indicators[0].weight=6; indicators[0].score=5; indicators[1].level1=项目决策;"
                        + " indicators[1].weight=12");
    }

    @Test
    void traditionalCharactersWithPinyinGlossesAreMatchedAndKeptAsPrinted() {
        assertReads(doc("2021年度項(xiàng)目支出績效自評表", table(
                        "項(xiàng)目名稱|林業(yè)有害生物防治",
                        "一級指標(biāo)|二級指標(biāo)|三級指標(biāo)|年度指標(biāo)值|實(shí)際完成值|分值|得分",
                        "產(chǎn)出指標(biāo)|數(shù)量指標(biāo)|防治面積|≥500畝|520畝|20|20")),
                "kind=SELF_EVALUATION; project.name=林業(yè)有害生物防治; indicators[0].level1=產(chǎn)出指標(biāo);"
                        + " indicators[0].actual=520畝; indicators[0].score=20");
    }

    @Test
    void aTableBeforeTheTitleWithoutAHeaderIsAnotherReportsTail() {
        assertReads(doc(table("绩效指标(90分)|一级指标|二级指标|三级指标|指标值|完成值|权重|得分",
                                "|产出指标|数量指标|其他报告的指标|5台|5台|90|90",
                                "合计|||||||100"),
                        "部门预算项目支出绩效自评表(2023年度)",
                        table("项目名称|办公设备购置", "主管部门|某县司法局")),
                "indicators.size=0; project.name=办公设备购置; totalScore=null");
    }

    // ---------------------------------------------------------------- funds

    @ParameterizedTest(name = "blank {0}")
    @ValueSource(strings = {"全年预算数", "全年执行数", "分值", "执行率", "得分"})
    void aBlankCellNeverMovesItsNeighbours(String blank) {
        List<String> columns = List.of("全年预算数", "全年执行数", "分值", "执行率", "得分");
        List<String> values = List.of("80", "72", "10", "90%", "9");
        List<String> keys = List.of("adjustedBudget", "executed", "executionWeight", "executionRate", "executionScore");
        StringBuilder row = new StringBuilder("|年度资金总额:|");
        StringBuilder want = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            boolean empty = columns.get(i).equals(blank);
            row.append('|').append(empty ? "" : values.get(i));
            want.append("funds.").append(keys.get(i)).append('=').append(empty ? "null" : values.get(i).replace("%", "")).append("; ");
        }
        assertReads(doc("项目支出绩效自评表", table("资金情况(万元)|||" + String.join("|", columns), row.toString())),
                want.toString());
    }

    @Test
    void fundsMatrixWithFormulaHeadersAndRowsPerLevel() {
        assertReads(doc("部门整体支出绩效自评表(2022年度)", table(
                        "部门(单位)名称||某市档案馆",
                        "财政资金安排和使用情况|资金结构(万元)|预算安排||||拨付情况",
                        "||年初部门预算安排金额|历年结余结转|年中调整金额③|小计④=①+②+③|年度拨付金额|支出实现率(%)⑥=⑤/④",
                        "|财政资金小计|300|20|0|320|300|94%",
                        "|①中央及省级财政资金|||||",
                        "|②市级财政资金|300|20|0|320|300|94%",
                        "|合 计|300|20|0|320|300|94%")),
                "form=DEPARTMENT_SELF_EVALUATION; project.name=null; project.department=某市档案馆;"
                        + " funds.initialBudget=300; funds.adjustedBudget=320; funds.executed=300; funds.executionRate=94;"
                        + " funds.sources.size=1; funds.sources[0].name=市级财政资金; funds.sources[0].amount=320");
    }

    @Test
    void labelAndValueInOneCellAndNameWithAmountInTheNext() {
        assertReads(doc("绩效目标申报表", table(
                        "项目名称|村级道路硬化|主管部门|某县交通运输局",
                        "资金情况(万元)|年度资金总额:80万|县级道路建设补助资金80",
                        "|其中:财政拨款|县级道路建设补助资金80",
                        "|其他资金||")),
                "funds.totalAmount=80; funds.sources.size=1; funds.sources[0].name=财政拨款; funds.sources[0].amount=80");
    }

    @Test
    void aFreeTextBreakdownInOneCellGivesTheTotalAndItsParts() {
        assertReads(doc("项目绩效目标表", table(
                        "项目名称|集镇污水管网改造",
                        "资金总额及构成|总额520.5万元 财政拨款:400万元(其中:上级财政资金:300万元;本级财政:100万元) 二、自有资金:0万元 三、其他:120.5万元")),
                "funds.totalAmount=520.5; funds.sources.size=3; funds.sources[0].name=财政拨款; funds.sources[0].amount=400;"
                        + " funds.sources[1].name=自有资金; funds.sources[2].name=其他; funds.sources[2].amount=120.5");
    }

    @Test
    void enumeratedSourcesKeepTheirTopLevelOnly() {
        assertReads(doc("项目支出绩效目标申报表", table(
                        "项目名称|河道清淤",
                        "项目资金(万元)|年度资金总额|||金额(万元)",
                        "|(一)财政拨款小计|||12.00",
                        "|1、一般公共预算|||10.00",
                        "|2、政府性基金|||2.00",
                        "|(二)其他收入|||0.00")),
                "funds.sources.size=2; funds.sources[0].name=财政拨款小计; funds.sources[1].name=其他收入;"
                        + " funds.totalAmount=null");
    }

    @Test
    void budgetItemsAreCountedAndTheirTotalIsCompared() {
        assertReads(doc("2025年市直部门预算项目支出绩效目标表", table(
                        "项目名称|会议保障",
                        "项目预算成本构成||金额|测算(公式)依据|2023年实际执行数|2024年实际执行数",
                        "会场租赁||30|按场次|28|29",
                        "资料印刷||12|按份数|10|11",
                        "合计||45||38|40")),
                "budgetItems.size=2; budgetItems[0].name=会场租赁; budgetItems[1].amount=12; budgetItemsTotal=45;"
                        + " funds.priorYear.used=40");
    }

    @Test
    void aPriorYearMatrixIsReadInTheColumnOfTheYearBefore() {
        assertReads(doc("2025年项目支出绩效目标表", table(
                        "项目名称|学生营养餐补助",
                        "上年度资金使用情况|项目|2023年||2024年",
                        "|预算安排数|90||100",
                        "|实际使用数|85||96",
                        "|结余数|5||4",
                        "|资金使用率|94%||96%")),
                "funds.priorYear.budget=100; funds.priorYear.used=96; funds.priorYear.balance=4; funds.priorYear.useRate=96");
    }

    @Test
    void declarationFundsRowsWithCodesAndAPlannedRate() {
        assertReads(doc("2024年集镇供水改造项目支出绩效目标审批", "表", "预算单位: 某县某镇人民政府", "金额单位:万元", table(
                        "项目名称|集镇供水改造|业务主管部门|县水利局",
                        "实施单位|某镇||",
                        "项目资金预算执行10分|项目总预算|90|财政资金预算分类|一般公共预算",
                        "|当年年度预算|60||",
                        "|其中:财政资金|50|财政资金科目代码|21303",
                        "|其中:其它资金|10||",
                        "|年度预算执行率|100%|分值|10分")),
                "form=APPROVAL_FORM; project.department=县水利局; funds.totalAmount=90; funds.currentYearAmount=60;"
                        + " funds.executionWeight=10; funds.executionRate=null; funds.sources.size=2; funds.sources[1].name=其它资金;"
                        + " funds.sourcesTotal=60; funds.unit=万元");
    }

    // ---------------------------------------------------------------- header, region, form

    @Test
    void budgetSystemCodesAreRemovedFromNamesAndUnits() {
        assertReads(doc("2023年项目绩效目标表", table(
                        "项目名称|51092324T000010263357-2023年乡村道路养护",
                        "主管部门及其编码|某市城市管理局 308001|项目实施单位|[210]某市环卫处")),
                "project.name=2023年乡村道路养护; project.department=某市城市管理局; project.implementingUnit=某市环卫处");
    }

    @Test
    void aTownshipUnitBelongsToItsCountyAndAProvinceUnitToItsProvince() {
        assertReads(doc("部门整体支出绩效自评表", "单位(盖章):绥阳县太白镇人民政府 填报日期:2022年2月3日",
                        table("部门(单位)名称|绥阳县太白镇人民政府", "资金情况(万元)|资金来源|年初预算数|全年执行数",
                                "|年度资金总额:|100|98")),
                "region=绥阳县; year=null; project.department=绥阳县太白镇人民政府");
        assertReads(doc("服务外包项目绩效自评表", table("项目实施单位|省商务厅外贸处|主管部门|省商务厅",
                        "地址|海口市某路1号|邮编|570000", "一级指标|二级指标|三级指标|分值|得分", "项目决策|项目目标|目标内容|4|4")),
                "region=海南省");
    }

    @Test
    void aCompanyNamingAProvinceDoesNotOutrankTheUnitThatFiledTheForm() {
        assertReads(doc("2024年项目支出绩效目标申报表", table(
                        "项目名称|乡村道路硬化|主管部门|宁乡市交通运输局",
                        "实施单位|广东省建工集团有限公司||",
                        "一级指标|二级指标|三级指标|指标值", "产出指标|数量指标|硬化里程|≥12公里")),
                "region=宁乡市; regionCode=430182");
    }

    @Test
    void theFormIsTheVariantTheTitleNamesOrTheContentShows() {
        assertReads(doc("2020年度县级专项资金转移支付区域（项目）绩效目标", "自评表", table(
                        "转移（项目）名称|农机补贴", "一级指标|二级指标|三级指标|年度指标值|全年完成值",
                        "产出指标|数量指标|补贴台数|300台|310台")),
                "kind=SELF_EVALUATION; form=TRANSFER_SELF_EVALUATION; project.name=农机补贴");
        assertReads(doc(table("项目名称|图书采购", "一级指标|二级指标|三级指标|指标值", "产出指标|数量指标|新增藏书|≥5000册")),
                "kind=TARGET_DECLARATION; form=PROJECT_DECLARATION; title=null");
        assertReads(doc("2019年度某县助学金项目绩效评价指标表", table("评价指标|评价内容|指标名称|指标说明|目标值|分值",
                        "项目年度绩效目标|产出数量指标|资助人数|达到预计值|300|30", "总分|||||100")),
                "kind=null; form=INDICATOR_TABLE; project.name=助学金项目; indicators[0].level1=null;"
                        + " indicators[0].level2=产出数量指标; indicators[0].weight=30; totalScore=null");
    }

    @Test
    void aProseNoticeIsReadFromItsSentences() {
        assertReads(doc("关于某镇蔬菜大棚建设项目绩效目标设定的公示",
                        "安排衔接推进乡村振兴补助资金60万元,实施某县某镇蔬菜大棚建设项目。",
                        "一、产出指标",
                        "数量指标:新建蔬菜大棚数量(≥**座)≥20座;时效指标:完成及时率(≥**%)≥100%。",
                        "二、满意度指标",
                        "服务对象满意度指标,受益农户满意度(≥**%)≥90%。"),
                "form=TARGET_NOTICE; funds.totalAmount=60; project.name=某县某镇蔬菜大棚建设项目; indicators.size=3;"
                        + " indicators[0].name=新建蔬菜大棚数量(≥**座); indicators[0].target=≥20座; indicators[0].level2=数量指标;"
                        + " indicators[1].level2=时效指标; indicators[2].level1=满意度指标; indicators[2].level2=服务对象满意度指标");
    }

    @Test
    void aCoverLetterIsRefusedWithItsReason() {
        UnreadableInputException e = assertThrows(UnreadableInputException.class, () -> read(doc(
                "某县卫生健康局关于报送2023年度项目支出绩效自评材料的函", "县财政局:", "现将自评材料随函报送,请审核。",
                "附件:1.2023年度项目支出绩效自评表")));
        assertTrue(e.reason().contains("未识别"), e.reason());
    }

    // ---------------------------------------------------------------- coverage

    @Test
    void aSectionTheFormAnnouncesButThatIsNotReadIsStated() {
        Report r = read(doc("2024年项目支出绩效目标申报表", table(
                "项目名称|社区食堂运营", "项目总金额(万元)|40", "一级指标|二级指标|三级指标|指标值",
                "产出指标|数量指标|供餐人次|≥10000人次", "项目概算|", "测算内容见附件|")));
        SectionCoverage items = r.coverage().stream().filter(c -> c.section().equals("budgetItems")).findFirst().orElseThrow();
        assertTrue(items.expected());
        assertTrue(items.notRead());
        assertTrue(r.partlyRead());
        SectionCoverage indicators = r.coverage().stream().filter(c -> c.section().equals("indicators")).findFirst().orElseThrow();
        assertFalse(indicators.notRead());
        assertEquals(1, indicators.rowsRead());
        assertEquals(List.of(), indicators.columnsMissing(), "a declaration has no 实际完成值 to miss");
        SectionCoverage project = r.coverage().stream().filter(c -> c.section().equals("project")).findFirst().orElseThrow();
        assertEquals(List.of("项目名称"), project.columnsFound());
        assertEquals(List.of("主管部门", "实施单位"), project.columnsMissing());
        SectionCoverage funds = r.coverage().stream().filter(c -> c.section().equals("funds")).findFirst().orElseThrow();
        assertEquals(List.of("项目资金总额"), funds.columnsFound());
    }
}
