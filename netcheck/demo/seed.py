"""The seed page: the bureau's real 2015 annual disclosure report, as its portal showed it.

`seed_report.txt` is the scraped page (shared/seed/panjin-fda-2015-disclosure-annual-report.txt,
bundled here so the demo needs nothing outside the package). The page keeps what makes it a
finding: traditional characters throughout its content, an EMPTY 索引號 and 成文日期 in the
metadata table, 發布日期 2016-04-07, and the signing date 2016年3月7日 only at the end.
"""
from __future__ import annotations

from html import escape
from importlib import resources

from . import pages

TEXT_FILE = "seed_report.txt"
CRUMB_LINKS = ("/", "/xxgk/index.html", "/xxgk/gknb/index.html",
               "/xxgk/gknb/2015/index.html", "/xxgk/gknb/2015/index.html")
POSTED = "2016-04-07"


def lines() -> list[str]:
    return resources.files(__package__).joinpath(TEXT_FILE).read_text(encoding="utf-8").split("\n")


def title() -> str:
    return lines()[6]


def render(side: str) -> bytes:
    text = lines()
    label, trail = text[0].split(" ", 1)  # "當前位置:" and "首頁 > 政務公開 > …"
    crumbs = list(zip(trail.split(" > "), CRUMB_LINKS))
    heading = text[6]
    # Labels as the seed shows them; the 索引號, 成文日期, 發文字號 and 主題詞 cells are empty there.
    table = pages.meta_table([
        [("索 引 號:", ""), ("主題分類:", "部門政府信息公開工作年度報告")],
        [("發文機關:", "盤錦市政府"), ("成文日期:", "")],
        [("標 題:", heading)],
        [("發文字號:", ""), ("發布日期:", POSTED)],
        [("主 題 詞:", "")],
    ])
    body = pages.article_body(
        crumbs=crumbs, side=side, title=heading, table=table, label=label + " ",
        paragraphs=[escape(p) for p in text[7:-2]],
        signature=(escape(text[-2]), escape(text[-1])))
    meta = {"ColumnName": "政府信息公開年報", "ColumnType": "列表",
            "ArticleTitle": heading, "PubDate": f"{POSTED} 10:12"}
    return pages.layout(heading, body, meta)
