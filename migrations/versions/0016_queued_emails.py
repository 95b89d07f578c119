"""Queued emails: each automatic account or meeting email, written with the change that
caused it and kept until it is sent (or given up), so an email is neither lost while
the mail server is down nor sent twice.

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "queued_emails",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("recipient", sa.String(length=254), nullable=False),
        sa.Column("message", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("gave_up_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE",
                                name=op.f("fk_queued_emails_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_queued_emails")),
    )
    op.create_index(op.f("ix_queued_emails_user_id"), "queued_emails", ["user_id"])
    op.create_index(op.f("ix_queued_emails_next_attempt_at"), "queued_emails",
                    ["next_attempt_at"])


def downgrade():
    op.drop_table("queued_emails")
