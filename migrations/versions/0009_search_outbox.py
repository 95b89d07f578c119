"""The search outbox: roles whose search documents changed, written in the same
transaction as the change, replayed by every machine's search index in id order.

Revision ID: 0009
Revises: 0008b
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008b"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "search_outbox",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_outbox")),
        # SQLite must never hand out an id again after old entries are pruned.
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_search_outbox_created_at"), "search_outbox", ["created_at"])


def downgrade():
    op.drop_index(op.f("ix_search_outbox_created_at"), table_name="search_outbox")
    op.drop_table("search_outbox")
