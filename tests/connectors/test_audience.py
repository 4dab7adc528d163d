import pytest

from bot.settings import Settings, SettingsError
from connectors.dingtalk.audience import is_admin, resolve_audience
from connectors.dingtalk.payload import parse_callback
from tests.fakes.dingtalk_messages import real_message, text_message

HOOK = "https://oapi.dingtalk.com/robot/sendBySession?session=s1"
S = Settings.from_env(None, staff_conversations=("cidStaff",), investor_conversations=("cidInv",),
                      staff_ids=("u-staff",), admin_staff_ids=("u-admin",))


def _msg(**kw):
    return parse_callback(text_message("q", HOOK, **kw))


def test_staff_group_member_is_staff_but_outsider_in_it_is_not():
    assert resolve_audience(S, _msg(conversation_id="cidStaff")) == "staff"
    assert resolve_audience(S, _msg(conversation_id="cidStaff", staff_id=None)) == "investor"


def test_investor_conversation_wins_even_for_staff():
    assert resolve_audience(S, _msg(conversation_id="cidInv", staff_id="u-staff", group=False)) == "investor"


def test_allowlisted_staff_id_is_staff_in_single_chat_only():
    assert resolve_audience(S, _msg(conversation_id="cid1to1", staff_id="u-staff", group=False)) == "staff"
    # in an unlisted group every member reads the answer: closed by default
    assert resolve_audience(S, _msg(conversation_id="cidOther", staff_id="u-staff")) == "investor"


def test_unknown_is_investor():
    assert resolve_audience(S, _msg(conversation_id="cidOther", staff_id="someone", group=False)) == "investor"
    assert resolve_audience(Settings.from_env(None), _msg()) == "investor"


def test_admins_are_admin_staff_ids_and_org_admins_only_when_opted_in():
    assert is_admin(S, _msg(staff_id="u-admin"))
    assert not is_admin(S, _msg(staff_id="u-staff"))
    assert not is_admin(S, _msg(staff_id=None))
    # a real org admin's callback: `isAdmin` is about the DingTalk organisation, not this knowledge base
    org_admin = parse_callback(real_message("text_group_at_bot_emoji_isAdmin__php-controller-capture-2021", HOOK))
    assert org_admin.is_admin and not is_admin(S, org_admin)
    opted_in = Settings.from_env(None, admin_allow_org_admins=True)
    assert opted_in.admin_allow_org_admins is True and is_admin(opted_in, org_admin)
    assert not is_admin(opted_in, _msg(is_admin=True, staff_id=None))  # never for an outsider


def test_the_org_admin_switch_is_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("ADMIN_ALLOW_ORG_ADMINS", "false")
    assert Settings.from_env(None).admin_allow_org_admins is False
    monkeypatch.setenv("ADMIN_ALLOW_ORG_ADMINS", "yes")
    assert Settings.from_env(None).admin_allow_org_admins is True
    monkeypatch.setenv("ADMIN_ALLOW_ORG_ADMINS", "maybe")
    with pytest.raises(SettingsError, match="ADMIN_ALLOW_ORG_ADMINS"):
        Settings.from_env(None)
