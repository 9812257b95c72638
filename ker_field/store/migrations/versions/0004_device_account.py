"""Device accounts: offline unlock with a password verifier and a signed permission snapshot.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 17:20:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "device_account",
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("verifier", sa.Text(), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.Column("snapshot_signature", sa.String(length=128), nullable=False),
        sa.Column("refresh_token", sa.String(length=256), nullable=True),
        sa.Column("last_online_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_device_account")),
    )


def downgrade() -> None:
    op.drop_table("device_account")
