package org.jixiao.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.jixiao.mapping.Mappings;
import org.jixiao.normalize.RegionResolver.Region;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected codes were looked up by hand in mappings/regions/gbt2260.csv (and agree with the
 * published GB/T 2260 codes), not taken from the resolver's output.
 */
class RegionResolverTest {

    private static RegionResolver regions;

    @BeforeAll
    static void load() {
        regions = new RegionResolver(Mappings.bundled());
    }

    private static String code(Region r) {
        return r == null ? null : r.code();
    }

    /** Resolves a single header text (the title) with no prose. */
    private static Region title(String title) {
        return regions.resolve(List.of(title), null);
    }

    @Test
    void hubeiSeedBelongsToTheProvinceOfItsDepartmentNotToTheCitiesItServes() {
        Region r = regions.resolve(List.of("2020年度信息化运行维护经费项目自评结果",
                        "湖北省人力资源和社会保障厅", "湖北省人力资源和社会保障信息中心", "信息化运行维护经费"),
                "已在武汉市、十堰市、宜昌市、襄阳市、黄冈市和仙桃市推行综合柜员制，咸宁建有灾备中心。");
        assertEquals("420000", code(r));
        assertEquals("湖北省", r.name());
    }

    @Test
    void jiangyinSeedTitleGivesTheCountyLevelCity() {
        Region r = regions.resolve(Arrays.asList("2020年江阴市市级财政项目支出 预算绩效目标申报表",
                null, "", "人社局2020年维保项目"), "江阴人社金保工程信息系统维护。");
        assertEquals("320281", code(r));
        assertEquals("江阴市", r.name());
        assertEquals("320200", r.parentCode());
    }

    @Test
    void lineageOfJiangyinRunsUpThroughWuxiToJiangsu() {
        List<Region> lineage = regions.lineage("320281");
        assertEquals(List.of("320281", "320200", "320000"), lineage.stream().map(Region::code).toList());
        assertEquals(List.of("江阴市", "无锡市", "江苏省"), lineage.stream().map(Region::name).toList());
        assertTrue(regions.lineage("999999").isEmpty());
    }

    @Test
    void tableHasTheSpecialCasesOfTheHierarchy() {
        // Municipal districts hang directly under the municipality, 省直辖 cities under the province.
        assertEquals("110000", regions.byCode("110101").parentCode());
        assertEquals("500000", regions.byCode("500229").parentCode());
        assertEquals("420000", regions.byCode("429004").parentCode());
        assertEquals("仙桃市", regions.byCode("429004").name());
        assertEquals("恩施土家族苗族自治州", regions.byCode("422800").name());
        // No placeholder levels, no statistics-only development zones.
        assertNull(regions.byCode("110100"));
        assertNull(regions.byCode("429000"));
        assertNull(regions.byCode("130171"));
        // 不设区的地级市 are themselves, not their own county.
        assertEquals("440000", regions.byCode("441900").parentCode());
        assertNull(regions.byCode("620201"));
    }

    @Test
    void shortNamesOfProvincesAndCitiesAreRecognised() {
        assertEquals("320281", code(title("江阴人社信息系统维保项目")));
        assertEquals("420000", code(title("湖北人社厅部门整体支出绩效自评")));
        assertEquals("320500", code(title("苏州2021年河道整治项目")));
        assertEquals("422800", code(title("恩施州乡村振兴衔接资金项目")));
        assertEquals("513400", code(title("凉山州教育发展资金")));
        assertEquals("429021", code(title("神农架生态保护补偿项目")));
    }

