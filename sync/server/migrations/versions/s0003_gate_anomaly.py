"""Gate anomalies: a second admission of the same invite found after sync (issue 7).

Revision ID: s0003
Revises: s0002
Create Date: 2026-12-02 16:00:00

"""

from collections.abc import Sequence

revision: str = "s0003"
down_revision: str | Sequence[str] | None = "s0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
