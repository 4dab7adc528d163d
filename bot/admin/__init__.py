"""Admin API and page: manage the knowledge base without a terminal (issue 6)."""

from bot.admin.routes import build_admin_router

__all__ = ["build_admin_router"]
