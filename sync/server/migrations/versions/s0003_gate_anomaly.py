"""Gate anomalies: a second admission of the same invite found after sync (issue 7).

Revision ID: s0003
Revises: s0002
Create Date: 2026-12-02 16:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "s0003"
down_revision: str | Sequence[str] | None = "s0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "gate_anomaly",
        sa.Column("site_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("invite_id", sa.Uuid(), nullable=True),
        sa.Column("access_log_id", sa.Uuid(), nullable=False),
        sa.Column("first_access_log_id", sa.Uuid(), nullable=True),
        sa.Column("person_name", sa.String(length=255), nullable=False),
        sa.Column("gates", sa.String(length=255), nullable=False),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by_id", sa.Uuid(), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=True),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("scope", sa.String(length=80), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["access_log_id"],
            ["access_log.id"],
            name=op.f("fk_gate_anomaly_access_log_id_access_log"),
        ),
        sa.ForeignKeyConstraint(
            ["first_access_log_id"],
            ["access_log.id"],
            name=op.f("fk_gate_anomaly_first_access_log_id_access_log"),
        ),
        sa.ForeignKeyConstraint(
            ["invite_id"],
            ["visitor_invite.id"],
            name=op.f("fk_gate_anomaly_invite_id_visitor_invite"),
        ),
        sa.ForeignKeyConstraint(
            ["resolved_by_id"],
            ["user_account.id"],
            name=op.f("fk_gate_anomaly_resolved_by_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["site_id"], ["local.id"], name=op.f("fk_gate_anomaly_site_id_local")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenant.id"], name=op.f("fk_gate_anomaly_tenant_id_tenant")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gate_anomaly")),
    )
    with op.batch_alter_table("gate_anomaly", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_gate_anomaly_scope"), ["scope"], unique=False)
        batch_op.create_index(batch_op.f("ix_gate_anomaly_site_id"), ["site_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_gate_anomaly_tenant_id"), ["tenant_id"], unique=False)


def downgrade() -> None:
    op.drop_table("gate_anomaly")
