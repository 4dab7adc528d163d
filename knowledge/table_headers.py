"""Table column headers → what each column holds (name, amount, 牵头单位, 完成时限 …).

Offices name the same column many ways (项目名称 / 项目, 总投资 / 投资额 / 计划总投资（万元）,
建设地点 / 所在地 / 实施地点 …). Chinese headers are head-final, so the word that ends last
decides ("项目类别" is a category, "项目单位" a company, "项目进展" a stage); among words ending
at the same place the longest wins. Units in brackets ("（万美元）") are read separately.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.normalize import normalize

# field -> header words
FIELD_WORDS: dict[str, tuple[str, ...]] = {
    "serial": ("序号", "编号", "排序", "序"),
    "name": ("项目名称", "项目", "名称", "项目全称", "project name", "project"),
    "company": (
        "企业", "公司", "投资方", "项目单位", "企业名称", "投资主体", "投资企业", "业主单位", "建设单位",
        "申报单位", "申报主体", "实施主体", "项目业主", "团队", "签约企业", "公司名称", "单位名称",
        "company", "investor",
    ),
    "amount": (
        "投资额", "总投资", "投资总额", "计划总投资", "投资金额", "投资规模", "合同外资", "金额", "总投资额",
        "项目总投资", "估算总投资", "概算总投资", "协议投资", "签约金额", "协议金额", "合同金额",
        "奖励金额", "补助金额", "补贴金额", "奖补资金", "补助资金", "支持资金", "investment", "amount",
    ),
    "annual_amount": ("年度计划投资", "年度投资", "本年计划投资", "年度投资计划", "计划投资"),
    "done_amount": ("已完成投资", "累计完成投资", "完成投资", "累计投资", "已完成投资额"),
    "currency": ("币种", "币别", "currency"),
    "rate": ("完成率", "比例", "占比", "增长率", "增速", "完成比例"),
    "stage": (
        "进展", "状态", "项目进展", "进展情况", "阶段", "项目阶段", "项目状态", "进度", "形象进度",
        "建设进度", "目前进展", "当前进展", "推进情况", "完成情况", "工作进展", "status", "stage",
    ),
    "place": (
        "地点", "所在地", "区域", "落户地", "项目地点", "建设地点", "所在区域", "所在地区", "落户地点",
        "实施地点", "所在县", "所在镇", "所属地区", "属地", "区县", "县市区", "选址", "项目选址", "建设地址",
        "地址", "所在乡镇", "location",
    ),
    "content": (
        "建设内容", "主要内容", "建设规模及内容", "建设规模", "主要建设内容", "项目内容", "项目简介", "内容",
        "具体内容", "项目概况", "简介", "建设规模及主要建设内容", "公开内容", "概况",
    ),
    "category": (
        "类别", "类型", "分类", "奖次", "奖项", "等次", "组别", "行业", "产业", "领域", "所属行业",
        "产业类别", "政策类别", "建设性质", "项目类型", "性质", "产业方向", "获奖等级", "分组",
    ),
    "units": (
        "责任单位", "责任部门", "承办单位", "实施单位", "主办单位", "具体责任单位", "责任主体", "负责单位",
        "落实单位", "主管部门", "主管单位", "服务单位", "联系单位", "包联单位", "单位", "责任处室",
    ),
    "lead": ("牵头单位", "牵头部门", "指导部门", "牵头责任单位", "主责单位", "主责部门", "牵头处室"),
    "co_units": ("配合单位", "配合部门", "协办单位", "协同单位", "参与单位", "协助单位"),
    "leader": (
        "牵头领导", "责任领导", "分管领导", "联系领导", "包联领导", "牵头市领导", "挂钩领导",
        "联系市领导", "领导", "市领导",
    ),
    "person": ("责任人", "联系人", "负责人", "姓名", "经办人", "项目负责人", "具体责任人", "contact"),
    "phone": ("联系电话", "电话", "手机", "联系方式", "手机号码", "办公电话", "咨询方式", "咨询电话", "phone"),
    "deadline": (
        "完成时限", "时限", "完成时间", "时间节点", "时间要求", "完成期限", "截止时间", "时序进度",
        "计划完成时间", "办结时限", "完成年限", "deadline",
    ),
    "period": ("建设年限", "建设起止年限", "建设工期", "起止年限", "建设周期", "实施期限"),
    "task": (
        "任务", "工作任务", "重点任务", "主要任务", "改革举措", "举措", "工作内容", "内容与要求", "目标任务",
        "具体任务", "工作措施", "政策措施", "任务内容", "工作事项", "事项", "目标名称", "工作目标", "任务名称",
        "考核内容", "措施", "重点工作", "工作要点", "目标", "要求", "条款对应的工作内容",
    ),
    "scope": ("推广范围", "适用范围", "实施范围", "范围"),
    "basis": ("依据文件", "政策依据", "依据"),
    "note": ("备注", "说明"),
    "as_of": ("日期", "截至", "截止", "更新时间", "更新日期", "统计时间", "填报时间", "as of", "date"),
}  # fmt: skip

# a table that names its rows and says something else about them is a project list
_PROJECT_DETAILS = ("amount", "stage", "place", "company", "units", "lead", "content", "leader", "category")
_TASK_UNITS = ("units", "lead", "co_units", "leader")
_BRACKETS = re.compile(r"[（(\[【][^）)\]】]*[）)\]】]")


def clean_header(header: str) -> str:
    """The words of a header, simplified script: brackets (units), spaces inside Chinese
    ("主 要 内 容") and a trailing colon dropped, lower-cased."""
    key = _BRACKETS.sub("", normalize(str(header))).strip().rstrip("：:").lower()
    return re.sub(r"\s+", "", key) if re.search(r"[\u4e00-\u9fff]", key) else key


def header_field(header: str) -> str | None:
    """The field one header names, or None ("备注" is "note", "完成率" nothing)."""
    key = clean_header(header)
    if not key:
        return None
    best: tuple[int, int, str] | None = None  # (end position, length, field)
    for field_name, words in FIELD_WORDS.items():
        for word in words:
            at = key.rfind(word)
            if at < 0:
                continue
            cand = (at + len(word), len(word), field_name)
            if best is None or cand[:2] > best[:2]:
                best = cand
    return best[2] if best else None


def classify_headers(headers: Sequence[str]) -> dict[str, str]:
    """Map field → the first header cell that names it (e.g. {"amount": "总投资(万美元)"})."""
    found: dict[str, str] = {}
    for header in headers:
        field_name = header_field(header)
        if field_name and field_name not in found:
            found[field_name] = header
    return found


def is_project_header(headers: Sequence[str]) -> bool:
    """A project table names its projects and says something else about them."""
    fields = classify_headers(headers)
    if "name" not in fields or not any(f in fields for f in _PROJECT_DETAILS):
        return False
    # "名称" alone names any thing (a park, a platform); it is a project list when the column
    # says 项目 or the table carries what only projects have (an investment, a stage, 建设内容).
    return (
        "项目" in fields["name"]
        or "project" in fields["name"].lower()
        or any(f in fields for f in ("amount", "stage", "content", "annual_amount"))
    )


def is_task_header(headers: Sequence[str]) -> bool:
    """A task-division table (任务分工表): a task or content column and who is responsible."""
    fields = classify_headers(headers)
    has_task = any(f in fields for f in ("task", "content", "name"))
    return has_task and any(f in fields for f in _TASK_UNITS)


def looks_like_header(cells: Sequence[str]) -> bool:
    """A row of column labels: short cells without sentence punctuation, several of them
    known header words, and not a key–value grid ("发文机关： | 国务院")."""
    filled = [c.strip() for c in cells if c and c.strip()]
    if len(filled) < 2 or len(filled) < len(cells) - 1:
        return False
    if any(len(c) > 20 or re.search(r"[。；;，,]|\d{3,}", c) for c in filled):
        return False
    if any(re.search(r"[：:]", c) for c in filled):
        return False  # labels of a metadata grid, not column headers
    known = sum(1 for c in filled if header_field(c))
    return known >= 2 and known * 2 >= len(filled)
