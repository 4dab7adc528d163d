"""Prometheus metrics, one registry per app so two apps in one process (tests) don't collide."""

from __future__ import annotations

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest


class Metrics:
    content_type = CONTENT_TYPE_LATEST

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "zhaoshang_requests_total", "HTTP requests by route and status", ["route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "zhaoshang_request_latency_seconds", "HTTP request latency by route", ["route"],
            registry=self.registry,
        )
        self.questions = Counter(
            "zhaoshang_questions_total", "questions answered, by channel and audience",
            ["channel", "audience"], registry=self.registry,
        )
        self.unanswered = Counter(
            "zhaoshang_unanswered_questions_total", "questions the assistant could not answer",
            ["channel", "audience"], registry=self.registry,
        )
        self.rejected_signatures = Counter(
            "zhaoshang_rejected_signatures_total", "DingTalk callbacks refused: forged, unsigned or stale",
            registry=self.registry,
        )
        self.replies_failed = Counter(
            "zhaoshang_dingtalk_replies_failed_total", "DingTalk replies that failed after all retries",
            registry=self.registry,
        )

    def observe_answer(self, channel: str, audience: str, answered: bool) -> None:
        self.questions.labels(channel, audience).inc()
        if not answered:
            self.unanswered.labels(channel, audience).inc()

    def render(self) -> bytes:
        return generate_latest(self.registry)
