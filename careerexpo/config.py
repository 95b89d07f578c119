"""Configuration, read from the environment.

``CAREEREXPO_ENV`` picks the class: ``production`` (the default), ``development``
(what ``make run`` uses) or ``testing``.
"""

import os
from datetime import timedelta

MB = 1024 * 1024


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


def _mail_settings(env) -> dict:
    """SMTP for job alerts: MAIL_USE_SSL is TLS from the start (port 465), MAIL_USE_TLS is
    STARTTLS (port 587); neither is plain SMTP (port 25)."""
    use_ssl, use_tls = _flag(env.get("MAIL_USE_SSL")), _flag(env.get("MAIL_USE_TLS"))
    port = env.get("MAIL_PORT") or ("465" if use_ssl else "587" if use_tls else "25")
    if not port.isdecimal():
        raise RuntimeError(f"MAIL_PORT must be a port number, not {port!r}")
    return {
        "MAIL_SERVER": env.get("MAIL_SERVER") or "localhost",
        "MAIL_PORT": int(port),
        "MAIL_USE_SSL": use_ssl,
        "MAIL_USE_TLS": use_tls,
        "MAIL_USERNAME": env.get("MAIL_USERNAME") or None,
        "MAIL_PASSWORD": env.get("MAIL_PASSWORD") or None,
        "MAIL_SENDER": env.get("MAIL_SENDER") or "CareerExpo <no-reply@localhost>",
    }


def _database_url(instance_path: str) -> str:
    url = os.environ.get("DATABASE_URL")
    if not url:
        return "sqlite:///" + os.path.join(instance_path, "careerexpo.sqlite3")
    # Heroku-style URLs name the driver-less scheme; we speak psycopg 3.
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def _whole_number(env, name: str, default: int, least: int = 0) -> int:
    """A whole-number setting from the environment, at least ``least``; refuses to start
    on anything else rather than guess."""
    value = (env.get(name) or str(default)).strip()
    if not value.isdecimal() or int(value) < least:
        raise RuntimeError(f"{name} must be a whole number of at least {least}, not {value!r}")
    return int(value)


def _rate(env, name: str, default: str) -> str:
    """A rate limit such as ``60 per minute`` from the environment; refuses to start on one
    the limits library cannot read."""
    from limits import parse

    value = (env.get(name) or default).strip()
    try:
        parse(value)
    except ValueError:
        raise RuntimeError(f"{name} must be a rate such as '60 per minute', not {value!r}") \
            from None
    return value


# A Redis that does not answer must not hold a request for long: the rate limits and the
# cache fall back to each process's memory meanwhile (core/ratelimits.py, core/caching.py).
REDIS_TIMEOUTS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
# The Socket.IO message queue's pool (python-socketio makes it): redis-py refuses a call
# outright once its pool is full, and a gevent process has thousands of sockets. The
# app's other Redis clients share a pool that waits instead (core/redis_pool.py).
REDIS_OPTIONS = {**REDIS_TIMEOUTS, "max_connections": 1000}


