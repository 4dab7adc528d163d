"""Typed knowledge records: the contract between parsing, indexing and answering.

Every record carries the document number (文号) and section path it came from, plus
the source sentence, so any answer built from it can cite exactly.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Visibility = Literal["public", "internal"]
Kind = Literal["policy", "responsible-units", "project-records", "reply", "guide", "other"]
KINDS: tuple[str, ...] = ("policy", "responsible-units", "project-records", "reply", "guide", "other")


@dataclass(frozen=True)
class Table:
    """A table as a reader found it: header cells and one dict per row keyed by them.

    Readers fill merged cells down and keep rows apart, so the extractors never see a
    neighbouring row's cells. `name` is the sheet name or caption ("企业组"), `source`
    says where it was ("sheet 企业组", "docx table 2", "pdf page 3")."""

    name: str
    headers: list[str]
    rows: list[dict[str, str]]
    source: str = ""
    heading: str = ""  # the section heading the table sits under ("七、企业如何申请融资担保公司支持？")


@dataclass(frozen=True)
class LoadedFile:
    """What a loader read from one file, before any parsing.

    `text` is the original body (metadata header removed); `rows` is set for tabular
    files (one dict per row, keys are the header cells). `metadata` holds admin-given
    `key: value` header lines or YAML front matter; it wins over parser guesses.
    """

    path: str
    text: str
    format: str  # txt, md, docx, pdf, html, csv, xlsx
    metadata: dict[str, str] = field(default_factory=dict)
    rows: list[dict[str, str]] | None = None
    tables: list[Table] = field(default_factory=list)  # every table the reader found, in order
    ocr: bool = False  # the text came from OCR (a scan without a text layer)


@dataclass(frozen=True)
class Paragraph:
    """One paragraph with its heading path, e.g. ("二、工作重点", "（一）编制一个…")."""

    text: str  # original wording, for quoting
    norm: str  # normalised wording, for matching
    path: tuple[str, ...] = ()
    index: int = 0

    @property
    def section(self) -> str:
        return " > ".join(self.path)

    @property
    def section_no(self) -> str:
        """Numbering only, e.g. "二、（一）" or "第十二条" — what a citation prints."""
        from knowledge.sections import section_number

        return section_number(self.path)


@dataclass(frozen=True)
class Responsibility:
    doc_no: str
    section: str  # section number path, e.g. "二、（四）"
    task: str  # section heading, e.g. "筹建一批国别（地区）产业园"
    lead: str
    units: list[str]  # lead first, then co-units in order
    source: str  # the 责任单位 sentence as printed
    scope: str | None = None  # 适用范围 where the tag states one
    leader: str | None = None  # 牵头领导 (table column)
    person: str | None = None  # 责任人 (table column)
    deadline: str | None = None  # 完成时限 as printed
    # every unit the document says leads: "X、Y按职责分工牵头" has two ([] = just `lead`)
    leads: list[str] = field(default_factory=list)
    # the document names the lead (a 牵头 tag or column, or a "列第一位的为牵头单位" rule);
    # False: `lead` is only the first unit listed, the document does not say it leads
    lead_stated: bool = True
    # the text of the item the tag closes (task sentence and body, tags removed), for matching
    # a question to it: "建超充站、超充桩那项任务" is in the item, not in its title 打造便捷超充城市
    item: str = ""

    @property
    def co_units(self) -> list[str]:
        return self.units[1:]

    @property
    def lead_units(self) -> list[str]:
        return self.leads or [self.lead]


@dataclass(frozen=True)
class Figure:
    """A target or a reported figure, amount normalised for comparison."""

    doc_no: str
    section: str
    text: str  # as printed, e.g. "40亿美元"
    value: float  # in `unit`
    unit: str  # 万美元, 亿美元, 亿元, 万元, %, 个, 项 ...
    currency: str | None  # USD, CNY or None
    amount_usd: float | None  # absolute USD when currency is USD
    amount_cny: float | None  # absolute CNY when currency is CNY
    period: str | None  # "2023—2025年", "2022年1-6月"
    subject: str  # what is counted, e.g. "累计实际利用外资"
    kind: Literal["target", "figure"]
    source: str


@dataclass(frozen=True)
class Project:
    doc_no: str
    section: str
    name: str
    company: str | None
    amount_text: str | None  # as printed, e.g. "8000万美元"
    amount_value: float | None
    amount_unit: str | None
    currency: str | None
    amount_usd: float | None
    amount_cny: float | None
    stage: str | None  # 洽谈, 签约, 方案架构, 在建, 投产, 招商 ...
    place: str | None
    as_of: str | None  # ISO date the status was true (the document's date)
    units: list[str] = field(default_factory=list)
    contact: str | None = None
    source: str = ""
    category: str | None = None  # 类别 / 奖次 / 组别: what a table groups its rows by
    content: str | None = None  # 建设内容
    leader: str | None = None  # 牵头领导
    person: str | None = None  # 责任人 (a personal contact when with a mobile)
    phone: str | None = None
    table: str | None = None  # sheet or table caption the row came from
    row: int | None = None  # 1-based row within that table


@dataclass(frozen=True)
class Contact:
    doc_no: str
    section: str
    person: str | None
    role: str | None  # 承办人, 联系人
    phone: str | None
    personal: bool  # a mobile number is personal data
    unit: str | None
    source: str
    address: str | None = None  # "地址：嵊州市领带园一路403号19楼": where to send or come, printed beside it


@dataclass(frozen=True)
class Reference:
    doc_no: str
    section: str
    relation: Literal["cites", "repeals", "amends", "effective_from", "valid_until", "valid_years"]
    target_doc_no: str | None
    target_title: str | None
    value: str | None  # a date (ISO) or a number of years
    source: str


@dataclass(frozen=True)
class Incentive:
    """A clause that grants money or a treatment: who qualifies → what it pays.

    One record per benefit: a clause paying 500万元 on first recognition and 200万元 a year
    for operation is two records sharing `source`. Amounts are normalised (`amount_cny` /
    `amount_usd` absolute) so they can be compared and rendered in any language."""

    doc_no: str
    section: str  # "二、（三）" or "第十二条"
    title: str  # the item's heading or a short name: "中试平台创建补贴"
    beneficiary: str  # who qualifies, as a phrase a person recognises: "经认定的市级中试平台"
    conditions: list[str]  # every condition as printed: ["营业收入首次突破10亿元", "首次认定"]
    benefit: str  # what it pays, as printed: "给予一次性补助最高500万元"
    benefit_kind: Literal["money", "rate", "per_unit", "in_kind", "unspecified"]  # unspecified: granted, amount not stated
    source: str  # the sentence(s) as printed
    amount_text: str | None = None  # "500万元"
    amount_value: float | None = None  # in amount_unit
    amount_unit: str | None = None  # 万元, 元, 亿美元 ...
    currency: str | None = None  # CNY, USD ...
    amount_cny: float | None = None  # absolute
    amount_usd: float | None = None  # absolute
    per: str | None = None  # "每人每月", "每万美元", "每平方米"
    rate: float | None = None  # a percentage (50 for 50%) or a ratio's second term (0.5 for 1:0.5)
    cap: bool = False  # 最高 / 不超过 / 封顶: the amount is a ceiling
    frequency: str | None = None  # one-off | yearly | monthly | None
    years: int | None = None  # paid for N years (连续3年)
    case: list[str] = field(default_factory=list)  # case qualifiers: 首次认定, 复审, 新引进, 存量, 增资 ...
    thresholds: list[dict[str, Any]] = field(default_factory=list)  # {"what","op","value","unit","currency","amount_cny","amount_usd","text"}
    units: list[str] = field(default_factory=list)  # responsible unit(s) where tagged, lead first
    valid_until: str | None = None  # ISO date when the document states its validity
    rate_text: str | None = None  # the rate as printed: "50%", "1:0.5", "5%—20%", "2‰"
    amount_min: float | None = None  # a range's lower bound, in amount_unit (10万元—100万元 → 10)
    rate_min: float | None = None  # a rate range's lower bound (5%—20% → 5)
    reduction: bool = False  # the benefit cuts a charge (免收, 减半, 降低20%): rate is the cut, not a payment
    limits: list[str] = field(default_factory=list)  # further ceilings and rules as printed: "每家…累计…最高不超过100万元"


@dataclass(frozen=True)
class TableRow:
    """One row of a table, keyed by its header cells: a count or filter over a table is SQL
    over these rows, whatever file the table came in."""

    doc_no: str
    section: str
    table: str  # sheet name or table caption ("企业组")
    row: int  # 1-based within the table
    cells: dict[str, str]  # header → cell text (merged cells filled down)
    source: str  # the row as one line, for quoting
    headers: list[str] = field(default_factory=list)  # column order (stored JSON sorts `cells`)


@dataclass
class Records:
    responsibilities: list[Responsibility] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    incentives: list[Incentive] = field(default_factory=list)
    table_rows: list[TableRow] = field(default_factory=list)

    def to_dict(self) -> dict[str, list[dict[str, Any]]]:
        return {name: [asdict(r) for r in getattr(self, name)] for name in self.__dataclass_fields__}

    def count(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in self.__dataclass_fields__}


@dataclass
class SourceDocument:
    """A parsed document: metadata, the section tree as paragraphs, and its records."""

    doc_id: str  # stable id: the 文号 when known, else derived from the file name
    path: str
    content_hash: str
    title: str
    doc_no: str | None
    issuer: str | None
    date: str | None  # ISO date of issue (成文日期)
    printed_date: str | None  # ISO date printed (印发)
    addressees: str | None
    visibility: Visibility
    visibility_source: Literal["admin", "marker", "folder", "default"]
    kind: Kind
    language: Literal["zh", "en"]
    cc: list[str] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    records: Records = field(default_factory=Records)
    metadata: dict[str, str] = field(default_factory=dict)
    status: Literal["current", "expired", "repealed"] = "current"
    status_note: str | None = None  # e.g. "已被X号废止" / "有效期至2025-12-31"
    valid_until: str | None = None
    subject_title: str | None = None  # what a 印发/转发 notice carries: X of 关于印发《X》的通知
    aliases: list[str] = field(default_factory=list)  # other names it goes by (X, a subtitle)
    effective_from: str | None = None  # ISO date it takes effect (自…起施行)
    promulgated: str | None = None  # ISO date a law was promulgated (公布)
    date_source: str | None = None  # where `date` came from: admin, 落款, table, 文号 (its bracket), 题注, 发布日期

    @property
    def citation_label(self) -> str:
        return self.doc_no or self.title

    def summary(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "doc_no": self.doc_no,
            "title": self.title,
            "issuer": self.issuer,
            "date": self.date,
            "printed_date": self.printed_date,
            "visibility": self.visibility,
            "visibility_source": self.visibility_source,
            "kind": self.kind,
            "language": self.language,
            "status": self.status,
            "status_note": self.status_note,
            "subject_title": self.subject_title,
            "effective_from": self.effective_from,
            "valid_until": self.valid_until,
            "path": self.path,
            "records": self.records.count(),
            "ocr": self.metadata.get("ocr") == "true",  # the text came from OCR of a scan
        }


@dataclass(frozen=True)
class Chunk:
    """The unit of retrieval: a section paragraph (or a window of one), never crossing sections."""

    chunk_id: str
    doc_id: str
    doc_no: str | None
    title: str
    section: str  # full heading path joined with " > "
    section_no: str
    date: str | None
    visibility: Visibility
    kind: Kind
    language: Literal["zh", "en"]
    text: str  # original wording, for quoting
    embed_text: str  # heading path + title prefix + normalised text: what is embedded and keyword-indexed

    def metadata(self) -> dict[str, str]:
        """Flat, Chroma-safe metadata (no None values)."""
        return {
            "doc_id": self.doc_id,
            "doc_no": self.doc_no or "",
            "title": self.title,
            "section": self.section,
            "section_no": self.section_no,
            "date": self.date or "",
            "visibility": self.visibility,
            "kind": self.kind,
            "language": self.language,
            "text": self.text,
        }
