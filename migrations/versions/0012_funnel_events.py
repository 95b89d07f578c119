"""The matchmaking funnel: the first time each candidate reached each stage with a booth.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

STAGES = ("recommended", "viewed", "requested", "accepted", "held", "no_show", "applied")


def upgrade():
    op.create_table(
        "funnel_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("booth_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=True),
        sa.Column("stage", sa.Enum(*STAGES, name="funnelstage", native_enum=False,
                                   create_constraint=True, length=32), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["booth_id"], ["booths.id"], ondelete="CASCADE",
                                name=op.f("fk_funnel_events_booth_id_booths")),
        sa.ForeignKeyConstraint(["candidate_id"], ["users.id"], ondelete="SET NULL",
                                name=op.f("fk_funnel_events_candidate_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_funnel_events")),
        sa.UniqueConstraint("booth_id", "candidate_id", "stage",
                            name="uq_funnel_events_booth_candidate_stage"),
    )
    op.create_index(op.f("ix_funnel_events_candidate_id"), "funnel_events", ["candidate_id"])
    op.create_index("ix_funnel_events_booth_stage_day", "funnel_events",
                    ["booth_id", "stage", "occurred_at"])


def downgrade():
    op.drop_table("funnel_events")
