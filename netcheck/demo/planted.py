"""The planted items: defects an audit as of 2016-06-30 must find, and look-alikes it must not.

Every entry here is listed in answer_key.yaml. Dates are the point of most of them, so they are
written out rather than drawn: delays below are working days after 成文日期 up to and including
发布日期, on China's official calendar (清明 2016-04-04 off, 劳动节 05-02 off, 端午 06-09/06-10 off,
Sunday 06-12 a make-up working day).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

D = date
ORG = "盘锦市食品药品监督管理局"

LEAKED_ID = "211102197508162319"  # 盘锦 双台子区, born 1975-08-16, valid GB 11643 check digit
LEAKED_MOBILE = "13904275678"
BAD_CHECK_CASE_NO = "211102201605120017"  # looks like an ID; its check digit would be 3, not 7
CREDIT_CODE = "91211100MA0U1234XK"
FOOD_LICENCE_NO = "JY12111020012345"


@dataclass(frozen=True)
class Planted:
    column: str  # column path
    doc_id: int
    posted: date
    formed: date | None
    title: str
    paragraphs: tuple[str, ...]  # trusted HTML
    doc_no: str = ""
    signed: bool = False
    attachment: tuple[str, str] | None = None  # (label, file name), file name relative to the page
    missing_attachment: bool = False  # the attachment file is not on the server (planted 404)
    has_index: bool = True  # False: the 索引号 row is left out of the metadata table
    seed: bool = False  # rendered from the bundled seed text (seed.py)
    files: tuple[tuple[str, str], ...] = ()  # more attachments (label, file name): attachments.PLANTED's bytes


def _annual(year: int) -> tuple[str, ...]:
    return (
        "市政府政务公开办：",
        f"{year}年，我局认真贯彻《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。现将有关情况报告如下：",
        "一、概述。我局调整充实了政务公开工作领导小组，明确办公室具体承担政府信息公开日常工作。",
        "二、主动公开政府信息情况。全年通过门户网站主动公开机构职能、行政许可、行政处罚、监督抽检等各类信息。",
        "三、依申请公开政府信息情况。全年未发生因政府信息公开申请引发的行政复议和行政诉讼。",
        "四、政府信息公开的收费及减免情况。我局在政府信息公开工作中未收取任何费用。",
        "五、存在的主要问题和改进措施。信息公开的及时性有待进一步提高，下一步将加强督查，确保按时限公开。",
    )


PLANTED: tuple[Planted, ...] = (
    # ---- 政府信息公开年报
    Planted("/xxgk/gknb/", 5012, D(2014, 3, 25), D(2014, 3, 21),
            f"2013年度{ORG}政府信息公开工作报告", _annual(2013), signed=True),
    # look-alike: the 2014 report, posted before 31 March, 3 WD after signing
    Planted("/xxgk/gknb/", 5031, D(2015, 3, 20), D(2015, 3, 17),
            f"2014年度{ORG}政府信息公开工作报告", _annual(2014), signed=True),
    # THE SEED: signed 2016-03-07, posted 2016-04-07 = 22 WD; after 31 March; no 索引号
    Planted("/xxgk/gknb/", 5172, D(2016, 4, 7), D(2016, 3, 7),
            "2015年度盤錦市食品藥品監督管理局政府信息公開工作報告", (), seed=True),
    # ---- 行政处罚 (limit 7 WD)
    # item.late: signed 2016-05-03, posted 2016-05-20 = 13 WD
    Planted("/xxgk/xzcf/", 5301, D(2016, 5, 20), D(2016, 5, 3),
            "盘锦福瑞商贸有限公司经营超过保质期的食品案行政处罚信息公开",
            ("案件名称：盘锦福瑞商贸有限公司经营超过保质期的食品案",
             "当事人：盘锦福瑞商贸有限公司，经营范围：食品销售。",
             "主要违法事实：经查，当事人在经营场所内销售超过保质期的乳制品共计十二盒。",
             "处罚依据：《中华人民共和国食品安全法》第一百二十四条。",
             "处罚内容：没收超过保质期的食品，并处罚款人民币50000元。"),
            doc_no="盘食药监罚〔2016〕11号", signed=True),
    # look-alikes for privacy.leak: a credit code (labelled) and a case number that fails the ID check
    Planted("/xxgk/xzcf/", 5325, D(2016, 5, 27), D(2016, 5, 25),
            "盘锦金海餐饮管理有限公司从业人员未取得健康证明案行政处罚信息公开",
            ("案件名称：盘锦金海餐饮管理有限公司从业人员未取得健康证明从事接触直接入口食品工作案",
             f"案件编号：{BAD_CHECK_CASE_NO}",
             f"当事人：盘锦金海餐饮管理有限公司，统一社会信用代码：{CREDIT_CODE}。",
             "主要违法事实：经查，当事人安排三名未取得健康证明的人员从事接触直接入口食品的工作。",
             "处罚依据：《中华人民共和国食品安全法》第一百二十六条。",
             "处罚内容：警告，并处罚款人民币5000元。"),
            doc_no="盘食药监罚〔2016〕15号", signed=True),
    # look-alikes for privacy.leak: an individual trader with ID and mobile properly masked
    Planted("/xxgk/xzcf/", 5338, D(2016, 6, 8), D(2016, 6, 6),
            "兴隆台区某食杂店经营超过保质期的食品案行政处罚信息公开",
            ("案件名称：兴隆台区某食杂店经营超过保质期的食品案",
             "当事人：李某某（个体工商户），身份证号码：211102********2317，联系电话：139****5678。",
             "主要违法事实：经查，当事人销售超过保质期的饮料六瓶。",
             "处罚依据：《中华人民共和国食品安全法》第一百二十四条。",
             "处罚内容：没收超过保质期的食品，并处罚款人民币2000元。"),
            doc_no="盘食药监罚〔2016〕18号", signed=True),
    # privacy.leak: full resident ID and mobile number of a natural person
    Planted("/xxgk/xzcf/", 5342, D(2016, 6, 15), D(2016, 6, 13),
            "双台子区张某某经营无合格证明文件的医疗器械案行政处罚信息公开",
            ("案件名称：双台子区张某某经营无合格证明文件的医疗器械案",
             f"当事人：张某某，身份证号码：{LEAKED_ID}，联系电话：{LEAKED_MOBILE}。",
             "主要违法事实：经查，当事人经营无合格证明文件的医用口罩二百只。",
             "处罚依据：《医疗器械监督管理条例》第六十六条。",
             "处罚内容：没收违法经营的医疗器械，并处罚款人民币10000元。"),
            doc_no="盘食药监罚〔2016〕19号", signed=True,
            # privacy.leak in attachments (a PDF and a DOCX, each an ID and a mobile); the scanned PDF
            # has no text layer: "could not read", no finding (attachments.PLANTED)
            files=(("行政处罚决定书.pdf", "P020160615001.pdf"), ("当事人陈述申辩笔录.docx", "P020160615002.docx"),
                   ("现场检查笔录（扫描件）.pdf", "P020160615003.pdf"))),
    # ---- 行政许可 (limit 7 WD): look-alikes
    # exactly at the limit: 2016-05-10 → 2016-05-19 = 7 WD
    Planted("/xxgk/xzxk/", 5310, D(2016, 5, 19), D(2016, 5, 10),
            "关于准予盘锦鑫源餐饮管理有限公司食品经营许可的公示",
            ("根据《食品经营许可管理办法》，经审查，准予盘锦鑫源餐饮管理有限公司食品经营许可。",
             "经营项目：热食类食品制售、冷食类食品制售。"), signed=True),
    # 2016-06-08 → 06-17 = 6 WD (端午 06-09/06-10 off, Sunday 06-12 worked)
    Planted("/xxgk/xzxk/", 5350, D(2016, 6, 17), D(2016, 6, 8),
            "关于准予盘锦康泰大药房连锁有限公司药品经营许可证换发的公示",
            ("经审查，盘锦康泰大药房连锁有限公司符合药品经营许可条件，准予换发药品经营许可证。",
             "如有异议，请向市局行政审批科反映。"), signed=True),
    # look-alikes for privacy.leak: licence number, landline and hotline
    Planted("/xxgk/xzxk/", 5360, D(2016, 6, 22), D(2016, 6, 20),
            "关于准予盘锦泰和超市食品经营许可的公示",
            ("经审查，准予盘锦泰和超市食品经营许可。",
             f"食品经营许可证编号：{FOOD_LICENCE_NO}，有效期五年。",
             "咨询电话：0427-2812331；投诉举报电话：12331。"), signed=True),
    # ---- 监督抽检 (limit 20 WD)
    # exactly at the limit: 2016-04-01 → 2016-05-03 = 20 WD (清明 04-04 and 05-02 off)
    Planted("/xxgk/jdcj/", 5320, D(2016, 5, 3), D(2016, 4, 1),
            "关于2016年第一季度保健食品监督抽检结果的公告",
            ("第一季度，我局对全市保健食品经营单位开展监督抽检，共抽检样品三十六批次，全部合格。",
             "消费者购买保健食品时，请认准保健食品标志。"), signed=True),
    # item.metadata_missing: the metadata table has no 索引号 row
    Planted("/xxgk/jdcj/", 5355, D(2016, 6, 20), D(2016, 6, 16),
            "关于餐饮具集中消毒单位监督抽检结果的通告",
            ("我局对全市餐饮具集中消毒单位开展了监督抽检，共抽检样品二十批次，不合格二批次。",
             "对不合格产品的生产单位，我局已责令其整改。"), signed=True, has_index=False),
    # ---- 政策文件: link.broken (b), the attachment file was replaced and the new one never uploaded
    Planted("/xxgk/zcwj/", 5105, D(2015, 12, 28), D(2015, 12, 24),
            f"{ORG}关于印发《盘锦市食品生产经营风险分级管理工作方案》的通知",
            ("各县区食品药品监督管理局，市局各科室：",
             "现将《盘锦市食品生产经营风险分级管理工作方案》印发给你们，请结合实际认真贯彻落实。"),
            doc_no="盘食药监发〔2015〕46号", signed=True,
            attachment=("盘锦市食品生产经营风险分级管理工作方案.pdf", "P020160105000001.pdf"),
            missing_attachment=True),
    # ---- 新闻简讯
    # link.broken (a): cites a policy document that was deleted (404)
    Planted("/xwdt/xwjx/", 5250, D(2016, 3, 15), None,
            "市局召开全市食品生产经营风险分级管理工作部署会",
            ("日前，市局召开全市食品生产经营风险分级管理工作部署会，各县区局分管负责同志参加会议。",
             '会议传达了<a href="/xxgk/zcwj/201512/t20151201_999.html">《关于开展食品生产经营风险分级管理试点工作的通知》</a>'
             "精神，对全年工作作出部署。",)),
    # look-alike for content.wrong_term: 原国家食品药品监督管理局 names the old body correctly
    Planted("/xwdt/xwjx/", 5270, D(2016, 4, 20), None,
            "市局组织学习食品药品监管体制改革有关文件",
            ("日前，市局组织机关干部学习食品药品监管体制改革有关文件。",
             "二〇一三年国务院机构改革中，原国家食品药品监督管理局的职责整合划入新组建的监管机构，"
             "监管体制实现了从分段监管向集中统一监管的转变。")),
    # content.wrong_term: the old name used for today's body in a 2016 article
    Planted("/xwdt/xwjx/", 5330, D(2016, 5, 26), None,
            "市局部署贯彻落实网络食品交易监管工作",
            ("日前，市局召开专题会议，传达学习国家食品药品监督管理局关于网络食品交易监管工作的部署要求。",
             "会议要求各县区局加强对入网食品经营者的监督检查，切实保障网络食品安全。")),
    # look-alike: the correct name
    Planted("/xwdt/xwjx/", 5365, D(2016, 6, 21), None,
            "市局开展食品安全宣传周活动",
            ("日前，按照国家食品药品监督管理总局统一部署，市局在兴隆台区中兴公园广场开展食品安全宣传周主题活动。",
             "活动现场发放宣传资料二千余份，解答群众咨询一百余人次。")),
    # ---- 监督抽检 (last, so the seeded draws of the items above stay as they were)
    # content.backdated: 成文日期 2016-06-16 (table and signature) after the 发布日期 2016-06-08
    Planted("/xxgk/jdcj/", 5344, D(2016, 6, 8), D(2016, 6, 16),
            "关于2016年5月食用农产品监督抽检结果的公告",
            ("5月，我局对全市农贸市场、超市销售的蔬菜、水果、畜禽肉等食用农产品开展监督抽检，共抽检样品四十批次，全部合格。",
             "我局将继续加大食用农产品抽检力度，及时公布抽检结果。"), signed=True),
)
