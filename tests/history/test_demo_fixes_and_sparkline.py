"""The fixed demo portal differs from the original only on the pages its fixes touch; the score
trend line draws one bar per run."""
import pytest

from netcheck.demo import fixes
from netcheck.demo.planted import LEAKED_ID, LEAKED_MOBILE
from netcheck.demo.site import build
from netcheck.history.listing import sparkline


def test_fixes_change_only_the_pages_they_fix():
    original, fixed = build(), build(fixed=tuple(fixes.FIXES))
    assert build(fixed=()) == original
    changed = sorted(p for p in original.keys() | fixed.keys() if original.get(p) != fixed.get(p))
    assert changed == [
        "/", "/index.html",  # the home page lists the newest notices
        "/tzgg/201607/t20160708_5401.html", "/tzgg/index.html", "/tzgg/index_1.html",  # the new notice
        "/xwdt/index.html",  # keeps_posting: the news section front lists the new article
        "/xwdt/xwjx/201603/t20160315_5250.html",  # the dead citation unlinked
        "/xwdt/xwjx/201607/t20160713_5402.html",  # keeps_posting: the new article and its list pages
        "/xwdt/xwjx/index.html", "/xwdt/xwjx/index_1.html", "/xwdt/xwjx/index_2.html", "/xwdt/xwjx/index_3.html",
        "/xxgk/index.html",  # keeps_posting: 最新公开 lists the new policy document
        "/xxgk/xzcf/201606/t20160615_5342.html",  # the ID and mobile masked
        "/xxgk/zcwj/201512/P020160105000001.pdf",  # the missing attachment uploaded
        "/xxgk/zcwj/201607/t20160711_5403.html", "/xxgk/zcwj/index.html", "/xxgk/zcwj/index_1.html",  # and its list
    ]
    leak = fixed["/xxgk/xzcf/201606/t20160615_5342.html"].body.decode("utf-8")
    assert LEAKED_ID not in leak and LEAKED_MOBILE not in leak and "211102********2319" in leak
    assert b"t20151201_999.html" not in fixed["/xwdt/xwjx/201603/t20160315_5250.html"].body


def test_an_unknown_fix_is_refused():
    with pytest.raises(ValueError, match="unknown demo fixes"):
        build(fixed=("everything",))


@pytest.mark.parametrize("scores, line", [
    ([], ""),
    ([80.0], "█"),
    ([60.0, 80.0, 100.0], "▁▅█"),
    ([90.0, None, 70.0], "█ ▁"),
    ([85.0, 85.0], "██"),
])
def test_sparkline(scores, line):
    assert sparkline(scores) == line
