"""An item's title is its own, without the site's name (and columns) that <title> adds around it
(page.page_title): what the rectification list and every report show."""
import pytest

from crawler.extract.page import parse_page

SITE = "某某市市场监督管理局"
URL = "http://www.example.gov.cn/zwgk/tzgg/202506/t20250620_1.html"


def title_of(title: str, site_name: str | None = SITE, meta: str = "", crumbs: tuple[str, ...] = (),
             body: str = "") -> str:
    trail = ""
    if crumbs:
        trail = '<div class="position">当前位置：' + " &gt; ".join(f'<a href="/c{k}/">{c}</a>'
                                                                  for k, c in enumerate(crumbs)) + "</div>"
    html = f"<html><head><title>{title}</title>{meta}</head><body>{trail}{body}<p>正文。</p></body></html>"
    return parse_page(html, URL, site_url="http://www.example.gov.cn/", site_name=site_name)["title"]


@pytest.mark.parametrize("title, own", [
    ("关于开展食品安全专项检查的通知 - 某某市市场监督管理局", "关于开展食品安全专项检查的通知"),
    ("关于开展食品安全专项检查的通知_某某市市场监督管理局", "关于开展食品安全专项检查的通知"),
    ("关于开展食品安全专项检查的通知|某某市市场监督管理局网站", "关于开展食品安全专项检查的通知"),
    ("关于开展食品安全专项检查的通知——某某市市场监督管理局门户网站", "关于开展食品安全专项检查的通知"),
    ("某某市市场监督管理局 - 关于开展食品安全专项检查的通知", "关于开展食品安全专项检查的通知"),
    ("办事服务-某某市市场监督管理局", "办事服务"),  # a section's page: the demo's shape
    ("首页>通知公告", "通知公告"),
    ("招标公告 | 招标公告 | 某某市市场监督管理局", "招标公告"),
    ("政府采购 - - 某某市市场监督管理局", "政府采购"),
])
def test_the_sites_name_is_cut_from_either_end(title, own):
    assert title_of(title) == own


@pytest.mark.parametrize("title, own", [
    # no site name known: a last part that names an office or a web site, a first part that names a web site
    ("载人航天工程全线备战空间站建造任务_中国载人航天官方网站", "载人航天工程全线备战空间站建造任务"),
    ("我区组织参加数字重庆建设推进会_重庆市长寿区人民政府", "我区组织参加数字重庆建设推进会"),
    ("疫情通报__上海市卫生健康委员会", "疫情通报"),
    ("中国政府网——国务院关于印发某某规划的通知", "国务院关于印发某某规划的通知"),
])
def test_a_part_that_names_a_site_or_an_office_is_cut_without_knowing_the_site(title, own):
    assert title_of(title, site_name=None) == own


def test_the_sitename_tag_names_the_site_too():
    meta = '<meta name="SiteName" content="平潭综合实验区党工委管委会">'
    assert title_of("工作进展情况_平潭综合实验区党工委管委会", site_name=None, meta=meta) == "工作进展情况"


def test_a_column_above_the_page_in_its_breadcrumb_is_cut_too():
    assert title_of("关于实施第五阶段排放标准的通告_行政规范性文件_某某市市场监督管理局",
                    crumbs=("首页", "政府信息公开", "行政规范性文件")) == "关于实施第五阶段排放标准的通告"
    # a list page's own name is the breadcrumb's last: its parent goes, it stays
    assert title_of("行政规范性文件_管委会文件", crumbs=("首页", "管委会文件", "行政规范性文件")) == "行政规范性文件"
    # the site's name first, then the page's own name, which is the breadcrumb's last
    assert title_of("国家统计局>>统计用区划和城乡划分代码", site_name=None,
                    crumbs=("首页", "统计用区划和城乡划分代码")) == "统计用区划和城乡划分代码"


@pytest.mark.parametrize("title", [
    "某某市2016-2020年食品安全规划",  # a hyphen between digits joins nothing
    "关于COVID-19防控工作的通知",
    "中国政府网_中央人民政府门户网站",  # a home page: all of it is the site's name
    "关于表彰2024年度先进集体和先进个人的决定",
    "关于印发《某某局 - 内设机构职责》的通知",  # not at an end
])
def test_a_title_with_nothing_to_cut_stays_whole(title):
    assert title_of(title, site_name=None) == title


def test_a_title_that_is_only_the_sites_name_gives_way_to_the_heading():
    assert title_of(f"{SITE}网站", body="<h1>关于开展食品安全专项检查的通知</h1>") == "关于开展食品安全专项检查的通知"


REAL_PAGES = __import__("pathlib").Path(__file__).resolve().parents[1] / "data" / "real" / "pages"


def test_hanweb_site_and_column_names_before_the_title_with_plain_spaces_are_cut():
    # Hanweb JCMS writes <title> as '站名 栏目 标题' with plain spaces (山东省能源局, real page of round j)
    page = REAL_PAGES / "nyj.shandong.gov.cn__art-20260920-10313615-dtyw.html"
    url = "http://nyj.shandong.gov.cn/art/2026/9/20/art_59966_10313615.html"
    title = parse_page(page.read_text(encoding="utf-8"), url, site_url="http://nyj.shandong.gov.cn/")["title"]
    assert title == "局主要负责同志调研电动重卡大功率充电示范站建设运营情况"
    # only the whole prefix, names that are what they say, and only with a title left after it
    meta = '<meta name="ColumnName" content="通知公告">'
    assert title_of(f"{SITE} 通知公告 关于开展专项检查的通知", meta=meta) == "关于开展专项检查的通知"
    assert title_of(f"{SITE} 关于开展 专项检查的通知", meta=meta) == f"{SITE} 关于开展 专项检查的通知"
    assert title_of(f"{SITE} 通知公告", meta=meta) == f"{SITE} 通知公告"
