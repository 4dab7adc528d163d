"""The optional LLM translation of English heads, against a real OpenAI-protocol server on 127.0.0.1."""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest

from bot.answer import Assistant
from bot.llm import numbers_match
from tests.fakes.openai_server import FakeOpenAI

pytestmark = pytest.mark.slow
QUESTION = "How often does the international investment joint meeting convene?"


def test_numbers_must_match_with_units_converted():
    assert numbers_match("引进总投资1.5亿美元以上项目25个", "25 projects of USD 150 million or more")
    assert numbers_match("给予一次性补助最高500万元", "a one-off subsidy of up to RMB 5 million")
    assert numbers_match("返还失业保险费的50%", "a refund of 50% of the premiums")
    assert not numbers_match("引进总投资1.5亿美元以上项目25个", "25 projects of USD 1.5 million")  # unit not converted
    assert not numbers_match("返还失业保险费的50%", "a refund of 60% of the premiums")
    assert not numbers_match("原则上每半年召开1次会议", "it meets once every 6 months, 3 times a year")  # invented


@pytest.fixture()
def llm_assistant(seed_runtime):
    def build(url: str) -> Assistant:
        settings = replace(seed_runtime.settings, llm_base_url=url, llm_model="qwen-test", llm_api_key="k-test")
        return Assistant(settings, seed_runtime.catalogue, seed_runtime.retriever)

    return build


def test_translated_head_is_used_and_labelled(llm_assistant):
    with FakeOpenAI() as fake:
        fake.replies.append("In principle the joint meeting convenes once every half year (1 meeting).")
        a = llm_assistant(fake.base_url).answer(QUESTION, "staff", uuid.uuid4().hex)
    assert a.answered and a.answer.startswith("In principle the joint meeting") and "(machine translation)" in a.answer
    assert "Original text (Chinese)" in a.answer  # the source sentence is still shown
    req = fake.requests[0]
    assert req["auth"] == "Bearer k-test" and req["body"]["model"] == "qwen-test"
    assert "每半年" in req["body"]["messages"][1]["content"]  # the model saw the chosen sentence only


def test_translation_with_a_wrong_number_is_rejected(llm_assistant):
    with FakeOpenAI() as fake:
        fake.replies.append("The joint meeting convenes 3 times every quarter.")
        a = llm_assistant(fake.base_url).answer(QUESTION, "staff", uuid.uuid4().hex)
    assert a.answered and "3 times" not in a.answer and "machine translation" not in a.answer


def test_llm_never_sees_internal_text_for_investors(llm_assistant):
    with FakeOpenAI() as fake:
        llm_assistant(fake.base_url).answer("How are the Hailiang and Pujian projects doing?", "investor", uuid.uuid4().hex)
    for req in fake.requests:
        assert "诸招商" not in req["body"]["messages"][1]["content"] and "海亮" not in req["body"]["messages"][1]["content"]


def test_llm_down_keeps_the_extractive_head(llm_assistant):
    a = llm_assistant("http://127.0.0.1:9/v1").answer(QUESTION, "staff", uuid.uuid4().hex)
    assert a.answered and "每半年" in a.answer and "machine translation" not in a.answer
