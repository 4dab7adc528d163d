"""The optional LLM path against a real OpenAI-protocol server on 127.0.0.1."""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest

from bot.answer import Assistant
from bot.llm import numbers_supported
from tests.fakes.openai_server import FakeOpenAI

pytestmark = pytest.mark.slow


def test_numbers_supported():
    ctx = "原则上每半年召开1次会议；累计实际利用外资40亿美元以上"
    assert numbers_supported("每半年召开1次（绍政办发〔2023〕17号）", ctx + "绍政办发〔2023〕17号")
    assert not numbers_supported("每季度召开3次，补贴50%", ctx)


@pytest.fixture()
def llm_assistant(seed_runtime):
    def build(url: str) -> Assistant:
        settings = replace(seed_runtime.settings, llm_base_url=url, llm_model="qwen-test", llm_api_key="k-test")
        return Assistant(settings, seed_runtime.catalogue, seed_runtime.retriever)

    return build


def test_llm_answer_with_citation_is_used(llm_assistant):
    with FakeOpenAI() as fake:
        fake.replies.append("联席会议原则上每半年召开1次（绍政办发〔2023〕17号 四、（一））。")
        a = llm_assistant(fake.base_url).answer("国际化招商工作联席会议多久召开一次？", "staff", uuid.uuid4().hex)
    assert a.route == "passage-llm" and a.answer.startswith("联席会议原则上每半年")
    assert a.citations and a.citations[0].doc_no == "绍政办发〔2023〕17号"
    req = fake.requests[0]
    assert req["auth"] == "Bearer k-test" and req["body"]["model"] == "qwen-test"
    assert "每半年" in req["body"]["messages"][1]["content"]  # the model saw the retrieved passage


def test_llm_answer_with_invented_number_falls_back(llm_assistant):
    with FakeOpenAI() as fake:
        fake.replies.append("联席会议每季度召开3次（绍政办发〔2023〕17号）。")
        a = llm_assistant(fake.base_url).answer("国际化招商工作联席会议多久召开一次？", "staff", uuid.uuid4().hex)
    assert a.route == "passage" and "每半年" in a.answer and "每季度" not in a.answer


def test_llm_answer_without_citation_falls_back(llm_assistant):
    with FakeOpenAI() as fake:
        fake.replies.append("每半年开一次会。")
        a = llm_assistant(fake.base_url).answer("国际化招商工作联席会议多久召开一次？", "staff", uuid.uuid4().hex)
    assert a.route == "passage"


def test_llm_never_sees_internal_passages_for_investors(llm_assistant):
    with FakeOpenAI() as fake:
        fake.replies.append("I could not find this.")
        llm_assistant(fake.base_url).answer("How are the Hailiang and Pujian projects doing?", "investor", uuid.uuid4().hex)
    for req in fake.requests:
        assert "诸招商" not in req["body"]["messages"][1]["content"]


def test_llm_down_falls_back(llm_assistant):
    a = llm_assistant("http://127.0.0.1:9/v1").answer("国际化招商工作联席会议多久召开一次？", "staff", uuid.uuid4().hex)
    assert a.route == "passage" and "每半年" in a.answer
