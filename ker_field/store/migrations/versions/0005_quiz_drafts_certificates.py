"""Quiz drafts (every answer kept at once, offline) and certificate PDFs kept on the device.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 15:50:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "quiz_draft",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("quiz_id", sa.Uuid(), nullable=False),
        sa.Column("module_id", sa.Uuid(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("practice_score", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quiz_draft")),
    )
    op.create_index(op.f("ix_quiz_draft_user_id"), "quiz_draft", ["user_id"], unique=False)
    op.create_table(
        "certificate_file",
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("module_id", sa.Uuid(), nullable=False),
        sa.Column("person", sa.String(length=255), nullable=False),
        sa.Column("module_title", sa.String(length=255), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("verify_url", sa.Text(), nullable=False),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=False),
        sa.Column("pdf_size", sa.Integer(), nullable=False),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("number", name=op.f("pk_certificate_file")),
    )
    op.create_index(
        op.f("ix_certificate_file_user_id"), "certificate_file", ["user_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_certificate_file_user_id"), table_name="certificate_file")
    op.drop_table("certificate_file")
    op.drop_index(op.f("ix_quiz_draft_user_id"), table_name="quiz_draft")
    op.drop_table("quiz_draft")
