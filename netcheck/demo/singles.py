"""Single-page columns (机构职能, 领导信息, 政府信息公开指南 …): one article each, written out.

Two of them carry planted links (see answer_key.yaml): 政府信息公开目录 links the old 政务公开
section, which now answers a soft 404; 政府信息公开制度 links the back office, which robots.txt
forbids. Each returns (title, paragraphs as HTML, attachments as (label, extension)).
"""
from __future__ import annotations

from .columns import COLUMNS
from .content import ORGAN

Single = tuple[str, list[str], list[tuple[str, str]]]


def guide_page() -> Single:
    return (f"{ORGAN}政府信息公开指南", [
        "为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制本指南。",
        "一、主动公开。主动公开的信息包括机构职能、政策文件、规划计划、财政信息、行政许可、行政处罚、监督抽检等，"
        "通过本局门户网站政务公开栏目、公共行政服务中心查询点等方式公开。",
        "二、依申请公开。公民、法人或者其他组织可以根据自身生产、生活、科研等特殊需要，向本局申请获取相关政府信息。"
        '具体办法见<a href="/xxgk/ysqgk/index.html">依申请公开</a>栏目。',
        "三、受理机构。受理机构：本局办公室；办公地址：辽宁省盘锦市兴隆台区市府大路南段；"
        "办公时间：工作日上午八时三十分至十一时三十分，下午一时三十分至五时；联系电话：0427-2812331。",
        "四、监督和救济。公民、法人或者其他组织认为本局在政府信息公开工作中侵犯其合法权益的，可以向市政务公开办举报，"
        "也可以依法申请行政复议或者提起行政诉讼。",
    ], [])


def catalog_page() -> Single:
    rows = "".join(f'<tr><td><a href="{c.index}">{c.name}</a></td></tr>'
                   for c in COLUMNS if c.path.startswith("/xxgk/") and c.path != "/xxgk/")
    return (f"{ORGAN}政府信息公开目录", [
        "本目录列明本局主动公开的政府信息类别，点击类别名称即可查看该类信息。",
        f'<table class="gkml">{rows}</table>',
        # Planted link.broken (soft 404): the old section was removed but its page answers 200.
        '本局原政务公开栏目信息已全部迁移至新版栏目，<a href="/zwgk/old/index.html">旧版政务公开栏目</a>不再更新。',
    ], [])


def rules_page() -> Single:
    return (f"{ORGAN}政府信息公开工作制度", [
        "第一条 为规范本局政府信息公开工作，根据《中华人民共和国政府信息公开条例》，制定本制度。",
        "第二条 本局政府信息公开工作领导小组负责组织、协调、监督全局政府信息公开工作，办公室承担日常工作。",
        "第三条 拟公开的政府信息，由承办科室提出公开属性意见，经分管领导审核后发布。",
        "第四条 信息发布前应当进行保密审查和食品药品安全社会影响性审查，不得公开涉及国家秘密、商业秘密和个人隐私的信息。",
        # Planted link.unverified: robots.txt disallows /admin/, so the audit may not fetch it.
        '第五条 各科室通过<a href="/admin/login.html">信息发布审核系统</a>报送拟公开信息，'
        "办公室应当在规定时限内完成审核发布。",
        "第六条 本制度自印发之日起施行。",
    ], [])


def apply_page() -> Single:
    return ("依申请公开", [
        "公民、法人或者其他组织申请获取政府信息的，应当填写《政府信息公开申请表》，可以通过当面、信函、传真等方式提交。",
        "本局收到申请后，能够当场答复的当场予以答复；不能当场答复的，自收到申请之日起十五个工作日内予以答复。",
        "受理机构：本局办公室；联系电话：0427-2812331。",
    ], [("政府信息公开申请表", "doc")])


def duties_page() -> Single:
    duties = ["负责起草全市食品（含食品添加剂、保健食品）安全、药品（含中药、民族药）、医疗器械、化妆品监督管理的规范性文件并组织实施。",
              "负责制定全市食品行政许可的实施办法并监督实施，建立食品安全隐患排查治理机制。",
              "负责组织实施全市食品、药品、医疗器械、化妆品监督抽检，发布相关质量公告。",
              "负责组织查处全市食品药品违法案件，组织开展投诉举报受理工作。",
              "负责全市食品药品安全事故应急体系建设，组织和指导食品药品安全事故应急处置和调查处理工作。",
              "承办市政府交办的其他事项。"]
    offices = "办公室、人事科、政策法规科、计划财务科、行政审批科、食品安全监管科、药品医疗器械监管科、应急管理科、稽查支队、投诉举报中心"
    return (f"{ORGAN}主要职责和内设机构",
            ["一、主要职责"] + [f"（{'一二三四五六'[i]}）{d}" for i, d in enumerate(duties)]
            + [f"二、内设机构：{offices}。", "三、办公地址：辽宁省盘锦市兴隆台区市府大路南段；联系电话：0427-2812331。"], [])


def leaders_page() -> Single:
    return ("局领导及分工", [
        "局长、党组书记：刘建明，主持局全面工作。",
        "副局长、党组成员：王立新，负责食品安全监管、应急管理工作，分管食品安全监管科、应急管理科。",
        "副局长、党组成员：陈晓红，负责药品医疗器械监管、行政审批工作，分管药品医疗器械监管科、行政审批科。",
        "纪检组长、党组成员：赵国庆，负责纪检监察、稽查执法工作，分管稽查支队、投诉举报中心。",
    ], [])


def fees_page() -> Single:
    return ("行政事业性收费项目公示", [
        "根据国家和省有关规定，本局依法实施的行政许可、备案等事项均不收取费用。",
        "本局目前无行政事业性收费项目。如发现以本局名义违规收费的，请拨打投诉举报电话12331。",
    ], [])


def complaint_page() -> Single:
    return ("投诉举报渠道", [
        "为方便群众反映食品药品安全问题，本局开通以下投诉举报渠道：",
        "一、投诉举报电话：12331（工作日受理），0427-2812331。",
        '二、网上咨询：本网站<a href="/hdjl/zxdf/index.html">咨询答复</a>栏目。',
        "三、来信来访：辽宁省盘锦市兴隆台区市府大路南段投诉举报中心。",
        "对查证属实的举报，依照有关规定给予举报人奖励，并为举报人保密。",
    ], [])


SINGLES = {
    "guide_page": guide_page, "catalog_page": catalog_page, "rules_page": rules_page,
    "apply_page": apply_page, "duties_page": duties_page, "leaders_page": leaders_page,
    "fees_page": fees_page, "complaint_page": complaint_page,
}
