"""Issue 16 plants on the county portal: accessibility (a11y.*) and a hijacked external link.

- A 宣传视频 专题 of ten clip pages pasted from a video vendor's player template: the same <title>
  宣传视频 on all ten (a11y.same_title), a video playing with sound by itself (a11y.autoplay), a
  player frame with no title (a11y.iframe_title), a logo with no alt (a11y.img_alt) that is also a
  link's only content (a11y.link_name), a comment box with no label (a11y.form_label), an h1 then
  an h3 (a11y.heading_order). No county page declares <html lang> (a11y.html_lang), and the home
  page has no 无障碍 / 长者模式 entry (a11y.elder_entry). Each is one finding for the site, at "/".
- The home page's 友情链接 to the county's old tourism association, whose domain lapsed and is now a
  parked for-sale page (link.hijacked, with --check-external). The link names the same server under
  the host name localhost (another host, so external); its port is only known when the server runs,
  so the page carries PORT_MARK and county_server writes the port in.
"""
from __future__ import annotations

from county_pages import SITE

INDEX = "/col/col1090/index.html"
NAME = "宣传视频"
CLIPS = 10
PORT_MARK = "__COUNTY_PORT__"
LOGO = "/col/col1090/logo.gif"
# A 1×1 GIF: the player template's logo.
LOGO_GIF = bytes.fromhex("47494638396101000100800000ffffff00000021f90401000000002c00000000010001000002024401003b")
PARKED = "/lyxh/index.html"  # served to any host name; linked only as http://localhost:PORT/lyxh/index.html
FRIEND = "柳溪县旅游协会"
CLIP = """<!DOCTYPE html>
<html>
<head><meta http-equiv="Content-Type" content="text/html; charset=gb2312" /><title>{name}</title></head>
<body>
<h1>{name}（{k}）</h1>
<a href="/index.html"><img src="{logo}"></a>
<h3>播放</h3>
<video src="/col/col1090/clip{k}.mp4" autoplay controls></video>
<iframe src="{index}" width="300" height="40"></iframe>
<form><input name="comment"><button type="button">发表评论</button></form>
</body>
</html>
"""
PARKED_PAGE = """<!DOCTYPE html><html><head><meta charset="gb2312"><title>lyxh-lx.test</title></head>
<body><h1>lyxh-lx.test</h1><p>This domain may be for sale!</p><p>本域名出售，有意者请联系。</p>
<script src="https://img.sedoparking.com/js/park.js"></script></body></html>
"""


def home_links() -> str:
    """The home page's block with the 专题 and the 友情链接."""
    return (f'<div class="index_box"><div class="index_title">专题专栏</div><ul><li><a href="{INDEX}">{NAME}</a></li>'
            f'</ul></div><div class="index_box"><div class="index_title">友情链接</div><ul>'
            f'<li><a href="http://localhost:{PORT_MARK}{PARKED}">{FRIEND}</a></li></ul></div>')


def site_pages(layout) -> dict[str, str]:
    """{path: page text} of the 专题 page (the portal's `layout`), its clip pages and the parked page."""
    entries = "".join(f'<li><a href="./clip{k}.html">{NAME}（{k}）</a></li>' for k in range(1, CLIPS + 1))
    found = {INDEX: layout(f"{NAME}_{SITE}", f"<h1>{NAME}</h1><ul>{entries}</ul>"), PARKED: PARKED_PAGE}
    for k in range(1, CLIPS + 1):
        found[f"/col/col1090/clip{k}.html"] = CLIP.format(name=NAME, k=k, index=INDEX, logo=LOGO)
    return found


def files() -> dict[str, tuple[str, bytes]]:
    """{path: (content type, body)} of the files the clip pages use."""
    return {LOGO: ("image/gif", LOGO_GIF)}
