"""A two-column 落款 read row by row, wrapped names rejoined (tests/data/heldout8 p27)."""

from __future__ import annotations

from knowledge.gov_parse import parse_document
from knowledge.models import LoadedFile
from knowledge.signcols import column_signers

P27 = [
    "江门市财政局 江门市人力资源和社会保障局",
    "江门市人民政府国有资产 江门市金融工作局",
    "监督管理委员会",
    "江门市政务服务数据管理局 国家税务总局",
    "江门市税务局",
    "中国人民银行江门市分行 国家金融监督管理总局",
    "江门监管分局",
]


def test_wrapped_names_join_the_unfinished_name_or_the_central_organ_above():
    assert column_signers(P27) == [
        "江门市财政局",
        "江门市人力资源和社会保障局",
        "江门市人民政府国有资产监督管理委员会",
        "江门市金融工作局",
        "江门市政务服务数据管理局",
        "国家税务总局江门市税务局",
        "中国人民银行江门市分行",
        "国家金融监督管理总局江门监管分局",
    ]


def test_one_organ_a_line_is_no_two_column_signature():
    assert column_signers(["江门市财政局", "江门市商务局"]) is None


def test_a_notice_signed_in_two_columns_lists_every_organ_in_reading_order():
    text = (
        "各县(市、区)人民政府,市有关单位:\n"
        "《江门市全面提升制造业质量品牌水平的若干政策措施》已经市人民政府同意,现印发给你们,请认真贯彻执行。\n"
        "江门市市场监督管理局 江门市发展和改革局\n" + "\n".join(P27) + "\n2024年1月11日\n"
        "江门市全面提升制造业质量品牌水平的若干政策措施\n"
        "为深入贯彻落实党的二十大精神,大力实施《质量强国建设纲要》,制定以下政策措施。\n"
    )
    doc = parse_document(LoadedFile(path="x.txt", text=text, format="txt", metadata={}))
    assert doc.issuer.split("、")[:3] == ["江门市市场监督管理局", "江门市发展和改革局", "江门市财政局"]
    assert doc.issuer.endswith("国家金融监督管理总局江门监管分局")
    assert doc.date == "2024-01-11"
