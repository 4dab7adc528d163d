"""Tables → records on real documents: every row a TableRow, award/project lists → Projects,
任务分工 tables → Responsibilities, 责任人 with a mobile → a personal Contact."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from knowledge.gov_parse import parse_document
from knowledge.loaders import load_file
from knowledge.models import LoadedFile

REPO = Path(__file__).resolve().parents[2]
REAL = REPO / "tests" / "data" / "dev-real"
KB = REPO / "knowledge_base"


def _doc(folder: Path, prefix: str):
    return parse_document(load_file(next(folder.glob(f"{prefix}_*"))))


def test_reform_measures_table_gives_one_responsibility_per_row():
    """国办发〔2018〕126号: 指导部门 leads, 推广范围 is the scope, the 序号 is the section."""
    doc = _doc(REAL, "013")
    rows = doc.records.table_rows
    assert len(rows) == 17 and {r.table for r in rows} == {"第二批支持创新相关改革举措推广清单"}
    table_resp = [r for r in doc.records.responsibilities if r.source.startswith("序号：")]
    assert len(table_resp) == 17
    first = table_resp[0]
    assert (first.section, first.task) == ("1", "知识产权民事、刑事、行政案件“三合一”审判")
    assert (first.lead, first.units) == ("最高人民法院", ["最高人民法院", "最高人民检察院", "国家知识产权局"])
    assert first.scope == "全国"
    assert [r.section for r in table_resp if r.scope == "8个改革试验区域"] == ["6", "10", "21"]
    assert doc.records.projects == []  # measures are no projects
    # every row is its own paragraph: a page-break join never glues two rows together
    row_paras = [p for p in doc.paragraphs if " | " in p.text and p.text[:2].strip().isdigit()]
    assert len(row_paras) == 17 and all(p.text.count(" | ") == 4 for p in row_paras)


def test_policy_list_with_a_responsible_unit_column():
    doc = _doc(REAL, "023")
    assert len(doc.records.table_rows) == 31
    resp = [r for r in doc.records.responsibilities if r.source.startswith("序号：")]
    assert len(resp) == 31
    assert resp[6].lead == "市人力社保局" and "市住房城乡建委" in resp[6].units
    assert not resp[6].lead_stated and resp[0].lead_stated  # a list names no lead; a sole unit is it
    assert resp[0].task.startswith("自2017年7月1日起")


def test_award_list_xlsx_every_row_a_project_with_its_merged_award():
    """渝经信中小〔2024〕38号: 企业组 20 and 创客组 12 projects; 奖次 is merged over its rows."""
    doc = _doc(REAL, "024")
    projects = doc.records.projects
    assert len(projects) == 32 and len(doc.records.table_rows) == 32
    by_table = Counter(p.table for p in projects)
    assert sorted(by_table.values()) == [12, 20]
    enterprise = max(by_table, key=by_table.get)
    awards = Counter(p.category for p in projects if p.table == enterprise)
    assert awards == {"一等奖": 2, "二等奖": 4, "三等奖": 6, "优胜奖": 8}
    coating = next(p for p in projects if p.name == "辐射制冷涂层技术")
    assert (coating.company, coating.category) == ("重庆蔚蓝时代节能技术有限公司", "三等奖")
    assert [p.row for p in projects if p.table == enterprise] == list(range(1, 21))


def test_task_division_xlsx_lead_co_units_and_deadline():
    """渝民发〔2024〕11号 任务分工: 17 tasks; the note row under the table is no task."""
    doc = _doc(REAL, "026")
    resp = [r for r in doc.records.responsibilities if r.source.startswith("序号：")]
    assert [r.section for r in resp] == [str(i) for i in range(1, 18)]
    assert (resp[0].task, resp[0].lead, resp[0].lead_stated) == ("拓宽人才来源渠道", "市民政局", True)
    assert resp[0].units[:3] == ["市民政局", "市教委", "市财政局"]
    assert [r.section for r in resp if r.deadline == "到2027年"] == ["4", "7", "9"]
    assert resp[12].units == ["市民政局", "其他各相关部门"]  # "…按职责分工负责" is no unit name
    assert len(doc.records.table_rows) == 17


def test_lead_and_co_units_written_in_one_cell():
    doc = _doc(KB, "012")
    resp = doc.records.responsibilities
    assert (resp[0].section, resp[0].lead, resp[0].units) == ("1", "市经贸委", ["市经贸委", "市财政局"])
    assert resp[0].lead_stated
    assert resp[2].leads == ["市发改委", "科技局"]  # "分别牵头": both lead
    assert resp[5].units == ["市经贸委", "绍兴县", "诸暨市", "嵊州市"]


def test_key_work_tables_of_the_bundled_knowledge_come_through_row_by_row():
    counts = {
        prefix: len(_doc(KB, prefix).records.table_rows)
        for prefix in ("002", "003", "004", "005", "012", "022")
    }
    assert counts == {"002": 4, "003": 3, "004": 2, "005": 2, "012": 7, "022": 4}  # every row the copies hold
    assert [r.lead for r in _doc(KB, "002").records.responsibilities] == ["市发改委"] * 3 + ["市发"]


def test_contact_tables_give_personal_and_office_numbers():
    """解读 page: 单位 | 姓名 | 联系方式 tables; a mobile is personal, a landline is not."""
    doc = _doc(REAL, "017")
    gao = [c for c in doc.records.contacts if c.person == "高伟斌"]
    assert {(c.phone, c.personal) for c in gao} == {("0791-88915168", False), ("15070989988", True)}
    assert all(c.unit == "省发展改革委 财政金融处" for c in gao)
    keys = [(c.person, c.phone) for c in doc.records.contacts]
    assert len(keys) == len(set(keys))  # the same person in several tables is one contact


def test_project_table_in_text_all_fields():
    text = "\n".join([
        "某区2024年重点招商项目推进表",
        "2024年3月1日",
        "单位：亿元",
        "序号 | 项目名称 | 建设内容 | 总投资 | 建设地点 | 形象进度 | 责任单位 | 牵头领导 | 责任人",
        "1 | 甲智能装备项目 | 新建厂房10万平方米 | 12 | 柯桥区 | 已开工建设 | 区经信局、柯桥街道 | 王某某 | 李某 13900001111",
        "2 | 乙新材料项目 | 年产5万吨新材料 | 3.5 | 上虞区 | 正在洽谈 | 区商务局 | 王某某 | 张某",
        "合计 |  |  | 15.5 |  |  |  |  | ",
    ])  # fmt: skip
    doc = parse_document(LoadedFile(path="/kb/projects.txt", text=text, format="txt"))
    first, second = doc.records.projects
    assert (first.name, first.amount_text, first.amount_cny, first.currency) == (
        "甲智能装备项目",
        "12亿元",
        1.2e9,
        "CNY",
    )
    assert (first.stage, first.place, first.content) == ("在建", "柯桥区", "新建厂房10万平方米")
    assert (first.units, first.leader, first.person, first.phone) == (
        ["区经信局", "柯桥街道"],
        "王某某",
        "李某",
        "13900001111",
    )
    assert (first.section, first.row, first.table) == ("1", 1, "某区2024年重点招商项目推进表")
    assert second.stage == "洽谈" and second.person == "张某" and second.phone is None
    assert len(doc.records.table_rows) == 2  # the 合计 row sums the others
    (contact,) = doc.records.contacts
    assert (contact.person, contact.phone, contact.personal, contact.unit) == (
        "李某",
        "13900001111",
        True,
        "区经信局、柯桥街道",
    )


def test_reader_table_rows_stay_separate_paragraphs(tmp_path):
    """A .docx table is rendered as " | " lines by its reader: two rows never become one paragraph."""
    import docx

    document = docx.Document()
    document.add_paragraph("附件")
    table = document.add_table(rows=3, cols=3)
    cells = [
        ["序号", "任务", "牵头单位"],
        ["1", "建立完善扶持政策，支持引导高等院校和职业院校养老服务相关专业建设", "市民政局"],
        ["2", "支持职业院校设置养老管理、养老服务、康复护理等相关专业", "市教委"],
    ]  # fmt: skip
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            table.rows[r].cells[c].text = text
    path = tmp_path / "tasks.docx"
    document.save(path)
    doc = parse_document(load_file(path))
    rows = [p.text for p in doc.paragraphs if " | " in p.text]
    assert len(rows) == 3 and [r.lead for r in doc.records.responsibilities] == ["市民政局", "市教委"]