    @Test
    void findAcceptsFullAndShortNames() {
        assertEquals("320000", code(regions.find("江苏")));
        assertEquals("320000", code(regions.find("江苏省")));
        assertEquals("420000", code(regions.find("湖北")));
        assertEquals("320281", code(regions.find("江阴")));
        assertEquals("450000", code(regions.find("广西")));
        assertEquals("150000", code(regions.find("内蒙古")));
        assertEquals("810000", code(regions.find("香港")));
        assertEquals("422800", code(regions.find("恩施州")));
        // A short name two regions share goes to the higher level.
        assertEquals("220000", code(regions.find("吉林")));
        assertEquals("220200", code(regions.find("吉林市")));
        assertEquals("460000", code(regions.find("海南")));
        assertEquals("653200", code(regions.find("和田")));
        // Ambiguous or unknown: nothing rather than a guess.
        assertNull(regions.find("鼓楼区"));
        assertNull(regions.find("万柏"));
        assertNull(regions.find("不存在"));
        assertNull(regions.find(null));
    }

    @Test
    void shortNameIsNotReadInsideALongerRegionName() {
        // 江苏 inside 江苏省, 江阴 inside 江阴市: the deepest consistent region wins.
        assertEquals("320281", code(title("江苏省江阴市人力资源和社会保障局")));
        assertEquals("320506", code(title("苏州市吴中区农业农村局")));
        // 河南县 is not read as 河南蒙古族自治县 when it is 河南 + 县级.
        assertEquals("410000", code(title("河南县级财政衔接推进乡村振兴补助资金")));
    }

    @Test
    void commonWordsAreNotTakenForRegions() {
        assertNull(title("农民专业合作社扶持项目"));
        assertNull(title("提高县级基本财力保障机制奖补资金"));
        assertNull(title("示范县创建工作经费"));
        assertNull(title("城区道路维修项目"));
        assertNull(title("推广安全生产标准化建设"));
        assertNull(title("合作市场培育项目"));
        assertNull(title("乡村振兴城市更新专项"));
        // The full names still count.
        assertEquals("623001", code(title("甘肃省甘南藏族自治州合作市畜牧兽医局")));
        // Two-character county names count once their city or province is named.
        assertEquals("320322", code(title("江苏省徐州市沛县财政局")));
        assertEquals("340523", code(title("马鞍山市和县水务局")));
        assertEquals("140302", code(title("阳泉市城区教育局")));
        assertEquals("211481", code(title("辽宁省兴城市文化旅游局")));
        assertEquals("320322", code(regions.resolve(List.of("沛县农村公路养护项目"), "徐州市交通运输局下达。")));
    }

    @Test
    void duplicateNamesAreDisambiguatedByAnotherRegionNamed() {
        assertEquals("320106", code(title("南京市鼓楼区卫生健康委员会")));
        assertEquals("320302", code(regions.resolve(List.of("鼓楼区2022年老旧小区改造项目", "徐州市鼓楼区住房和城乡建设局"),
                null)));
        assertEquals("350102", code(title("福建省福州市鼓楼区")));
    }

    @Test
    void duplicateNamesFallBackToProseThenCommonAncestorThenNothing() {
        // Header ambiguous, prose names the city.
        assertEquals("350102", code(regions.resolve(List.of("鼓楼区2022年老旧小区改造项目"),
                "项目位于福州市中心城区。")));
        // Header names the province only: 南京 and 徐州 both have a 鼓楼区, both in 江苏.
        assertEquals("320000", code(regions.resolve(List.of("鼓楼区文化馆建设项目", "江苏省文化和旅游厅"), null)));
        // Nothing to tell 北京 and 长春 apart.
        assertNull(regions.resolve(List.of("朝阳区全民健身中心运行经费"), null));
        assertEquals("110105", code(title("北京市朝阳区财政局2021年度部门整体支出绩效自评报告")));
        assertEquals("220104", code(title("长春市朝阳区教育局项目支出绩效目标申报表")));
    }

    @Test
    void titleWinsWhenHeaderSourcesConflict() {
        assertEquals("320000", code(regions.resolve(List.of("江苏省2021年度水利发展资金", "浙江省水利厅"), null)));
        // A later source deeper in the same branch refines the title.
        assertEquals("320281", code(regions.resolve(List.of("无锡市2021年度就业补助资金", "江阴市人力资源和社会保障局"), null)));
        // Two cities in one title: the province covering both.
        assertEquals("420000", code(title("武汉市、十堰市社区居家养老服务项目")));
    }

