"""Keeps sockets from crowding out the site: what a transport may cost before it signs in.

An Engine.IO transport is cheap to open and, left alone, stays open for as long as it
answers pings, whether or not it ever becomes a signed-in ``/chat`` connection. So:

- a transport that has no signed-in ``/chat`` connection for ``CHAT_SIGN_IN_SECONDS``
  (from its opening, or from the end of its last one) is closed by the server;
- a client address may hold ``CHAT_SOCKETS_PER_ADDRESS`` open transports in one process
  (a visitor's several tabs each hold one) and open ``CHAT_HANDSHAKE_RATE_LIMIT`` new
  ones; past either, the handshake is answered 429 before any session exists, and
  Socket.IO clients try again later with their back-off.

The address is ``REMOTE_ADDR`` as the app sees it: behind ``TRUSTED_PROXIES`` proxies,
``ProxyFix`` (which wraps everything, this gate included) has already put the client's
address there. Open transports are counted per process, in memory: behind a load
balancer that keeps each client address on one process, that is the address's count.
"""

import socket
import threading
import time
from collections import Counter
from urllib.parse import parse_qs

from limits import parse as parse_limit

SOCKET_PATH = "/socket.io"
SWEEP_SECONDS = 1.0


class SocketGuard:
    """The transports of one Socket.IO server, with the address each came from and, for
    those without a signed-in ``/chat`` connection, when they must have one by."""

    def __init__(self, server, limiter, sign_in_seconds: float, per_address: int,
                 handshake_rate: str | None):
        self.server = server
        self.limiter = limiter
        self.sign_in_seconds = sign_in_seconds
        self.per_address = per_address
        self.handshake_rate = parse_limit(handshake_rate) if handshake_rate else None
        self._lock = threading.Lock()
        self._address_of: dict[str, str] = {}
        self._open = Counter()
        self._deadline: dict[str, float] = {}
        # The connection under each WebSocket transport: closing a transport only sends
        # a close frame, and a client that never reads or answers would keep it open.
        self._connection: dict[str, object] = {}
        self._sweeping = False
        eio = server.eio
        self._eio_connect = eio.handlers["connect"]
        self._eio_disconnect = eio.handlers["disconnect"]
        eio.on("connect", self._on_transport_open)
        eio.on("disconnect", self._on_transport_close)

    # --- the handshake --------------------------------------------------------------

    def refusal(self, address: str) -> str | None:
        """Why a new transport from ``address`` is refused, or ``None`` to let it open."""
        with self._lock:
            if self.per_address and self._open[address] >= self.per_address:
                return "too many open sockets from this address"
        if self.handshake_rate and not self.limiter.hit(self.handshake_rate,
                                                        "chat-handshake", address):
            return "too many new sockets from this address; try again later"
        return None

    def allow_connect(self, address: str) -> bool:
        """Counts one ``/chat`` connect attempt on an open transport against the same
        per-address limit as handshakes (each costs a sign-in check)."""
        return not self.handshake_rate or self.limiter.hit(self.handshake_rate,
                                                           "chat-connect", address)

    # --- transports -----------------------------------------------------------------

    def websocket_opened(self, eio_sid: str, environ: dict) -> None:
        """A transport moved to (or opened as) a WebSocket on the connection ``environ``
        came over."""
        connection = environ.get("gunicorn.socket") or environ.get("werkzeug.socket")
        if connection is not None:
            with self._lock:
                if eio_sid in self._address_of:
                    self._connection[eio_sid] = connection

    def _on_transport_open(self, eio_sid, environ, *args):
        address = environ.get("REMOTE_ADDR") or ""
        with self._lock:
            self._address_of[eio_sid] = address
            self._open[address] += 1
            self._deadline[eio_sid] = time.monotonic() + self.sign_in_seconds
            start = not self._sweeping
            self._sweeping = True
        if start:
            self.server.start_background_task(self._sweep)
        if _is_websocket(environ):
            self.websocket_opened(eio_sid, environ)
        return self._eio_connect(eio_sid, environ, *args)

    def _on_transport_close(self, eio_sid, *args):
        try:
            return self._eio_disconnect(eio_sid, *args)
        finally:
            with self._lock:
                self._deadline.pop(eio_sid, None)
                self._connection.pop(eio_sid, None)
                address = self._address_of.pop(eio_sid, None)
                if address is not None:
                    self._open[address] -= 1
                    if self._open[address] <= 0:
                        del self._open[address]

    def signed_in(self, eio_sid: str) -> None:
        with self._lock:
            self._deadline.pop(eio_sid, None)

    def signed_out(self, eio_sid: str) -> None:
        """The transport's ``/chat`` connection ended; the transport itself gets the usual
        time to sign in again, then is closed."""
        with self._lock:
            if eio_sid in self._address_of:
                self._deadline[eio_sid] = time.monotonic() + self.sign_in_seconds

    def open_count(self, address: str | None = None) -> int:
        with self._lock:
            return self._open[address] if address is not None else len(self._address_of)

    def _sweep(self) -> None:
        """Closes the transports past their deadline; runs while any transport has one, so
        an idle server (or a test's app) keeps no task."""
        while True:
            self.server.sleep(SWEEP_SECONDS)
            now = time.monotonic()
            with self._lock:
                if not self._deadline:
                    self._sweeping = False
                    return
                due = [sid for sid, deadline in self._deadline.items() if deadline <= now]
                for sid in due:
                    del self._deadline[sid]
            for eio_sid in due:
                self._close(eio_sid)

    def _close(self, eio_sid: str) -> None:
        """``eio.disconnect`` without its wait for the client to read the close packet,
        which a long-polling client that stopped polling never does."""
        eio = self.server.eio
        with self._lock:
            connection = self._connection.pop(eio_sid, None)
        transport = eio.sockets.pop(eio_sid, None)
        if transport is not None:
            try:
                transport.close(wait=False, reason=eio.reason.SERVER_DISCONNECT)
            except OSError:  # the connection went meanwhile
                pass
        if connection is not None:
            # The close frame is sent; ending the connection too wakes the reader waiting
            # on a client that never answers, and frees its file descriptor.
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class HandshakeGate:
    """WSGI middleware in front of Socket.IO: a new transport (a request to the socket
    path without an Engine.IO ``sid``) from an address over its limits is answered 429."""

    def __init__(self, wsgi_app, guard: SocketGuard):
        self.wsgi_app = wsgi_app
        self.guard = guard

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path != SOCKET_PATH and not path.startswith(SOCKET_PATH + "/"):
            return self.wsgi_app(environ, start_response)
        sid = parse_qs(environ.get("QUERY_STRING", "")).get("sid")
        if sid:
            if _is_websocket(environ):  # a long-polling transport upgrading
                self.guard.websocket_opened(sid[0], environ)
        else:
            refusal = self.guard.refusal(environ.get("REMOTE_ADDR") or "")
            if refusal:
                body = refusal.encode()
                start_response("429 Too Many Requests", [
                    ("Content-Type", "text/plain; charset=utf-8"),
                    ("Content-Length", str(len(body))),
                    ("Retry-After", "10"),
                    ("Cache-Control", "no-store")])
                return [body]
        return self.wsgi_app(environ, start_response)


def _is_websocket(environ: dict) -> bool:
    return environ.get("HTTP_UPGRADE", "").lower() == "websocket"
