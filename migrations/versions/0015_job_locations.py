"""Where a role is based: its city and its ISO 3166-1 alpha-2 country.

Roles in Hong Kong and the Greater Bay Area get HK and CN, as an import without the
columns gives them; overseas and remote roles start without a country.

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("jobs") as batch:
        batch.add_column(sa.Column("city", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("country", sa.String(length=2), nullable=True))
    op.execute("UPDATE jobs SET country = 'HK' WHERE region = 'hong_kong'")
    op.execute("UPDATE jobs SET country = 'CN' WHERE region = 'gba'")


def downgrade():
    with op.batch_alter_table("jobs") as batch:
        batch.drop_column("country")
        batch.drop_column("city")
