"""Liveness, readiness (index loaded) and Prometheus metrics."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from bot.errors import NotReady


def build_health_router() -> APIRouter:
    router = APIRouter()

    @router.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @router.get("/readyz")
    def readyz(request: Request) -> dict[str, str]:
        state = request.app.state
        if state.warm_up_error:
            raise NotReady(f"warm-up failed: {state.warm_up_error}")
        if not getattr(state.runtime, "ready", False):
            raise NotReady("the index is still loading")
        return {"status": "ready"}

    @router.get("/metrics")
    def metrics(request: Request) -> Response:
        m = request.app.state.metrics
        return Response(m.render(), media_type=m.content_type)

    return router
