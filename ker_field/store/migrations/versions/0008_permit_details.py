"""Work permits: hazards, controls, how the approval was given (offline co-sign on a device),
the equipment's hand-back state on closing (issue 6).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 16:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("work_permit", schema=None) as batch_op:
        batch_op.add_column(sa.Column("hazards", sa.JSON(), server_default="[]", nullable=False))
        batch_op.add_column(sa.Column("controls", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(
            sa.Column(
                "approval_method",
                sa.Enum(
                    "own_session",
                    "device_cosign",
                    name="approvalmethod",
                    native_enum=False,
                    length=32,
                ),
                nullable=True,
            )
        )
        batch_op.add_column(sa.Column("approval_device_id", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("approval_session_user_id", sa.Uuid(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "handback_state",
                sa.Enum(
                    "returned_to_service",
                    "remains_isolated",
                    "out_of_service",
                    name="equipmenthandback",
                    native_enum=False,
                    length=32,
                ),
                nullable=True,
            )
        )
        batch_op.add_column(sa.Column("handback_note", sa.Text(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_work_permit_approval_session_user_id_user_account"),
            "user_account",
            ["approval_session_user_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("work_permit", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_work_permit_approval_session_user_id_user_account"),
            type_="foreignkey",
        )
        for column in (
            "handback_note",
            "handback_state",
            "approval_session_user_id",
            "approval_device_id",
            "approval_method",
            "controls",
            "hazards",
        ):
            batch_op.drop_column(column)
