"""The migrations alone make the whole schema, full-text index included, on both databases."""

import uuid

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from careerexpo import create_app
from careerexpo.extensions import db
from tests.services import postgres_url_or_skip

TABLES = {"users", "companies", "company_offices", "jobs", "applications", "application_events",
          "application_notes", "saved_jobs", "candidate_profiles", "cv_documents", "expos",
          "booths"}


def _upgraded(uri, tmp_path):
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=uri, CV_FOLDER=str(tmp_path))
    ctx = app.app_context()
    ctx.push()
    upgrade()
    return ctx


def test_upgrade_on_an_empty_sqlite_file_gives_the_full_schema(tmp_path):
    ctx = _upgraded(f"sqlite:///{tmp_path}/fresh.sqlite3", tmp_path)
    try:
        inspector = sa.inspect(db.engine)
        assert TABLES <= set(inspector.get_table_names())
        # The search outbox replaced the database's own full-text index (0010).
        assert "search_outbox" in inspector.get_table_names()
        assert "job_fts" not in inspector.get_table_names()
        assert {"ix_jobs_state_posted", "ix_jobs_area"} <= {
            i["name"] for i in inspector.get_indexes("jobs")}
        with db.engine.connect() as conn:
            assert conn.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(sa.text("PRAGMA busy_timeout")).scalar() == 5000
            assert conn.execute(sa.text("PRAGMA foreign_keys")).scalar() == 1
        downgrade(revision="base")
        assert not TABLES & set(sa.inspect(db.engine).get_table_names())
    finally:
        db.engine.dispose()
        ctx.pop()


@pytest.mark.postgres
def test_upgrade_on_an_empty_postgres_database_gives_the_full_schema(tmp_path):
    admin_url = postgres_url_or_skip()
    name = f"careerexpo_migrate_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(admin_url.replace("postgresql://", "postgresql+psycopg://"),
                             isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE {name}"))
    try:
        uri = admin_url.rsplit("/", 1)[0] + "/" + name
        ctx = _upgraded(uri.replace("postgresql://", "postgresql+psycopg://"), tmp_path)
        try:
            inspector = sa.inspect(db.engine)
            assert TABLES | {"search_outbox"} <= set(inspector.get_table_names())
            assert "job_search" not in inspector.get_table_names()
            downgrade(revision="base")
            assert not TABLES & set(sa.inspect(db.engine).get_table_names())
        finally:
            db.engine.dispose()
            ctx.pop()
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


def test_the_migrations_make_the_schema_the_models_describe(tmp_path):
    ctx = _upgraded(f"sqlite:///{tmp_path}/fresh.sqlite3", tmp_path)
    try:
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            differences = compare_metadata(context, db.metadata)
        assert differences == []
    finally:
        db.engine.dispose()
        ctx.pop()


def _visit_counts(conn) -> dict[int, int]:
    return dict(conn.execute(sa.text("SELECT booth_id, visits FROM booth_visit_counts")).all())


def test_visits_made_before_booths_had_counts_are_counted_by_the_upgrade(tmp_path):
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path}/old.sqlite3",
                     CV_FOLDER=str(tmp_path))
    with app.app_context():
        upgrade(revision="0004")
        now = "2026-03-10 10:00:00"
        with db.engine.begin() as conn:
            conn.execute(sa.text(
                "INSERT INTO expos (id, slug, name, starts_on, ends_on, description, created_at)"
                " VALUES (1, 'x', 'X', '2026-03-10', '2026-03-12', '', :now)"), {"now": now})
            conn.execute(sa.text(
                "INSERT INTO companies (id, name, website, description, created_at)"
                " VALUES (1, 'A', '', '', :now), (2, 'B', '', '', :now)"), {"now": now})
            conn.execute(sa.text(
                "INSERT INTO booths (id, expo_id, company_id, created_at)"
                " VALUES (1, 1, 1, :now), (2, 1, 2, :now)"), {"now": now})
            conn.execute(sa.text(
                "INSERT INTO booth_visits (booth_id, visitor, day, visited_at)"
                " VALUES (:booth, :visitor, '2026-03-10', :now)"),
                [{"booth": 1, "visitor": f"s{i}", "now": now} for i in range(3)]
                + [{"booth": 2, "visitor": "s0", "now": now}])

        upgrade()

        with db.engine.begin() as conn:
            counts = _visit_counts(conn)
            assert counts == {1: 3, 2: 1}
            conn.execute(sa.text(
                "INSERT INTO booth_visits (booth_id, visitor, day, visited_at)"
                " VALUES (2, 's1', '2026-03-10', :now)"), {"now": now})
            conn.execute(sa.text("DELETE FROM booth_visits WHERE booth_id = 1 AND visitor = 's0'"))
            counts = _visit_counts(conn)
        assert counts == {1: 2, 2: 2}
        db.engine.dispose()
