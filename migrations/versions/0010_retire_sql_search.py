"""Retires the databases' own full-text indexes (SQLite FTS5 ``job_fts``, PostgreSQL
``job_search``): the search index (careerexpo/search) answers every search now.

Revision ID: 0010
Revises: 0009
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

SQLITE_FTS = (
    "CREATE VIRTUAL TABLE job_fts USING fts5("
    "title, description, company, tokenize = 'unicode61 remove_diacritics 2')"
)
POSTGRES_SEARCH = [
    "CREATE TABLE job_search ("
    " job_id INTEGER PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,"
    " document TSVECTOR NOT NULL)",
    "CREATE INDEX ix_job_search_document ON job_search USING GIN (document)",
]


def upgrade():
    op.execute("DROP TABLE IF EXISTS job_fts" if op.get_bind().dialect.name == "sqlite"
               else "DROP TABLE IF EXISTS job_search")


def downgrade():
    # The tables come back empty; the version that reads them rebuilt them on use
    # only through its own writes, so run a full import or edit to fill them.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(SQLITE_FTS)
    else:
        for statement in POSTGRES_SEARCH:
            op.execute(statement)
