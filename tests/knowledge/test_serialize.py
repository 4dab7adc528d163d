"""SourceDocument survives dict/JSON round trips with typed records and tuple heading paths."""

from __future__ import annotations

import json

from catalogue_docs import make_doc, project

from knowledge.models import Paragraph, Project
from knowledge.serialize import doc_from_dict, doc_to_dict


def test_round_trip_through_json():
    doc = make_doc("zhuji-5", "诸招商〔2022〕5号", projects=[project("诸招商〔2022〕5号", "海亮集团", 8e7, "方案架构")],
                   metadata={"note": "a\nb"})  # fmt: skip
    back = doc_from_dict(json.loads(json.dumps(doc_to_dict(doc), ensure_ascii=False)))
    assert back == doc
    assert isinstance(back.paragraphs[1], Paragraph) and back.paragraphs[1].path == (
        "一、总体情况",
        "（一）外资",
    )
    assert isinstance(back.records.projects[0], Project)
    assert back.records.responsibilities[0].co_units == ["市经信局"]


def test_unknown_keys_from_an_older_or_newer_schema_are_ignored():
    d = doc_to_dict(make_doc("x", None))
    d["obsolete_field"] = 1
    d["records"]["figures"][0]["extra"] = "ignored"
    d["records"].pop("contacts")
    back = doc_from_dict(d)
    assert back.doc_id == "x" and back.records.contacts == [] and back.records.figures[0].value == 13509
