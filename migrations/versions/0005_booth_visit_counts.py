"""Each booth's number of visits, kept by triggers, so live activity need not count them.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SQLITE_TRIGGERS = [
    "CREATE TRIGGER booth_visits_counted AFTER INSERT ON booth_visits BEGIN"
    " INSERT INTO booth_visit_counts (booth_id, visits) VALUES (NEW.booth_id, 1)"
    " ON CONFLICT (booth_id) DO UPDATE SET visits = visits + 1; END",
    "CREATE TRIGGER booth_visits_uncounted AFTER DELETE ON booth_visits BEGIN"
    " UPDATE booth_visit_counts SET visits = visits - 1 WHERE booth_id = OLD.booth_id; END",
]
POSTGRES_TRIGGERS = [
    """CREATE FUNCTION count_booth_visits() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        INSERT INTO booth_visit_counts (booth_id, visits) VALUES (NEW.booth_id, 1)
        ON CONFLICT (booth_id) DO UPDATE SET visits = booth_visit_counts.visits + 1;
        RETURN NEW;
      END IF;
      UPDATE booth_visit_counts SET visits = visits - 1 WHERE booth_id = OLD.booth_id;
      RETURN OLD;
    END $$""",
    "CREATE TRIGGER booth_visits_counted AFTER INSERT OR DELETE ON booth_visits"
    " FOR EACH ROW EXECUTE FUNCTION count_booth_visits()",
]


def upgrade():
    op.create_table(
        "booth_visit_counts",
        sa.Column("booth_id", sa.Integer(), nullable=False),
        sa.Column("visits", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(["booth_id"], ["booths.id"],
                                name=op.f("fk_booth_visit_counts_booth_id_booths"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("booth_id", name=op.f("pk_booth_visit_counts")),
    )
    op.execute("INSERT INTO booth_visit_counts (booth_id, visits)"
               " SELECT booth_id, count(*) FROM booth_visits GROUP BY booth_id")
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in SQLITE_TRIGGERS if sqlite else POSTGRES_TRIGGERS:
        op.execute(statement)


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS booth_visits_counted")
        op.execute("DROP TRIGGER IF EXISTS booth_visits_uncounted")
    else:
        op.execute("DROP TRIGGER IF EXISTS booth_visits_counted ON booth_visits")
        op.execute("DROP FUNCTION IF EXISTS count_booth_visits()")
    op.drop_table("booth_visit_counts")
