"""Binds Socket.IO to the app.

The async mode follows the server: ``gevent`` under gunicorn's gevent worker
(``make serve``, which monkey-patches the process before the app is made, so
psycopg, redis-py and SQLAlchemy wait cooperatively and a socket costs a
greenlet, not a thread), ``threading`` anywhere else (the Werkzeug development
server of ``make run`` and of the tests). WebSockets come from simple-websocket
in both. See docs/deploy.md. With ``REDIS_URL`` set, Redis is the message queue,
so an emit from any process reaches every client.
"""

import socketio as socketio_redis
from flask import Flask

from careerexpo.auth.signals import sign_ins_ended
from careerexpo.chat import events, notify, presence  # noqa: F401  (events: the handlers)
from careerexpo.chat.guard import HandshakeGate, SocketGuard
from careerexpo.config import REDIS_OPTIONS
from careerexpo.core.ratelimits import FallbackRateLimiter
from careerexpo.extensions import socketio

# The handlers must be registered before the first init_app, so that every app
# (tests make many) gets them: Flask-SocketIO replays its list into each new server.


def async_mode() -> str:
    """``gevent`` when gevent has patched this process (its gunicorn worker does), else
    ``threading``: gevent's mode in an unpatched process would block on every socket."""
    try:
        from gevent import monkey
    except ImportError:
        return "threading"
    return "gevent" if monkey.is_module_patched("socket") else "threading"


def init_app(app: Flask) -> None:
    origins = app.config.get("CHAT_ALLOWED_ORIGINS")
    redis_url = app.config.get("REDIS_URL")
    socketio.init_app(
        app,
        async_mode=async_mode(),
        # The message queue, made here so that its Redis pool is as large as the others.
        client_manager=(socketio_redis.RedisManager(redis_url, channel="flask-socketio",
                                                     redis_options=REDIS_OPTIONS)
                        if redis_url else None),
        # None: only pages served from this same origin may open a socket.
        cors_allowed_origins=origins or None,
        ping_interval=app.config["CHAT_PING_INTERVAL"],
        logger=False,
        engineio_logger=False,
    )
    presence.init_app(app)
    # Flood control counts in the same store as the sign-in limits (Redis when shared).
    limiter = app.extensions["careerexpo_chat_limiter"] = FallbackRateLimiter(
        app.config["RATELIMIT_STORAGE_URI"])
    guard = app.extensions["careerexpo_socket_guard"] = SocketGuard(
        socketio.server, limiter, app.config["CHAT_SIGN_IN_SECONDS"],
        app.config["CHAT_SOCKETS_PER_ADDRESS"], app.config["CHAT_HANDSHAKE_RATE_LIMIT"])
    # Outside Flask-SocketIO's middleware, so a refused handshake costs no session.
    app.wsgi_app = HandshakeGate(app.wsgi_app, guard)
    sign_ins_ended.connect(_end_sockets_of_sign_ins)


def _end_sockets_of_sign_ins(_sender, login_ids=(), **_extra) -> None:
    """An ended sign-in (signed out, everywhere, or by a new password) ends every chat
    socket opened under it, on any process; a new socket with its cookie is refused at
    connect, since the user loader no longer accepts it."""
    for login_id in login_ids:
        notify.sign_out(login_id)
