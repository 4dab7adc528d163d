"""Step 1 of an answer: what the question asks, about what, where, when, and for whose case.

`understand()` turns the asker's words into an `Understanding`: language, intent probabilities
(`bot.intents`), the places, years and amounts named, the asker's own case (首次认定,
实到外资1200万美元), the documents it refers to (`bot.docrefs`), and the bigrams of what it names
(for English, through the glossary's Chinese terms). Everything later reads only this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from bot.docrefs import DocIndex, DocRefs, doc_names
from bot.intents import IntentClassifier, IntentReading
from bot.text_match import bigrams, focus
from knowledge.amounts import Amount, find_quantities, money_zh
from knowledge.docno import DOC_NO
from knowledge.extract.figures import find_amounts
from knowledge.normalize import is_chinese, normalize
from knowledge.places import asked_places, english_names, places_in
from retrieval.glossary import load_glossary

# Qualifiers of the asker's own case that decide between clauses of one policy.
CASE_TERMS = ("首次认定", "首次", "复审", "重新认定", "新引进", "新设立", "新设", "新落户", "新认定", "存量", "增资", "扩建",
              "技改", "续签", "五星级", "四星级", "三星级", "二星级", "一星级", "国家级", "省级", "市级", "区级", "县级",
              "世界500强", "中国500强", "上市", "规上", "小微", "小型微利", "个体工商户")  # fmt: skip
_FOLLOWUP = re.compile(r"^(?:那|那么|还有|除了|另外|其他|其中|它|这个|该|这些|那些)|^(?:and|what about|how about|also|and the|what else|who else)\b|"
                       r"除了牵头单位|配合单位呢|还有谁|呢[？?]?$|[那这]一?(?:部分|条|项|块)|\bit\b|\bthey\b|\bthose\b", re.I)
_CO_ASK = re.compile(r"配合|除了牵头|还有谁|还有哪些|其他单位|协同|co-?operat|who else|other units|besides|supporting", re.I)
# "谁牵头，还有哪些单位配合" asks for both: only a question about the others alone gets the co-units form
_LEAD_ASK = re.compile(r"(?:谁|哪个|哪些|哪家)[^，,。？?]{0,4}牵头|牵头的?(?:单位|部门)?(?:是|为)?(?:谁|哪)|who leads|which .{0,20}leads", re.I)
# "how often": a "when" question that wants a frequency (每半年), not a date
# asks what was achieved, not what was aimed at: a target ("力争…40亿美元以上") does not answer it
_ACTUAL_ASK = re.compile(r"(?:最终|实际|已经|已)完成|完成了|完成(?:了)?多少|完成投资|实现了多少|达到了多少|完成情况|完成得|完成率"
                         r"|\bactually\b(?!\s+(?:utili[sz]ed|used)\s+foreign)|\b(?:achieved|completed|so far|to date)\b"
                         r"|\bdid\b.{0,40}\b(?:use|attract|reach|complete|invest)", re.I)
# a question asking for the goal names the indicator ("2024 goal for actually utilised foreign investment")
_GOAL_ASK = re.compile(r"\b(?:goal|target|aim)s?\b(?!\s+(?:completion|achievement))", re.I)
_FREQ_ASK = re.compile(r"(?:多长时间|多久|多少时间|几年|几个月|多少天|隔多)[^，,。？?]{0,6}(?:一次|一回)|频率|频次|how often|how frequently", re.I)
YEARS = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_EN_STOP = set(
    "a an the of in on at to for from by with and or is are was were be been does do did what which who whom whose how "
    "when where why can could should would will shall may might must there their its it this that these those i we you "
    "they he she me my our your about into than then so if not no any some much many more most per via as up out over "
    "under between during since until tell please give get has have had us".split()
)  # fmt: skip


# English words that say what is asked, not about what: they need no Chinese term
_EN_ASKING = set("lead leads leading responsible charge office offices department departments bureau agency unit units "
                 "get receive support supports supported available apply eligible qualify cap maximum amount "
                 "company companies firm firms we our business".split())  # fmt: skip


def glossed_share(question: str, found: list[tuple[str, list[str]]]) -> float:
    """Share of an English question's topic words that the glossary turned into Chinese terms:
    "minimum wage in Shaoxing" matched only through "Shaoxing" has matched none of its topic,
    so its Chinese bigram overlap must count for little."""
    from retrieval.glossary import stem

    covered = {stem(w) for phrase, _ in found for w in phrase.split()}
    words = [w for w in english_words(question) if not w.isdigit() and w not in _EN_ASKING]
    if not words:
        return 1.0
    return sum(1 for w in words if stem(w) in covered or w in covered) / len(words)


@dataclass
class Understanding:
    question: str  # as asked (with a follow-up's context prepended when it is one)
    original: str  # the asker's own words this turn
    lang: str
    audience: str
    intent: IntentReading
    grams: frozenset[str]  # bigrams of what the question names (Chinese focus, or glossary terms)
    places: list[str]
    years: list[str]
    amounts: list[Amount]  # money, shares and measured quantities (35亩) the asker tells
    amount_words: list[str]  # per amount, the words before it ("比上年增加" 6000万元): what it is of
    case: list[str]
    docs: DocRefs
    vector: np.ndarray | None
    zh_terms: str = ""  # glossary Chinese terms of an English question
    names_zh: str = ""  # the documents' names an English question spells in pinyin (Juxin → 聚鑫)
    en_words: list[str] = field(default_factory=list)
    glossed: float = 1.0  # English: share of the topic words with a Chinese term (see `glossed_share`)
    followup: bool = False
    wants_co: bool = False
    frequency: bool = False  # asks how often, not when
    actual: bool = False  # asks what was achieved (完成了多少), which no target states
    parts: list[frozenset[str]] = field(default_factory=list)  # bigrams of each part of a many-part question
    part_facts: list[str | None] = field(default_factory=list)  # the kind of fact each part asks for
    asked_fact: str | None = None  # the kind of fact a one-part question asks for (比例 → a percent)
    asked_per: tuple[str, ...] = ()  # the measure an amount is asked per (每平方米 → 平方米, ㎡, m²)
    asked_event: tuple[str, ...] = ()  # the event a date is asked of (哪天开工 → 开工, 动工, 开建)
    asked_money: tuple[str, ...] = ()  # the event of a sum asked (到位资金多少 → 到位, 实到, 到资)
    asked_role: tuple[str, ...] = ()  # the role a who-question asks after (承办单位是哪几家 → 承办)
    terms: list[tuple[str, float]] = field(default_factory=list)  # content tokens with their rarity (idf)
    named_doc: str | None = None  # the document the question names, when it names one
    unnamed: frozenset[str] = frozenset()  # the bigrams of the question less the words naming it

    def topic_in(self, doc_key: str) -> frozenset[str] | None:
        """The question's bigrams less those naming `doc_key`, when the question names that
        document and keeps some words besides: inside the named document its name tells no
        sentence from another ("菏泽那份新旧动能转换…方案，整体督导调度是哪个部门负责？" is about
        督导调度; the document's wrapper sentence repeats its name)."""
        if doc_key != self.named_doc or len(self.unnamed) < TOPIC_LEFT:
            return None
        return self.unnamed

    def p(self, intent: str) -> float:
        return self.intent.p(intent)

    def wanted(self, intents: tuple[str, ...]) -> dict[str, float]:
        """Intent → weight of the facts a sentence should carry; "how often" wants a frequency."""
        out = {i: self.p(i) for i in intents}
        if self.frequency and "when" in out:
            out["frequency"] = out.pop("when")
        return out


def language_of(question: str) -> str:
    return "zh" if is_chinese(question) else "en"


_PART_SPLIT = re.compile(r"[？?；;]|，(?=[^，]*(?:多少|几|什么|哪|谁|吗|呢|如何|怎么))")
_ASKS = re.compile(r"多少|几|什么|哪|谁|吗|呢|如何|怎么|how|what|which|when|where|who|whether", re.I)
_BOTH = re.compile(r"([\u4e00-\u9fffA-Za-z0-9]{2,12})(?:和|与|及|、)([\u4e00-\u9fffA-Za-z0-9]{2,12})(?:分别|各)")


# what one part of a many-part question asks for, by its asking words (a fact type of bot.sentences)
_PART_FACTS = (
    (re.compile(r"多少分|几分|分数|得分"), "score"),
    (re.compile(r"多少钱|多少万|多少元|金额|奖金|资金多少|补多少|奖多少|补贴多少|奖励多少|(?:拿|给|领|发|补|奖)(?:到|了)?多少(?![个项家次分%])"), "money"),
    # "实际利用外资是多少", "总投资多少": a sum, not any figure ("三种模式" answers no such question)
    (re.compile(r"(?:利用外资|外资|投资额?|资金|税收|产值|营收|营业收入|销售额)(?:是|为|达到?|有)?多少(?![个项家次%])"), "money"),
    (re.compile(r"比例|百分之|几成"), "percent"),
    (re.compile(r"多久|多长时间|期限|几年|补多久|能补多长"), "duration"),
    (re.compile(r"哪天|哪一天|哪几天|哪些天|起止|什么时候|何时|日期|哪一年|哪年"), "date"),
    (re.compile(r"发文机关|发文单位|谁发的|哪个(?:单位|部门)发的|印发单位|哪个(?:单位|部门)印发"), "issuer"),
    (re.compile(r"电话|联系方式|手机"), "phone"),
    (re.compile(r"几楼|哪一?层|哪个楼层|第几层"), "floor"),
    (re.compile(r"在哪里?|在哪儿|地址|位于哪|坐落在哪|(?:寄|送|交|报)到哪|寄往哪"), "address"),
    (re.compile(r"文号|发文字号|文件编号"), "docno"),
    (re.compile(r"谁|哪个(?:部门|单位|机构)|哪些(?:部门|单位|机构)|哪几个(?:部门|单位)"), "unit"),
    (re.compile(r"多少个|(?<!哪)几个|(?<!哪)几项|(?<!哪)几家|多少家|多少项"), "count"),  # 哪几家 asks which, not how many
    (re.compile(r"多少"), "quantity"),  # "目标是多少": some figure, whatever its unit
)
# the same for an English question, by its asking words
_PART_FACTS_EN = (
    (re.compile(r"\b(?:issued|issuer|issuing)\b|\b(?:who|which \w+) (?:published|signed)\b", re.I), "issuer"),
    (re.compile(r"\b(?:phone|telephone|hotline)\b|\b(?:who|what number|which number) (?:can|should|do|could|shall) (?:i|we) (?:call|ring|dial)\b", re.I), "phone"),
    (re.compile(r"\b(?:which|what) floor\b", re.I), "floor"),
    (re.compile(r"\bwhere (?:is|are)\b|\baddress\b", re.I), "address"),
    (re.compile(r"\bhow many\b(?!\s+(?:years|months|days)\b)", re.I), "count"),
    (re.compile(r"\b(?:what|which)\b(?:\s+[\w-]+){0,4}?\s+(?:percentage|share|proportion|ratio|rate)\b", re.I), "percent"),
    (re.compile(r"\bhow much\b", re.I), "quantity"),  # a sum or a share: "how much is refunded" → 50%
    (re.compile(r"\b(?:price|cost|amount|fees?|rent|registered capital)\b", re.I), "money"),
    (re.compile(r"\bhow long\b|\bhow many (?:years|months|days)\b", re.I), "duration"),
    (re.compile(r"\b(?:what|which) (?:date|day)\b|\bsince when\b|\bdeadline\b", re.I), "date"),
    (re.compile(r"(?:^|[,;:]\s*)(?:who|which (?:body|bodies|department|office|agency|unit|bureau|authority|organ|committee|ministry))\b", re.I), "unit"),
)


# a measure an amount can be per, with the ways a text writes it ("每平方米每月多少钱", "price per mu")
_PER_MEASURES = (
    (re.compile(r"每(?:平方米|平米|㎡)|per (?:square met(?:re|er)|sq\.? ?m|m²)", re.I), ("平方米", "平米", "㎡", "m²", "square")),
    (re.compile(r"每亩|\bper mu\b|\ba mu\b", re.I), ("亩", " mu")),
    (re.compile(r"每吨|per (?:tonne|ton)\b", re.I), ("吨", "tonne", "ton")),
    (re.compile(r"每(?:千瓦时|度电)|per kwh", re.I), ("千瓦时", "度", "kwh")),
)


# the event a date question asks about, with the ways a text writes it ("哪天正式开工" → 开工, 动工 …)
_EVENTS = (
    (re.compile(r"开工|动工|开建|start(?:ed)? construction|break(?:s)? ground|broke ground", re.I), ("开工", "动工", "开建")),
    (re.compile(r"签约|签署|签订|\bsign(?:ed|ing)?\b", re.I), ("签约", "签署", "签订")),
    (re.compile(r"投产|投运|put into (?:production|operation)", re.I), ("投产", "投运", "运营")),
    (re.compile(r"竣工|建成|完工|completed construction|be completed", re.I), ("竣工", "建成", "完工")),
    (re.compile(r"开业|开张|\bopen(?:ed|s)? for business", re.I), ("开业", "开张")),
    (re.compile(r"举办|举行|召开|开幕|\b(?:held|hold)\b", re.I), ("举办", "举行", "召开", "开幕")),
    (re.compile(r"成立|设立|揭牌|挂牌|\b(?:established|set up|founded)\b", re.I), ("成立", "设立", "揭牌", "挂牌", "组建")),
)
_WHEN_ASK = re.compile(r"哪天|哪一天|哪年|哪一年|什么时候|何时|几月|日期|\bwhen\b|what date|which day|which year", re.I)


def _forms(question: str, table: tuple, asking: re.Pattern[str] | None = None) -> tuple[str, ...]:
    """The ways a text writes the first thing of `table` ((pattern, forms) pairs) the question
    names; () when it names none, or does not ask in the way `asking` requires."""
    q = normalize(question)
    if asking is not None and not asking.search(q):
        return ()
    return next((forms for rx, forms in table if rx.search(q)), ())


def asked_event(question: str) -> tuple[str, ...]:
    """How a text writes the event a date question asks about; () when it names none of them."""
    return _forms(question, _EVENTS, _WHEN_ASK)


# what a sum asked about is the sum of ("到位资金多少", "paid in"): a signed or planned sum is another
_MONEY_EVENTS = (
    (re.compile(r"到位|实到|到资|paid[- ]in|actually (?:arrived|received)", re.I), ("到位", "实到", "到资")),
    (re.compile(r"签约(?:额|金额|资金)|\bsigned (?:value|amount)|contract(?:ed)? value", re.I), ("签约",)),
)
_AMOUNT_ASK = re.compile(r"多少|几|金额|\bhow much\b|\bwhat (?:is|was) the (?:value|amount|sum)\b", re.I)


# the role a who-question asks after ("承办单位是哪几家"): an event's 主办, 承办 and 协办 are different units
_ROLES = (
    (re.compile(r"承办"), ("承办",)),
    (re.compile(r"主办"), ("主办",)),
    (re.compile(r"协办"), ("协办",)),
    (re.compile(r"\b(?:organi[sz]ed|hosted) by\b|\bwho (?:organi[sz]ed|hosted)\b", re.I), ("承办", "主办")),
)
_WHO_ASK = re.compile(r"哪[几些个]?家|哪[几些个]?(?:个)?(?:单位|部门|机构)|谁|\bwho\b|\bwhich\b", re.I)


def asked_role(question: str) -> tuple[str, ...]:
    """How a text writes the role a who-question asks after (承办单位是哪几家 → 承办); () for none."""
    return _forms(question, _ROLES, _WHO_ASK)


def asked_money(question: str) -> tuple[str, ...]:
    """How a text writes the event of the sum a question asks ("到位资金多少" → 到位, 实到, 到资)."""
    return _forms(question, _MONEY_EVENTS, _AMOUNT_ASK)


def asked_per(question: str) -> tuple[str, ...]:
    """How a text writes the measure the question asks an amount per; () when it asks none."""
    return _forms(question, _PER_MEASURES)


def facts_of_parts(u) -> list[str | None]:  # noqa: ANN001 - an Understanding, or what reads as one
    """The kind of fact each part of `u` asks for, one per part (None where it names none)."""
    return u.part_facts if len(u.part_facts) == len(u.parts) else [None] * len(u.parts)


def part_fact(part: str, lang: str = "zh") -> str | None:
    return next((fact for rx, fact in (_PART_FACTS if lang == "zh" else _PART_FACTS_EN) if rx.search(part)), None)


def _named_fact(fact: str | None) -> str | None:
    """A part asking only "多少" names no kind of fact: its topic words must find its sentence."""
    return None if fact == "quantity" else fact


def question_parts(question: str) -> list[str]:
    """The parts of a question that asks several things: "床位上有什么门槛？按什么比例配套？" → two;
    "创建补贴和运营补贴分别最多多少" → one per coordinated subject. One part: the question itself."""
    q = normalize(question)
    parts = [p for p in _PART_SPLIT.split(q) if len(p.strip()) >= 4 and _ASKS.search(p)]
    m = _BOTH.search(q)
    if m:
        rest = q[: m.start()] + q[m.end() :]
        parts = [m.group(1) + " " + rest, m.group(2) + " " + rest]
    return parts if len(parts) > 1 else [question]


# "…, and on which floor …", "…, and for how long": an asking word, or a preposition before one
_EN_PART_SPLIT = re.compile(r"[?;]|,?\s+and\s+(?=(?:(?:on|in|at|for|by|from|to|with|under)\s+)?(?:what|how|which|when|who|where|whether)\b)"
                            r"|,\s*(?=(?:(?:on|in|at|for|by|from|to|with|under)\s+)?(?:what|how|which|when|who|where)\b)", re.I)


def english_parts(question: str) -> list[str]:
    """The parts of an English question that asks several things ("Is there an internship
    subsidy, how much, and for how long?" → three); one part: the question itself."""
    parts = [p.strip() for p in _EN_PART_SPLIT.split(question) if p and len(p.strip()) >= 4]
    asking = [p for p in parts if _ASKS.search(p) or re.match(r"(?:is|are|does|do|can)\b", p, re.I)]
    return asking if len(asking) > 1 else [question]


def _zh_terms(text: str) -> str:
    """The glossary's Chinese terms for an English text."""
    return " ".join(dict.fromkeys(zh for _, zhs in load_glossary().english_terms(text) for zh in zhs))


def is_followup(question: str) -> bool:
    q = normalize(question)
    if _names_nothing(q):
        return True
    return bool(_FOLLOWUP.search(q)) and len(q) < (FOLLOWUP_MAX_EN if language_of(q) == "en" else FOLLOWUP_MAX_ZH)


_ASKING_WORDS = re.compile(r"是多少|有多少|多少|是什么|什么|是谁|由谁|谁|在哪里|在哪|哪里|哪个|哪些|哪家|几个|几|怎么样|怎么|如何|是否|吗|呢|了|是|的|[？?！!。，,\s]")


def _names_nothing(q: str) -> bool:
    """"完成率是多少？", "谁牵头？", "电话呢": an attribute asked of nothing named (at most
    BARE_CHARS characters of Chinese once the asking words go) is asked of the last answer's subject."""
    rest = _ASKING_WORDS.sub("", q)
    return (bool(rest) and len(rest) <= BARE_CHARS and all("\u4e00" <= ch <= "\u9fff" for ch in rest)
            and not places_in(rest))  # fmt: skip


BARE_CHARS = 3  # 完成率, 总投资, 谁牵头; "营商环境怎么样" names a topic of its own


FOLLOWUP_MAX_ZH = 40  # characters: a longer question states its own setting
FOLLOWUP_MAX_EN = 100  # English takes about twice the characters to say as much


def _printed_zh(said: str) -> list[str]:
    """An English question's sums as Chinese documents print them ("US$100 million" → 1亿美元):
    the amount is a word the Chinese text shares with the question."""
    return [money_zh(a.amount_usd, "USD") if a.amount_usd else money_zh(a.amount_cny, "CNY")
            for _, a in find_amounts(said) if a.amount_usd or a.amount_cny]


def english_words(question: str) -> list[str]:
    from retrieval.glossary import stem

    places = english_names()
    return [w for w in re.findall(r"[a-z][a-z0-9\-]+|\d{4}", question.lower())
            if w not in _EN_STOP and stem(w) not in places and w not in places]  # fmt: skip


def understand(question: str, audience: str, intents: IntentClassifier, docs: DocIndex, vectors,  # noqa: ANN001
               context: str = "", weigh=None) -> Understanding:  # noqa: ANN001 # fmt: skip
    """`context` is the previous turn's question when this one is a follow-up; `weigh(text)` gives
    the tokens of a text with their rarity in the knowledge base (the retriever's keyword index)."""
    lang = language_of(question)
    asked = months_as_printed(question)
    swapped = substituted(context, asked) if context else None
    full = (swapped or f"{context} {asked}".strip()) if context else asked
    # "洪湖分洪区东分块蓄洪工程呢？" after "…荆南四河堤防综合整治工程总投资多少？" asks the last
    # question of another subject: what it asks (intent, fact, parts) is read from that question
    asking = swapped or question
    zh_terms, glossed, names = "", 1.0, ""
    if lang == "en":
        found = load_glossary().english_terms(full)
        read = {w for phrase, _ in found for w in phrase.split()}
        spelled = docs.romanized.names_in(full, read, english_names())  # "Juxin Development Zone" → 聚鑫
        found += spelled
        names = " ".join(dict.fromkeys(zh for _, zhs in spelled for zh in zhs))
        zh_terms = " ".join(dict.fromkeys([*(zh for _, zhs in found for zh in zhs), *_printed_zh(normalize(full))]))
        glossed = glossed_share(full, found)
    topic = _topic(full, lang, zh_terms, full)
    split = question_parts(asking) if lang == "zh" else english_parts(asking)
    # an English part naming nothing of its own ("how much", "for how long") asks of the whole topic
    parts = [bigrams(_topic(p, lang, zh_terms if lang == "zh" else (_zh_terms(p) or zh_terms), full)) for p in split]
    qvec = vectors.query(asking) if vectors is not None else None
    said = normalize(question)
    told = sorted(find_amounts(said) + find_quantities(said), key=lambda x: x[0])
    if not told and context and lang == "en":  # "And if it goes above 200 million?" after "…exceeds RMB 100 million"
        told = _in_currency_of(said, normalize(context))
    refs = docs.resolve(full, qvec, zh_terms, tuple(names.split()))
    reading = intents.read(asking, qvec) if intents is not None else IntentReading({"what": 1.0})
    return Understanding(
        question=full,
        original=question,
        lang=lang,
        audience=audience,
        intent=reading,
        grams=bigrams(topic),
        places=asked_places(full),
        years=YEARS.findall(DOC_NO.sub(" ", full)),  # 〔2024〕 in a 文号 names a document, not a year asked about
        amounts=[a for _, a in told],
        amount_words=words_before(said, told) if lang == "zh" else _en_amount_words(said, told),
        case=_own_case(question, refs, docs),
        **_naming(question, topic, refs, docs),
        docs=refs,
        vector=qvec,
        zh_terms=zh_terms,
        names_zh=names,
        en_words=english_words(full) if lang == "en" else [],
        glossed=glossed,
        followup=bool(context),
        wants_co=bool(_CO_ASK.search(question)) and not _LEAD_ASK.search(question),
        frequency=bool(_FREQ_ASK.search(asking)),
        actual=bool(_ACTUAL_ASK.search(asking)) and not _GOAL_ASK.search(asking),
        parts=[p for p in parts if len(p) >= 1] if len(parts) > 1 else [],
        part_facts=[_named_fact(part_fact(p, lang)) for p, g in zip(split, parts, strict=True) if len(g) >= 1] if len(parts) > 1 else [],
        asked_fact=part_fact(normalize(asking), lang) if len(parts) <= 1 else None,
        asked_per=asked_per(asking),
        asked_event=asked_event(asking),
        asked_money=asked_money(asking),
        asked_role=asked_role(asking),
        terms=_terms(weigh, topic if lang == "zh" else zh_terms + " " + " ".join(english_words(full))),
    )


_WHAT_ABOUT = re.compile(r"^(?:那么|那|还有|如果是|要是)?\s*(.{2,30}?)(?:的)?呢[？?]?\s*(.*)$")
_ASKING = re.compile(r"多少|哪|谁|什么|几|怎么|如何|是否|吗")


def substituted(previous: str, question: str) -> str | None:
    """"那省级数字化车间呢？" after "嵊州企业当年评上省级未来工厂能奖多少？" asks the same of another
    thing: the previous question with the phrase it stands for replaced, the run of whole words
    that begins or ends as it does ("省级…", "…项目", "…单位") and is closest to it in length.
    None when no phrase of the previous question is of its kind."""
    from bot.text_match import words

    m = _WHAT_ABOUT.match(normalize(question))
    if not m or _ASKING.search(m.group(1)):
        return None
    new, rest = m.group(1), m.group(2)
    prev = normalize(previous)
    cuts = [0]
    for w in words(prev):
        cuts.append(cuts[-1] + len(w))
    spans = [(a, b) for i, a in enumerate(cuts) for b in cuts[i + 1 :]
             if b - a >= 2 and not _ASKING.search(prev[a:b]) and not re.search(r"[，。？?！,]", prev[a:b])]  # fmt: skip
    alike = [(a, b) for a, b in spans if prev[a : a + 2] == new[:2] or prev[b - 2 : b] == new[-2:]]
    if not alike:
        return None
    a, b = min(alike, key=lambda ab: (abs((ab[1] - ab[0]) - len(new)), ab[1] - ab[0]))
    return prev[:a] + new + prev[b:] + (" " + rest if rest else "")
_MONTHS_SO_FAR = re.compile(r"前([一二三四五六七八九十]{1,2}|\d{1,2})\s*个?\s*月")
_CN_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")}


def months_as_printed(question: str) -> str:
    """"前8个月" / "前八个月" as progress reports print it: "1-8月"."""
    def month(m: re.Match[str]) -> str:
        n = m.group(1)
        value = int(n) if n.isdigit() else 10 + _CN_DIGIT.get(n[1:], 0) if n[0] == "十" else _CN_DIGIT.get(n, 0)
        return f"1-{value}月" if 1 <= value <= 12 else m.group(0)

    return _MONTHS_SO_FAR.sub(month, question)


def words_before(text: str, found: list[tuple[int, Amount]], most: int = 12) -> list[str]:
    """The words between each amount and the amount or clause break before it."""
    out, end = [], 0
    for at, a in found:
        words = re.split(r"[，,；;。？?！!]", text[end:at])[-1]
        out.append(words[-most:])
        end = at + len(a.text)
    return out


_BARE_EN = re.compile(r"(?<![\w$¥])(\d+(?:\.\d+)?)\s*(million|billion|thousand)\b", re.I)


def _in_currency_of(question: str, context: str) -> list[tuple[int, Amount]]:
    """A follow-up's bare "200 million" in the currency the question it follows used."""
    earlier = [a for _, a in find_amounts(context) if a.currency in ("CNY", "USD")]
    if not earlier:
        return []
    code = "RMB" if earlier[-1].currency == "CNY" else "USD"
    out = []
    for m in _BARE_EN.finditer(question):
        found = find_amounts(f"{code} {m.group(0)}")
        if found:
            out.append((m.start(), found[0][1]))
    return out


def _en_amount_words(text: str, found: list[tuple[int, Amount]]) -> list[str]:
    """Per amount of an English question, the glossary's Chinese terms for the words of its clause
    on either side ("US$50 million registered capital" → 注册资本; "US$8 million of paid-in foreign
    capital" → 实缴 外资), so an amount is matched to the condition it is of; none: the words."""
    out = []
    for i, (at, a) in enumerate(found):
        start = found[i - 1][0] + len(found[i - 1][1].text) if i else 0
        stop = found[i + 1][0] if i + 1 < len(found) else len(text)
        before = re.split(r"[.,;?!]", text[start:at])[-1]
        after = re.split(r"[.,;?!]", text[at + len(a.text) : stop])[0]
        out.append(f"{_zh_terms(f'{before} {after}')} {before[-40:]}".strip())  # and the words as asked: "goes above"
    return out


DOC_NAMED = 0.5  # a document fit from which the question counts as naming that document
TOPIC_LEFT = 2  # bigrams a question must keep besides its document's name to be matched on them


def _naming(question: str, topic: str, refs: DocRefs, docs: DocIndex) -> dict:
    best = refs.best
    if best is None or best[1] < DOC_NAMED or best[0] not in docs.docs:
        return {}
    names = " ".join(doc_names(docs.docs[best[0]]))
    q = normalize(question)
    if not any(_as_container(q, s) for s in _named_spans(q, names)):
        return {}
    t = normalize(topic)
    spans = _named_spans(t, names)
    if not spans:
        return {}
    rest = re.split("|".join(map(re.escape, sorted(spans, key=len, reverse=True))), t)
    return {"named_doc": best[0], "unnamed": frozenset().union(*(bigrams(p) for p in rest))}


def _own_case(question: str, refs: DocRefs, docs: DocIndex) -> list[str]:
    """The asker's case terms (首次认定, 国家级 …), less those inside the name of the document the
    question refers to ("国家级经开区的复函" names a document, not the asker)."""
    terms = [t for t in CASE_TERMS if t in _FISCAL_LEVEL.sub(" ", question)]
    best = refs.best
    if not terms or best is None or best[1] < DOC_NAMED:
        return terms
    names = " ".join(doc_names(docs.docs[best[0]])) if best[0] in docs.docs else ""
    cited = {t for t in terms if t in names and any(t in m for m in _named_spans(question, names))}
    return [t for t in terms if t not in cited]


# a level that names a tier of government, not the asker's (县级留成部分, 市级财政, 省级以上部门)
_FISCAL_LEVEL = re.compile(r"(?:国家|省|市|区|县)级(?=留成|财政|政府|人民政府|部门|统筹|分成|地方|以上|及以上)")
_KIND_WORD = re.compile(r"(?:方案|办法|意见|通知|规定|细则|条例|决定|政策|文件|措施|规划|计划|公告|批复|函|文)$")
_AROUND = re.compile(r"^(?:里|中|上|内|，|的规定|规定|提到|明确|要求|定的|提出的|确定的|设定的)")


def _as_container(question: str, span: str) -> bool:
    """Whether the question names the document as where to look ("菏泽那份…分工落实方案，整体督导调度
    …", "17号文里…"), not as what it asks about ("海外招商联络站设在哪个国家？")."""
    at = question.find(span)
    before, after = question[max(0, at - 2) : at], question[at + len(span) :]
    return bool(_KIND_WORD.search(span) or _AROUND.match(after) or before.endswith(("那份", "这份", "该", "《")))


def _named_spans(question: str, names: str) -> list[str]:
    """Runs of 4+ characters of the question that the document's names contain."""
    q = normalize(question)
    spans, i = [], 0
    while i < len(q):
        j = i + 4
        if j <= len(q) and q[i:j] in names:
            while j < len(q) and q[i : j + 1] in names:
                j += 1
            spans.append(q[i:j])
            i = j
        else:
            i += 1
    return spans


def _terms(weigh, text: str) -> list[tuple[str, float]]:  # noqa: ANN001
    if weigh is None or not text.strip():
        return []
    return [(t, w) for t, w in weigh(text) if len(t) >= 2 and not places_in(t)]


def _topic(text: str, lang: str, zh_terms: str, full: str) -> str:
    # "多长时间开一次" asks how often: it is the intent, not the topic
    topic = focus(_FREQ_ASK.sub(" ", text)) if lang == "zh" else zh_terms + " " + " ".join(YEARS.findall(full))
    for place in places_in(full):  # the place is checked on its own; passages rarely repeat it
        topic = re.sub(f"{place}[市省区县]?", " ", topic)
    return topic
