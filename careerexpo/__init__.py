"""CareerExpo: an I&T job board and virtual career expo."""

import os

import sqlalchemy.orm as sa_orm
from flask import Flask

from careerexpo.config import config_class
from careerexpo.core.urls import BoundedIntConverter


def create_app(config_name: str | None = None, **overrides) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    # Ids in URLs fit the database's integers; a larger number is a 404, not an overflow.
    app.url_map.converters["int"] = BoundedIntConverter
    cls = config_class(config_name)
    app.config.from_object(cls)
    app.config.update(cls.init(app.instance_path))
    app.config.update(overrides)
    require_secret_key(app)
    os.makedirs(app.instance_path, exist_ok=True)

    register_extensions(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_template_helpers(app)
    register_commands(app)
    return app


def require_secret_key(app: Flask) -> None:
    """Production has no fallback key: served without one, the app refuses to start.

    A ``flask`` command (``db upgrade``, ``import-expo``, ``create-user``…) signs
    nothing, so it runs without one; only its web requests (``flask run``) fail.
    """
    if app.config["SECRET_KEY"]:
        return
    message = "SECRET_KEY must be set in the environment in production"
    # The flask command line sets this for every command it runs.
    if os.environ.get("FLASK_RUN_FROM_CLI") != "true":
        raise RuntimeError(message)

    @app.before_request
    def _no_secret_key():
        raise RuntimeError(message)


def register_extensions(app: Flask) -> None:
    import careerexpo.models  # noqa: F401  (every table, for Alembic and relationships)
    from careerexpo.auth import signin
    from careerexpo.chat import realtime
    from careerexpo.core import caching, database, i18n, security, text
    from careerexpo.extensions import csrf, db, limiter, migrate
    from careerexpo.jobs import index_changes  # noqa: F401  (roles' writes reach the outbox)
    from careerexpo.jobs.index_documents import RoleDocuments
    from careerexpo.matchmaking import hooks as matchmaking_hooks
    from careerexpo.search import engine as search_engine

    # Set up the ORM's mappers now rather than on the first request, which would pay for it.
    sa_orm.configure_mappers()
    database.engine_options(app)
    db.init_app(app)
    database.configure_engine(app)
    migrate.init_app(app, db, directory=os.path.join(os.path.dirname(app.root_path), "migrations"))
    csrf.init_app(app)
    limiter.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    text.init_app(app)
    signin.init_app(app)
    caching.init_app(app)
    search_engine.init_app(app, RoleDocuments())
    realtime.init_app(app)
    matchmaking_hooks.init_app(app)
    security.trust_proxies(app)  # last: it wraps every middleware above


def register_blueprints(app: Flask) -> None:
    """Every feature's pages, each from its own ``routes`` module (see the README's map)."""
    from careerexpo.activity import routes as activity
    from careerexpo.alerts import routes as alerts
    from careerexpo.api import openapi
    from careerexpo.applications import routes as applications
    from careerexpo.auth import routes as auth
    from careerexpo.booths import routes as booths
    from careerexpo.candidates import routes as candidates
    from careerexpo.chat import routes as chat
    from careerexpo.companies import routes as companies
    from careerexpo.employer import routes as employer
    from careerexpo.expos import routes as expos
    from careerexpo.feeds import routes as feeds
    from careerexpo.jobs import routes as jobs
    from careerexpo.main import routes as main
    from careerexpo.matchmaking import routes as matchmaking
    from careerexpo.meetings import routes as meetings
    from careerexpo.presentations import routes as presentations
    from careerexpo.privacy import routes as privacy
    from careerexpo.stats import routes as stats
    from careerexpo.tokens import routes as tokens

    app.register_blueprint(main.bp)
    app.register_blueprint(feeds.bp)
    app.register_blueprint(candidates.bp, url_prefix="/me")
    app.register_blueprint(auth.bp, url_prefix="/auth")
    app.register_blueprint(jobs.bp, url_prefix="/jobs")
    app.register_blueprint(companies.bp, url_prefix="/companies")
    app.register_blueprint(applications.bp, url_prefix="/me")
    app.register_blueprint(privacy.bp, url_prefix="/me")
    app.register_blueprint(alerts.bp)
    app.register_blueprint(employer.bp, url_prefix="/employer")
    app.register_blueprint(tokens.bp, url_prefix="/employer")
    app.register_blueprint(matchmaking.bp)
    app.register_blueprint(meetings.bp)  # /me/meetings…, /expos/<slug>/booths/<id>/meetings…
    openapi.register(app)  # the JSON API at /api/v1, /api/openapi.json and /api/docs
    for expo_pages in (stats, activity, expos, booths, presentations, chat):
        app.register_blueprint(expo_pages.bp, url_prefix="/expos")


def register_errorhandlers(app: Flask) -> None:
    from careerexpo.core import errors

    errors.init_app(app)


def register_template_helpers(app: Flask) -> None:
    from careerexpo import templating

    templating.init_app(app)


def register_commands(app: Flask) -> None:
    from careerexpo import cli

    cli.init_app(app)
