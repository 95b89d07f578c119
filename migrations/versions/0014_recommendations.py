"""Recommendations: what a candidate is looking for, and the roles they dismissed.

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

WANTED = (("wanted_levels", 100), ("wanted_areas", 300), ("wanted_functions", 100))


def upgrade():
    with op.batch_alter_table("candidate_profiles") as batch:
        for name, length in WANTED:
            batch.add_column(sa.Column(name, sa.String(length), nullable=False,
                                       server_default=""))
    op.create_table(
        "recommendation_dismissals",
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("dismissed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["users.id"], ondelete="CASCADE",
                                name=op.f("fk_recommendation_dismissals_candidate_id_users")),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], ondelete="CASCADE",
                                name=op.f("fk_recommendation_dismissals_job_id_jobs")),
        sa.PrimaryKeyConstraint("candidate_id", "job_id",
                                name=op.f("pk_recommendation_dismissals")),
    )
    op.create_index(op.f("ix_recommendation_dismissals_job_id"), "recommendation_dismissals",
                    ["job_id"])


def downgrade():
    op.drop_table("recommendation_dismissals")
    with op.batch_alter_table("candidate_profiles") as batch:
        for name, _length in reversed(WANTED):
            batch.drop_column(name)
