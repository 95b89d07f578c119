"""Fixtures: the app on a migrated database, clients, and signed-in users.

The suite runs on SQLite unless ``DATABASE_URL`` names a PostgreSQL database, in
which case every test runs there (CI does both). The schema always comes from
the migrations: a template database is upgraded once, then each test gets a
fresh copy (SQLite) or emptied tables (PostgreSQL).
"""

import logging
import os
import shutil
from contextlib import contextmanager

import pytest
from flask_migrate import upgrade

from careerexpo import create_app
from careerexpo.extensions import babel, db
from tests import factories
from tests.mailserver import wait_for_senders
from tests.services import IN_CI, postgres_url_or_skip  # noqa: F401

DATABASE_URL = os.environ.get("DATABASE_URL", "")
ON_POSTGRES = DATABASE_URL.startswith("postgres")


def _migrated(uri: str, tmp_dir) -> None:
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=uri, CV_FOLDER=str(tmp_dir / "cvs"))
    with app.app_context():
        upgrade()
        db.engine.dispose()


@pytest.fixture(scope="session")
def database_template(tmp_path_factory):
    base = tmp_path_factory.mktemp("db")
    if ON_POSTGRES:
        from careerexpo.config import _database_url

        uri = _database_url(str(base))
        _migrated(uri, base)
        return uri
    path = base / "template.sqlite3"
    _migrated(f"sqlite:///{path}", base)
    return path


def _empty_postgres_tables() -> None:
    # DELETE beats TRUNCATE on tables this small; children go before their parents.
    for table in reversed(db.metadata.sorted_tables):
        db.session.execute(table.delete())
    db.session.commit()


@contextmanager
def app_on_fresh_database(database_template, tmp_path, **settings):
    """A testing app on an empty, migrated database, with its app context pushed."""
    if ON_POSTGRES:
        uri = database_template
    else:
        path = tmp_path / "careerexpo.sqlite3"
        shutil.copyfile(database_template, path)
        uri = f"sqlite:///{path}"
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=uri, CV_FOLDER=str(tmp_path / "cvs"),
                     SEARCH_INDEX_DIR=str(tmp_path / "search-index"), **settings)
    with app.app_context():
        # Flask-Babel keeps loaded catalogues per process, not per app: a test app reading
        # catalogues from elsewhere must not see another app's.
        babel.domain_instance.cache.clear()
        if ON_POSTGRES:
            _empty_postgres_tables()
        yield app
        # Emails a page queued are sent from threads that write to this database too.
        wait_for_senders()
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def app(database_template, tmp_path, request):
    """The app on a fresh database; ``@pytest.mark.app_config(KEY=value)`` overrides settings."""
    marker = request.node.get_closest_marker("app_config")
    settings = {"SERVER_NAME": "careerexpo.test", **(marker.kwargs if marker else {})}
    with app_on_fresh_database(database_template, tmp_path, **settings) as app:
        yield app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def make(app):
    """Factories bound to the test database: ``make.job(...)``, ``make.candidate()``…"""
    return factories


class Auth:
    def __init__(self, client):
        self.client = client

    def login(self, user, password=factories.PASSWORD, remember=False):
        data = {"email": user.email, "password": password}
        if remember:
            data["remember"] = "y"
        response = self.client.post("/auth/login", data=data)
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        return response

    def logout(self):
        return self.client.post("/auth/logout")


@pytest.fixture
def auth(client):
    return Auth(client)


def pytest_unconfigure(config):
    # The Socket.IO message queue's listener thread keeps retrying a Redis server that a
    # test has stopped, and logs each retry; once pytest has closed its streams that
    # logging can only print "--- Logging error ---" tracebacks as the interpreter exits.
    logging.raiseExceptions = False
