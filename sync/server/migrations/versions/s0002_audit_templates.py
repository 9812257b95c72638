"""Audit templates and the audit's template link (issue 9).

Revision ID: s0002
Revises: s0001
Create Date: 2026-12-02 16:00:00

"""

from collections.abc import Sequence

revision: str = "s0002"
down_revision: str | Sequence[str] | None = "s0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