    @Test
    void proseDecidesOnlyWhenHeaderNamesNothing() {
        String prose = "本年度在南昌市、九江市、赣州市开展试点，江西省其余设区市下一年推开。";
        assertEquals("360000", code(regions.resolve(List.of("职业技能提升行动专项资金", "人社厅"), prose)));
        assertEquals("320583", code(regions.resolve(List.of("职业技能提升行动专项资金"),
                "昆山市财政安排资金，在昆山各镇开展培训，覆盖昆山市全部园区，由苏州市统一考核。")));
        // Spread over three provinces: no region has a majority.
        assertNull(regions.resolve(List.of("对口协作项目"), "与北京市、上海市、广州市的单位合作开展。"));
        // The header wins even when the prose talks about somewhere else more.
        assertEquals("320281", code(regions.resolve(List.of("江阴市社区养老项目"),
                "参照上海市、上海市浦东新区和杭州市的做法。")));
    }

    @Test
    void nothingNamedGivesNull() {
        assertNull(regions.resolve(List.of("信息化运行维护经费项目自评结果", "人力资源和社会保障厅"),
                "项目按计划完成，资金执行率较高。"));
        assertNull(regions.resolve(Arrays.asList(null, null), null));
        assertNull(regions.resolve(List.of(), ""));
    }

    @Test
    void spacesInsideNamesFromPdfTextAreIgnored() {
        assertEquals("420000", code(title("湖 北 省 人 力 资 源 和 社 会 保 障 厅")));
    }

    @Test
    void aTownshipUniqueNationwideGivesItsCounty() {
        // 坝塘镇 is only in 宁乡市 (430182), 云雾土家族乡 only in 奉节县 (500236).
        assertEquals("430182", code(regions.resolve(List.of("2021年度项目支出绩效目标申报表", "坝塘镇"), null)));
        assertEquals("500236", code(title("云雾土家族乡人民政府2023年度部门整体支出")));
        assertEquals("640324", code(regions.resolve(List.of("饮水安全巩固提升项目", "下马关镇人民政府"), null)));
        // PDF text spaces the name out like any other.
        assertEquals("430182", code(title("坝 塘 镇 人 民 政 府")));
    }

    @Test
    void aTownshipNameManyCountiesShareNeedsAnAncestorNamed() {
        // 城关镇 is in 88 counties; 太白镇 in four (当涂, 婺源, 绥阳, 合水).
        assertNull(title("城关镇人民政府2022年度部门整体支出绩效自评表"));
        assertNull(title("太白镇人民政府"));
        // Within 三明市 only 尤溪县 has a 城关镇; within 福建省 too.
        assertEquals("350426", code(title("三明市城关镇人民政府2022年度部门整体支出绩效自评表")));
        assertEquals("350426", code(regions.resolve(List.of("城关镇集镇改造项目", "福建省住房和城乡建设厅"), null)));
        assertEquals("520323", code(regions.resolve(List.of("部门整体支出绩效自评表", "遵义市太白镇人民政府"), null)));
        // 呼和浩特市 has two (和林格尔县, 清水河县): the city stands.
        assertEquals("150100", code(title("呼和浩特市城关镇道路维修项目")));
        // 城关镇 under neither is not read as any county; the prose does not decide it either.
        assertNull(regions.resolve(List.of("城关镇人居环境整治项目"), "城关镇位于县城中心。"));
    }

