import json
import os

from connectors.dingtalk.escalation import EscalationMap


def test_no_file_means_nobody(tmp_path):
    assert EscalationMap(tmp_path).staff_for(["市商务局"]) == []


def test_yaml_map_exact_and_containment_and_reload(tmp_path):
    path = tmp_path / "escalation.yaml"
    path.write_text("绍兴市商务局: [boss1, boss2]\n诸暨市 投资促进中心: staff9\n", encoding="utf-8")
    m = EscalationMap(tmp_path)
    assert m.staff_for(["绍兴市商务局"]) == ["boss1", "boss2"]
    assert m.staff_for(["市商务局", "诸暨市投资促进中心"]) == ["boss1", "boss2", "staff9"]  # contained names
    assert m.staff_for(["市教育局"]) == []
    path.write_text("市教育局: [edu1]\n", encoding="utf-8")
    os.utime(path, (path.stat().st_atime, path.stat().st_mtime + 5))
    assert m.staff_for(["市教育局"]) == ["edu1"]


def test_json_map_and_broken_file_keeps_previous(tmp_path):
    path = tmp_path / "escalation.json"
    path.write_text(json.dumps({"市商务局": ["a1"]}, ensure_ascii=False), encoding="utf-8")
    m = EscalationMap(tmp_path)
    assert m.staff_for(["市商务局"]) == ["a1"]
    path.write_text("{not json", encoding="utf-8")
    os.utime(path, (path.stat().st_atime, path.stat().st_mtime + 5))
    assert m.staff_for(["市商务局"]) == ["a1"]
