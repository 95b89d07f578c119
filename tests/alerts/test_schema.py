"""The integrations migration (0002) makes and removes its tables, on its own."""

import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from careerexpo import create_app
from careerexpo.extensions import db

TABLES = {"api_tokens", "job_alerts", "alert_deliveries"}


def test_0002_adds_the_integration_tables_and_takes_them_away(tmp_path):
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path}/m.sqlite3",
                     CV_FOLDER=str(tmp_path))
    with app.app_context():
        try:
            upgrade(revision="0002")
            inspector = sa.inspect(db.engine)
            assert TABLES <= set(inspector.get_table_names())
            assert {"alert_id", "job_id"} == set(
                inspector.get_pk_constraint("alert_deliveries")["constrained_columns"])
            downgrade(revision="0001")
            assert not TABLES & set(sa.inspect(db.engine).get_table_names())
        finally:
            db.engine.dispose()
