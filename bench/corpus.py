"""A seeded generator of realistic synthetic knowledge: red-header policies and project tables.

Benchmarks need thousands of documents that look like the office's own (红头, 文号, 一、（一）1.
sections, 责任单位 lines, 亿美元 targets, a disclosure marker) so that our parser, chunker and
keyword index do their real work; a bag of random words would flatter every stage. Output is
written to a folder (never committed) and sized by running our own parser and chunker over
each document as it is produced, so "10,000 chunks" means 10,000 chunks in our index.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ISSUERS = (  # (issuer, 文号 prefix, place)
    ("绍兴市人民政府办公室", "绍政办发", "全市"),
    ("绍兴市人民政府", "绍政发", "全市"),
    ("绍兴市商务局", "绍市商务发", "全市"),
    ("绍兴市投资促进中心", "绍投促发", "全市"),
    ("绍兴市柯桥区人民政府办公室", "绍柯政办发", "柯桥区"),
    ("绍兴市上虞区人民政府办公室", "虞政办发", "上虞区"),
    ("诸暨市人民政府办公室", "诸政办发", "诸暨市"),
    ("嵊州市人民政府办公室", "嵊政办发", "嵊州市"),
    ("新昌县人民政府办公室", "新政办发", "新昌县"),
    ("绍兴市越城区人民政府办公室", "越政办发", "越城区"),
)
UNITS = (
    "市投资促进中心", "市商务局", "市发改委", "市经信局", "市财政局", "市自然资源和规划局",
    "市生态环境局", "市人力社保局", "市科技局", "市市场监管局", "市税务局", "市外办", "市台办",
    "市侨联", "人行绍兴市中心支行", "绍兴海关", "市金融办", "市住建局", "市政务服务办", "市统计局",
)  # fmt: skip
TOPICS = (
    "进一步加强国际化招商引资工作", "促进外资高质量发展", "推进先进制造业项目招引", "加快集成电路产业发展",
    "支持生物医药产业集聚发展", "持续优化营商环境", "开展合格境外有限合伙人（QFLP）试点",
    "实施“地瓜经济”提能升级", "强化重大项目要素保障", "推动数字经济高质量发展", "扩大利用外资规模",
    "鼓励外资企业利润再投资", "建设境外商务代表处", "推进新能源汽车产业链招商", "培育智能视觉产业集群",
    "提升开发区能级", "深化国际产业合作园建设", "加快现代纺织产业转型升级",
)  # fmt: skip
GENRES = ("实施意见", "若干措施", "工作方案", "实施办法", "三年行动计划")
INDUSTRIES = (
    "集成电路", "生物医药", "高端装备", "新材料", "新能源汽车", "智能视觉", "现代纺织", "数字经济",
    "软件和信息服务", "节能环保", "航空航天", "现代物流",
)  # fmt: skip
PLACES = ("越城区", "柯桥区", "上虞区", "诸暨市", "嵊州市", "新昌县", "滨海新区")
COUNTRIES = ("德国", "日本", "韩国", "新加坡", "美国", "法国", "意大利", "荷兰", "瑞士", "以色列")
COMPANY_WORDS = ("精密", "科技", "智能", "材料", "医疗", "动力", "光电", "汽车部件", "化工", "纺织")
STAGES = ("洽谈", "签约", "方案架构", "在建", "投产", "招商")
TASK_VERBS = ("编制", "建立", "打造", "推进", "完善", "实施", "加快", "组建", "举办", "开展")
TASK_OBJECTS = (
    "产业链精准招商规划", "国际化招商合伙人机制", "专业化招商队伍", "重点外资项目库", "境外招商推介活动",
    "外资企业服务专班", "项目全生命周期服务机制", "招商引资考核评价体系", "产业基金招商平台",
    "“一事一议”项目协调机制", "外资企业圆桌会议制度", "招商信息共享平台",
)  # fmt: skip
BODY_SENTENCES = (
    "深度分析世界各地{ind}产业现状及面临的发展形势，以龙头企业和链主企业为切入点，系统梳理招商重点与方向。",
    "聚焦发达国家和地区产业转移，依托{country}等地商协会和中介机构资源，开展多元化、多渠道招商。",
    "对符合条件的{ind}项目，在用地、用能、排放等要素指标上予以优先保障，确保项目早落地、早投产。",
    "各区、县（市）要结合自身产业基础，明确主攻方向，形成全市“一盘棋”的招商格局。",
    "建立项目推进情况月通报制度，对进展滞后的项目实行挂牌督办，切实提高项目履约率和开工率。",
    "加强与{country}在华商会、行业协会的常态化联系，每年组织赴境外开展招商活动不少于{n}次。",
    "完善“引进一个、带动一批”的链式招商模式，围绕{ind}产业链上下游精准引进配套企业。",
    "强化人才支撑，对引进的高层次外籍人才在出入境、居留、子女入学等方面提供便利。",
    "优化外资企业服务，落实“有求必应、无事不扰”要求，及时协调解决企业生产经营中的困难和问题。",
    "充分发挥{place}开发区主平台作用，推动标准地出让、“拿地即开工”等改革举措落地见效。",
)  # fmt: skip
MEASURES = (
    "对新引进的实际外资到位{x}万美元以上的制造业项目，按实际到位外资的{p}%给予奖励，最高不超过{y}万元。",
    "对世界500强企业在我市设立区域总部或研发中心的，经认定给予一次性奖励{y}万元。",
    "对外资企业以利润再投资方式扩大投资、实际到位外资{x}万美元以上的，按照{p}%给予补助。",
    "对引荐成功落户总投资{z}亿美元以上项目的中介机构或招商合伙人，给予最高{y}万元的引荐奖励。",
    "对QFLP试点企业实际投资于我市{ind}企业的，按实际投资额的{p}%给予奖励，单个企业每年不超过{y}万元。",
)  # fmt: skip


@dataclass
class CorpusInfo:
    """What was written: file count, our chunk count, and a digest of every byte."""

    folder: Path
    documents: int = 0
    project_tables: int = 0
    chunks: int = 0
    internal_documents: int = 0
    sha256: str = ""
    files: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        d = {k: v for k, v in self.__dict__.items() if k != "files"}
        d["folder"] = str(self.folder)
        return d


def generate(folder: Path | str, target_chunks: int, seed: int = 7, table_share: float = 0.15) -> CorpusInfo:
    """Write documents to `folder` until our chunker makes at least `target_chunks` chunks.

    The same seed and target always produce the same bytes (names included).
    """
    if target_chunks <= 0:
        raise ValueError("target_chunks must be positive")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    info = CorpusInfo(folder=folder)
    digest = hashlib.sha256()
    i = 0
    table_chunks = 0
    used_doc_nos: set[str] = set()
    while info.chunks < target_chunks:
        i += 1
        want_table = table_chunks < table_share * (info.chunks + 1) and i > 1
        files = _project_table(rng, i) if want_table else _policy(rng, i, used_doc_nos)
        for name, text in files:
            data = text.encode("utf-8")
            (folder / name).write_bytes(data)
            digest.update(name.encode() + b"\0" + data)
            info.files.append(name)
        n = count_chunks(folder / files[0][0])
        info.chunks += n
        if want_table:
            info.project_tables += 1
            table_chunks += n
        else:
            info.documents += 1
            info.internal_documents += "此件不公开" in files[0][1]
    info.sha256 = digest.hexdigest()
    return info


def count_chunks(path: Path) -> int:
    """Chunks our parser + chunker make of one file (what the index will hold)."""
    from knowledge.gov_parse import parse_document
    from knowledge.loaders import load_file
    from retrieval.chunking import chunk_document

    return len(chunk_document(parse_document(load_file(path))))


# --- policies -----------------------------------------------------------------------------


def _policy(rng: random.Random, i: int, used: set[str]) -> list[tuple[str, str]]:
    issuer, prefix, place = rng.choice(ISSUERS)
    year = rng.randint(2019, 2025)
    number = rng.randint(1, 160)
    while (doc_no := f"{prefix}〔{year}〕{number}号") in used:  # 文号 are unique, as in real life
        number += 1
    used.add(doc_no)
    topic = rng.choice(TOPICS)
    title = f"{issuer}关于{topic}的{rng.choice(GENRES)}"
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    public = rng.random() < 0.8
    lines = [f"{issuer}文件", doc_no, title, "各区、县（市）人民政府，市政府各部门、各直属单位：",
             f"为深入贯彻落实省委省政府关于{topic}的决策部署，更大力度吸引和利用外资，经市政府同意，制定本{title[-4:]}。"]
    lines += ["一、总体目标", _targets(rng, year)]
    lines += ["二、重点任务"]
    for j in range(rng.randint(4, 9)):
        lines += list(_task(rng, j))
    lines += ["三、政策措施"]
    for j in range(rng.randint(2, 5)):
        lines.append(f"{j + 1}. {_measure(rng)}")
    lines += ["四、保障措施", f"（一）加强组织领导。成立由分管副市长任组长的工作专班，{_sentences(rng, 2, place)}",
              f"（二）强化考核督查。将{topic}工作纳入对各区、县（市）的年度综合考核。{_sentences(rng, 1, place)}",
              f"本{title[-4:]}自{year}年{month}月{day}日起施行，有效期{rng.choice(('三', '五'))}年。",
              issuer, f"{year}年{month}月{day}日", "（此件公开发布）" if public else "（此件不公开）"]
    return [(f"policy-{i:06d}.txt", "\n\n".join(lines) + "\n")]


def _targets(rng: random.Random, year: int) -> str:
    end = year + rng.randint(2, 3)
    return (
        f"到{end}年，累计实际利用外资{rng.randint(5, 60)}亿美元以上，高技术产业实际利用外资占比达到"
        f"{rng.randint(20, 60)}%以上，引进总投资1亿美元以上项目{rng.randint(5, 40)}个，"
        f"新设外资企业{rng.randint(50, 400)}家，合同外资{rng.randint(10, 90)}亿美元。"
    )


def _task(rng: random.Random, j: int) -> Iterator[str]:
    heading = f"{rng.choice(TASK_VERBS)}{rng.choice(INDUSTRIES)}{rng.choice(TASK_OBJECTS)}"
    yield f"（{_ZH_NUM[j]}）{heading}。{_sentences(rng, rng.randint(2, 4), rng.choice(PLACES))}"
    units = rng.sample(UNITS, rng.randint(1, 4)) + (["各区、县（市）政府"] if rng.random() < 0.3 else [])
    yield f"责任单位：{'、'.join(units)}" + ("；列第一位的为牵头单位，下同。" if j == 0 else "")


def _measure(rng: random.Random) -> str:
    return rng.choice(MEASURES).format(
        x=rng.choice((500, 1000, 3000, 5000)), p=rng.choice((1, 2, 3, 5)), y=rng.choice((50, 100, 200, 500, 1000)),
        z=rng.choice((1, 3, 5)), ind=rng.choice(INDUSTRIES),
    )


def _sentences(rng: random.Random, n: int, place: str) -> str:
    return "".join(
        rng.choice(BODY_SENTENCES).format(
            ind=rng.choice(INDUSTRIES), country=rng.choice(COUNTRIES), n=rng.randint(2, 6), place=place
        )
        for _ in range(n)
    )


_ZH_NUM = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十")


# --- project tables -------------------------------------------------------------------------


def _project_table(rng: random.Random, i: int) -> list[tuple[str, str]]:
    year = rng.randint(2021, 2025)
    place = rng.choice(PLACES)
    rows = ["项目名称,总投资(万美元),进展,所在地,责任单位"]
    for _ in range(rng.randint(8, 30)):
        company = f"{rng.choice(COUNTRIES)}{rng.choice('华信创达普宏泰丰瑞博')}{rng.choice(COMPANY_WORDS)}"
        name = f"{company}年产{rng.randint(1, 90)}万套{rng.choice(INDUSTRIES)}项目"
        units = "、".join(rng.sample(UNITS, rng.randint(1, 2)))
        rows.append(f"{name},{rng.randint(5, 800) * 100},{rng.choice(STAGES)},{rng.choice(PLACES)},{units}")
    name = f"projects-{i:06d}"
    visibility = "public" if rng.random() < 0.5 else "internal"
    meta = (
        f"title: {year}年{place}重点外资项目进展情况表（第{rng.randint(1, 12)}期）\n"
        f"date: {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n"
        f"kind: project-records\nvisibility: {visibility}\n"
    )
    return [(f"{name}.csv", "\n".join(rows) + "\n"), (f"{name}.meta.yaml", meta)]
