"""Engine settings: what each backend needs to keep serving."""

import pytest
import sqlalchemy as sa

from careerexpo import create_app
from careerexpo.extensions import db
from tests.services import postgres_url_or_skip


@pytest.mark.postgres
def test_a_connection_the_server_dropped_is_replaced_not_served_as_an_error(tmp_path):
    admin_url = postgres_url_or_skip().replace("postgresql://", "postgresql+psycopg://")
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=admin_url, CV_FOLDER=str(tmp_path))
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with app.app_context():
        try:
            first = db.session.scalar(sa.text("SELECT pg_backend_pid()"))
            db.session.remove()  # back to the pool, as at the end of a request
            with admin.connect() as conn:  # a restart or an idle timeout on the server
                conn.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": first})

            second = db.session.scalar(sa.text("SELECT pg_backend_pid()"))
            assert second != first
        finally:
            db.session.remove()
            db.engine.dispose()
            admin.dispose()


def test_sqlite_files_skip_the_connection_test_servers_need(app):
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        pytest.skip("the suite runs on PostgreSQL here; the SQLite run covers this")
    # A file cannot drop a connection; testing each one would cost every request a query.
    statements = []
    db.session.remove()
    db.engine.dispose()
    sa.event.listen(db.engine, "connect",
                    lambda dbapi, _record: dbapi.set_trace_callback(statements.append))
    for _request in range(2):  # the second reuses the pooled connection
        db.session.scalar(sa.text("SELECT 42"))
        db.session.remove()
    assert [s for s in statements if not s.startswith("PRAGMA")] == ["SELECT 42", "SELECT 42"]
