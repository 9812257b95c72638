"""Audit templates (ISO 9001 / 14001 / 45001 checklists) and the audit's template link.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 16:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_template",
        sa.Column("standard", sa.String(length=32), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=255), nullable=False),
        sa.Column("weighted", sa.Boolean(), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("scope", sa.String(length=80), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenant.id"], name=op.f("fk_audit_template_tenant_id_tenant")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_template")),
    )
    with op.batch_alter_table("audit_template", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_template_scope"), ["scope"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_audit_template_tenant_id"), ["tenant_id"], unique=False
        )
    with op.batch_alter_table("quality_audit", schema=None) as batch_op:
        batch_op.add_column(sa.Column("template_id", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("completed_at", sa.DateTime(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_quality_audit_template_id_audit_template"),
            "audit_template",
            ["template_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("quality_audit", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_quality_audit_template_id_audit_template"), type_="foreignkey"
        )
        batch_op.drop_column("completed_at")
        batch_op.drop_column("template_id")
    with op.batch_alter_table("audit_template", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_template_tenant_id"))
        batch_op.drop_index(batch_op.f("ix_audit_template_scope"))
    op.drop_table("audit_template")
