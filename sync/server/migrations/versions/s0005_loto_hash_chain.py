"""LOTO evidence chain: each LotoLog row carries the hash of the previous entry for the same
asset, its own hash, and the server's flag when the device's chain disagreed (issue 6).

Revision ID: s0005
Revises: s0004
Create Date: 2026-12-02 16:05:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "s0005"
down_revision: str | Sequence[str] | None = "s0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Rows written before this revision carry no hash: the chain of an asset starts at its
    # first entry written after it (prev_hash NULL).
    for name in ("prev_hash", "entry_hash", "claimed_hash", "chain_flag"):
        op.add_column("loto_log", sa.Column(name, sa.String(length=64), nullable=True))
    op.create_index(op.f("ix_loto_log_entry_hash"), "loto_log", ["entry_hash"], unique=False)
    # The chain's head is the asset's entry no other entry names as previous.
    op.create_index(op.f("ix_loto_log_prev_hash"), "loto_log", ["prev_hash"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_loto_log_prev_hash"), table_name="loto_log")
    op.drop_index(op.f("ix_loto_log_entry_hash"), table_name="loto_log")
    with op.batch_alter_table("loto_log") as batch:
        for name in ("chain_flag", "claimed_hash", "entry_hash", "prev_hash"):
            batch.drop_column(name)
