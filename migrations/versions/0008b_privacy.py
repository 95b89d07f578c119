"""Privacy: consents a person gives and withdraws, and when an account was deleted.

Revision ID: 0008b
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008b"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "consents",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Enum("chat_cv_sharing", "matchmaking", name="consentkind",
                                  native_enum=False, create_constraint=True, length=32),
                  nullable=False),
        sa.Column("granted", sa.Boolean(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_consents_user_id_users",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("user_id", "kind", name="pk_consents"),
    )
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table("users") as batch:
        batch.drop_column("deleted_at")
    op.drop_table("consents")
