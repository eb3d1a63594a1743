"""The tables of the county bureau's annual report (tests/portal2 item 51930), in the 2021 form
(国办公开办函〔2021〕30号) as a Word paste leaves them: rowspans and colspans, headers split over
<br>, blank cells. One planted inconsistency: in section 四 the 行政复议 group's 总计 is 2 while
its 维持 + 纠正 + 其他 + 尚未审结 is 1 (report.inconsistent); everything else adds up.
"""
from __future__ import annotations

APPLICANTS = 6  # 自然人 and the five kinds of 法人或其他组织; then 总计


def _row(values: tuple[int, ...]) -> list:
    """Six applicant cells (the 自然人 value, the rest 0) and their 总计."""
    return [values[0], *values[1:], sum(values)]


def _cells(values) -> str:
    return "".join(f"<td>{'' if v is None else v}</td>" for v in values)


S3_TOP = [("一、本年新收政府信息公开申请数量", (3, 0, 0, 0, 0, 0)),
          ("二、上年结转政府信息公开申请数量", (0, 0, 0, 0, 0, 0))]
S3_RESULTS = [("（一）予以公开", None, (2, 0, 0, 0, 0, 0)),
              ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None, (0,) * 6),
              *[("（三）不予公开", s, (0,) * 6) for s in (
                  "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
                  "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项")],
              ("（四）无法提供", "1.本机关不掌握相关政府信息", (1, 0, 0, 0, 0, 0)),
              ("（四）无法提供", "2.没有现成信息需要另行制作", (0,) * 6),
              ("（四）无法提供", "3.补正后申请内容仍不明确", (0,) * 6),
              *[("（五）不予处理", s, (0,) * 6) for s in (
                  "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                  "5.要求行政机关确认或重新出具已获取信息")],
              *[("（六）其他处理", s, (0,) * 6) for s in (
                  "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                  "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他")],
              ("（七）总计", None, (3, 0, 0, 0, 0, 0))]
S3_END = ("四、结转下年度继续办理", (0,) * 6)


def section2() -> str:
    # 规范性文件 1 and 行政许可 0 are what the portal posted in 2015 (look-alikes: equal, no notice); 行政处罚 37
    # against no penalty posted in 2015 is planted (against_site).
    return ("<table><tr><td colspan='4'>第二十条第（一）项</td></tr>"
            "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
            "<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr><tr><td>行政规范性文件</td><td>1</td><td>1</td><td>13</td></tr>"
            "<tr><td colspan='4'>第二十条第（五）项</td></tr><tr><td>信息内容</td><td colspan='3'>本年处理决定数量</td></tr>"
            "<tr><td>行政许可</td><td colspan='3'>0</td></tr>"
            "<tr><td colspan='4'>第二十条第（六）项</td></tr><tr><td>信息内容</td><td colspan='3'>本年处理决定数量</td></tr>"
            "<tr><td>行政处罚</td><td colspan='3'>37</td></tr><tr><td>行政强制</td><td colspan='3'>0</td></tr>"
            "<tr><td colspan='4'>第二十条第（八）项</td></tr><tr><td>信息内容</td><td colspan='3'>本年收费金额（单位：万元）</td></tr>"
            "<tr><td>行政事业性收费</td><td colspan='3'>0</td></tr></table>")


def section3() -> str:
    head = ("<table><tr><td colspan='3' rowspan='3'>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>"
            "<td colspan='7'>申请人情况</td></tr><tr><td rowspan='2'>自然人</td><td colspan='5'>法人或其他组织</td>"
            "<td rowspan='2'>总计</td></tr><tr><td>商业<br>企业</td><td>科研<br>机构</td><td>社会公益<br>组织</td>"
            "<td>法律服务<br>机构</td><td>其他</td></tr>")
    rows = [f"<tr><td colspan='3'>{label}</td>{_cells(_row(v))}</tr>" for label, v in S3_TOP]
    spans: dict[str, int] = {}
    for group, item, _ in S3_RESULTS:
        if item:
            spans[group] = spans.get(group, 0) + 1
    seen, first = set(), True
    for group, item, values in S3_RESULTS:
        lead = f"<td rowspan='{len(S3_RESULTS)}'>三、本年度办理结果</td>" if first else ""
        first = False
        if item is None:
            rows.append(f"<tr>{lead}<td colspan='2'>{group}</td>{_cells(_row(values))}</tr>")
            continue
        label = "" if group in seen else f"<td rowspan='{spans[group]}'>{group}</td>"
        seen.add(group)
        rows.append(f"<tr>{lead}{label}<td>{item}</td>{_cells(_row(values))}</tr>")
    rows.append(f"<tr><td colspan='3'>{S3_END[0]}</td>{_cells(_row(S3_END[1]))}</tr>")
    return head + "".join(rows) + "</table>"


# Section 四: 行政复议 (维持, 纠正, 其他, 尚未审结, 总计), then the two 诉讼 groups. The planted error:
# the 复议 total says 2, its parts add up to 1.
S4 = (1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)


def section4() -> str:
    kinds = "".join(f"<td>{k}</td>" for k in ("结果<br>维持", "结果<br>纠正", "其他<br>结果", "尚未<br>审结", "总计") * 2)
    return ("<table><tr><td colspan='5'>行政复议</td><td colspan='10'>行政诉讼</td></tr>"
            "<tr><td rowspan='2'>结果<br>维持</td><td rowspan='2'>结果<br>纠正</td><td rowspan='2'>其他<br>结果</td>"
            "<td rowspan='2'>尚未<br>审结</td><td rowspan='2'>总计</td><td colspan='5'>未经复议直接起诉</td>"
            f"<td colspan='5'>复议后起诉</td></tr><tr>{kinds}</tr><tr>{_cells(S4)}</tr></table>")


def tables() -> str:
    return ("<p>二、主动公开政府信息情况</p>" + section2() + "<p>三、收到和处理政府信息公开申请情况</p>" + section3()
            + "<p>四、政府信息公开行政复议、行政诉讼情况</p>" + section4())
