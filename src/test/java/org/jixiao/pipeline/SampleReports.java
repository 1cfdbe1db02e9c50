package org.jixiao.pipeline;

/** Small reports written for tests that need a whole, consistent document rather than a corpus case. */
public final class SampleReports {

    /** A consistent Hubei-style self-evaluation in the text form: 18 + 40 + 40 = 98 points, no finding. */
    public static final String SELF_EVALUATION = String.join("\n",
            "2022 年度四川省成都市社区服务项目绩效自评表",
            "",
            "项目名称\t\t社区服务项目",
            "主管部门\t\t成都市民政局\t实施单位\t成都市社区服务中心",
            "预算执行情况 (万元) (20分)\t\t预算数(A)\t执行数(B)\t执行率 (B/A)\t得分(20分 *执行率)",
            "\t年度财政资金总额:\t200.00\t180.00\t90.00%\t18.00",
            "一级指标\t二级指标\t三级指标\t年初目标值 (A)\t实际完成值 (B)\t分值\t得分",
            "产出指标\t数量指标\t服务人次\t≥1000 人次\t1200 人次\t40\t40",
            "效益指标\t社会效益指标\t社区活动参与率\t≥90%\t92%\t40\t40",
            "总分\t98.00",
            "");

    private SampleReports() {
    }
}
