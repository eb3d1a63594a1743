"""The county portal as data: its columns and every item in them, with the planted defects and the
look-alikes marked where they sit. county_site.py turns these tables into pages; answer_key.yaml
says what an inspector concludes from them.

Dates are the site's own: `posted` is the 发布日期, `formed` the 生成日期 / decision / signing date
(what the 20- or 7-working-day limits count from).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import county_report

D = date

LEAKED_ID = "33052719880517341X"  # valid GB 11643 check digit (X)
LEAKED_MOBILE = "13857261943"
BAD_CHECK_NUMBER = "330527201608150017"  # a 受理编号 shaped like an ID; its check digit would be 0
MASKED_ID, MASKED_MOBILE = "330527********2316", "138****1234"
# The same penalty's attachments (county_site.ATTACHMENTS): a PDF and a Word file, each a full ID and
# mobile (flagged), and a scanned PDF with no text layer (could not read, no finding).
PDF_LEAKED_ID, PDF_LEAKED_MOBILE = "330527197904231529", "13957261234"
DOCX_LEAKED_ID, DOCX_LEAKED_MOBILE = "330527199108112640", "15867261234"
LEAK_FILES = (("行政处罚决定书.pdf", "/uploadfile/2016/0826/20160826101512301.pdf"),
              ("询问笔录.docx", "/uploadfile/2016/0826/20160826101512302.docx"),
              ("现场检查笔录（扫描件）.pdf", "/uploadfile/2016/0826/20160826101512303.pdf"))


@dataclass(frozen=True)
class Column:
    key: str  # how items name it
    name: str  # as the site writes it
    path: str  # its (first) list page
    shape: str  # table | trs | datastore | empty-notice | empty-datastore | single | landing
    parent: str | None = None  # key of the column above it in the breadcrumb
    crumb: str = "hanweb"  # breadcrumb style (county_pages.CRUMB_STYLES)
    rows: str = "td"  # list row style (county_pages.row)
    declared: bool = True  # the list page declares its charset
    disclosure: bool = False  # items carry the 信息公开 table
    subject: str = ""  # 主题分类 of its items
    text: tuple[str, ...] = ()  # a single page's paragraphs

    @property
    def number(self) -> str:
        return self.path.split("/col/col")[1].split("/")[0] if "/col/col" in self.path else ""


COLUMNS = [
    Column("zwgk", "政务公开", "/col/col1001/index.html", "landing"),
    Column("dt", "市场监管动态", "/col/col1003/index.html", "table", rows="bracket"),
    Column("gsgg", "公示公告", "/zwgk/gsgg/index.html", "trs", parent="zwgk", crumb="trs"),
    Column("cf", "行政处罚", "/col/col1004/index.html", "table", parent="zwgk", disclosure=True, subject="行政执法"),
    Column("xk", "行政许可信息公示", "/col/col1005/index.html", "table", parent="zwgk", crumb="spans",
           rows="td-bracket", disclosure=True, subject="行政审批"),
    Column("cj", "抽检信息", "/col/col1006/index.html", "datastore", parent="zwgk", disclosure=True,
           subject="食品安全"),
    Column("zc", "政策法规", "/col/col1007/index.html", "table", parent="zwgk", rows="bracket", declared=False,
           disclosure=True, subject="规范性文件"),
    Column("rs", "人事信息", "/col/col1008/index.html", "empty-notice", parent="zwgk"),  # planted column.empty
    Column("cz", "财政资金", "/col/col1009/index.html", "empty-datastore", parent="zwgk"),  # planted column.empty
    Column("xxgk", "政府信息公开", "/col/col1010/index.html", "landing", parent="zwgk"),
    Column("zd", "信息公开制度", "/col/col1011/index.html", "single", parent="xxgk", text=(
        "为进一步规范本局政府信息公开工作，根据《中华人民共和国政府信息公开条例》，结合工作实际，本局建立政府信息公开"
        "保密审查、主动公开、依申请公开、信息发布协调、考核评议和责任追究等工作制度。",
        "本局办公室是政府信息公开工作的日常工作机构，负责组织、协调、指导和监督各科室、各市场监管所的政府信息公开工作，"
        "各科室对本科室产生和保存的政府信息的公开负责。")),
    Column("nb", "年度报告", "/col/col1012/index.html", "table", parent="xxgk", disclosure=True, subject="综合政务"),
    Column("ysq", "依申请公开", "/col/col1013/index.html", "single", parent="xxgk", text=(
        "公民、法人或者其他组织可以通过信函、传真、当面申请等方式向本局申请获取政府信息，申请时应当填写"
        "《柳溪县市场监督管理局政府信息公开申请表》，并提供有效身份证明。",
        "受理机构：柳溪县市场监督管理局办公室；办公地址：柳溪县城关镇人民路88号；办公时间：工作日上午8:30-12:00，"
        "下午14:00-17:30；联系电话：0572-6021234；传真：0572-6021235。")),
]
BY_KEY = {c.key: c for c in COLUMNS}


@dataclass(frozen=True)
class Item:
    col: str  # Column.key
    n: int  # the CMS's document number (in the URL)
    title: str
    posted: date
    formed: date | None = None
    doc_no: str = ""
    body: tuple[str, ...] = ()
    record: tuple[tuple[str, str], ...] = ()  # the 双公示 record table
    after: str = ""  # raw HTML after the paragraphs (a results table)
    sign: str = ""  # the signing date line as written, '' for none
    links: tuple[tuple[str, str], ...] = ()  # 相关链接 (text, href)
    attachments: tuple[tuple[str, str], ...] = ()  # (label, href)
    flags: frozenset[str] = frozenset()  # no_index_row | blank_pubdate | pubdate_only | undeclared

    @property
    def column(self) -> Column:
        return BY_KEY[self.col]

    @property
    def path(self) -> str:
        p = self.posted
        if self.col == "gsgg":  # the TRS section
            return f"/zwgk/gsgg/{p:%Y%m}/t{p:%Y%m%d}_{self.n}.html"
        return f"/art/{p.year}/{p.month}/{p.day}/art_{self.column.number}_{self.n}.html"


def _news(n, posted, title, *body, flags=(), links=()):
    return Item("dt", n, title, posted, body=body, flags=frozenset(flags), links=links)


def _notice(n, posted, title, *body):
    return Item("gsgg", n, title, posted, body=body, sign=f"{posted.year}年{posted.month}月{posted.day}日")


def _penalty(n, posted, formed, title, doc_no, party, facts, result, extra=(), flags=(), attachments=()):
    record = (("行政处罚决定书文号", doc_no), ("案件名称", title), ("违法企业名称或违法自然人姓名", party), *extra,
              ("主要违法事实", facts), ("处罚结果", result), ("处罚决定日期", f"{formed:%Y年%m月%d日}"),
              ("处罚机关", "柳溪县市场监督管理局"))
    return Item("cf", n, title, posted, formed, doc_no, record=record, flags=frozenset(flags),
                attachments=tuple(attachments))


def _licence(n, posted, formed, party, content, no, extra=(), flags=()):
    doc_no = f"柳市监食许〔{formed.year}〕{no}号"
    record = (("行政许可决定书文号", doc_no), ("项目名称", "食品经营许可"), ("审批类别", "普通"),
              ("许可内容", content), ("行政相对人名称", party), *extra,
              ("许可证编号", f"JY1330527{no:07d}"), ("许可决定日期", f"{formed:%Y年%m月%d日}"),
              ("许可机关", "柳溪县市场监督管理局"))
    return Item("xk", n, f"{party}食品经营许可信息", posted, formed, doc_no, record=record, flags=frozenset(flags))


def _results_table(failed: list[tuple[str, ...]]) -> str:
    head = "".join(f"<th>{h}</th>" for h in ("序号", "样品名称", "被抽样单位", "标称生产企业", "不合格项目"))
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in (str(k + 1), *f)) + "</tr>" for k, f in enumerate(failed))
    body = body or '<tr><td colspan="5">暂无信息</td></tr>'
    return f'<p>不合格产品信息：</p><table border="1" width="100%"><tr>{head}</tr>{body}</table>'


def _sampling(n, posted, formed, issue, sign, batches, failed):
    return Item("cj", n, f"2016年第{issue}期食品安全监督抽检信息公告", posted, formed,
                f"柳市监抽〔2016〕{issue}号", body=(
                    f"根据《中华人民共和国食品安全法》和2016年食品安全监督抽检计划，本局组织对辖区内生产、销售的粮食加工品、"
                    f"食用油、肉制品、饮料等食品进行了监督抽检，本期共抽检样品{batches}批次，合格{batches - len(failed)}批次，"
                    f"不合格{len(failed)}批次。",
                    "对抽检中发现的不合格产品，本局已责令相关经营者立即下架，并依法进行调查处理。"),
                after=_results_table(failed), sign=sign)


ITEMS: list[Item] = [
    # ---------------------------------------------------------------- 市场监管动态 (news)
    _news(52301, D(2016, 10, 18), "县局召开第四季度食品安全工作推进会",
          "10月17日下午，县市场监管局召开第四季度食品安全工作推进会，局领导班子成员、各市场监管所所长及机关相关科室负责人参加会议。",
          "会议通报了前三季度全县食品安全监管工作情况，分析了当前存在的突出问题，并对第四季度农村集体聚餐、学校食堂和节日市场等重点领域的监管工作作了具体部署。",
          flags=("pubdate_only",)),
    _news(52288, D(2016, 10, 14), "县局开展国庆节后农村集体聚餐食品安全专项检查",
          "国庆节后，县市场监管局组织各市场监管所对辖区农村集体聚餐点开展食品安全专项检查，重点检查厨师健康证明、食品原料进货查验和餐具消毒等情况。",
          "此次检查共出动执法人员46人次，检查农村家宴放心厨房31家，发现并督促整改问题12个。"),
    # planted content.wrong_term: the county's 质监局 was merged into this bureau on 2015-12-01
    _news(52275, D(2016, 10, 11), "县局联合开展秋季农资市场专项整治行动",
          "10月10日，县市场监管局会同县质监局、县农业局对城关、溪口等乡镇的农资经营门店开展秋季农资市场专项整治行动。",
          "检查中，执法人员重点查看了化肥、农药、种子的进货台账和产品标签标识，现场抽取化肥样品5批次送检，对2家台账记录不全的经营户责令限期整改。"),
    _news(52262, D(2016, 10, 9), "县局开展“双十一”前网络交易主体专项监测",
          "为规范网络交易秩序，县市场监管局于近日启动“双十一”前网络交易主体专项监测，对辖区内开设网店的经营主体进行亮照经营检查。",
          "截至目前，已监测网店218家，督促未亮照经营的17家网店完成整改。"),
    _news(52240, D(2016, 9, 30), "县局开展国庆节前食品安全和特种设备安全检查",
          "国庆长假来临之际，县市场监管局组织执法人员对全县大型商场、超市、旅游景点周边餐饮单位以及客运索道、大型游乐设施开展节前安全检查。",
          "检查共出动执法人员58人次，检查食品经营单位96家、特种设备使用单位14家，排查安全隐患9处，均已督促整改到位。"),
    # look-alike content.wrong_term: the provincial 质监局 still exists in 2016
    _news(52227, D(2016, 9, 26), "省质监局专家组来我县调研小微企业质量提升工作",
          "9月23日，省质监局专家组一行来我县调研小微企业质量提升工作，实地走访了溪口镇两家机械制造企业，听取了企业在标准化建设和质量管理方面的做法和困难。",
          "专家组对我县推进质量强县建设的工作给予肯定，并就加强企业计量检测能力建设提出了意见建议。"),
    _news(52203, D(2016, 9, 20), "县局开展中秋节后月饼市场专项清理",
          "中秋节后，县市场监管局组织对全县商场超市、食品店开展月饼专项清理，督促经营者及时下架临近保质期和过期月饼。",
          "此次清理共检查食品经营户132家，督促下架临期月饼26盒，未发现销售过期月饼的行为。"),
    # planted link.broken: the linked plan was deleted (404)
    _news(52180, D(2016, 9, 12), "我县举办2016年食品安全宣传周主场活动",
          "9月10日，由县食品安全委员会办公室主办、县市场监管局承办的2016年食品安全宣传周主场活动在县人民广场举行。",
          "活动现场设置了咨询台、快检体验区和展板宣传区，共发放宣传资料3000余份，现场免费快检群众自带食品样品65批次。",
          links=(("2016年柳溪县食品安全宣传周活动方案", "/art/2016/8/2/art_1003_51888.html"),)),
    # look-alike: mentions 暂无 in its text
    _news(52151, D(2016, 8, 25), "县局开展暑期校园周边食品安全整治",
          "为保障学生开学季食品安全，县市场监管局对全县中小学校园周边的小卖部、小餐饮店开展为期两周的食品安全专项整治。",
          "整治期间共检查校园周边食品经营户87家，取缔无证经营户2家。截至目前，暂无学生因食用校园周边食品引发身体不适的信息报告。"),
    _news(52130, D(2016, 8, 10), "县局召开电梯安全管理工作座谈会",
          "8月9日，县市场监管局召开全县电梯安全管理工作座谈会，全县住宅小区物业服务企业、电梯维保单位负责人共40余人参加会议。",
          "会议通报了上半年电梯安全监督检查情况，并就落实电梯使用单位安全主体责任、提高维保质量提出了具体要求。"),
    _news(52101, D(2016, 7, 28), "县局开展夏季餐饮食品安全检查",
          "进入盛夏，县市场监管局在全县范围内开展夏季餐饮食品安全检查，重点检查冷荤凉菜制作、食品原料贮存和餐饮具清洗消毒等环节。",
          "检查共出动执法人员62人次，检查餐饮服务单位153家，发放整改意见书21份。",
          flags=("pubdate_only",)),
    _news(52077, D(2016, 7, 15), "县局举办小微企业商标注册培训班",
          "7月14日，县市场监管局举办小微企业商标注册培训班，全县60余家小微企业负责人参加培训。",
          "培训围绕商标注册流程、商标使用管理和商标侵权防范等内容进行了讲解，并现场解答了企业提出的问题。"),

    # ---------------------------------------------------------------- 公示公告 (TRS, 3 pages)
    _notice(88123, D(2016, 9, 26), "关于国庆节期间12315投诉举报受理安排的公告",
            "国庆节期间（10月1日至7日），12315投诉举报热线实行24小时值守，消费者可通过电话、网络等渠道进行投诉举报。",
            "节日期间各市场监管所安排专人值班，确保投诉举报及时受理、及时处置。"),
    _notice(88107, D(2016, 9, 8), "关于开展2016年度食品生产企业监督检查的通告",
            "为落实食品生产企业主体责任，本局将于9月至11月对全县获证食品生产企业开展年度监督检查。",
            "请各食品生产企业对照检查要点认真开展自查，如实记录自查情况，配合做好现场检查工作。"),
    _notice(88094, D(2016, 8, 19), "关于注销部分个体工商户营业执照的公告",
            "经查，下列个体工商户已连续六个月以上未开展经营活动，且经公告催告未在规定期限内办理相关手续。",
            "根据《个体工商户条例》有关规定，本局依法注销其营业执照，自本公告发布之日起生效。"),
    _notice(88071, D(2016, 7, 29), "关于2016年上半年全县特种设备安全状况的通告",
            "截至2016年6月底，全县共有在用特种设备3126台（套），上半年未发生特种设备安全事故。",
            "请各特种设备使用单位切实落实安全主体责任，按时申报定期检验，确保设备安全运行。"),
    _notice(88060, D(2016, 7, 12), "关于开展打击侵权假冒“清风行动”的公告",
            "为严厉打击侵犯知识产权和制售假冒伪劣商品违法行为，本局决定自即日起开展“清风行动”专项执法。",
            "欢迎广大群众积极举报相关违法行为，举报电话12315。"),
    _notice(88042, D(2016, 6, 20), "关于公布2016年第一批“守合同重信用”企业名单的公告",
            "经企业申报、乡镇推荐和本局审核，柳溪县恒通汽车维修有限公司等12家企业被认定为2016年第一批县级“守合同重信用”企业。",
            "现予以公布，认定有效期为两年。"),
    # look-alike report.annual_late: an enterprise-report reminder, not the bureau's own annual report
    _notice(88015, D(2016, 5, 6), "关于督促企业在6月30日前报送2015年度年度报告的公告",
            "根据《企业信息公示暂行条例》，企业应当于每年1月1日至6月30日通过企业信用信息公示系统报送上一年度年度报告。",
            "截至目前，我县尚有部分企业未报送2015年度年度报告，请相关企业抓紧报送，逾期将被列入经营异常名录。"),
    _notice(87998, D(2016, 4, 15), "关于开展2016年春季农资打假专项行动的通告",
            "为保障春耕生产用农资质量，本局决定在全县开展2016年春季农资打假专项行动。",
            "各农资经营户应当严格落实进货查验和台账记录制度，不得销售假冒伪劣农资商品。"),
    _notice(87976, D(2016, 3, 18), "关于公布3·15消费维权典型案例的公告",
            "为提高消费者维权意识，本局从2015年受理的投诉举报中选取了10起典型案例，现予以公布。",
            "消费者在消费过程中遇到侵权行为，可拨打12315投诉举报电话维护自身合法权益。"),
    _notice(87950, D(2016, 1, 20), "关于启用柳溪县市场监督管理局新印章的公告",
            "根据工作需要，经县人民政府同意，柳溪县市场监督管理局新印章自2016年1月20日起正式启用。",
            "原各单位印章同时废止。"),
    _notice(87931, D(2015, 12, 1), "关于柳溪县市场监督管理局挂牌成立的公告",
            "经县人民政府批准，由原县工商行政管理局、原县质量技术监督局、原县食品药品监督管理局整合组建的柳溪县市场监督管理局于2015年12月1日正式挂牌成立。",
            "原三个部门的职责由柳溪县市场监督管理局承担，办公地址为柳溪县城关镇人民路88号。"),
    # look-alike content.wrong_term: posted before the merger, when 县质监局 was the right name
    _notice(87902, D(2015, 10, 16), "关于开展2015年秋季农资打假专项行动的通告",
            "为维护农民合法权益，县工商局、县质监局、县农业局决定联合开展2015年秋季农资打假专项行动。",
            "请各农资经营户于10月31日前完成自查，咨询电话：县质监局稽查大队0572-6021240。"),

    # ---------------------------------------------------------------- 行政处罚 (limit 7 working days)
    # planted item.late: decided Friday 09-30; 国庆 10-01..07 off, but Sat 10-08 and Sun 10-09 are
    # make-up working days: 8 working days to 10-17 (a count that forgets the 调休 days gives 6)
    _penalty(52290, D(2016, 10, 17), D(2016, 9, 30), "柳溪县惠民超市销售超过保质期食品案", "柳市监罚〔2016〕45号",
             "柳溪县惠民超市",
             "当事人在其经营场所销售超过保质期的预包装饼干12袋，货值金额人民币96元。",
             "没收违法所得人民币36元，罚款人民币5000元",
             extra=(("统一社会信用代码", "92330527MA28B3KQ1X"), ("法定代表人（负责人）", "陈某某"))),
    _penalty(52263, D(2016, 9, 29), D(2016, 9, 23), "柳溪县鑫达五金店销售不合格电线案", "柳市监罚〔2016〕43号",
             "柳溪县鑫达五金店",
             "当事人销售的电线电缆经监督抽查，导体电阻项目不合格，货值金额人民币1840元。",
             "没收不合格电线电缆，罚款人民币3000元",
             extra=(("统一社会信用代码", "92330527MA28A7LD4P"), ("法定代表人（负责人）", "周某某"))),
    # planted privacy.leak (ID and mobile); this page also declares no charset
    _penalty(52188, D(2016, 8, 26), D(2016, 8, 22), "王某某未取得食品经营许可从事食品经营案", "柳市监罚〔2016〕36号",
             "王某某",
             "当事人未取得食品经营许可，在柳溪县城关镇农贸市场东侧摆摊销售自制熟食。",
             "没收违法所得人民币820元，罚款人民币10000元",
             extra=(("身份证号码", LEAKED_ID), ("联系电话", LEAKED_MOBILE),
                    ("住所", "柳溪县城关镇解放路18号")),
             flags=("undeclared",), attachments=LEAK_FILES),
    # look-alike item.late: 08-10 → 08-19 is exactly 7 working days; one day more would be late
    _penalty(52139, D(2016, 8, 19), D(2016, 8, 10), "柳溪县溪口镇好运来饭店使用超过保质期食品原料案",
             "柳市监罚〔2016〕33号", "柳溪县溪口镇好运来饭店",
             "当事人在其后厨存放并使用超过保质期的调味品加工菜品，货值金额人民币58元。",
             "警告，罚款人民币2000元",
             extra=(("统一社会信用代码", "92330527MA28A2HT6W"), ("法定代表人（负责人）", "吴某某"))),
    # look-alike privacy.leak: the ID and mobile are masked
    _penalty(52102, D(2016, 7, 22), D(2016, 7, 18), "李某某销售未经检验检疫猪肉案", "柳市监罚〔2016〕29号",
             "李某某",
             "当事人在农贸市场销售未经检验检疫的猪肉35公斤，货值金额人民币770元。",
             "没收违法所得人民币300元，罚款人民币8000元",
             extra=(("身份证号码", MASKED_ID), ("联系电话", MASKED_MOBILE))),
    _penalty(52040, D(2016, 6, 14), D(2016, 6, 6), "柳溪县城关镇新华药店未凭处方销售处方药案", "柳市监罚〔2016〕21号",
             "柳溪县城关镇新华药店",
             "当事人在未见到医师处方的情况下向消费者销售处方药阿莫西林胶囊2盒。",
             "警告，罚款人民币1000元",
             extra=(("统一社会信用代码", "92330527MA28A0CF9E"), ("法定代表人（负责人）", "郑某某"))),
    _penalty(51980, D(2016, 5, 13), D(2016, 5, 9), "柳溪县恒通汽车维修有限公司使用未经检验的特种设备案",
             "柳市监罚〔2016〕15号", "柳溪县恒通汽车维修有限公司",
             "当事人使用的一台电动单梁起重机超过检验有效期未申报定期检验，继续投入使用。",
             "责令停止使用，罚款人民币30000元",
             extra=(("统一社会信用代码", "91330527MA28A1RQ2M"), ("法定代表人（负责人）", "孙某某"))),

    # ---------------------------------------------------------------- 行政许可信息公示 (limit 7)
    # look-alike item.late: 09-29 → 10-12 is 6 working days (国庆 off, 10-08/09 worked); Mon–Fri says 9
    _licence(52250, D(2016, 10, 12), D(2016, 9, 29), "柳溪县味之源餐饮店", "热食类食品制售", 1187,
             extra=(("统一社会信用代码", "92330527MA28B3MN7K"),)),
    _licence(52215, D(2016, 9, 23), D(2016, 9, 19), "柳溪县鲜果汇水果店", "预包装食品销售（不含冷藏冷冻食品）、散装食品销售",
             1172, extra=(("统一社会信用代码", "92330527MA28B2XW5D"),)),
    # planted item.metadata_missing: the 发布日期 cell is blank (the list shows 2016-09-09)
    _licence(52166, D(2016, 9, 9), D(2016, 9, 5), "柳溪县百佳惠便利店", "预包装食品销售（含冷藏冷冻食品）", 1151,
             extra=(("统一社会信用代码", "92330527MA28B1QJ3G"),), flags=("blank_pubdate",)),
    # look-alike privacy.leak: an 18-digit 受理编号 that fails the ID check digit
    _licence(52120, D(2016, 8, 18), D(2016, 8, 15), "柳溪县溪口镇春晖幼儿园食堂", "热食类食品制售（单位食堂）", 1133,
             extra=(("统一社会信用代码", "52330527MJ1234567R"), ("受理编号", BAD_CHECK_NUMBER))),
    # planted content.backdated: 生成日期 and 许可决定日期 2016-08-11, after the 发布日期 08-01
    _licence(52098, D(2016, 8, 1), D(2016, 8, 11), "柳溪县城南副食店", "预包装食品销售（不含冷藏冷冻食品）", 1124,
             extra=(("统一社会信用代码", "92330527MA28A9KD2F"),)),
    _licence(52071, D(2016, 7, 8), D(2016, 7, 4), "柳溪县老街面馆", "热食类食品制售", 1109,
             extra=(("统一社会信用代码", "92330527MA28A5EB8U"),)),
    _licence(52015, D(2016, 6, 17), D(2016, 6, 13), "柳溪县康宁大药房", "保健食品销售、预包装食品销售", 1086,
             extra=(("统一社会信用代码", "91330527MA28A3VX0C"),)),

    # ---------------------------------------------------------------- 抽检信息 (Hanweb datastore; limit 20)
    # planted item.late: signed 二〇一六年八月一日, posted 09-05: 25 working days
    _sampling(52160, D(2016, 9, 5), D(2016, 8, 1), 5, "二〇一六年八月一日", 46,
              [("大米", "柳溪县城关镇丰收粮油店", "某某米业有限公司", "镉（以Cd计）")]),
    # look-alike column.empty: its 不合格产品 table says 暂无信息
    _sampling(52095, D(2016, 7, 20), D(2016, 7, 8), 4, "二〇一六年七月八日", 38, []),
    _sampling(52033, D(2016, 6, 20), D(2016, 5, 27), 3, "二〇一六年五月二十七日", 42,
              [("散装白酒", "柳溪县溪口镇老刘酒坊", "自制", "甲醇")]),
    _sampling(51960, D(2016, 4, 29), D(2016, 4, 8), 2, "二〇一六年四月八日", 35,
              [("油条", "柳溪县城关镇早点摊", "自制", "铝的残留量（干样品，以Al计）")]),
    _sampling(51902, D(2016, 3, 25), D(2016, 3, 10), 1, "二〇一六年三月十日", 30, []),

    # ---------------------------------------------------------------- 政策法规 (newest 03-28: planted column.stale)
    # planted link.broken: the attachment PDF answers 404
    Item("zc", 51895, "柳溪县食品小作坊登记管理办法（试行）", D(2016, 3, 28), D(2016, 3, 21), "柳市监〔2016〕12号",
         body=("为加强食品小作坊监督管理，规范食品小作坊生产加工行为，根据《浙江省食品小作坊小餐饮店小食杂店和食品摊贩管理规定》，"
               "结合本县实际，制定本办法。",
               "本办法自2016年4月1日起施行，具体内容详见附件。"),
         sign="二〇一六年三月二十一日",
         attachments=(("柳溪县食品小作坊登记管理办法（试行）.pdf", "/uploadfile/2016/0328/20160328143712345.pdf"),)),
    # planted item.metadata_missing: the 信息公开 table has no 索引号 row
    Item("zc", 51850, "关于印发《柳溪县市场监督管理局行政执法全过程记录制度》的通知", D(2016, 3, 4), D(2016, 2, 26),
         "柳市监〔2016〕7号",
         body=("各科室、各市场监管所：", "现将《柳溪县市场监督管理局行政执法全过程记录制度》印发给你们，请认真遵照执行。"
               "执法人员在现场检查、调查取证、送达文书等环节应当使用执法记录仪进行全过程记录。"),
         sign="二〇一六年二月二十六日", flags=frozenset({"no_index_row"})),
    Item("zc", 51790, "关于印发《柳溪县市场监督管理局2016年工作要点》的通知", D(2016, 1, 19), D(2016, 1, 12),
         "柳市监〔2016〕2号",
         body=("各科室、各市场监管所：", "现将《柳溪县市场监督管理局2016年工作要点》印发给你们，请结合各自职责，认真抓好落实。"
               "2016年是全县市场监管体制改革后的第一年，要着力推进监管职能整合和执法力量下沉。"),
         sign="二〇一六年一月十二日"),
    Item("zc", 51702, "关于进一步规范个体工商户登记工作的通知", D(2015, 12, 22), D(2015, 12, 15), "柳市监〔2015〕3号",
         body=("各市场监管所：", "为进一步优化登记服务，各市场监管所应当严格执行个体工商户登记管理有关规定，"
               "对申请材料齐全、符合法定形式的，当场予以登记，不得擅自增加登记条件。"),
         sign="二〇一五年十二月十五日"),

    # ---------------------------------------------------------------- 年度报告
    # planted report.annual_late: the 2015 report posted 2016-04-12 (due 03-31); formed 03-25, so
    # 11 working days (清明 04-04 off): not item.late
    Item("nb", 51930, "柳溪县市场监督管理局2015年政府信息公开工作年度报告", D(2016, 4, 12), D(2016, 3, 25),
         body=("本报告根据《中华人民共和国政府信息公开条例》要求，由柳溪县市场监督管理局编制。全文包括概述，主动公开政府信息情况，"
               "依申请公开政府信息情况，政府信息公开的收费及减免情况，因政府信息公开申请提起行政复议、行政诉讼的情况，"
               "存在的主要问题和改进措施。本报告中所列数据的统计期限自2015年1月1日起至2015年12月31日止。",
               "一、主动公开政府信息情况。2015年，本局及原县工商局、原县质量技术监督局、原县食品药品监督管理局共主动公开"
               "政府信息312条，其中行政处罚信息37条，监督抽检信息25条。",
               "二、依申请公开政府信息情况。2015年共受理政府信息公开申请3件，均已按期答复。",
               "三、政府信息公开的收费及减免情况。2015年未收取任何费用。",
               "四、因政府信息公开申请提起行政复议、行政诉讼的情况。2015年因政府信息公开申请提起行政复议2起，未发生行政诉讼。",
               "五、存在的主要问题和改进措施。机构整合后信息公开工作机制尚需理顺，部分栏目更新不够及时，下一步将进一步明确责任分工。"),
         sign="2016年3月25日", after=county_report.tables(),  # planted report.inconsistent (county_report.py)
         attachments=(("2015年政府信息公开工作年度报告.pdf", "/uploadfile/2016/0412/20160412093015721.pdf"),)),
]

HOME_NEWS_UNTIL = D(2016, 9, 30)  # the static home page was last published then (planted site.homepage_stale)
HOME_LINKS = [("在线咨询", "/module/consult/index.jsp"),  # planted link.unverified: a WAF answers 403
              ("食品经营许可办事指南", "/art/2016/9/1/art_1020_301.html")]  # planted service.guide_incomplete
# The 办事指南 of 食品经营许可证核发 as the platform's table shows it: no 设定依据 row (planted
# service.guide_incomplete); 受理条件 and 申请材料 are the same elements as 申请条件 and 办理材料.
GUIDE_PATH = "/art/2016/9/1/art_1020_301.html"
GUIDE_TITLE = "食品经营许可证核发办事指南"
GUIDE_ROWS = [
    ("事项名称", "食品经营许可证核发"),
    ("受理条件", "申请人应当取得营业执照等合法主体资格，具有与经营的食品品种、数量相适应的经营场所和设备设施。"),
    ("申请材料", "食品经营许可申请书；营业执照复印件；与食品经营相适应的主要设备设施布局、操作流程等文件。"),
    ("办理时限", "20个工作日"),
    ("受理地点", "柳溪县行政服务中心一楼市场监管窗口"),
    ("咨询电话", "0572-6021234"),
]
ZWGK_EXTRA = [("规划计划", "/col/col1099/index.html")]  # planted link.broken: a removed column, soft 404
