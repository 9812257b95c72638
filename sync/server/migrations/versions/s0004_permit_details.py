"""Work permits: hazards, controls, how the approval was given (offline co-sign on a device),
the equipment's hand-back state on closing (issue 6).

Revision ID: s0004
Revises: s0003
Create Date: 2026-12-02 16:00:00

"""

from collections.abc import Sequence

revision: str = "s0004"
down_revision: str | Sequence[str] | None = "s0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
