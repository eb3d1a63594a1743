"""Plausible Chinese text for the generated items, one small function per content style.

Each function returns a `Text`. The words are drawn from fixed banks with the caller's seeded
`random.Random`, so the whole portal is the same on every build. The banks avoid anything an
audit should flag: no dates inside body text (the signing block carries the one date a document
has), no long digit runs (which could pass for a mobile or ID number), no outdated agency names.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

ORGAN = "盘锦市食品药品监督管理局"
AREAS = ("双台子区", "兴隆台区", "盘山县", "辽东湾新区")
BRANDS = ("鑫源", "金海", "辽河", "红海滩", "兴隆", "泰和", "福瑞", "盛达", "鼎泰", "百佳",
          "惠民", "康泰", "益丰", "华联", "新玛特", "润泽")
_FOOD_FAULTS = (("经营超过保质期的食品", "《中华人民共和国食品安全法》第一百二十四条"),
                ("未按规定查验供货者许可证和食品出厂检验合格证明", "《中华人民共和国食品安全法》第一百二十六条"),
                ("未按要求贮存需冷藏的食品", "《中华人民共和国食品安全法》第一百三十二条"))
# (name suffix, line of business, violations such a business commits with the article that punishes them)
TRADES = (("餐饮管理有限公司", "餐饮服务",
           (("从业人员未取得健康证明从事接触直接入口食品工作", "《中华人民共和国食品安全法》第一百二十六条"),
            ("使用超过保质期的食品原料", "《中华人民共和国食品安全法》第一百二十四条"))),
          ("商贸有限公司", "食品销售", _FOOD_FAULTS),
          ("超市", "食品销售", _FOOD_FAULTS),
          ("食品有限公司", "食品生产",
           (("超范围使用食品添加剂", "《中华人民共和国食品安全法》第一百二十四条"),
            ("未按规定建立出厂检验记录", "《中华人民共和国食品安全法》第一百二十六条"))),
          ("大药房连锁有限公司", "药品零售",
           (("销售劣药", "《中华人民共和国药品管理法》第七十五条"),
            ("未凭处方销售处方药", "《药品流通监督管理办法》第三十八条"))),
          ("医疗器械有限公司", "医疗器械经营",
           (("经营无合格证明文件的医疗器械", "《医疗器械监督管理条例》第六十六条"),
            ("未按规定建立医疗器械进货查验记录", "《医疗器械监督管理条例》第六十八条"))))
TOPICS = ("校园及周边食品安全", "农村集体聚餐", "节日市场食品安全", "网络订餐", "保健食品经营",
          "化妆品市场", "医疗器械经营使用", "药品零售企业", "餐饮服务食品安全", "食用农产品市场",
          "婴幼儿配方乳粉", "桶装饮用水", "食品小作坊", "肉及肉制品", "食品添加剂使用")
ACTIONS = ("开展{t}专项检查", "部署{t}整治工作", "召开{t}工作推进会", "组织{t}监督抽检",
           "开展{t}宣传活动", "启动{t}风险隐患排查")
WHO = ("市局", "稽查支队") + tuple(f"{a}食药监局" for a in AREAS)
PRODUCTS = ("速冻水饺", "袋装大米", "瓶装食用植物油", "散装白酒", "袋装饼干", "鲜湿米粉",
            "酱腌菜", "乳酸菌饮料", "熟肉制品", "蜂蜜")

@dataclass
class Text:
    title: str
    paragraphs: list[str]
    doc_prefix: str = ""  # 文号 prefix; site.py numbers documents per year in date order
    signed: bool = False  # ends with the signing block (organ, formation date)
    attachment: tuple[str, str] | None = None  # (label without extension, extension)
    source: str = "办公室"  # 来源 line of news items


def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _numbers(rng: random.Random) -> tuple[int, int, int]:
    return rng.randint(12, 96), rng.randint(40, 380), rng.randint(2, 18)


def news(rng, posted, n):
    who = rng.choice(WHO)
    topic = rng.choice(TOPICS)
    action = rng.choice(ACTIONS).format(t=topic)
    staff, places, fixes = _numbers(rng)
    return Text(
        f"{who}{action}",
        [f"日前，{who}{action}，对辖区内{topic}工作进行了全面部署。",
         f"此次行动共出动执法人员{staff}人次，检查各类生产经营单位{places}家，"
         f"发现问题{fixes}处，已全部责令限期整改。",
         f"下一步，{who}将持续加大监管力度，督促企业落实主体责任，切实保障全市人民群众饮食用药安全。"],
        source=who if who != "市局" else "办公室")


def notice(rng, posted, n):
    topic = rng.choice(TOPICS)
    kind = rng.choice(("关于开展{t}专项整治工作的通知", "关于加强{t}监督管理的通知",
                       "关于做好{t}有关工作的通知", "关于{t}违法违规行为举报奖励的公告"))
    return Text(kind.format(t=topic),
                ["各县区食品药品监督管理局，市局各科室、直属单位：",
                 f"为进一步加强{topic}监督管理，防范食品药品安全风险，经局党组研究，决定在全市范围内开展相关工作。现将有关事项通知如下：",
                 "一、提高思想认识。各单位要高度重视，明确责任分工，制定具体实施方案。",
                 "二、突出工作重点。要以问题为导向，加大检查频次，依法查处违法违规行为。",
                 "三、及时报送信息。工作中发现的重大问题要及时报告市局办公室。"],
                doc_prefix="盘食药监发", signed=True)


def policy(rng, posted, n):
    topic = rng.choice(TOPICS)
    title = rng.choice(("盘锦市食品药品监督管理局关于印发《盘锦市{t}监督管理办法》的通知",
                        "盘锦市食品药品监督管理局关于进一步加强{t}监管工作的意见",
                        "盘锦市食品药品监督管理局关于印发《{t}风险分级管理实施细则》的通知")).format(t=topic)
    att = (f"《盘锦市{topic}监督管理办法》全文", rng.choice(("doc", "pdf"))) if rng.random() < 0.4 else None
    return Text(title,
                ["各县区食品药品监督管理局，市局各科室：",
                 f"为规范{topic}监督管理工作，依据有关法律法规和上级部门要求，结合我市实际，制定本文件，请认真贯彻执行。",
                 "本文件自印发之日起施行。执行中遇到的问题，请及时反馈市局政策法规科。"],
                doc_prefix="盘食药监发", signed=True, attachment=att)


def interpret(rng, posted, n):
    topic = rng.choice(TOPICS)
    return Text(f"《盘锦市{topic}监督管理办法》政策解读",
                [f"一、制定背景。近年来，我市{topic}领域监管任务不断加重，有必要进一步规范监管工作。",
                 "二、主要内容。文件共分五章，明确了监管职责、检查要求、风险处置和责任追究等内容。",
                 "三、适用范围。适用于本市行政区域内相关生产经营活动的监督管理。"])


def plan(rng, posted, n):
    y = posted.year
    title = (f"{ORGAN}{y - 1}年工作总结" if posted.month == 1 and n % 2 == 1
             else f"{ORGAN}{y}年工作要点" if posted.month == 1
             else f"{ORGAN}{y}年上半年工作总结")
    return Text(title,
                ["一、总体要求。坚持以人民为中心，严格落实“四个最严”要求，守住不发生区域性、系统性食品药品安全风险的底线。",
                 "二、重点任务。深化监管体制改革，强化日常监督检查，加大监督抽检力度，严厉打击违法犯罪行为。",
                 "三、保障措施。加强组织领导，强化队伍建设，完善考核评价机制。"], signed=True)


def finance(rng, posted, n):
    kind = rng.choice(("食品安全监管专项资金使用情况", "药品监管专项经费分配情况", "检验检测能力建设资金使用情况"))
    return Text(f"{posted.year}年{kind}公示",
                [f"根据财政资金公开有关要求，现将我局{kind}予以公示。",
                 f"本年度共安排资金{rng.randint(20, 180)}万元，主要用于监督抽检、执法装备购置和宣传培训等。",
                 "如有异议，请在公示期内向局计划财务科反映。"], signed=True)


def budget(rng, posted, n):
    y = posted.year if posted.month < 6 else posted.year - 1
    word = "预算" if posted.month < 6 else "决算"
    return Text(f"{ORGAN}{y}年部门{word}公开",
                [f"按照市财政局统一部署，现将我局{y}年部门{word}情况公开如下。",
                 "一、部门基本情况。二、收支总体情况。三、一般公共预算财政拨款支出情况。四、其他需要说明的事项。"],
                signed=True, attachment=(f"{y}年部门{word}公开表", "xls"))


def sanggong(rng, posted, n):
    y = posted.year if posted.month < 6 else posted.year - 1
    word = "预算" if posted.month < 6 else "决算"
    return Text(f"{ORGAN}{y}年“三公”经费{word}情况说明",
                [f"现将我局{y}年因公出国（境）费、公务用车购置及运行费、公务接待费{word}情况说明如下。",
                 f"{y}年“三公”经费{word}数{rng.randint(8, 30)}万元，较上年有所下降，主要原因是严格落实中央八项规定精神。"],
                signed=True, attachment=(f"{y}年“三公”经费{word}表", "pdf"))


def power(rng, posted, n):
    kind = ("行政许可", "行政处罚", "行政检查")[n - 1]
    return Text(f"{ORGAN}{kind}权力清单",
                [f"根据市政府关于推行权力清单制度的部署，现将我局{kind}类权力事项予以公布。",
                 "清单载明了事项名称、实施依据、责任科室和办理时限，接受社会监督。"],
                signed=True, attachment=(f"{kind}权力清单", "xls"))


LICENCES = {  # licence kind -> the businesses that hold it
    "食品经营许可证核发": ("餐饮管理有限公司", "商贸有限公司", "超市"),
    "食品经营许可证变更": ("餐饮管理有限公司", "商贸有限公司", "超市"),
    "药品经营许可证换发": ("大药房连锁有限公司",),
    "医疗器械经营许可": ("医疗器械有限公司",),
}


def license_(rng, posted, n):
    kind = rng.choice(sorted(LICENCES))
    rows = []
    for _ in range(rng.randint(3, 5)):
        name = f"盘锦{rng.choice(BRANDS)}{rng.choice(LICENCES[kind])}"
        rows.append(f"{name}：准予许可，经营场所：盘锦市{rng.choice(AREAS)}{rng.choice(BRANDS)}街{rng.randint(2, 188)}号")
    return Text(f"{posted.year}年第{n}期行政许可信息公示（{kind}）",
                [f"根据《中华人民共和国行政许可法》有关规定，现将本期{kind}结果公示如下："] + rows
                + ["如有异议，请向市局行政审批科反映。"],
                signed=True, attachment=("许可结果一览表", "xls") if rng.random() < 0.3 else None)


def penalty(rng, posted, n):
    suffix, trade, faults = rng.choice(TRADES)
    name = f"盘锦{rng.choice(BRANDS)}{suffix}"
    fault, law = rng.choice(faults)
    fine = rng.randint(2, 50) * 1000
    return Text(f"{name}{fault}案行政处罚信息公开",
                [f"案件名称：{name}{fault}案",
                 f"当事人：{name}，经营范围：{trade}。",
                 f"主要违法事实：经查，当事人存在{fault}的行为。",
                 f"处罚依据：{law}。",
                 f"处罚内容：没收违法所得，并处罚款人民币{fine}元。",
                 "履行方式和期限：自收到处罚决定书之日起十五日内缴纳罚款。"],
                doc_prefix="盘食药监罚", signed=True)


def sampling(rng, posted, n):
    total = rng.randint(40, 160)
    bad = rng.randint(0, 4)
    return Text(f"{posted.year}年第{n}期食品安全监督抽检信息公告",
                [f"本期共抽检{rng.choice(('粮食加工品', '食用油', '肉制品', '乳制品', '饮料', '酒类'))}等食品样品{total}批次，"
                 f"其中合格{total - bad}批次，不合格{bad}批次。",
                 "对抽检中发现的不合格产品，我局已责令经营者立即下架，并依法进行核查处置。",
                 "消费者如发现不合格食品，可拨打投诉举报电话12331。"],
                signed=True, attachment=("抽检结果汇总表", "xls") if rng.random() < 0.5 else None)


def inspection(rng, posted, n):
    kind = rng.choice(("食品生产企业", "餐饮服务单位", "药品零售企业", "医疗器械经营企业", "化妆品经营单位"))
    return Text(f"{posted.year}年第{n}期{kind}监督检查结果公告",
                [f"按照年度监督检查计划，我局对全市{kind}开展了监督检查。",
                 f"本期共检查{rng.randint(20, 90)}家，符合要求的予以通过，对存在问题的{rng.randint(1, 9)}家责令限期整改。"],
                signed=True)


def recall(rng, posted, n):
    name = f"盘锦{rng.choice(BRANDS)}{rng.choice(('商贸有限公司', '超市', '食品有限公司'))}"
    product = rng.choice(PRODUCTS)
    return Text(f"关于责令{name}召回{product}的公告",
                [f"经监督抽检，{name}经营的{product}不符合食品安全标准。",
                 f"依据《中华人民共和国食品安全法》第六十三条，我局已责令{name}停止经营并召回相关产品。",
                 "已购买该产品的消费者，请停止食用并与经营者联系退换。"], signed=True)


def procurement(rng, posted, n):
    item = rng.choice(("快速检测设备", "执法记录仪", "食品安全宣传品", "办公设备", "检验试剂", "执法车辆"))
    return Text(f"{ORGAN}{item}采购项目成交公告",
                [f"{item}采购项目已按规定程序完成采购，现将成交结果公告如下。",
                 f"成交供应商：辽宁{rng.choice(BRANDS)}科技有限公司；成交金额：人民币{rng.randint(3, 90)}万元。"], signed=True)


def emergency(rng, posted, n):
    season = rng.choice(("春季", "夏季", "秋季", "冬季", "节日期间", "开学季"))
    risk = rng.choice(("预防细菌性食物中毒", "谨慎食用野生蘑菇", "科学选购保健食品", "安全使用化妆品", "合理储存剩饭剩菜"))
    return Text(f"{season}{risk}的消费警示",
                [f"{season}是食品安全事故多发时段，市食品药品监督管理局提醒广大消费者{risk}。",
                 "一、购买食品要到正规场所，查看标签标识和生产日期。",
                 "二、发现问题食品，请及时拨打投诉举报电话12331。"], signed=True)


GUIDE_WITHOUT_BASIS, GUIDE_SAYS_SHENBAO = 3, 5  # planted in the 办事流程 column (service.guide_incomplete)


def howto(rng, posted, n):
    kind = rng.choice(("食品经营许可证核发", "食品经营许可证变更", "食品经营许可证延续", "药品经营许可证核发",
                       "药品经营许可证变更", "医疗器械经营许可", "第二类医疗器械经营备案", "保健食品经营",
                       "小作坊登记", "餐饮服务许可证注销", "食品生产许可证核发",
                       "食品生产许可证变更", "食品生产许可证延续", "医疗器械网络销售备案", "药品广告审查",
                       "保健食品广告审查", "麻醉药品和精神药品购用印鉴卡核发", "特殊医学用途配方食品经营"))
    # A 办事指南 with its key elements (service.guide_incomplete). Planted: the guide numbered
    # GUIDE_WITHOUT_BASIS leaves out its 办理依据; the one numbered GUIDE_SAYS_SHENBAO writes 申报条件
    # for 申请条件 (a look-alike: the same element).
    conditions = "申报条件" if n == GUIDE_SAYS_SHENBAO else "申请条件"
    lines = [f"一、事项名称：{kind}。",
             f"二、办理依据：{kind}有关法律法规及规章。",
             f"三、{conditions}：具有与经营项目相适应的场所、设备和管理制度。",
             "四、申请材料：申请书、营业执照复印件、经营场所平面图、有关管理制度。",
             "五、办理程序：受理、审查、现场核查、决定、送达。",
             "六、办理地点：盘锦市公共行政服务中心食品药品窗口，咨询电话0427-2812331。"]
    if n == GUIDE_WITHOUT_BASIS:
        del lines[1]
    return Text(f"{kind}办事流程", lines)


def consult(rng, posted, n):
    question = rng.choice(("办理食品经营许可证需要哪些材料", "网上购买的保健食品如何辨别真伪", "药店可以销售医疗器械吗",
                           "发现超市销售过期食品如何举报", "小作坊登记需要多长时间", "化妆品标签应当标注哪些内容",
                           "餐饮单位从业人员健康证如何办理", "食品经营许可证遗失如何补办",
                           "网上销售食品是否需要办理许可", "家庭作坊能否办理食品生产许可", "药品零售企业变更地址如何办理",
                           "进口食品中文标签有哪些要求", "保健食品能否宣传治疗功效", "学校食堂需要办理哪些证照",
                           "医疗器械经营备案需要哪些材料", "散装食品标签有什么要求", "食品安全投诉举报多长时间答复",
                           "农村集体聚餐需要报备吗", "隐形眼镜护理液属于医疗器械吗", "中药饮片可以在超市销售吗",
                           "食品经营许可证有效期是多久", "如何查询药品批准文号"))
    return Text(f"关于{question}的咨询答复",
                [f"网友问：请问{question}？",
                 "答复：感谢您对食品药品监管工作的关注。您所咨询的问题，请参阅本网站办事服务栏目有关办事流程，"
                 "或拨打咨询电话0427-2812331。"])


def survey(rng, posted, n):
    topic = rng.choice(TOPICS)
    return Text(f"关于《盘锦市{topic}监督管理办法（征求意见稿）》公开征求意见的公告",
                [f"为提高政策制定的科学性，现将《盘锦市{topic}监督管理办法（征求意见稿）》向社会公开征求意见。",
                 "请于公告发布之日起十五日内，通过本网站咨询答复栏目或电话0427-2812331反馈意见。"])


STYLES = {
    "news": news, "notice": notice, "policy": policy, "interpret": interpret, "plan": plan,
    "finance": finance, "budget": budget, "sanggong": sanggong, "power": power,
    "license": license_, "penalty": penalty, "sampling": sampling, "inspection": inspection,
    "recall": recall, "procurement": procurement, "emergency": emergency, "howto": howto,
    "consult": consult, "survey": survey,
}


def make(style: str, rng: random.Random, posted: date, n: int, used: set[str]) -> Text:
    """One item's text; `n` is its ordinal within its column and year. Titles stay unique."""
    for _ in range(50):
        text = STYLES[style](rng, posted, n)
        if text.title not in used:
            used.add(text.title)
            return text
    raise ValueError(f"no unique title for {style} on {posted}")