class Config:
    ENV_NAME = "production"
    # Used only where the environment sets no SECRET_KEY; production has none.
    FALLBACK_SECRET_KEY: str | None = None
    # Werkzeug's scrypt, salted per password.
    PASSWORD_HASH_METHOD = "scrypt"

    # Extra create_engine() arguments; core/database.py adds the server-only ones.
    SQLALCHEMY_ENGINE_OPTIONS: dict = {}

    # Uploads: a CV is at most 5 MB; the request may carry a little form data besides.
    MAX_CONTENT_LENGTH = 6 * MB
    CV_MAX_BYTES = 5 * MB

    BABEL_DEFAULT_LOCALE = "en"
    BABEL_DEFAULT_TIMEZONE = "Asia/Hong_Kong"
    LANGUAGES = ["en", "zh_Hant_HK", "zh_Hans_CN"]

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = True
    # Our own remember-me cookie (auth/signin.py): a random token per sign-in.
    REMEMBER_COOKIE_NAME = "remember_token"
    REMEMBER_DAYS = 30
    # A sign-in not remembered ends on the server once unused this long.
    PERMANENT_SESSION_LIFETIME = timedelta(days=1)
    # How long a password reset link works (once).
    PASSWORD_RESET_MINUTES = 60
    # How long the link that finishes a registration works (once).
    EMAIL_CONFIRM_HOURS = 48

    RATELIMIT_ENABLED = True
    RATELIMIT_HEADERS_ENABLED = True
    # While Redis cannot be reached, limits are counted in each process's memory rather
    # than refusing sign-ins; Redis is used again once it answers (core/ratelimits.py).
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
    LOGIN_RATE_LIMIT = "10 per minute"

    # Public pages and API answers are cached for signed-out visitors this long; any
    # change to a job or company invalidates them at once (core/caching.py).
    PUBLIC_CACHE_SECONDS = 60
    # The search index (careerexpo/search): how often serving processes look for changes
    # other processes and machines committed, how long the outbox keeps an entry (an
    # index that last caught up longer ago rebuilds), and how many waiting entries make
    # a rebuild cheaper than replaying them.
    SEARCH_POLL_SECONDS = 0.5
    SEARCH_OUTBOX_RETENTION_HOURS = 24
    SEARCH_REBUILD_BACKLOG = 200_000
    CACHE_DEFAULT_TIMEOUT = 60
    # What each process may keep in its cache when there is no Redis (a page is 5-30 KB).
    CACHE_MEMORY_BYTES = 32 * MB
    CACHE_KEY_PREFIX = "careerexpo:"

    # Flood control per user in live chat; booth staff answer many people at once.
    CHAT_RATE_LIMIT = "10 per 10 seconds"
    CHAT_STAFF_RATE_LIMIT = "40 per 10 seconds"
    # Every chat event (join, leave, history, accept…) by one user, and asking for a
    # private chat, which puts the person in a booth's queue.
    CHAT_EVENT_RATE_LIMIT = "60 per 10 seconds"
    CHAT_REQUEST_RATE_LIMIT = "10 per minute"
    # What a socket may cost before it signs in (chat/guard.py): a transport without a
    # signed-in /chat connection for this many seconds is closed; each client address may
    # hold this many open sockets per process (each tab holds one; raise it where many
    # people share one address, as behind a venue's or campus's NAT) and open this many.
    CHAT_SIGN_IN_SECONDS = 5
    CHAT_SOCKETS_PER_ADDRESS = 20
    CHAT_HANDSHAKE_RATE_LIMIT = "60 per minute"
    # Seconds between the server's pings on each chat socket (Engine.IO's pingInterval): a
    # proxy that closes idle connections sooner than this would cut chats.
    CHAT_PING_INTERVAL = 25
    # How long a candidate waits in a booth's queue before being offered to leave a message.
    CHAT_QUEUE_PATIENCE_SECONDS = 300
    UPLOAD_MAX_IMAGE_BYTES = 2 * MB
    # A logo or banner is shown a few hundred pixels wide; more is refused before decoding.
    UPLOAD_MAX_IMAGE_SIDE = 4096

    # The JSON API's OpenAPI document (flask-smorest), at /api/openapi.json.
    API_TITLE = "CareerExpo API"
    API_VERSION = "1"
    OPENAPI_VERSION = "3.1.0"
    OPENAPI_URL_PREFIX = "/api"
    OPENAPI_JSON_PATH = "openapi.json"
    # Requests each employer API token may make.
    API_TOKEN_RATE_LIMIT = "120 per minute"
    # Seconds to wait on the mail server before giving up on a job alert email.
    MAIL_TIMEOUT = 30
    # Hours a queued account or meeting email is retried while the mail server refuses it
    # or cannot be reached, before it is given up (careerexpo/mailing).
    MAIL_RETRY_HOURS = 24

    # Days after an application ends unsuccessfully before its cover note, CV and notes
    # are removed by `flask purge-expired` (privacy/erasure.py).
    RETENTION_DAYS = 730

    # Booked meetings (careerexpo/meetings): how long a request waits for an answer before
    # it lapses and frees its slot, how long before that the booth's staff are warned,
    # how many requests a candidate may make a day, and how long before a meeting both
    # sides get a reminder.
    MEETING_REQUEST_HOURS = 48
    MEETING_EXPIRY_WARNING_HOURS = 12
    MEETING_REQUESTS_PER_DAY = 5
    MEETING_REMINDER_MINUTES = 60

    JOBS_PER_PAGE = 20
    APPLICANTS_PER_PAGE = 25
    EMPLOYER_JOBS_PER_PAGE = 50

    @classmethod
    def init(cls, instance_path: str) -> dict:
        """Settings read from the environment when the app is made."""
        from careerexpo.core import redis_pool

        env = os.environ
        redis_url = env.get("REDIS_URL") or None
        return {
            "SECRET_KEY": env.get("SECRET_KEY") or cls.FALLBACK_SECRET_KEY,
            "REDIS_URL": redis_url,
            "SQLALCHEMY_DATABASE_URI": _database_url(instance_path),
            "RATELIMIT_STORAGE_URI": redis_url or "memory://",
            "RATELIMIT_STORAGE_OPTIONS": redis_pool.storage_options(redis_url or ""),
            # Redis shares the cache between processes; alone, each process keeps its own.
            "CACHE_TYPE": ("careerexpo.core.redis_pool.SharedRedisCache" if redis_url
                           else "careerexpo.core.memory_cache.MemoryCache"),
            "CACHE_REDIS_URL": redis_url,
            "CV_FOLDER": env.get("CV_FOLDER") or os.path.join(instance_path, "cvs"),
            "UPLOAD_FOLDER": env.get("UPLOAD_FOLDER") or os.path.join(instance_path, "uploads"),
            # Compiled templates kept on disk, so a restarted process skips compiling them.
            "TEMPLATE_CACHE_DIR": (None if cls.ENV_NAME == "testing" else
                                   env.get("TEMPLATE_CACHE_DIR")
                                   or os.path.join(instance_path, "template-cache")),
            "LOGIN_RATE_LIMIT": env.get("LOGIN_RATE_LIMIT") or cls.LOGIN_RATE_LIMIT,
            "SEARCH_INDEX_DIR": env.get("SEARCH_INDEX_DIR")
            or os.path.join(instance_path, "search-index"),
            "SEARCH_POLL_SECONDS": float(env.get("SEARCH_POLL_SECONDS")
                                         or cls.SEARCH_POLL_SECONDS),
            "SEARCH_OUTBOX_RETENTION_HOURS": float(env.get("SEARCH_OUTBOX_RETENTION_HOURS")
                                                   or cls.SEARCH_OUTBOX_RETENTION_HOURS),
            "REMEMBER_LIFETIME": timedelta(days=_whole_number(
                env, "REMEMBER_DAYS", cls.REMEMBER_DAYS, least=1)),
            "PASSWORD_RESET_LIFETIME": timedelta(minutes=_whole_number(
                env, "PASSWORD_RESET_MINUTES", cls.PASSWORD_RESET_MINUTES, least=1)),
            "EMAIL_CONFIRM_LIFETIME": timedelta(hours=_whole_number(
                env, "EMAIL_CONFIRM_HOURS", cls.EMAIL_CONFIRM_HOURS, least=1)),
            "API_TOKEN_RATE_LIMIT": env.get("API_TOKEN_RATE_LIMIT") or cls.API_TOKEN_RATE_LIMIT,
            # How many proxies stand in front of the app and set X-Forwarded-For (0: none).
            "TRUSTED_PROXIES": _whole_number(env, "TRUSTED_PROXIES", 0),
            "RETENTION_DAYS": _whole_number(env, "RETENTION_DAYS", cls.RETENTION_DAYS),
            "MAIL_RETRY_HOURS": _whole_number(env, "MAIL_RETRY_HOURS", cls.MAIL_RETRY_HOURS,
                                              least=1),
            **{name: _whole_number(env, name, getattr(cls, name), least=1) for name in (
                "MEETING_REQUEST_HOURS", "MEETING_EXPIRY_WARNING_HOURS",
                "MEETING_REQUESTS_PER_DAY", "MEETING_REMINDER_MINUTES")},
            # Talisman redirects to HTTPS only where the app itself terminates TLS.
            "FORCE_HTTPS": env.get("FORCE_HTTPS", "0") == "1",
            **{name: _rate(env, name, getattr(cls, name)) for name in (
                "CHAT_RATE_LIMIT", "CHAT_STAFF_RATE_LIMIT", "CHAT_EVENT_RATE_LIMIT",
                "CHAT_REQUEST_RATE_LIMIT")},
            "CHAT_SIGN_IN_SECONDS": _whole_number(env, "CHAT_SIGN_IN_SECONDS",
                                                  cls.CHAT_SIGN_IN_SECONDS, least=1),
            "CHAT_SOCKETS_PER_ADDRESS": _whole_number(env, "CHAT_SOCKETS_PER_ADDRESS",
                                                      cls.CHAT_SOCKETS_PER_ADDRESS, least=1),
            "CHAT_HANDSHAKE_RATE_LIMIT": _rate(env, "CHAT_HANDSHAKE_RATE_LIMIT",
                                               cls.CHAT_HANDSHAKE_RATE_LIMIT),
            # Extra origins (comma-separated) allowed to open chat sockets besides this site.
            "CHAT_ALLOWED_ORIGINS": [o for o in env.get("CHAT_ALLOWED_ORIGINS", "").split(",")
                                     if o] or None,
            # Where the site is reached from outside, for links in emails sent by commands.
            "SITE_URL": (env.get("SITE_URL") or "").rstrip("/") or None,
            **_mail_settings(env),
        }


class ProductionConfig(Config):
    pass


class DevelopmentConfig(Config):
    ENV_NAME = "development"
    FALLBACK_SECRET_KEY = "dev-only-not-secret"
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_SECURE = False


class TestingConfig(DevelopmentConfig):
    ENV_NAME = "testing"
    TESTING = True
    FALLBACK_SECRET_KEY = "testing-secret"
    # Fast hashing keeps the suite quick; production keeps scrypt.
    PASSWORD_HASH_METHOD = "pbkdf2:sha256:1000"
    WTF_CSRF_ENABLED = False
    RATELIMIT_ENABLED = False
    # Each commit applies its own changes; nothing else writes a test's index.
    SEARCH_POLL_SECONDS = 0


CONFIGS = {
    "production": ProductionConfig,
    "development": DevelopmentConfig,
    "testing": TestingConfig,
}


def config_class(name: str | None = None) -> type[Config]:
    name = name or os.environ.get("CAREEREXPO_ENV", "production")
    try:
        return CONFIGS[name]
    except KeyError:
        raise RuntimeError(
            f"CAREEREXPO_ENV must be one of {', '.join(CONFIGS)}, not {name!r}"
        ) from None
