"""Booked meetings: booths' slots, candidates' requests for them, and each expo's
matchmaking window. A slot is held by at most one requested or accepted meeting: a
unique partial index, so the database refuses a second whatever the concurrency.

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

STATUSES = ("requested", "accepted", "declined", "cancelled", "expired", "held", "no_show")
LIVE = sa.text("status IN ('requested', 'accepted')")


def upgrade():
    with op.batch_alter_table("expos") as batch:
        batch.add_column(sa.Column("matchmaking_starts_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("matchmaking_ends_on", sa.Date(), nullable=True))

    op.create_table(
        "meeting_slots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("booth_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("duration_minutes BETWEEN 10 AND 60",
                           name=op.f("ck_meeting_slots_duration_range")),
        sa.ForeignKeyConstraint(["booth_id"], ["booths.id"], ondelete="CASCADE",
                                name=op.f("fk_meeting_slots_booth_id_booths")),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"], ondelete="SET NULL",
                                name=op.f("fk_meeting_slots_created_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_slots")),
    )
    op.create_index("ix_meeting_slots_booth_starts", "meeting_slots", ["booth_id", "starts_at"])

    op.create_table(
        "meetings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slot_id", sa.Integer(), nullable=False),
        sa.Column("booth_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.Enum(*STATUSES, name="meetingstatus", native_enum=False,
                                    create_constraint=True, length=32), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("reason", sa.String(length=500), server_default="", nullable=False),
        sa.Column("share_profile", sa.Boolean(), nullable=False),
        sa.Column("sequence", sa.Integer(), server_default="0", nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expiry_warned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reminded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("staff_says_held", sa.Boolean(), nullable=True),
        sa.Column("candidate_says_held", sa.Boolean(), nullable=True),
        sa.Column("conversation_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["slot_id"], ["meeting_slots.id"], ondelete="CASCADE",
                                name=op.f("fk_meetings_slot_id_meeting_slots")),
        sa.ForeignKeyConstraint(["booth_id"], ["booths.id"], ondelete="CASCADE",
                                name=op.f("fk_meetings_booth_id_booths")),
        sa.ForeignKeyConstraint(["candidate_id"], ["users.id"],
                                name=op.f("fk_meetings_candidate_id_users")),
        sa.ForeignKeyConstraint(["staff_id"], ["users.id"], ondelete="SET NULL",
                                name=op.f("fk_meetings_staff_id_users")),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"], ondelete="SET NULL",
                                name=op.f("fk_meetings_conversation_id_conversations")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meetings")),
    )
    op.create_index(op.f("ix_meetings_booth_id"), "meetings", ["booth_id"])
    op.create_index(op.f("ix_meetings_candidate_id"), "meetings", ["candidate_id"])
    op.create_index(op.f("ix_meetings_created_at"), "meetings", ["created_at"])
    op.create_index("ix_meetings_status_expires", "meetings", ["status", "expires_at"])
    op.create_index("uq_meetings_live_slot", "meetings", ["slot_id"], unique=True,
                    sqlite_where=LIVE, postgresql_where=LIVE)


def downgrade():
    op.drop_table("meetings")
    op.drop_table("meeting_slots")
    with op.batch_alter_table("expos") as batch:
        batch.drop_column("matchmaking_ends_on")
        batch.drop_column("matchmaking_starts_on")
