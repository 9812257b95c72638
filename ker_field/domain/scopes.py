"""Sync scope names. A scope is what a device subscribes to and what a change-log row belongs to."""

from __future__ import annotations

import uuid


def tenant_scope(tenant_id: uuid.UUID) -> str:
    """Tenant-wide reference data: sites, users and site assignments, risk matrices,
    training modules and quizzes, emission factors and goals."""
    return f"tenant:{tenant_id}"


def site_scope(site_id: uuid.UUID) -> str:
    """Data of one site: assets, procedures, LOTO logs, permits, visitors, handovers, audits."""
    return f"site:{site_id}"


def user_scope(user_id: uuid.UUID) -> str:
    """Personal data: training progress and quiz attempts."""
    return f"user:{user_id}"


def parse_scope(scope: str) -> tuple[str, uuid.UUID]:
    kind, _, ident = scope.partition(":")
    if kind not in {"tenant", "site", "user"}:
        raise ValueError(f"unknown scope kind: {scope!r}")
    return kind, uuid.UUID(ident)
