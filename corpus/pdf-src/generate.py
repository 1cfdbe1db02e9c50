#!/usr/bin/env python3
"""Writes the HTML sources of the PDF corpus and, from the same data, each case's expected.json.

Every report below is invented for the corpus (no sentence is taken from a real report). The
expected values are the document's own figures as printed, so the golden files are read from the
source, never from jixiao's output. build.sh turns the HTML into PDFs the way submitters do
(LibreOffice Writer/Calc export, Chromium's print to PDF).
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
SRC = os.path.join(HERE, "html")

CSS = """
body { font-family: "%(body)s"; font-size: 10.5pt; line-height: 1.5; }
h1 { font-family: "%(head)s"; font-size: 16pt; text-align: center; font-weight: bold; }
h2 { font-family: "%(head)s"; font-size: 12pt; font-weight: bold; }
p { margin: 0.2em 0; text-indent: 2em; }
p.plain { text-indent: 0; }
table { border-collapse: collapse; width: 100%%; font-family: "%(table)s"; margin-top: 0.5em; }
td, th { border: %(border)s; padding: 3px 4px; font-size: 9pt; font-weight: normal; text-align: center; }
td.l { text-align: left; }
"""


def page(title, body, fonts=("Noto Serif CJK SC", "Noto Sans CJK SC", "Noto Serif CJK SC"), ruled=True):
    css = CSS % {"body": fonts[0], "head": fonts[1], "table": fonts[2],
                 "border": "1px solid #000" if ruled else "none"}
    return ('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>%s</title>\n<style>%s</style></head>\n'
            '<body>\n%s\n</body></html>\n') % (title, css, body)


def td(text="", cs=1, rs=1, cls=None):
    a = ""
    if cs > 1:
        a += ' colspan="%d"' % cs
    if rs > 1:
        a += ' rowspan="%d"' % rs
    if cls:
        a += ' class="%s"' % cls
    return "<td%s>%s</td>" % (a, text)


def table(rows, ruled=True, thead=None):
    attrs = ' border="1" cellspacing="0" cellpadding="3" width="100%"' if ruled else ' border="0" cellspacing="0" cellpadding="3" width="100%"'
    out = ["<table%s>" % attrs]
    if thead:
        out.append("<thead>" + "".join("<tr>%s</tr>" % r for r in thead) + "</thead>")
    out.append("<tbody>")
    out += ["<tr>%s</tr>" % "".join(r) for r in rows]
    out.append("</tbody></table>")
    return "\n".join(out)


def paragraphs(texts):
    return "\n".join('<p>%s</p>' % t for t in texts)


def grouped(indicators):
    """Rows of (l1, l2, rest...) with the rowspan each merged 一级/二级 cell needs."""
    rows = []
    for i, ind in enumerate(indicators):
        l1, l2 = ind[0], ind[1]
        first1 = i == 0 or indicators[i - 1][0] != l1
        first2 = first1 or indicators[i - 1][1] != l2
        n1 = n2 = 0
        if first1:
            n1 = 1
            while i + n1 < len(indicators) and indicators[i + n1][0] == l1:
                n1 += 1
        if first2:
            n2 = 1
            while i + n2 < len(indicators) and indicators[i + n2][0] == l1 and indicators[i + n2][1] == l2:
                n2 += 1
        rows.append((first1, n1, first2, n2, ind))
    return rows


def num(s):
    """A printed figure as the JSON number the report carries (thousands separators and % dropped)."""
    if s is None:
        return None
    t = s.replace(",", "").replace("%", "").strip()
    try:
        float(t)
    except ValueError:
        return None
    return json.loads(t) if "." not in t else float(t)


# ---------------------------------------------------------------- Ministry of Finance self-evaluation

def mof_html(c, fonts, ruled=True, split_indicators=False):
    f = c["funds"]
    rows = [
        [td("项目名称", 2), td(c["name"], 8)],
        [td("主管部门", 2), td(c["dept"], 3), td("实施单位", 2), td(c["unit"], 3)],
        [td("项目资金（万元）", 2, 5), td("", 2), td("年初预算数"), td("全年预算数"), td("全年执行数"), td("分值"), td("执行率"), td("得分")],
        [td("年度资金总额", 2), td(f["init"]), td(f["adj"]), td(f["exec"]), td(f["weight"]), td(f["rate"]), td(f["score"])],
    ]
    for label, vals in f["parts"]:
        rows.append([td(label, 2, cls="l")] + [td(v) for v in vals] + [td("—"), td("—"), td("—")])
    rows.append([td("年度总体目标", 1, 2), td("预期目标", 5), td("实际完成情况", 4)])
    rows.append([td(c["goal"][0], 5, cls="l"), td(c["goal"][1], 4, cls="l")])
    head = [td("一级指标"), td("二级指标"), td("三级指标"), td("年度指标值"), td("实际完成值"), td("分值"), td("得分"), td("偏差原因分析及改进措施", 2)]
    ind_rows = []
    for first1, n1, first2, n2, ind in grouped(c["indicators"]):
        r = []
        if first1:
            r.append(td(ind[0], 1, n1))
        if first2:
            r.append(td(ind[1], 1, n2))
        r += [td(ind[2], cls="l"), td(ind[3]), td(ind[4]), td(ind[5]), td(ind[6]), td(ind[7] if len(ind) > 7 else "", 2, cls="l")]
        ind_rows.append(r)
    total = [td("总分", 7), td(c["total"]), td("", 2)]
    n = len(ind_rows) + 1
    if not split_indicators:
        rows.append([td("年度绩效指标", 1, n)] + head)
        rows += [([] if i else []) + r for i, r in enumerate(ind_rows)]
        rows.append(total)
        body = table(rows)
    else:
        # The indicators as a table of their own, its header repeated on every page (<thead>).
        body = table(rows) + "\n" + table(ind_rows + [[td("总分", 6), td(c["total"]), td("", 2)]], thead=["".join(head)])
    return page("项目支出绩效自评表", '<h1>项目支出绩效自评表</h1>\n<p class="plain" align="center">（%d年度）</p>\n%s' % (c["year"], body), fonts)


def mof_expected(c):
    f = c["funds"]
    return {
        "kind": "SELF_EVALUATION",
        "year": c["year"],
        "title": "项目支出绩效自评表",
        "project": {"name": c["name"], "department": c["dept"], "implementingUnit": c["unit"]},
        "funds": {
            "initialBudget": num(f["init"]), "adjustedBudget": num(f["adj"]), "executed": num(f["exec"]),
            "executionRate": num(f["rate"]), "executionWeight": num(f["weight"]), "executionScore": num(f["score"]),
            "totalAmount": None, "currentYearAmount": None, "priorYear": None,
            "sources": [{"name": label.replace("其中：", ""), "amount": num(vals[1])} for label, vals in f["parts"]],
        },
        "indicators": [{"level1": i[0], "level2": i[1], "name": i[2], "target": i[3], "actual": i[4],
                        "weight": num(i[5]), "score": num(i[6])} for i in c["indicators"]],
        "budgetItems": [],
        "totalScore": num(c["total"]),
    }


MOF_WATER = {
    "year": 2023, "name": "农村饮水安全巩固提升工程", "dept": "浙江省水利厅", "unit": "浙江省农村水利管理中心",
    "funds": {"init": "500.00", "adj": "480.00", "exec": "456.00", "weight": "10", "rate": "95.00%", "score": "9.5",
              "parts": [("其中：本年财政拨款", ("500.00", "480.00", "456.00")), ("上年结转资金", ("0.00", "0.00", "0.00")),
                        ("其他资金", ("0.00", "0.00", "0.00"))]},
    "goal": ("新建和改造农村供水管网，提升水厂处理能力，使农村集中供水水质稳定达标。",
             "完成管网和水厂建设任务，水质抽检合格，受益人口超过预期。"),
    "indicators": [
        ("产出指标", "数量指标", "新建供水管网长度", "≥120公里", "126公里", "10", "10"),
        ("产出指标", "数量指标", "改造水厂数量", "≥6座", "6座", "10", "10"),
        ("产出指标", "质量指标", "水质达标率", "≥95%", "97.2%", "10", "10"),
        ("产出指标", "质量指标", "工程验收合格率", "=100%", "100%", "10", "10"),
        ("产出指标", "时效指标", "工程完工及时率", "≥90%", "85%", "10", "8", "两处工程受汛期影响延后完工"),
        ("效益指标", "社会效益指标", "受益农村人口", "≥15万人", "16.3万人", "20", "20"),
        ("效益指标", "可持续影响指标", "工程运行维护机制", "健全", "健全", "10", "10"),
        ("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "93%", "10", "10"),
    ],
    "total": "97.5",
}

MOF_SCHOOL = {
    "year": 2024, "name": "义务教育学校校舍维修改造补助", "dept": "安徽省教育厅", "unit": "安徽省教育装备与勤工俭学管理中心",
    "funds": {"init": "1,200.00", "adj": "1,150.00", "exec": "1,092.50", "weight": "10", "rate": "95.00%", "score": "9.50",
              "parts": [("其中：本年财政拨款", ("1,000.00", "950.00", "902.50")), ("上年结转资金", ("200.00", "200.00", "190.00")),
                        ("其他资金", ("0.00", "0.00", "0.00"))]},
    "goal": ("完成农村学校老旧校舍屋面、门窗和消防设施维修，消除校舍安全隐患。",
             "维修项目全部完工并通过验收，校舍安全隐患整改到位。"),
    "indicators": [
        ("产出指标", "数量指标", "维修校舍面积", "≥3.5万平方米", "3.62万平方米", "15", "15"),
        ("产出指标", "数量指标", "改造消防设施学校数", "≥40所", "38所", "10", "9.5", "两所学校因并校调整未实施"),
        ("产出指标", "质量指标", "维修工程验收合格率", "100%", "100%", "15", "15"),
        ("产出指标", "时效指标", "开学前完工率", "≥95%", "96%", "10", "10"),
        ("产出指标", "成本指标", "每平方米维修成本", "≤300元", "286元", "10", "10"),
        ("效益指标", "社会效益指标", "校舍安全隐患消除率", "100%", "100%", "20", "20"),
        ("满意度指标", "服务对象满意度指标", "师生满意度", "≥90%", "94%", "10", "10"),
    ],
    "total": "99",
}

TOWNS = ["城关镇", "河口镇", "石桥镇", "新塘乡", "白沙镇", "龙泉乡", "青山镇", "柳溪乡", "东岭镇", "南湖乡",
         "西溪镇", "金沙镇", "桃源乡", "凤凰镇", "云台乡", "梅林镇", "松岗镇", "杏花乡"]


def long_indicators(count=10, per_town="3", per_check="4"):
    """A long indicator table (as county reports with many sub-projects have): crosses a page."""
    towns = TOWNS[:count]
    out = []
    for t in towns:
        out.append(("产出指标", "数量指标", t + "改造农户厕所数", "≥300户", "312户", per_town, per_town))
    for t in towns[:6]:
        out.append(("产出指标", "质量指标", t + "改厕验收合格率", "≥95%", "97%", per_check, per_check))
    out += [
        ("产出指标", "时效指标", "年度任务完成时间", "12月底前", "11月底", "4", "4"),
        ("产出指标", "成本指标", "户均改厕补助标准", "≤1500元", "1500元", "4", "4"),
        ("效益指标", "社会效益指标", "农村卫生厕所普及率", "≥90%", "91.5%", "8", "8"),
        ("效益指标", "生态效益指标", "粪污无害化处理率", "≥85%", "82%", "8", "7", "部分偏远农户尚未接入收运体系"),
        ("效益指标", "可持续影响指标", "管护长效机制建立", "建立", "建立", "6", "6"),
        ("满意度指标", "服务对象满意度指标", "农户满意度", "≥90%", "92%", "6", "6"),
    ]
    return out


MOF_TOILET = {
    "year": 2023, "name": "农村人居环境整治厕所革命奖补资金", "dept": "江西省农业农村厅", "unit": "江西省吉安市永丰县农业农村局",
    "funds": {"init": "960.00", "adj": "960.00", "exec": "921.60", "weight": "10", "rate": "96.00%", "score": "9.6",
              "parts": [("其中：本年财政拨款", ("960.00", "960.00", "921.60")), ("上年结转资金", ("0.00", "0.00", "0.00")),
                        ("其他资金", ("0.00", "0.00", "0.00"))]},
    "goal": ("完成十个乡镇农户卫生厕所改造，建立管护长效机制，提升农村人居环境。",
             "改厕任务全面完成，验收合格率达标，管护机制已经建立。"),
    "indicators": long_indicators(),
    "total": "98.6",
}

MOF_ELDER = dict(MOF_TOILET)
MOF_ELDER.update({
    "year": 2024, "name": "城乡居家养老服务补贴", "dept": "福建省民政厅", "unit": "福建省泉州市晋江市民政局",
    "funds": {"init": "750.00", "adj": "720.00", "exec": "698.40", "weight": "10", "rate": "97.00%", "score": "9.7",
              "parts": [("其中：本年财政拨款", ("750.00", "720.00", "698.40")), ("上年结转资金", ("0.00", "0.00", "0.00")),
                        ("其他资金", ("0.00", "0.00", "0.00"))]},
    "goal": ("为辖区内经济困难高龄、失能老人提供居家上门服务，完善居家养老服务网络。",
             "上门服务覆盖全部符合条件老人，服务网络基本建成。"),
    "indicators": [(l1, l2, n.replace("改造农户厕所数", "上门服务老人数").replace("改厕验收合格率", "服务质量抽查合格率")
                    .replace("户均改厕补助标准", "人均服务补贴标准").replace("农村卫生厕所普及率", "居家养老服务覆盖率")
                    .replace("粪污无害化处理率", "服务记录电子化率").replace("生态效益指标", "社会效益指标")
                    .replace("管护长效机制建立", "服务监管机制建立").replace("农户满意度", "老年人满意度"),
                    t.replace("户", "人"), a.replace("户", "人"), w, s, *rest)
                   for (l1, l2, n, t, a, w, s, *rest) in long_indicators(18, "2", "3")],
    "total": "98.7",
})


# ---------------------------------------------------------------- Hubei style self-evaluation (narrative + table)

def hubei_html(c, fonts):
    f = c["funds"]
    narrative = ['<h1>%s</h1>' % c["title"], '<h2>一、自评结论</h2>', paragraphs(c["conclusion"]),
                 '<h2>二、绩效目标完成情况分析</h2>', '<p class="plain">1. 预算执行情况分析</p>', paragraphs(c["budget_text"]),
                 '<p class="plain">2. 绩效目标完成情况分析</p>', paragraphs(c["analysis"]),
                 '<h2>三、存在的问题和原因</h2>', paragraphs(c["problems"]),
                 '<p class="plain">附件：%d年度%s项目自评表</p>' % (c["year"], c["name"]),
                 '<h1>%d年度%s项目自评表</h1>' % (c["year"], c["name"]),
                 '<p class="plain">项目单位（盖章）：%s</p>' % c["unit"],
                 '<p class="plain">填报日期：%d年4月</p>' % (c["year"] + 1)]
    rows = [
        [td("项目名称", 2), td(c["name"], 6)],
        [td("主管部门", 2), td(c["dept"], 2), td("项目实施单位"), td(c["unit"], 3)],
        [td("预算执行情况（万元）（20分）", 4), td("预算数(A)"), td("执行数(B)"), td("执行率(B/A)"), td("得分(20分*执行率)")],
        [td("", 2), td("年度财政资金总额：", 2), td(f["adj"]), td(f["exec"]), td(f["rate"]), td(f["score"])],
        [td(""), td("一级指标"), td("二级指标"), td("三级指标"), td("年初目标值(A)"), td("实际完成值(B)"), td("得分", 2)],
    ]
    goals = c["indicators"]
    for gi, (goal, inds) in enumerate(goals):
        for k, ind in enumerate(inds):
            r = [td(goal, 1, len(inds))] if k == 0 else []
            r += [td(ind[0]), td(ind[1]), td(ind[2], cls="l"), td(ind[3]), td(ind[4]), td(ind[5], 2)]
            rows.append(r)
    rows.append([td("总分", 6), td(c["total"], 2)])
    rows.append([td("偏差大或目标未完成原因分析", 2), td(c["deviation"], 6, cls="l")])
    rows.append([td("改进措施及结果应用方案", 2), td(c["improve"], 6, cls="l")])
    return page(c["title"], "\n".join(narrative) + "\n" + table(rows), fonts)


def hubei_expected(c):
    f = c["funds"]
    inds = [i for _, group in c["indicators"] for i in group]
    return {
        "kind": "SELF_EVALUATION", "year": c["year"], "title": c["title"],
        "project": {"name": c["name"], "department": c["dept"], "implementingUnit": c["unit"]},
        "funds": {"initialBudget": num(f["init"]), "adjustedBudget": num(f["adj"]), "executed": num(f["exec"]),
                  "executionRate": num(f["rate"]), "executionWeight": 20, "executionScore": num(f["score"])},
        "indicators": [{"level1": i[0], "level2": i[1], "name": i[2], "target": i[3], "actual": i[4],
                        "score": num(i[5])} for i in inds],
        "budgetItems": [],
        "totalScore": num(c["total"]),
    }


HUBEI_ARCHIVE = {
    "year": 2023, "name": "档案数字化加工经费", "dept": "湖北省档案局", "unit": "湖北省档案馆",
    "title": "2023年度档案数字化加工经费项目绩效自评结果",
    "funds": {"init": "420.00", "adj": "400.00", "exec": "372.00", "rate": "93.00%", "score": "18.60"},
    "conclusion": ["根据年初设定的绩效目标，对项目资金使用和产出、效益情况进行综合评价，本项目自评得分为 96.60 分，评价等级为优。"],
    "budget_text": ["2023年，档案数字化加工经费项目年初预算数420.00万元，调整后预算数400.00万元，实际支出372.00万元，资金执行率93.00%。"
                    "结余资金主要是部分加工批次的验收结算顺延至次年一季度，已按规定办理结转手续，不影响项目整体目标的实现。"],
    "analysis": ["（1）产出指标完成情况分析。全年完成馆藏纸质档案扫描加工，数量和质量均达到年初目标，其中数字化加工页数超过计划，图像质检合格率保持较高水平，"
                 "加工成果已全部挂接到数字档案馆系统，可供利用者在线查阅。",
                 "（2）效益指标完成情况分析。数字化成果上线后，馆藏档案在线利用人次明显增加，查档等待时间缩短，社会效益逐步显现。"],
    "problems": ["一是部分年代较早的档案纸张脆化，扫描前修裱工作量大，影响了加工进度；二是外包加工企业人员流动较快，质量培训需要持续加强。"],
    "indicators": [
        ("年度绩效目标1", [("产出指标", "数量指标", "档案数字化加工页数", "≥800万页", "836万页", "30"),
                       ("产出指标", "质量指标", "图像质检合格率", "≥98%", "99.1%", "20")]),
        ("年度绩效目标2", [("产出指标", "时效指标", "加工成果挂接完成时间", "12月底前", "12月20日", "10"),
                       ("效益指标", "社会效益指标", "档案在线利用人次", "≥5万人次", "5.8万人次", "18")]),
    ],
    "total": "96.60",
    "deviation": "无。",
    "improve": "加强外包加工人员质量培训，对脆化档案提前安排修裱，合理安排加工批次。",
}

HUBEI_ROAD = {
    "year": 2022, "name": "农村公路安全生命防护工程", "dept": "湖北省交通运输厅", "unit": "湖北省交通运输厅公路管理局",
    "title": "2022年度农村公路安全生命防护工程项目绩效自评结果",
    "funds": {"init": "2,600.00", "adj": "2,450.00", "exec": "2,401.00", "rate": "98.00%", "score": "19.60"},
    "conclusion": ["本项目按照年初绩效目标组织实施，资金拨付及时，工程质量总体良好，经综合评价，自评得分为 97.60 分。"],
    "budget_text": ["2022年，农村公路安全生命防护工程项目年初预算数2600.00万元，调整后预算数2450.00万元，实际支出2401.00万元，资金执行率98.00%。"],
    "analysis": ["（1）产出指标。全年完成农村公路临水临崖、急弯陡坡等危险路段的防护设施建设，新增护栏长度和警示标志数量均超过年初计划，"
                 "工程交工验收一次合格，项目在汛期前全部完工。",
                 "（2）效益指标。防护设施投入使用后，项目路段交通事故起数同比下降，群众出行安全感明显提升，沿线群众对工程建设给予较高评价。"],
    "problems": ["个别县市配套资金到位较晚，部分路段施工组织不够紧凑，下一步将加强调度，督促地方落实配套资金。"],
    "indicators": [
        ("年度绩效目标1", [("产出指标", "数量指标", "新增波形护栏长度", "≥450公里", "468公里", "20"),
                       ("产出指标", "数量指标", "设置警示标志数量", "≥3000块", "3125块", "10"),
                       ("产出指标", "质量指标", "交工验收合格率", "100%", "100%", "15")]),
        ("年度绩效目标2", [("产出指标", "时效指标", "汛期前完工率", "≥90%", "92%", "10"),
                       ("效益指标", "社会效益指标", "项目路段事故起数下降率", "≥10%", "12.5%", "13"),
                       ("满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "95%", "10")]),
    ],
    "total": "97.60",
    "deviation": "无。",
    "improve": "督促地方及时落实配套资金，优化施工组织，加强已建设施的日常养护。",
}

# ---------------------------------------------------------------- target declaration (county/city form)

def decl_html(c, fonts):
    b = c["basic"]
    parts = ['<h1>%s</h1>' % c["title"], '<p class="plain" align="center">（%d年）</p>' % c["year"], '<h2>基本信息</h2>']
    parts.append(table([
        [td("项目名称*："), td(c["name"], 5, cls="l")],
        [td("项目属性"), td(b["attr"]), td("项目类型*："), td(b["type"], 3)],
        [td("主管部门"), td(c["dept"]), td("项目单位"), td(c["unit"], 3)],
        [td("计划开始日期*："), td(b["start"]), td("计划完成日期*："), td(b["end"], 3)],
        [td("项目总金额(万元)*："), td(b["total"]), td("本年度项目金额(万元)："), td(b["current"], 3)],
    ]))
    parts.append('<h2>详细信息</h2>')
    parts.append(table([[td("项目概况*："), td(c["overview"], cls="l")], [td("年度绩效目标*："), td(c["goal"], cls="l")]]))
    rows = [[td("一级目标"), td("二级目标"), td("指标"), td("目标值"), td("目标值来源")]]
    for first1, n1, first2, n2, ind in grouped(c["indicators"]):
        r = []
        if first1:
            r.append(td(ind[0], 1, n1))
        if first2:
            r.append(td(ind[1], 1, n2))
        r += [td(ind[2], cls="l"), td(ind[3]), td(ind[4] if len(ind) > 4 else "", cls="l")]
        rows.append(r)
    parts.append('<h2>目标内容</h2>')
    parts.append(table(rows))
    parts.append('<h2>预算经费和明细测算</h2>')
    p = c["prior"]
    money = [
        [td("上年度项目资金使用情况", 1, 2), td("年度预算安排资金"), td(p[0]), td("项目实际使用资金"), td(p[1]), td("项目结余资金"), td(p[2])],
        [td("资金使用率(%)"), td(p[3]), td("项目完成进度(%)"), td("100.00"), td("", 2)],
    ]
    src = c["sources"]
    money.append([td("项目资金来源", 1, len(src) + 1), td("项目资金总额", 3), td(c["basic"]["current"], 3)])
    for k, (label, amount) in enumerate(src):
        money.append([td(("其中：" if k == 0 else "") + label, 3, cls="l"), td(amount, 3)])
    parts.append(table(money))
    parts.append('<h2>项目概算</h2>')
    parts.append(table([[td("项目明细名称"), td("金额"), td("用途")]] +
                       [[td(n, cls="l"), td(a), td(u, cls="l")] for n, a, u in c["budget"]]))
    return page(c["title"], "\n".join(parts), fonts)


def decl_expected(c):
    b = c["basic"]
    p = c["prior"]
    return {
        "kind": "TARGET_DECLARATION", "year": c["year"], "title": c["title"],
        "project": {"name": c["name"], "department": c["dept"], "implementingUnit": c["unit"]},
        "funds": {"initialBudget": None, "adjustedBudget": None, "executed": None, "executionRate": None,
                  "executionWeight": None, "executionScore": None,
                  "totalAmount": num(b["total"]), "currentYearAmount": num(b["current"]),
                  "priorYear": {"budget": num(p[0]), "used": num(p[1]), "balance": num(p[2]), "useRate": num(p[3])},
                  "sources": [{"name": n, "amount": num(a)} for n, a in c["sources"]],
                  "sourcesTotal": num(b["current"])},
        "indicators": [{"level1": i[0], "level2": i[1], "name": i[2], "target": i[3], "actual": None,
                        "weight": None, "score": None} for i in c["indicators"]],
        "budgetItems": [{"name": n, "amount": num(a), "purpose": u or None} for n, a, u in c["budget"]],
        "totalScore": None,
    }


DECL_CLINIC = {
    "year": 2024, "title": "2024年常州市市级财政项目支出预算绩效目标申报表",
    "name": "基层医疗卫生机构设备更新项目", "dept": "常州市卫生健康委员会", "unit": "常州市基层卫生服务指导中心",
    "basic": {"attr": "单位专项", "type": "经常性专项业务费", "start": "2024-01-01", "end": "2024-12-31",
              "total": "260.00", "current": "260.00"},
    "overview": "为全市社区卫生服务中心和乡镇卫生院更新心电图机、全自动生化分析仪等基本诊疗设备，改善基层医疗机构诊疗条件。",
    "goal": "年内完成设备采购、安装和人员培训，设备投入使用后基层门诊检查能力明显提升，群众就近就医更加方便。",
    "indicators": [
        ("投入与目标管理", "投入管理", "预算执行率", "≥90%", "预算执行率达到90%以上说明资金使用正常。"),
        ("投入与目标管理", "投入管理", "资金调整率", "≤10%", ""),
        ("投入与目标管理", "财务管理", "资金使用规范性", "合规", "不出现违规使用资金的情形。"),
        ("投入与目标管理", "项目管理", "政府采购规范性", "合规", "按照政府采购法规定程序实施。"),
        ("产出目标", "数量", "更新心电图机数量", "≥45台", "按各机构申报需求汇总。"),
        ("产出目标", "数量", "更新生化分析仪数量", "≥12台", ""),
        ("产出目标", "数量", "培训操作人员人次", "≥150人次", ""),
        ("产出目标", "质量", "设备验收合格率", "=100%", "设备须全部通过到货验收和安装调试。"),
        ("产出目标", "时效", "设备安装完成时间", "≤10月31日", ""),
        ("效果目标", "社会效益", "基层门诊检查量增长率", "≥8%", "与上年同期相比。"),
        ("效果目标", "满意度", "就诊群众满意率", "≥90%", "通过问卷调查取得。"),
        ("影响力目标", "长效管理", "设备维护制度健全性", "健全", ""),
    ],
    "prior": ("180.00", "171.00", "9.00", "95.00"),
    "sources": [("财政专项拨款资金", "260.00"), ("纳入预算管理的非税资金", "0.00"), ("其他收入", "0.00")],
    "budget": [("心电图机采购", "94.50", "45台，每台2.1万元"), ("全自动生化分析仪采购", "144.00", "12台，每台12万元"),
               ("安装调试及运输", "9.50", ""), ("操作人员培训", "12.00", "150人次")],
}

DECL_LIBRARY = {
    "year": 2025, "title": "2025年扬州市市级财政项目支出预算绩效目标申报表",
    "name": "公共图书馆数字资源采购", "dept": "扬州市文化广电和旅游局", "unit": "扬州市图书馆",
    "basic": {"attr": "单位专项", "type": "经常性专项业务费", "start": "2025-01-01", "end": "2025-12-31",
              "total": "85.00", "current": "85.00"},
    "overview": "采购电子图书、期刊数据库和有声读物资源，补充馆藏数字资源，支撑线上阅读推广活动。",
    "goal": "全年新增数字资源并保持平台稳定运行，数字资源访问量持续增长，读者满意度保持较高水平。",
    "indicators": [
        ("产出目标", "数量", "新增电子图书种数", "≥2万种", "根据采购合同约定。"),
        ("产出目标", "数量", "续订期刊数据库个数", "=6个", ""),
        ("产出目标", "数量", "举办线上阅读推广活动", "≥24场", "每月不少于两场。"),
        ("产出目标", "质量", "数字资源平台可用率", "≥99%", ""),
        ("产出目标", "时效", "资源采购完成时间", "≤6月30日", ""),
        ("效果目标", "社会效益", "数字资源访问量", "≥120万次", "以平台统计数据为准。"),
        ("效果目标", "满意度", "读者满意率", "≥92%", ""),
    ],
    "prior": ("80.00", "78.40", "1.60", "98.00"),
    "sources": [("财政专项拨款资金", "85.00"), ("其他收入", "0.00")],
    "budget": [("电子图书采购", "38.00", "新增2万种"), ("期刊数据库续订", "36.00", "6个数据库"),
               ("有声读物资源", "6.00", ""), ("阅读推广活动", "5.00", "24场")],
}


# ---------------------------------------------------------------- provincial declaration variant

def prov_html(c, fonts):
    parts = ['<h1>%s</h1>' % c["title"], '<p class="plain">（%d年度）</p>' % c["year"]]
    rows = [
        [td("项目名称"), td(c["name"], 4)],
        [td("主管部门"), td(c["dept"]), td("实施单位"), td(c["unit"], 2)],
        [td("项目资金总额(万元)"), td(c["total"]), td("本年度资金总额"), td(c["current"], 2)],
        [td("年度目标"), td(c["goal"], 4, cls="l")],
        [td("一级指标"), td("二级指标"), td("三级指标"), td("指标值", 2)],
    ]
    for first1, n1, first2, n2, ind in grouped(c["indicators"]):
        r = []
        if first1:
            r.append(td(ind[0], 1, n1))
        if first2:
            r.append(td(ind[1], 1, n2))
        r += [td(ind[2], cls="l"), td(ind[3], 2)]
        rows.append(r)
    parts.append(table(rows))
    parts.append('<p class="plain">填报单位（盖章）：%s</p>' % c["unit"])
    return page(c["title"], "\n".join(parts), fonts)


def prov_expected(c):
    return {
        "kind": "TARGET_DECLARATION", "year": c["year"], "title": c["title"],
        "project": {"name": c["name"], "department": c["dept"], "implementingUnit": c["unit"]},
        "funds": {"totalAmount": num(c["total"]), "currentYearAmount": num(c["current"]), "priorYear": None},
        "indicators": [{"level1": i[0], "level2": i[1], "name": i[2], "target": i[3], "actual": None} for i in c["indicators"]],
        "budgetItems": [],
        "totalScore": None,
    }


PROV_FOREST = {
    "year": 2024, "title": "四川省省级财政项目支出绩效目标申报表",
    "name": "天然林资源保护管护补助", "dept": "四川省林业和草原局", "unit": "四川省阿坝藏族羌族自治州林业和草原局",
    "total": "1,860.00", "current": "1,860.00",
    "goal": "落实天然林管护责任，巡护覆盖全部管护面积，森林资源保持稳定增长，管护人员按时足额领取补助。",
    "indicators": [
        ("产出指标", "数量指标", "天然林管护面积", "≥620万亩"),
        ("产出指标", "数量指标", "聘用护林员人数", "≥1500人"),
        ("产出指标", "质量指标", "管护责任落实率", "100%"),
        ("产出指标", "时效指标", "补助资金兑现及时率", "≥95%"),
        ("效益指标", "生态效益指标", "森林覆盖率", "≥37%"),
        ("效益指标", "社会效益指标", "带动脱贫户就业人数", "≥600人"),
        ("满意度指标", "服务对象满意度指标", "护林员满意度", "≥90%"),
    ],
}

# ---------------------------------------------------------------- self-evaluation printed without rulings (stream)

def stream_html(c, fonts):
    f = c["funds"]
    parts = ['<h1>%s</h1>' % c["title"],
             '<p class="plain">项目名称：%s</p>' % c["name"],
             '<p class="plain">主管部门：%s</p>' % c["dept"],
             '<p class="plain">实施单位：%s</p>' % c["unit"],
             '<h2>一、预算执行情况</h2>',
             table([[td("资金项目", cls="l"), td("年初预算数"), td("全年预算数"), td("全年执行数"), td("执行率"), td("得分")],
                    [td("年度资金总额", cls="l"), td(f["init"]), td(f["adj"]), td(f["exec"]), td(f["rate"]), td(f["score"])]] +
                   [[td(label, cls="l"), td(v[0]), td(v[1]), td(v[2]), td(""), td("")] for label, v in f["parts"]], ruled=False),
             '<h2>二、绩效指标完成情况</h2>',
             table([[td("一级指标", cls="l"), td("二级指标", cls="l"), td("三级指标", cls="l"), td("年度指标值"), td("实际完成值"), td("分值"), td("得分")]] +
                   [[td(i[0], cls="l"), td(i[1], cls="l"), td(i[2], cls="l"), td(i[3]), td(i[4]), td(i[5]), td(i[6])] for i in c["indicators"]],
                   ruled=False),
             '<p class="plain">总分：%s</p>' % c["total"]]
    return page(c["title"], "\n".join(parts), fonts, ruled=False)


def stream_expected(c):
    e = mof_expected(c)
    e["title"] = c["title"]
    return e


STREAM_SEED = {
    "year": 2023, "title": "2023年度良种繁育补助项目绩效自评表", "name": "良种繁育补助", "dept": "河南省农业农村厅",
    "unit": "河南省种子站",
    "funds": {"init": "300.00", "adj": "300.00", "exec": "285.00", "weight": "10", "rate": "95.00%", "score": "9.5",
              "parts": [("本年财政拨款", ("300.00", "300.00", "285.00")), ("其他资金", ("0.00", "0.00", "0.00"))]},
    "indicators": [
        ("产出指标", "数量指标", "良种繁育面积", "≥2万亩", "2.1万亩", "20", "20"),
        ("产出指标", "质量指标", "种子纯度达标率", "≥98%", "99%", "20", "20"),
        ("产出指标", "时效指标", "补助发放及时率", "≥95%", "90%", "10", "9"),
        ("效益指标", "经济效益指标", "亩均增收", "≥80元", "86元", "20", "20"),
        ("满意度指标", "服务对象满意度指标", "繁种户满意度", "≥90%", "93%", "20", "20"),
    ],
    "total": "98.5",
}

SERIF = ("Noto Serif CJK SC", "Noto Sans CJK SC", "Noto Serif CJK SC")
SANS = ("Noto Sans CJK SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei")
ZENHEI = ("WenQuanYi Zen Hei", "Noto Serif CJK SC", "Noto Sans CJK SC")

# case name -> (source file, html, expected, how build.sh makes the PDF)
#   lo: LibreOffice Writer export; chrome: Chromium print; calc: via .xlsx in LibreOffice Calc;
#   docx: via .docx in LibreOffice Writer (the Word route)
CASES = {
    "pdf-mof-water": ("mof-water", lambda: mof_html(MOF_WATER, SERIF), mof_expected(MOF_WATER), "lo"),
    "pdf-mof-school": ("mof-school", lambda: mof_html(MOF_SCHOOL, SANS), mof_expected(MOF_SCHOOL), "chrome"),
    "pdf-mof-toilet-crosspage": ("mof-toilet", lambda: mof_html(MOF_TOILET, ZENHEI), mof_expected(MOF_TOILET), "lo"),
    "pdf-mof-elder-crosspage": ("mof-elder", lambda: mof_html(MOF_ELDER, SERIF, split_indicators=True), mof_expected(MOF_ELDER), "chrome"),
    "pdf-hubei-archive": ("hubei-archive", lambda: hubei_html(HUBEI_ARCHIVE, SERIF), hubei_expected(HUBEI_ARCHIVE), "lo"),
    "pdf-hubei-road": ("hubei-road", lambda: hubei_html(HUBEI_ROAD, SANS), hubei_expected(HUBEI_ROAD), "chrome"),
    "pdf-decl-clinic": ("decl-clinic", lambda: decl_html(DECL_CLINIC, SERIF), decl_expected(DECL_CLINIC), "lo"),
    "pdf-decl-library": ("decl-library", lambda: decl_html(DECL_LIBRARY, ZENHEI), decl_expected(DECL_LIBRARY), "docx"),
    "pdf-prov-forest": ("prov-forest", lambda: prov_html(PROV_FOREST, SANS), prov_expected(PROV_FOREST), "chrome"),
    "pdf-stream-seed": ("stream-seed", lambda: stream_html(STREAM_SEED, SANS), stream_expected(STREAM_SEED), "chrome"),
    "pdf-docx-water": ("docx-water", lambda: mof_html(MOF_WATER, SANS), mof_expected(MOF_WATER), "docx"),
}
CASES["pdf-stream-seed"][2]["funds"]["executionWeight"] = None


def main():
    os.makedirs(SRC, exist_ok=True)
    plan = []
    for case, (name, html, expected, how) in CASES.items():
        with open(os.path.join(SRC, name + ".html"), "w", encoding="utf-8") as f:
            f.write(html())
        d = os.path.join(CORPUS, case)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "expected.json"), "w", encoding="utf-8") as f:
            json.dump(expected, f, ensure_ascii=False, indent=2)
            f.write("\n")
        plan.append("%s %s %s" % (case, name, how))
    # The scan (the first page of pdf-mof-water as an image, made by build.sh) has no
    # expected.json: it is refused, which PdfExtractorTest checks.
    os.makedirs(os.path.join(CORPUS, "pdf-scan-image-only"), exist_ok=True)
    with open(os.path.join(SRC, "cases.list"), "w", encoding="utf-8") as f:
        f.write("\n".join(plan) + "\n")


if __name__ == "__main__":
    sys.exit(main())
