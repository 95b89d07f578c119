"""An index that holds every column the expo figures count, so they read no table rows.

Revision ID: 0004
Revises: 0003
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(
        "ix_jobs_expo_figures", "jobs",
        ["company_id", "state", "level", "degree", "region", "area", "function",
         "open_to_overseas"])


def downgrade():
    op.drop_index("ix_jobs_expo_figures", table_name="jobs")
