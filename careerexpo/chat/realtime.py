"""Binds Socket.IO to the app.

Async mode ``threading``: it runs on the Werkzeug development server and on
gunicorn's threaded worker with plain blocking libraries (psycopg, redis), with
WebSockets through simple-websocket. eventlet is deprecated and gevent would
need every blocking library patched; see docs/deploy.md. With ``REDIS_URL`` set,
Redis is the message queue, so an emit from any process reaches every client.
"""

from flask import Flask

from careerexpo.auth.signals import sign_ins_ended
from careerexpo.chat import events, notify, presence  # noqa: F401  (events: the handlers)
from careerexpo.core.ratelimits import FallbackRateLimiter
from careerexpo.extensions import socketio

# The handlers must be registered before the first init_app, so that every app
# (tests make many) gets them: Flask-SocketIO replays its list into each new server.


def init_app(app: Flask) -> None:
    origins = app.config.get("CHAT_ALLOWED_ORIGINS")
    socketio.init_app(
        app,
        async_mode="threading",
        message_queue=app.config.get("REDIS_URL"),
        # None: only pages served from this same origin may open a socket.
        cors_allowed_origins=origins or None,
        ping_interval=app.config["CHAT_PING_INTERVAL"],
        logger=False,
        engineio_logger=False,
    )
    presence.init_app(app)
    # Flood control counts in the same store as the sign-in limits (Redis when shared).
    app.extensions["careerexpo_chat_limiter"] = FallbackRateLimiter(
        app.config["RATELIMIT_STORAGE_URI"])
    sign_ins_ended.connect(_end_sockets_of_sign_ins)


def _end_sockets_of_sign_ins(_sender, login_ids=(), **_extra) -> None:
    """An ended sign-in (signed out, everywhere, or by a new password) ends every chat
    socket opened under it, on any process; a new socket with its cookie is refused at
    connect, since the user loader no longer accepts it."""
    for login_id in login_ids:
        notify.sign_out(login_id)
