"""Staff or investor? Decided from settings and the message, closed by default.

In a group the answer is read by every member, so the group decides: staff only in a
conversation listed in STAFF_CONVERSATIONS and only for a sender inside the organisation.
STAFF_IDS grants staff answers in 1:1 chats. Everything else is investor.
"""

from __future__ import annotations

from bot.models import Audience
from bot.settings import Settings
from connectors.base import IncomingMessage


def resolve_audience(settings: Settings, msg: IncomingMessage) -> Audience:
    if msg.conversation_id in settings.investor_conversations:
        return "investor"
    if not msg.sender_staff_id:  # outside the organisation
        return "investor"
    if msg.conversation_id in settings.staff_conversations:
        return "staff"
    if not msg.is_group and msg.sender_staff_id in settings.staff_ids:
        return "staff"
    return "investor"


def is_admin(settings: Settings, msg: IncomingMessage) -> bool:
    """An admin of this knowledge base: a staff id in ADMIN_STAFF_IDS.

    `isAdmin` only says the sender administers the DingTalk organisation (the IT department,
    not the investment office), so it counts only with ADMIN_ALLOW_ORG_ADMINS=true."""
    if not msg.sender_staff_id:  # outside the organisation
        return False
    if msg.sender_staff_id in settings.admin_staff_ids:
        return True
    return settings.admin_allow_org_admins and msg.is_admin
