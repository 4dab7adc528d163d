"""Hand-built SourceDocuments with records, so catalogue tests do not depend on the parser."""

from __future__ import annotations

import hashlib

from knowledge.models import (
    Contact,
    Figure,
    Paragraph,
    Project,
    Records,
    Reference,
    Responsibility,
    SourceDocument,
)


def project(doc_no: str, name: str, usd: float | None, stage: str | None, place: str | None = None,
            cny: float | None = None) -> Project:  # fmt: skip
    return Project(
        doc_no=doc_no, section="一、", name=name, company=None,
        amount_text=f"{usd / 1e4:g}万美元" if usd else (f"{cny / 1e8:g}亿元" if cny else None),
        amount_value=usd / 1e4 if usd else (cny / 1e8 if cny else None),
        amount_unit="万美元" if usd else ("亿元" if cny else None),
        currency="USD" if usd else ("CNY" if cny else None),
        amount_usd=usd, amount_cny=cny, stage=stage, place=place, as_of="2022-07-14",
        units=["市投资促进中心", "店口镇"], source=f"{name}项目",
    )  # fmt: skip


def make_doc(doc_id: str, doc_no: str | None, visibility: str = "internal", text: str = "正文",
             projects: list[Project] | None = None, metadata: dict[str, str] | None = None) -> SourceDocument:  # fmt: skip
    no = doc_no or ""
    return SourceDocument(
        doc_id=doc_id,
        path=f"/kb/{doc_id}.txt",
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        title=f"{doc_id} 标题",
        doc_no=doc_no,
        issuer="诸暨市招商投资促进中心",
        date="2022-07-14",
        printed_date=None,
        addressees="各镇乡人民政府",
        visibility=visibility,  # type: ignore[arg-type]
        visibility_source="admin",
        kind="reply",
        language="zh",
        cc=["市委办公室"],
        paragraphs=[
            Paragraph(text="一、总体情况", norm="一、总体情况", path=("一、总体情况",), index=0),
            Paragraph(text=text, norm=text, path=("一、总体情况", "（一）外资"), index=1),
        ],
        records=Records(
            responsibilities=[
                Responsibility(
                    doc_no=no,
                    section="二、（一）",
                    task="编制规划",
                    lead="市投资促进中心",
                    units=["市投资促进中心", "市经信局"],
                    source="（责任单位：市投资促进中心、市经信局）",
                )
            ],  # fmt: skip
            figures=[
                Figure(
                    doc_no=no,
                    section="一、",
                    text="13509万美元",
                    value=13509,
                    unit="万美元",
                    currency="USD",
                    amount_usd=1.3509e8,
                    amount_cny=None,
                    period="2021年",
                    subject="实际利用外资",
                    kind="figure",
                    source=text,
                )
            ],  # fmt: skip
            projects=projects or [],
            contacts=[
                Contact(
                    doc_no=no,
                    section="落款",
                    person="杨春苗",
                    role="承办人",
                    phone="13800000000",
                    personal=True,
                    unit=None,
                    source="承办人姓名：杨春苗",
                )
            ],  # fmt: skip
            references=[
                Reference(
                    doc_no=no,
                    section="二、",
                    relation="cites",
                    target_doc_no="绍政办发〔2022〕11号",
                    target_title=None,
                    value=None,
                    source="（绍政办发〔2022〕11 号）",
                )
            ],  # fmt: skip
        ),
        metadata=metadata or {},
    )
