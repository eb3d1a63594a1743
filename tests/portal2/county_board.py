"""The county portal's 局长信箱: a message board in the Lonsun shape (a header <ul> naming 留言时间 /
办理状态 / 信件标题 / 受理单位, then one <ul> a message whose <li>s are its cells; no 回复时间 on the
list) and each letter's page (来信时间, 答复单位, 答复时间, 答复意见 in a th/td table). As of 2016-10-20,
the year looked at starts 2015-10-21:

- planted interaction.unanswered: a letter of 2016-06-28 the list shows 已回复, whose page says it
  was answered 2016-10-08 - 102 days later (a late reply: at most a deduction);
- look-alikes: a letter of 2016-07-22 answered 2016-10-20 (exactly 90 days), one 办理中 since
  2016-09-01 (49 days), one 办理中 since 2015-08-03 (before the year looked at).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

import county_pages as tpl

D = date
BOARD_NAME = "局长信箱"
BOARD_PATH = "/col/col1301/index.html"
UNIT = "柳溪县市场监督管理局办公室"


@dataclass(frozen=True)
class Letter:
    n: int
    title: str
    asked: date
    answered: date | None  # None: 办理中
    text: str

    @property
    def path(self) -> str:
        return f"/art/{self.asked.year}/{self.asked.month}/{self.asked.day}/art_1301_{self.n}.html"


LETTERS = (
    Letter(5, "个体工商户年报逾期怎么办", D(2016, 9, 1), None, "个体工商户年报逾期了，请问如何补报？"),
    Letter(4, "网购商品退货难", D(2016, 7, 22), D(2016, 10, 20), "网购的电饭煲七天内申请退货被拒，请求协调。"),
    Letter(3, "农贸市场活禽销售点设置", D(2016, 6, 28), D(2016, 10, 8), "城关农贸市场活禽销售点离居民区太近，建议迁移。"),
    Letter(2, "商标注册咨询", D(2016, 5, 10), D(2016, 5, 20), "请问个人能否申请注册商标？"),
    Letter(1, "户外广告牌设置审批", D(2015, 8, 3), None, "请问沿街店铺设置户外广告牌需要审批吗？"),
)
REPLY = "您好！您反映的问题我局已安排相关科室核实处理，感谢您对市场监管工作的支持。"


def _crumbs(last: tuple[str, str] | None = None) -> str:
    return tpl.crumb_hanweb([("首页", "/"), (BOARD_NAME, BOARD_PATH), *([last] if last else [])])


def board_page() -> str:
    rows = "".join(
        f'<ul class="{"odd" if k % 2 == 0 else "even"}"><li class="t0">{m.asked.isoformat()}</li>'
        f'<li class="t5"><span>{"已回复" if m.answered else "办理中"}</span></li>'
        f'<li class="t3"><a href="{m.path}" target="_blank" title="{escape(m.title)}">{escape(m.title)}</a></li>'
        f'<li class="t4">{UNIT}</li></ul>' for k, m in enumerate(LETTERS))
    body = (_crumbs() + f'<div class="guestbook-table" id="message_list"><ul class="guestbook_title">'
            f'<li class="t0">留言时间</li><li class="t5">办理状态</li><li class="t3">信件标题</li><li class="t4">受理单位</li>'
            f"</ul>{rows}</div>")
    return tpl.layout(f"{BOARD_NAME}_{tpl.SITE}", body, metas={"ColumnName": BOARD_NAME})


def letter_page(m: Letter) -> str:
    reply = (f'<tr><th class="tit">答复情况：</th><td class="nrtxt" colspan="3"><div>答复单位：{UNIT}　答复时间：'
             f'{m.answered.isoformat()} 16:30</div><div class="dfyj"><p>答复意见：</p><p>{REPLY}</p></div></td></tr>'
             if m.answered else '<tr><th class="tit">办理状态：</th><td class="nrtxt" colspan="3">办理中</td></tr>')
    body = (_crumbs() + f'<h1 class="wztit">{escape(m.title)}</h1><table class="liuyancon">'
            f'<tr><th class="tit">信件编号：</th><td class="nr">{m.asked:%Y%m%d}00{m.n}</td>'
            f'<th class="tit">来信时间：</th><td class="nr">{m.asked.isoformat()} 09:12</td></tr>'
            f'<tr><th class="tit">内容：</th><td class="nrtxt" colspan="3">{escape(m.text)}</td></tr>{reply}</table>')
    return tpl.layout(f"{m.title}_{tpl.SITE}", body, metas={"ColumnName": BOARD_NAME})


def board_pages() -> dict[str, str]:
    """Path → page text of the board and its letters."""
    return {BOARD_PATH: board_page(), **{m.path: letter_page(m) for m in LETTERS}}
