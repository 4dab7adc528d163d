"""Build real knowledge files of every format in a test's tmp_path (no checked-in fixtures)."""

from __future__ import annotations

import os
from pathlib import Path

NOTICE_GBK = """title: 诸暨市招商投资促进中心关于外资项目推进情况的通报
issuer: 诸暨市招商投资促进中心
doc_no: 诸招商〔2023〕9号
date: 2023-03-15
visibility: internal
note: built by the test suite
note: second note line

诸暨市招商投资促进中心文件

诸招商〔2023〕9号

关于外资项目推进情况的通报

各镇乡人民政府，各街道办事处：

一、总体情况

2022年全市实际利用外资13509万美元。海亮集团8000万美元外资利润再投资项目已进入方案架构阶段。

二、下一步工作

（一）强化要素保障

加强用地、用能保障。（责任单位：市发改委、市自然资源和规划局、各镇乡人民政府）

诸暨市招商投资促进中心
2023年3月15日
"""

PROJECT_HEADER = ["项目名称", "总投资(万美元)", "进展", "所在地", "责任单位"]
PROJECT_ROWS = [
    ["智慧供应链产业园", 15000, "持续洽谈", "店口镇", "市投资促进中心、店口镇"],
    ["空气轴承", 30000, "已签约", "经济开发区", "经济开发区管委会"],
    ["新能源电池材料", 8000, "在谈", "牌头镇", "牌头镇、市经信局"],
    ["智能视觉模组", 12000, "已开工建设", "暨南街道", "暨南街道"],
    ["航空零部件", 5000, "洽谈中", "大唐街道", "大唐街道、市投资促进中心"],
]


def gbk_notice(folder: Path, name: str = "notice-gbk.txt") -> Path:
    path = folder / name
    path.write_bytes(NOTICE_GBK.encode("gbk"))
    return path


def docx_file(folder: Path, name: str = "plan.docx") -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("绍兴市投资促进中心关于重点外资项目的工作安排")
    document.add_paragraph("一、重点项目")
    table = document.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ["项目名称", "投资额", "进展", "所在地"], strict=True):
        cell.text = text
    for row in (
        ["高端装备产业园", "3亿美元", "已签约", "滨海新区"],
        ["生物医药基地", "50亿元", "在谈", "柯桥区"],
    ):
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    document.add_paragraph("二、工作要求")
    document.add_paragraph("各单位要加强协调，确保项目早日落地。")
    path = folder / name
    document.save(path)
    return path


def pdf_file(folder: Path, name: str = "policy.pdf") -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = folder / name
    c = canvas.Canvas(str(path))
    c.setFont("STSong-Light", 12)
    for i, line in enumerate(
        [
            "绍兴市人民政府办公室关于加强国际化招商引资工作的通知",
            "一、总体目标",
            "到2025年，累计实际利用外资40亿美元以上。",
        ]
    ):
        c.drawString(72, 760 - 20 * i, line)
    c.showPage()
    c.setFont("STSong-Light", 12)
    c.drawString(72, 760, "（此件公开发布）")
    c.save()
    return path


def scanned_pdf(folder: Path, name: str = "scan.pdf") -> Path:
    """A PDF with a drawing but no text layer, like a scanned page."""
    from reportlab.pdfgen import canvas

    path = folder / name
    c = canvas.Canvas(str(path))
    c.rect(72, 600, 300, 100, fill=1)
    c.save()
    return path


def xlsx_projects(folder: Path, name: str = "projects.xlsx") -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "重点外资项目"
    sheet.append(["2023年重点外资项目清单"])  # a title row above the header
    sheet.append(PROJECT_HEADER)
    for row in PROJECT_ROWS:
        sheet.append(row)
    sheet.append([])
    path = folder / name
    book.save(path)
    return path


def html_page(folder: Path, name: str = "page.html") -> Path:
    path = folder / name
    path.write_text(
        """<!doctype html><html><head><title>投资绍兴</title><style>body{color:red}</style>
<script>var tracking = "不应出现的脚本";</script></head><body>
<nav>首页 | 政务公开 | 导航菜单</nav>
<h1>外商投资企业服务指南</h1>
<p>外商投资企业可在市场监管单一窗口办理注册。</p>
<table><tr><th>事项</th><th>办理部门</th></tr><tr><td>外资注册</td><td>市市场监管局</td></tr></table>
</body></html>""",
        encoding="utf-8",
    )
    return path


def corrupt_docx(folder: Path, name: str = "corrupt.docx") -> Path:
    path = folder / name
    path.write_bytes(os.urandom(2048))
    return path


def empty_file(folder: Path, name: str = "empty.txt") -> Path:
    path = folder / name
    path.write_bytes(b"")
    return path
