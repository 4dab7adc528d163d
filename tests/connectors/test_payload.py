import pytest

from connectors.base import PayloadError
from connectors.dingtalk.payload import parse_callback
from tests.fakes.dingtalk_messages import file_message, text_message

HOOK = "https://oapi.dingtalk.com/robot/sendBySession?session=s1"


def test_group_text_is_stripped_of_space_and_mentions():
    body = text_message("@李四 本周牵头单位是谁？ ", HOOK)
    msg = parse_callback(body)
    assert msg.text == "本周牵头单位是谁？"
    assert msg.is_group and msg.mentioned
    assert msg.sender_staff_id == "user123"
    assert msg.reply_url == HOOK and msg.reply_url_expires_ms == body["sessionWebhookExpiredTime"]
    assert msg.memory_key == "cidGroup==:$:LWCP_v1:$s1"


def test_single_chat_keeps_a_leading_at_sign():
    msg = parse_callback(text_message("@符号在1:1里不是提及", HOOK, group=False))
    assert msg.text == "@符号在1:1里不是提及" and not msg.is_group


def test_outsider_has_no_staff_id_and_string_flags_are_read():
    body = text_message("hi", HOOK, staff_id=None)
    body["isAdmin"] = "false"
    body["isInAtList"] = "true"
    msg = parse_callback(body)
    assert msg.sender_staff_id is None and not msg.is_admin and msg.mentioned


def test_file_message_carries_download_code_and_name():
    msg = parse_callback(file_message("政策.docx", "code-1", HOOK))
    assert (msg.msgtype, msg.download_code, msg.file_name, msg.text) == ("file", "code-1", "政策.docx", "")


def test_audio_uses_dingtalk_recognition_and_richtext_joins_text():
    body = text_message("", HOOK, group=False)
    body.update(msgtype="audio", content={"recognition": "牵头单位是谁", "downloadCode": "a"})
    assert parse_callback(body).text == "牵头单位是谁"
    body.update(msgtype="richText", content={"richText": [{"text": "第一"}, {"type": "picture"}, {"text": "第二"}]})
    assert parse_callback(body).text == "第一第二"


@pytest.mark.parametrize("bad", [None, [], "text", {"msgtype": "text"}])
def test_malformed_bodies_name_what_is_missing(bad):
    with pytest.raises(PayloadError):
        parse_callback(bad)
    if isinstance(bad, dict):
        with pytest.raises(PayloadError, match="msgId"):
            parse_callback(bad)
