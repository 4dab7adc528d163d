"""Loaders read every supported format the tests build themselves; bad files get clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from file_builders import (
    PROJECT_ROWS,
    corrupt_docx,
    docx_file,
    empty_file,
    gbk_notice,
    html_page,
    pdf_file,
    scanned_pdf,
    xlsx_projects,
)

from knowledge.errors import MalformedDocument, UnsupportedFormat
from knowledge.loaders import decode_text, iter_files, load_file, load_many
from knowledge.metadata import clean_metadata, split_header

KB = Path(__file__).resolve().parents[2] / "knowledge_base"


# --- text and encodings ---------------------------------------------------------------


def test_gbk_notice_is_decoded_and_header_becomes_metadata(tmp_path):
    path = gbk_notice(tmp_path)
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")  # really not UTF-8
    loaded = load_file(path)
    assert loaded.format == "txt"
    assert loaded.metadata["doc_no"] == "诸招商〔2023〕9号"
    assert loaded.metadata["visibility"] == "internal"
    assert loaded.metadata["date"] == "2023-03-15"
    assert loaded.metadata["note"] == "built by the test suite\nsecond note line"
    assert loaded.text.startswith("诸暨市招商投资促进中心文件")
    assert (
        "title:" not in loaded.text
        and "（责任单位：市发改委、市自然资源和规划局、各镇乡人民政府）" in loaded.text
    )
    assert loaded.rows is None


def test_gb18030_only_characters_and_utf8_bom(tmp_path):
    rare = "㐀项目：投资额8000万美元\n"  # U+3400 is not in GBK, only in GB18030
    (tmp_path / "a.txt").write_bytes(rare.encode("gb18030"))
    (tmp_path / "b.txt").write_bytes(b"\xef\xbb\xbf" + rare.encode("utf-8"))
    assert load_file(tmp_path / "a.txt").text == rare
    assert load_file(tmp_path / "b.txt").text == rare


def test_decode_rejects_binary(tmp_path):
    with pytest.raises(MalformedDocument, match="binary"):
        decode_text(b"PK\x03\x04\x00\x00binary", tmp_path / "x.txt")


def test_text_is_kept_original(tmp_path):
    original = "關於進一步加強招商引資的意見\n\n一、总体目标 (ASCII 括号) ，全角逗号\r\n"
    (tmp_path / "trad.txt").write_text(original, encoding="utf-8")
    text = load_file(tmp_path / "trad.txt").text
    assert "關於進一步加強" in text and "(ASCII 括号) ，" in text  # no script or width folding here


def test_yaml_front_matter(tmp_path):
    (tmp_path / "guide.md").write_text(
        "---\ntitle: Investing in Shaoxing\nvisibility: public\nkind: guide\ndate: 2024-05-01\n"
        "note:\n  - first\n  - second\n---\n\n# Investing in Shaoxing\n\nForeign investors may register online.\n",
        encoding="utf-8",
    )
    loaded = load_file(tmp_path / "guide.md")
    assert loaded.format == "md"
    assert loaded.metadata == {
        "title": "Investing in Shaoxing",
        "visibility": "public",
        "kind": "guide",
        "date": "2024-05-01",
        "note": "first\nsecond",
    }
    assert loaded.text.startswith("# Investing in Shaoxing")


def test_bad_front_matter_names_the_file(tmp_path):
    (tmp_path / "bad.md").write_text("---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    with pytest.raises(MalformedDocument, match=r"bad\.md: invalid YAML front matter"):
        load_file(tmp_path / "bad.md")


def test_body_text_that_looks_like_a_key_is_not_a_header(tmp_path):
    (tmp_path / "en.txt").write_text(
        "Note: this guide is dated.\n\nShaoxing has six districts.\n", encoding="utf-8"
    )
    loaded = load_file(tmp_path / "en.txt")
    assert loaded.metadata == {}
    assert loaded.text.startswith("Note: this guide is dated.")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"doc_no": "not shown in this copy"}, {}),
        ({"doc_no": "none"}, {}),
        ({"title": "unknown"}, {}),
        ({"doc_no": "none (索引号 11330600002577014T/2022-227934)"},
         {"doc_no_raw": "none (索引号 11330600002577014T/2022-227934)"}),
        ({"date": "2021-01-19 (from the page address)"},
         {"date": "2021-01-19", "date_raw": "2021-01-19 (from the page address)"}),
        ({"date": "二〇二三年不是日期"}, {"date": "二〇二三年不是日期"}),
        ({"date": "2023年4月26日"}, {"date": "2023-04-26", "date_raw": "2023年4月26日"}),
        ({"doc_no": "金政办发〔2025〕51号 (统一编号 ZJGC01-2025-0013)"},
         {"doc_no": "金政办发〔2025〕51号", "doc_no_raw": "金政办发〔2025〕51号 (统一编号 ZJGC01-2025-0013)"}),
        ({"title": "金华市合格境外有限合伙人(QFLP)试点暂行办法"}, {"title": "金华市合格境外有限合伙人(QFLP)试点暂行办法"}),
        ({"visibility": "Public"}, {"visibility": "public"}),
        ({"visibility": "maybe"}, {}),
        ({"kind": "project-records"}, {"kind": "project-records"}),
        ({"kind": "novel"}, {}),
        ({"issuer": "published on tz.sx.gov.cn (绍兴市 site)"}, {"issuer_raw": "published on tz.sx.gov.cn (绍兴市 site)"}),
    ],
)  # fmt: skip
def test_clean_metadata(raw, expected):
    assert clean_metadata(raw) == expected


def test_split_header_requires_a_blank_line_and_known_keys():
    assert split_header("title: X\nbody without blank line") == ({}, "title: X\nbody without blank line")
    assert split_header("\ntitle: X\n\nbody") == ({}, "\ntitle: X\n\nbody")
    meta, body = split_header("title: X\nsource: http://a.b/c\n\nbody")
    assert meta == {"title": "X", "source": "http://a.b/c"} and body == "body"


# --- office, pdf, html, tables ----------------------------------------------------------


def test_docx_paragraphs_and_table_rows_in_document_order(tmp_path):
    loaded = load_file(docx_file(tmp_path))
    lines = loaded.text.split("\n")
    assert lines == [
        "绍兴市投资促进中心关于重点外资项目的工作安排",
        "一、重点项目",
        "项目名称 | 投资额 | 进展 | 所在地",
        "高端装备产业园 | 3亿美元 | 已签约 | 滨海新区",
        "生物医药基地 | 50亿元 | 在谈 | 柯桥区",
        "二、工作要求",
        "各单位要加强协调，确保项目早日落地。",
    ]
    assert loaded.rows == [
        {"项目名称": "高端装备产业园", "投资额": "3亿美元", "进展": "已签约", "所在地": "滨海新区"},
        {"项目名称": "生物医药基地", "投资额": "50亿元", "进展": "在谈", "所在地": "柯桥区"},
    ]


def test_docx_with_a_non_project_table_has_no_rows(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("重点工作进展情况表")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["序号", "内容与要求", "责任单位"], strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["1", "确保地区生产总值增长7%以上", "市发改委"], strict=True):
        cell.text = text
    document.save(tmp_path / "work.docx")
    loaded = load_file(tmp_path / "work.docx")
    assert loaded.rows is None
    assert "1 | 确保地区生产总值增长7%以上 | 市发改委" in loaded.text


def test_pdf_with_chinese_text_layer(tmp_path):
    loaded = load_file(pdf_file(tmp_path))
    assert loaded.format == "pdf"
    assert "绍兴市人民政府办公室关于加强国际化招商引资工作的通知" in loaded.text
    assert "累计实际利用外资40亿美元以上" in loaded.text
    assert "（此件公开发布）" in loaded.text.split("\n\n")[-1]  # page 2 after a page break


def test_a_pdf_without_text_layer_or_text_in_its_image_is_an_error(tmp_path):
    loaded, errors = load_many([scanned_pdf(tmp_path)])  # OCR runs in the reader process, finds nothing
    assert loaded == [] and errors[0].error == "no text layer (scanned?) and OCR found no text"


def test_xlsx_project_list(tmp_path):
    loaded = load_file(xlsx_projects(tmp_path))
    assert loaded.format == "xlsx"
    assert loaded.rows is not None and len(loaded.rows) == len(PROJECT_ROWS)
    assert loaded.rows[0] == {
        "项目名称": "智慧供应链产业园",
        "总投资(万美元)": "15000",
        "进展": "持续洽谈",
        "所在地": "店口镇",
        "责任单位": "市投资促进中心、店口镇",
    }
    lines = loaded.text.split("\n")
    assert lines[0] == "2023年重点外资项目清单"
    assert (
        lines[1]
        == "项目名称：智慧供应链产业园；总投资(万美元)：15000；进展：持续洽谈；所在地：店口镇；责任单位：市投资促进中心、店口镇"
    )
    assert len(lines) == 1 + len(PROJECT_ROWS)


def test_csv_in_gbk_with_semicolons(tmp_path):
    content = "项目名称;投资额;状态\n海亮集团利润再投资;8000万美元;方案架构\n世邦魏理仕;;持续洽谈\n"
    (tmp_path / "list.csv").write_bytes(content.encode("gbk"))
    loaded = load_file(tmp_path / "list.csv")
    assert loaded.rows == [
        {"项目名称": "海亮集团利润再投资", "投资额": "8000万美元", "状态": "方案架构"},
        {"项目名称": "世邦魏理仕", "投资额": "", "状态": "持续洽谈"},
    ]
    assert "项目名称：世邦魏理仕；状态：持续洽谈" in loaded.text.split("\n")


def test_html_drops_script_style_nav_and_keeps_table_rows(tmp_path):
    loaded = load_file(html_page(tmp_path))
    assert "外商投资企业服务指南" in loaded.text
    assert "外资注册 | 市市场监管局" in loaded.text.split("\n")
    for gone in ("不应出现的脚本", "color:red", "导航菜单"):
        assert gone not in loaded.text


# --- errors -------------------------------------------------------------------------------


def test_corrupt_docx_names_file_and_reason(tmp_path):
    path = corrupt_docx(tmp_path)
    with pytest.raises(MalformedDocument) as err:
        load_file(path)
    assert err.value.path == str(path)
    assert str(err.value) == f"{path}: not a valid .docx (zip) file"


@pytest.mark.parametrize(
    "name", ["empty.txt", "empty.docx", "empty.pdf", "empty.xlsx", "empty.csv", "blank.md"]
)
def test_empty_files(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"  \n" if name == "blank.md" else b"")
    with pytest.raises(MalformedDocument, match=rf"{name}: empty file"):
        load_file(path)


def test_corrupt_xlsx_and_pdf(tmp_path):
    (tmp_path / "bad.xlsx").write_bytes(b"not a zip at all")
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4\n garbage without objects")
    with pytest.raises(MalformedDocument, match=r"bad\.xlsx: not a valid \.xlsx \(zip\) file"):
        load_file(tmp_path / "bad.xlsx")
    with pytest.raises(MalformedDocument, match=r"bad\.pdf: "):
        load_file(tmp_path / "bad.pdf")


def test_unsupported_format_suggests_the_fix(tmp_path):
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(UnsupportedFormat, match=r"old\.doc: unsupported file type \.doc; save it as \.docx"):
        load_file(tmp_path / "old.doc")


def test_load_many_keeps_going_and_names_bad_files(tmp_path):
    folder = tmp_path / "kb"
    (folder / "sub").mkdir(parents=True)
    gbk_notice(folder)
    docx_file(folder / "sub")
    corrupt_docx(folder)
    empty_file(folder)
    (folder / ".hidden.txt").write_text("secret", encoding="utf-8")
    (folder / "INDEX.md").write_text("# index of the folder", encoding="utf-8")
    (folder / "~$plan.docx").write_bytes(b"lock")
    loaded, errors = load_many([folder, tmp_path / "missing.txt"])
    assert [Path(f.path).name for f in loaded] == ["notice-gbk.txt", "plan.docx"]
    assert {Path(e.path).name: e.error for e in errors} == {
        "corrupt.docx": "not a valid .docx (zip) file",
        "empty.txt": "empty file",
        "missing.txt": "no such file or folder",
    }


def test_iter_files_is_sorted_and_deduplicated(tmp_path):
    for name in ("b.txt", "a.txt", "c.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    files = iter_files([tmp_path, tmp_path / "a.txt"])
    assert [f.name for f in files] == ["a.txt", "b.txt", "c.md"]


def test_sidecar_overrides_metadata_for_any_format(tmp_path):
    path = docx_file(tmp_path)
    (tmp_path / "plan.docx.meta.yaml").write_text(
        "visibility: public\nkind: project-records\n", encoding="utf-8"
    )
    notice = gbk_notice(tmp_path)
    (tmp_path / "notice-gbk.meta.yaml").write_text("visibility: public\n", encoding="utf-8")
    assert load_file(path).metadata == {"visibility": "public", "kind": "project-records"}
    meta = load_file(notice).metadata
    assert meta["visibility"] == "public" and meta["doc_no"] == "诸招商〔2023〕9号"  # sidecar wins, rest kept
    loaded, errors = load_many([tmp_path])
    assert errors == [] and len(loaded) == 2  # sidecars are not documents


def test_bad_sidecar_is_an_error(tmp_path):
    path = gbk_notice(tmp_path)
    (tmp_path / "notice-gbk.txt.meta.yaml").write_text("- a list\n- not a mapping\n", encoding="utf-8")
    with pytest.raises(MalformedDocument, match="must be a YAML mapping"):
        load_file(path)


# --- the bundled knowledge folder -----------------------------------------------------------


def test_bundled_knowledge_base_loads_completely():
    loaded, errors = load_many([KB])
    assert errors == []
    assert len(loaded) == 32
    by_name = {Path(f.path).name: f for f in loaded}
    seeds = [n for n in by_name if not n[:3].isdigit()]
    assert sorted(seeds) == [
        "shaoxing-2023-17-international-investment.txt",
        "zhuji-2022-5-proposal-reply.txt",
    ]
    for name in seeds:
        assert by_name[name].metadata == {}
        assert "〔" in by_name[name].text[:200]
    extras = [f for n, f in by_name.items() if n[:3].isdigit()]
    assert len(extras) == 30
    for f in extras:
        assert f.metadata["visibility"] == "public", f.path
        assert f.metadata["kind"] in ("policy", "responsible-units", "project-records", "reply", "guide"), (
            f.path
        )
        assert "source" in f.metadata and "completeness" in f.metadata, f.path
        assert not f.text.startswith(("title:", "issuer:")), f.path
        for key, value in f.metadata.items():
            if key.endswith("_raw"):
                continue
            assert not value.lower().startswith(("not shown", "unknown")), (f.path, value)
    assert by_name["017_jinhua-2025-qflp-interim-measures.txt"].metadata["doc_no"] == "金政办发〔2025〕51号"
    assert by_name["028_xuzhou-2020-gov-report-target-task-breakdown.txt"].metadata["date"] == "2020-01-18"
    assert "doc_no" not in by_name["001_zhuji-2022-manufacturing-and-open-economy-policies.txt"].metadata
    assert by_name["003_shaoxing-2020-key-work-completion-table.txt"].metadata["date"] == "2021-01-19"


def test_folder_sidecar_gives_defaults_that_files_and_printed_notes_override(tmp_path):
    from knowledge.gov_parse import parse_document

    web = tmp_path / "web-copies"
    (web / "county").mkdir(parents=True)
    (web / "_folder.meta.yaml").write_text("visibility: public\nkind: policy\n", encoding="utf-8")
    body = "大通县招商引资引荐奖励办法\n第一条 为鼓励引荐人引进项目资金，制定本办法。\n"
    (web / "a.txt").write_text(body, encoding="utf-8")
    (web / "county" / "b.txt").write_text(body + "（此件不予公开）\n", encoding="utf-8")  # printed note wins
    (web / "county" / "c.txt").write_text(body, encoding="utf-8")
    (web / "county" / "c.meta.yaml").write_text("visibility: internal\n", encoding="utf-8")  # own sidecar wins
    (tmp_path / "d.txt").write_text(body, encoding="utf-8")  # outside the folder: the default

    def vis(path: Path) -> tuple[str, str]:
        doc = parse_document(load_file(path))
        return doc.visibility, doc.visibility_source

    assert vis(web / "a.txt") == ("public", "folder")
    assert load_file(web / "a.txt").metadata["kind"] == "policy"
    assert vis(web / "county" / "b.txt") == ("internal", "marker")
    assert vis(web / "county" / "c.txt") == ("internal", "admin")
    assert vis(tmp_path / "d.txt") == ("internal", "default")
    loaded, errors = load_many([tmp_path])
    assert errors == [] and len(loaded) == 4  # the folder's sidecar is not a document