    @Test
    void aCountyTheHeaderNamesWinsOverATownshipElsewhere() {
        assertEquals("320281", code(regions.resolve(List.of("江阴市2022年度就业补助资金", "坝塘镇人民政府"), null)));
        // A unique township outside the province the header names is ignored, not taken as a refinement.
        assertEquals("320000", code(regions.resolve(List.of("江苏省2021年度水利发展资金", "坝塘镇水利站"), null)));
        // Inside it, the township refines the province or city to the county.
        assertEquals("430182", code(regions.resolve(List.of("湖南省2021年度水利发展资金", "坝塘镇水利站"), null)));
        assertEquals("430121", code(title("长沙市江背镇农田水利项目")));
        // The county named next to its township stays the county.
        assertEquals("520323", code(title("绥阳县太白镇人民政府")));
    }

    @Test
    void aTownshipInTheHeaderComesBeforeTheProse() {
        assertEquals("430182", code(regions.resolve(List.of("农村公路提质改造项目", "坝塘镇人民政府"),
                "参照长沙县、浏阳市的做法，在长沙县开展试点。")));
        // With no township in the header the prose decides as before.
        assertEquals("320583", code(regions.resolve(List.of("职业技能提升行动专项资金"),
                "昆山市财政安排资金，在昆山各镇开展培训，覆盖昆山市全部园区，由苏州市统一考核。")));
    }

    @Test
    void townshipNamesThatAreOrdinaryWordsOrTooShortAreNotRead() {
        // 振兴乡 (黑龙江), 富城乡, 成集镇, 小城镇 are townships, and also 振兴乡村, 丰富城乡, 形成集镇, 小城镇建设.
        assertNull(title("振兴乡村示范项目"));
        assertNull(title("丰富城乡群众文化生活专项"));
        assertNull(title("形成集镇商贸中心建设项目"));
        assertNull(title("小城镇建设补助资金"));
        // Two characters with the suffix (张镇, 新镇) are never township names here.
        assertNull(title("新镇区路灯改造项目"));
        // Without its suffix a township is not read: 坝塘, 太白 alone are not places.
        assertNull(title("坝塘水库除险加固项目"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            北京市海淀区教育委员会2022年度项目支出绩效自评表 | 110108
            天津市和平区文化和旅游局 | 120101
            沈阳市和平区城市管理局 | 210102
            上海市普陀区市场监督管理局 | 310107
            浙江省杭州市西湖区农业农村局 | 330106
            南昌市西湖区老旧小区改造项目 | 360103
            广东省深圳市南山区科技创新局 | 440305
            东莞市2021年度公共卫生服务项目 | 441900
            四川省凉山彝族自治州财政局 | 513400
            乐山市市中区2021年农村饮水安全项目 | 511102
            山东省济南市市中区住房和城乡建设局 | 370103
            重庆市城口县交通局部门整体支出 | 500229
            广西壮族自治区桂林市阳朔县水利局 | 450321
            新疆维吾尔自治区伊犁哈萨克自治州霍尔果斯市 | 654004
            内蒙古自治区鄂尔多斯市财政局 | 150600
            河南省郑州市金水区教育局 | 410105
            云南省西双版纳傣族自治州景洪市 | 532801
            黑龙江省哈尔滨市2021年度城市供热补贴 | 230100
            西藏自治区拉萨市城关区 | 540102
            甘肃省兰州市城关区卫生健康局 | 620102
            陕西省西安市雁塔区科技局 | 610113
            海南省三亚市天涯区 | 460204
            宁夏回族自治区吴忠市盐池县 | 640323
            黔东南州凯里市2021年教育专项 | 522601
            湘西州吉首市城乡供水一体化项目 | 433101
            江西省赣州市南康区家具产业发展资金 | 360703
            吉林省延边朝鲜族自治州延吉市 | 222401
            河北省石家庄市桥西区民政局 | 130104
            湖北省长阳土家族自治县农业农村局 | 420528
            长阳县2021年茶叶产业发展项目 | 420528
            香港特别行政区 | 810000
            """)
    void realTitlesAndDepartments(String text, String expected) {
        Region r = title(text);
        assertNotNull(r, text);
        assertEquals(expected, r.code(), text + " → " + r.name());
    }
}
