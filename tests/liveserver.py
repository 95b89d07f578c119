"""A real HTTP (and WebSocket) server on loopback, in a background thread, for one app."""

import threading
from contextlib import contextmanager
from dataclasses import dataclass, field

from flask import Flask, got_request_exception
from werkzeug.serving import make_server


@dataclass
class LiveServer:
    url: str
    app: Flask
    exceptions: list[BaseException] = field(default_factory=list)


@contextmanager
def serve(app: Flask):
    """Serves ``app`` until the block ends; fails if a request raised meanwhile.

    Close every client (browser context, socket) before the block ends: stopping
    waits for the threads still serving requests.
    """
    server = make_server("127.0.0.1", 0, app, threaded=True)
    live = LiveServer(url=f"http://127.0.0.1:{server.server_port}", app=app)

    def record(_sender, exception, **_extra):
        live.exceptions.append(exception)

    got_request_exception.connect(record, app)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield live
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
        got_request_exception.disconnect(record, app)
    assert not live.exceptions, f"the server raised while handling a request: {live.exceptions!r}"
