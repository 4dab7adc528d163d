"""What every chat connector produces and does, whatever the platform.

A connector verifies a raw request, normalises it into one `IncomingMessage`, and sends
replies; the bot logic in between never sees platform JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


class PayloadError(ValueError):
    """The (verified) request body is not a message we can read; maps to 400."""


@dataclass(frozen=True)
class IncomingMessage:
    msg_id: str
    msgtype: str  # text, file, picture, audio, ...
    text: str  # stripped, without the leading @mention
    conversation_id: str
    is_group: bool
    sender_id: str  # platform-encrypted id, always present
    sender_staff_id: str | None = None  # None: outside the organisation
    sender_nick: str = ""
    is_admin: bool = False
    mentioned: bool = False  # the robot was @-mentioned (groups)
    reply_url: str = ""  # DingTalk sessionWebhook
    reply_url_expires_ms: int | None = None
    robot_code: str = ""
    conversation_title: str = ""
    download_code: str = ""
    file_name: str = ""
    create_at_ms: int | None = None
    raw: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def memory_key(self) -> str:
        """Conversation memory per person: two colleagues in one group don't mix."""
        return f"{self.conversation_id}:{self.sender_id}"


class ChatConnector(Protocol):
    """The three jobs of a transport adapter."""

    def verify(self, headers: dict[str, str], body: bytes) -> bool: ...

    def parse(self, data: dict) -> IncomingMessage: ...

    def reply(self, message: IncomingMessage, title: str, text: str, at_staff_ids: list[str]) -> bool: ...
