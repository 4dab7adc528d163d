"""What a question asks for, read from its nearest example questions by meaning.

Example questions per intent (`bot/data/intents.tsv`) are embedded once; a question's intent
probabilities come from its cosine similarity to the closest examples of each intent, plus a
few cue words as features (a cue adds evidence, it never decides alone), so a paraphrase lands
where its meaning is. `KNN_SCALE`, `CUE_WEIGHT` and `LAST_CLAUSE_CUE_WEIGHT` are the classifier's parameters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

INTENTS: tuple[str, ...] = ("who", "tasks", "amount", "eligibility", "when", "status", "list", "count",
                            "extreme", "contact", "what", "doc")  # fmt: skip
KNN_SCALE = 60.0  # cosine differences between intents are small: scale them before the softmax
CUE_WEIGHT = 1.0
# a question names its topic first and asks last ("…发补贴，这条由哪几个部门负责？"): cues of the
# final clause count again, so the words describing the topic do not outvote the ask
LAST_CLAUSE_CUE_WEIGHT = 2.0
_CLAUSE_BREAK = re.compile(r"[，,；;—–:：]|\s-\s")
_TOP = 2  # examples per intent averaged

# "哪些市直部门", "哪几个管委会": a few words may qualify the units asked for
_UNIT_ASKED = r"[\u4e00-\u9fff]{0,4}?(?:部门|单位|机构|部委|管委会|委办局)"
CUES: dict[str, re.Pattern[str]] = {
    "who": re.compile(rf"哪(?:[两几三]个|些|个|家){_UNIT_ASKED}|哪位|牵头|负责|责任单位|哪个单位|哪些单位|什么单位|哪个部门|哪些部门|哪家|部委|配合|谁来|由谁|谁牵头|给了?谁|归谁|谁(?:负责|来?管|抓|办)|主管|在管|指导|"
                      r"\blead|responsible|in charge|which (?:government )?(?:office|department|unit|agenc|bureau|ministr)(?![a-z]*\s+(?:issued|published|signed))", re.I),
    "tasks": re.compile(r"参与了?哪些|负责哪些|承担了?哪些|牵头.{0,4}哪些|哪些工作|哪些任务|哪些事项|what (?:tasks|work)|which tasks|involved in", re.I),
    "amount": re.compile(r"(?<!电话)(?<!号码)(?<!手机)多少|(?<!哪)几个|(?<!哪)几项|(?<!哪)几名|(?<!哪)几家|比例|标准|最高|最多|上限|封顶|目标|how much|how many|\bcap\b|up to|maximum|target|percent|rate", re.I),
    "eligibility": re.compile(r"条件|门槛|能不能|能否|可以申请|符合|享受|资格|怎么补|如何补|怎么返|如何返|怎么奖|如何奖|怎么给|怎么算|哪些优惠|适用|eligib|qualif|condition|requirement|apply|can (?:we|i)", re.I),
    "when": re.compile(r"哪天|哪一天|什么时候|何时|哪年|哪一年|日期|施行|生效|有效期|截止|期限|到期|多久|多长时间|多少天|几天|频次|"
                       r"when|what date|until|effective|valid|how often|how long", re.I),
    "status": re.compile(r"进展|进度|哪一步|阶段|状态|谈得|怎么样了|开工|投产|签约了|status|progress|stage", re.I),
    "list": re.compile(rf"(?:哪些|哪几个|哪两个|哪几)(?!个?{_UNIT_ASKED})|列出|名单|清单|which (?:projects|ones|places|cities)|list", re.I),
    "count": re.compile(r"一共|总共|共有|(?<!哪)几个|多少个|多少家|多少项|how many|number of|count", re.I),
    "extreme": re.compile(r"最大|最多|最高|最少|最小|最低|前[三五十\d]|排名|largest|biggest|highest|smallest|lowest|top \d", re.I),
    "contact": re.compile(r"联系人|联系电话|电话|手机|联系方式|对接人|承办人|找谁|咨询|收件人|寄到|寄往|寄送|邮寄|(?:送|交)到哪|contact|phone|telephone|call", re.I),
    "what": re.compile(r"是什么|叫什么|什么是|哪些方面|主要内容|有没有|是否|怎么处理|如何|\bwhat (?:is|are|does|do)\b|^does\b|^is there|tell me about", re.I),
    "doc": re.compile(r"发文机关|发文单位|哪个单位发|谁发的|抄送|主送|印发单位|文号|发文字号|文件编号|印发日期|成文日期|发布日期|签发|"
                     r"issued by|who issued|(?:office|department|body|agency|who) (?:issued|published|signed)|issuing|copied to|"
                     r"document number", re.I),
}


@dataclass(frozen=True)
class IntentReading:
    probs: dict[str, float]

    @property
    def top(self) -> str:
        return max(self.probs, key=self.probs.__getitem__)

    def p(self, intent: str) -> float:
        return self.probs.get(intent, 0.0)


@lru_cache(maxsize=1)
def examples() -> tuple[tuple[str, str], ...]:
    path = Path(__file__).with_name("data") / "intents.tsv"
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            intent, text = line.split("\t", 1)
            if intent not in INTENTS:
                raise ValueError(f"{path}: unknown intent {intent!r}")
            rows.append((intent, text.strip()))
    return tuple(rows)


def cue_vector(question: str) -> np.ndarray:
    return np.asarray([1.0 if CUES[i].search(question) else 0.0 for i in INTENTS])


def last_clause(question: str) -> str:
    """The question's final clause, or "" when it has only one."""
    parts = [p for p in _CLAUSE_BREAK.split(question.strip()) if p.strip(" ？?。.!！")]
    return parts[-1] if len(parts) > 1 else ""


class IntentClassifier:
    def __init__(self, vectors) -> None:  # noqa: ANN001 - retrieval.vector_cache.VectorCache
        rows = examples()
        self._labels = np.asarray([INTENTS.index(i) for i, _ in rows])
        self._matrix = vectors.queries([t for _, t in rows])
        self._vectors = vectors

    def by_language(self) -> dict[str, np.ndarray]:
        """The example vectors of Chinese and of English questions (similarity calibration)."""
        from knowledge.normalize import is_chinese

        zh = np.asarray([is_chinese(t) for _, t in examples()])
        return {"zh": self._matrix[zh], "en": self._matrix[~zh]}

    def read(self, question: str, qvec: np.ndarray | None = None) -> IntentReading:
        qvec = self._vectors.query(question) if qvec is None else qvec
        sims = self._matrix @ qvec
        knn = np.full(len(INTENTS), -1.0)
        for k in range(len(INTENTS)):
            own = np.sort(sims[self._labels == k])[::-1][:_TOP]
            if len(own):
                knn[k] = float(own.mean())
        logits = KNN_SCALE * (knn - knn.max()) + CUE_WEIGHT * cue_vector(question)
        if last := last_clause(question):
            logits = logits + LAST_CLAUSE_CUE_WEIGHT * cue_vector(last)
        probs = np.exp(logits - logits.max())
        probs /= probs.sum()
        return IntentReading({name: float(p) for name, p in zip(INTENTS, probs, strict=True)})
