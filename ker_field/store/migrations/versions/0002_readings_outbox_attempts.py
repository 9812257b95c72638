"""ESG consumption readings; outbox retry bookkeeping (attempts, last error).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 16:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "consumption_reading",
        sa.Column("site_id", sa.Uuid(), nullable=False),
        sa.Column("emission_factor_id", sa.Uuid(), nullable=False),
        sa.Column("resource_name", sa.String(length=64), nullable=False),
        sa.Column("quantity", sa.Double(), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("co2e_kg", sa.Double(), nullable=False),
        sa.Column(
            "emission_scope",
            sa.Enum(
                "scope_1", "scope_2", "scope_3", name="emissionscope", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column("recorded_by_id", sa.Uuid(), nullable=False),
        sa.Column("device_time", sa.DateTime(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("scope", sa.String(length=80), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["emission_factor_id"],
            ["emission_factor.id"],
            name=op.f("fk_consumption_reading_emission_factor_id_emission_factor"),
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["user_account.id"],
            name=op.f("fk_consumption_reading_recorded_by_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["site_id"], ["local.id"], name=op.f("fk_consumption_reading_site_id_local")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenant.id"], name=op.f("fk_consumption_reading_tenant_id_tenant")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consumption_reading")),
    )
    with op.batch_alter_table("consumption_reading", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consumption_reading_scope"), ["scope"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_consumption_reading_site_id"), ["site_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_consumption_reading_tenant_id"), ["tenant_id"], unique=False
        )

    # Pending mutations already in the outbox keep their order and content.
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("last_error", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("last_error")
        batch_op.drop_column("attempts")
    with op.batch_alter_table("consumption_reading", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consumption_reading_tenant_id"))
        batch_op.drop_index(batch_op.f("ix_consumption_reading_site_id"))
        batch_op.drop_index(batch_op.f("ix_consumption_reading_scope"))

    op.drop_table("consumption_reading")
