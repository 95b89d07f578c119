"""Binds Socket.IO to the app.

Async mode ``threading``: it runs on the Werkzeug development server and on
gunicorn's threaded worker with plain blocking libraries (psycopg, redis), with
WebSockets through simple-websocket. eventlet is deprecated and gevent would
need every blocking library patched; see docs/deploy.md. With ``REDIS_URL`` set,
Redis is the message queue, so an emit from any process reaches every client.
"""

from flask import Flask

from careerexpo.chat import presence
from careerexpo.extensions import socketio


def init_app(app: Flask) -> None:
    origins = app.config.get("CHAT_ALLOWED_ORIGINS")
    socketio.init_app(
        app,
        async_mode="threading",
        message_queue=app.config.get("REDIS_URL"),
        # None: only pages served from this same origin may open a socket.
        cors_allowed_origins=origins or None,
        logger=False,
        engineio_logger=False,
    )
    presence.init_app(app)
    from careerexpo.chat import events  # noqa: F401  (registers the handlers)
