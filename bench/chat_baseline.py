"""The baseline of bench/chat.py: a bare python-socketio server with CareerExpo's ``join``
and ``send`` in namespace ``/chat``, storing nothing and checking nothing.

``socketio.Server(async_mode="gevent")`` in ``socketio.WSGIApp``, served like
CareerExpo by gunicorn's threaded worker (``--pythonpath bench "chat_baseline:app"``).
``join`` enters the room; ``send`` broadcasts a message of CareerExpo's shape (about
the same size on the wire) to the room and acknowledges it.
"""

import itertools
from datetime import UTC, datetime

import socketio

NAMESPACE = "/chat"

sio = socketio.Server(async_mode="gevent", logger=False, engineio_logger=False)
_ids = itertools.count(1)


@sio.on("connect", namespace=NAMESPACE)
def connect(sid, environ, auth=None):
    return True


@sio.on("join", namespace=NAMESPACE)
def join(sid, data):
    sio.enter_room(sid, data["room"], namespace=NAMESPACE)
    return {"ok": True, "history": []}


@sio.on("send", namespace=NAMESPACE)
def send(sid, data):
    message = {"id": next(_ids), "room": data["room"], "body": data["body"],
               "sent_at": datetime.now(UTC).isoformat(), "client_id": data.get("client_id"),
               "sender": {"id": 1, "name": "Candidate 1", "role": "candidate"}}
    sio.emit("message", message, to=data["room"], namespace=NAMESPACE)
    return {"ok": True, "message": message}


def _http(environ, start_response):
    """``/healthz``; and a stand-in ``/auth/login`` answering as CareerExpo's does (a
    redirect with a session cookie), so the bench's clients sign in the same way."""
    if environ.get("PATH_INFO") == "/auth/login" and environ.get("REQUEST_METHOD") == "POST":
        start_response("302 Found", [("Location", "/"),
                                     ("Set-Cookie", "session=bench; Path=/; HttpOnly")])
        return [b""]
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]


app = socketio.WSGIApp(sio, _http)
