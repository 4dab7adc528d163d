"""DingTalk enterprise robot: HTTP callback and Stream mode share one handler (`handler.DingTalkBot`)."""
