"""An index holding every column a search without text filters and counts on, so a
listing by level, region or the like reads no table rows (bench/search.py, facets only).

Revision ID: 0006
Revises: 0005
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

COLUMNS = ["state", "level", "region", "degree", "area", "function", "employment_type",
           "open_to_overseas", "closes_at"]


def upgrade():
    op.create_index("ix_jobs_listed_facets", "jobs", COLUMNS)
    if op.get_bind().dialect.name == "sqlite":
        # SQLite's planner only weighs an index it has statistics for.
        op.execute("ANALYZE jobs")


def downgrade():
    op.drop_index("ix_jobs_listed_facets", table_name="jobs")
