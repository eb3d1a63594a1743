"""Planted accessibility defects (a11y.*): a 形象宣传片 专题 whose ten clip pages were pasted from a
video vendor's player template, as fetched with none of the portal's own accessible markup.

Each clip page: no <html lang>, the same <title> 形象宣传片 on all ten (a11y.same_title), a video
that plays with sound by itself (a11y.autoplay), a player frame with no title (a11y.iframe_title),
a logo with no alt (a11y.img_alt) that is also a link's only content (a11y.link_name), a comment
box with no label (a11y.form_label), and an h1 followed by an h3 (a11y.heading_order). The home page
offers no 无障碍 / 长者模式 entry (a11y.elder_entry). Every a11y finding is one for the whole site,
at the home page (checks.rules.a11y). The 专题 page itself uses the portal's layout: clean.
"""
from __future__ import annotations

from . import pages

INDEX = "/ztzl/xcp/index.html"
NAME = "形象宣传片"
CLIPS = 10
CLIP = """<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>{name}</title></head>
<body>
<h1>{name}（{k}）</h1>
<a href="/index.html"><img src="/images/bsm.gif"></a>
<h3>播放</h3>
<video src="/ztzl/xcp/clip{k}.mp4" autoplay controls></video>
<iframe src="{index}" width="300" height="40"></iframe>
<form><input name="comment"><button type="button">发表评论</button></form>
</body>
</html>
"""


def link() -> str:
    """The home page's link to the 专题."""
    return f'<li><a href="{INDEX}">{NAME}</a></li>'


def site_pages() -> dict[str, bytes]:
    """{path: body} of the 专题 page and its clip pages."""
    entries = [f'<li><a href="./clip{k}.html">{NAME}（{k}）</a></li>' for k in range(1, CLIPS + 1)]
    body = pages.blocks_body([("首页", "/"), (NAME, INDEX)], [(NAME, "", entries)])
    found = {INDEX: pages.layout(f"{NAME}-{pages.SITE}", body)}
    for k in range(1, CLIPS + 1):
        found[f"/ztzl/xcp/clip{k}.html"] = CLIP.format(name=NAME, k=k, index=INDEX).encode("utf-8")
    return found
