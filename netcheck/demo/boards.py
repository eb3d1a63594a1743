"""The demo's message boards under 互动交流: 在线咨询, a 政务咨询 board whose list shows each message's
留言时间, 回复时间 and 办理状态 and links to its page (留言时间, 回复单位, 回复时间, 回复内容), and 网上信访, a
信访 board the interaction rule leaves out. Against the as-of date 2016-06-30 (the year looked at
starts 2015-07-01; the limit is 90 days):

- planted interaction.unanswered: 在线咨询's message asked 2016-02-15, still 办理中 (136 days);
- look-alikes: one answered 2016-04-09 for a message of 2016-01-10 (exactly 90 days), one 办理中
  since 2016-04-20 (71 days: an early warning, no finding), one left 2015-05-06 and still open
  (before the year looked at), and the 信访 board's message of 2016-01-05 left unanswered.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from . import pages

D = date
ORGAN = "盘锦市食品药品监督管理局"
SECTION = ("互动交流", "/hdjl/index.html")


@dataclass(frozen=True)
class Message:
    n: int
    title: str
    asked: date
    answered: date | None  # None: 办理中
    question: str
    answer: str = ""


@dataclass(frozen=True)
class Board:
    path: str
    name: str
    messages: tuple[Message, ...]

    @property
    def index(self) -> str:
        return self.path + "index.html"

    def message_path(self, m: Message) -> str:
        return f"{self.path}{m.asked:%Y%m}/msg_{m.n}.html"


REPLY = "您好！您反映的问题已转相关科室核实处理，如有疑问请拨打咨询电话0427-2812331。感谢您对食品药品监管工作的关注。"
CONSULT = Board("/hdjl/zxzx/", "在线咨询", (
    Message(6, "网上订餐平台的餐馆是否都有许可证", D(2016, 6, 20), D(2016, 6, 22),
            "请问网上订餐平台上的餐馆是否都办理了食品经营许可证？如何查询？", REPLY),
    Message(5, "药店药品价格标示不清如何处理", D(2016, 4, 20), None,  # 71 days: early warning only
            "小区附近药店部分药品没有标价，请问应向哪个部门反映？"),
    Message(4, "超市销售过期食品多次反映未处理", D(2016, 2, 15), None,  # planted: 136 days unanswered
            "兴隆台区某超市货架上有过期酸奶，二月初已当面反映，至今仍在销售，请予查处。"),
    Message(3, "小作坊登记需要哪些材料", D(2016, 1, 10), D(2016, 4, 9),  # exactly 90 days: in time
            "请问食品小作坊登记需要提交哪些材料？", REPLY),
    Message(2, "保健食品广告审查的办理时限", D(2015, 5, 6), None,  # asked before the year looked at
            "请问保健食品广告审查一般多长时间办结？"),
))
PETITION = Board("/hdjl/wsxf/", "网上信访", (
    Message(1, "反映某食品厂排污问题", D(2016, 1, 5), None,  # a 信访 board: not judged
            "某食品厂长期夜间排放污水，请有关部门调查处理。"),
))
BOARDS = (CONSULT, PETITION)


def _crumbs(board: Board) -> pages.Crumbs:
    return [("首页", "/"), SECTION, (board.name, board.index)]


def _meta(board: Board) -> dict[str, str]:
    return {"ColumnName": board.name, "ColumnType": "互动"}


def list_page(board: Board) -> bytes:
    rows = "".join(
        f'<tr><td><a href="{board.message_path(m)}" title="{escape(m.title)}">{escape(m.title)}</a></td>'
        f"<td>{m.asked.isoformat()}</td><td>{m.answered.isoformat() if m.answered else ''}</td>"
        f"<td>{'已回复' if m.answered else '办理中'}</td></tr>"
        for m in board.messages)
    table = (f'<table class="board"><tr><th>留言标题</th><th>留言时间</th><th>回复时间</th><th>办理状态</th></tr>'
             f"{rows}</table>")
    body = (f'<div class="content-box">{pages.breadcrumb(_crumbs(board))}'
            f'<div class="column-title"><h2>{board.name}</h2></div>\n{table}</div>')
    return pages.layout(f"{board.name}-{pages.SITE}", body, _meta(board))


def message_page(board: Board, m: Message) -> bytes:
    reply = (f"<tr><th>回复单位：</th><td>{ORGAN}办公室</td><th>回复时间：</th><td>{m.answered.isoformat()}</td></tr>"
             f'<tr><th>回复内容：</th><td colspan="3">{escape(m.answer)}</td></tr>' if m.answered else
             '<tr><th>办理状态：</th><td colspan="3">办理中</td></tr>')
    table = (f'<table class="message"><tr><th>留言标题：</th><td colspan="3">{escape(m.title)}</td></tr>'
             f'<tr><th>留言时间：</th><td>{m.asked.isoformat()}</td><th>留言人：</th><td>网友</td></tr>'
             f'<tr><th>留言内容：</th><td colspan="3">{escape(m.question)}</td></tr>{reply}</table>')
    body = (f'<div class="content-box">{pages.breadcrumb(_crumbs(board))}'
            f'<div class="article"><h1>{escape(m.title)}</h1>{table}</div></div>')
    return pages.layout(f"{m.title}-{pages.SITE}", body, _meta(board))


def board_pages() -> dict[str, bytes]:
    """Path → page of every board's list and message pages."""
    out = {}
    for board in BOARDS:
        out[board.index] = list_page(board)
        for m in board.messages:
            out[board.message_path(m)] = message_page(board, m)
    return out
