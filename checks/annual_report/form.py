"""The annual report's form (政府信息公开工作年度报告格式), as data: the rows and columns of its
sections 二, 三 and 四 in the 2019 edition (国办公开办函〔2019〕60号) and the 2021 revision
(国办公开办函〔2021〕30号); docs: ../shared/docs/rules.md §2.4.

Rows of section 三 have short keys: 一, 二, 四 for the form's rows 一、二、四; 三（一）…三（七） for the
results, and 三（三）1 … for their numbered sub-rows. A row is known by its words, never by its place.
"""
from __future__ import annotations

import re

# Section 三's columns: the applicant kinds, then their total.
APPLICANTS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
TOTAL = "总计"
COLUMNS3 = APPLICANTS + (TOTAL,)

# Section 三's rows: key → the form's label. Sub-rows of (六) are the 2021 form's only.
ROWS3 = {
    "一": "一、本年新收政府信息公开申请数量",
    "二": "二、上年结转政府信息公开申请数量",
    "三（一）": "（一）予以公开",
    "三（二）": "（二）部分公开",
    "三（三）1": "（三）不予公开 1.属于国家秘密",
    "三（三）2": "（三）不予公开 2.其他法律行政法规禁止公开",
    "三（三）3": "（三）不予公开 3.危及“三安全一稳定”",
    "三（三）4": "（三）不予公开 4.保护第三方合法权益",
    "三（三）5": "（三）不予公开 5.属于三类内部事务信息",
    "三（三）6": "（三）不予公开 6.属于四类过程性信息",
    "三（三）7": "（三）不予公开 7.属于行政执法案卷",
    "三（三）8": "（三）不予公开 8.属于行政查询事项",
    "三（四）1": "（四）无法提供 1.本机关不掌握相关政府信息",
    "三（四）2": "（四）无法提供 2.没有现成信息需要另行制作",
    "三（四）3": "（四）无法提供 3.补正后申请内容仍不明确",
    "三（五）1": "（五）不予处理 1.信访举报投诉类申请",
    "三（五）2": "（五）不予处理 2.重复申请",
    "三（五）3": "（五）不予处理 3.要求提供公开出版物",
    "三（五）4": "（五）不予处理 4.无正当理由大量反复申请",
    "三（五）5": "（五）不予处理 5.要求行政机关确认或重新出具已获取信息",
    "三（六）": "（六）其他处理",
    "三（六）1": "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "三（六）2": "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "三（六）3": "（六）其他处理 3.其他",
    "三（七）": "（七）总计",
    "四": "四、结转下年度继续办理",
}
RESULT_GROUPS = ("一", "二", "三", "四", "五", "六")  # （一）…（六）, adding up to （七）总计
# How a row's words name it: the first pattern that matches a label of the row wins.
ROW_WORDS = (
    ("一", re.compile(r"本年(?:度)?新收")),
    ("二", re.compile(r"上年(?:度)?结转")),
    ("四", re.compile(r"结转下(?:一)?年度")),
)
GROUP = re.compile(r"^[（(]([一二三四五六七])[）)]")
ITEM = re.compile(r"^(\d{1,2})[.、．]")
# The words of a section 三 header row: a table holding them is section 三.
SECTION3_WORDS = ("申请人情况", "自然人", "商业企业")

# Section 四: three groups of five columns.
GROUPS4 = ("行政复议", "未经复议直接起诉", "复议后起诉")
KINDS4 = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
KIND_WORDS = (("结果维持", "维持"), ("结果纠正", "纠正"), ("其他结果", "其他"), ("尚未审结", "未审结"),
              ("总计", "总计"))

# Section 二's column headers per edition (a report's edition shows in them).
SECTION2_2019 = ("本年新制作数量", "本年新公开数量", "对外公开总数量")
SECTION2_2021 = ("本年制发件数", "本年废止件数", "现行有效件数")
# The rows of section 三 under 三、本年度办理结果: 20 in the 2019 form (its label cell spans 20 rows),
# 22 in the 2021 form, whose (六)其他处理 has three sub-rows.
RESULT_ROWS = {"2019": 20, "2021": 22}
