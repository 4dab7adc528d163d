"""Platform name -> connector, imported lazily: a dict, not a plugin framework."""

from __future__ import annotations

import importlib

CONNECTORS: dict[str, str] = {
    "dingtalk": "connectors.dingtalk.handler:DingTalkBot",
}


def get_connector(name: str) -> type:
    """The bot class of one platform; the error lists the platforms we have."""
    try:
        target = CONNECTORS[name]
    except KeyError:
        raise KeyError(f"unknown chat platform {name!r}; known: {', '.join(sorted(CONNECTORS))}") from None
    module, _, attr = target.partition(":")
    return getattr(importlib.import_module(module), attr)
