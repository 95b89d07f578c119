"""The production server (``make serve``: gunicorn's gevent worker) against what a crowd, or
one script, does to it: transports that never sign in, many sockets from one address,
floods of events, hundreds of open sockets while people load pages, and a restart in the
middle of a chat. Real clients on loopback, a real server process.
"""

import base64
import gc
import os
import socket
import threading
import time
import uuid

import engineio
import pytest
import requests
import socketio
import sqlalchemy as sa
from werkzeug.security import check_password_hash, generate_password_hash

from careerexpo.chat.models import ChatMessage
from careerexpo.extensions import db
from tests import factories
from tests.chat.conftest import NAMESPACE, ChatClient
from tests.chat.served import ServedApp

# One proxy in front, as docs/deploy.md sets it: each test speaks for many client
# addresses through X-Forwarded-For.
SETTINGS = {"TRUSTED_PROXIES": 1, "CHAT_SIGN_IN_SECONDS": 2, "CHAT_SOCKETS_PER_ADDRESS": 3,
            "CHAT_HANDSHAKE_RATE_LIMIT": "6 per minute"}
HANDSHAKE = "/socket.io/?EIO=4&transport=polling"


@pytest.fixture
def served(chat_app, tmp_path, request):
    """The app of ``chat_app`` (its database, written by the test first) served by its own
    process; ``@pytest.mark.served(KEY=value)`` changes the settings above."""
    marker = request.node.get_closest_marker("served")
    server = ServedApp(chat_app.config["SQLALCHEMY_DATABASE_URI"], tmp_path,
                       **{**SETTINGS, **(marker.kwargs if marker else {})})
    yield server
    server.stop()
    assert not server.errors(), server.tail()


def raw_websocket(port: int, address: str) -> socket.socket:
    """A WebSocket transport opened by hand from ``address``: it reads nothing, answers no
    ping and never asks for ``/chat``, as the simplest flooding script would."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n"
                  f"Host: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                  f"X-Forwarded-For: {address}\r\n\r\n").encode())
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = sock.recv(4096)
        assert chunk, "the server closed the connection during the handshake"
        head += chunk
    assert head.startswith(b"HTTP/1.1 101"), head[:200]
    return sock


def closed_by_server(sock: socket.socket, within: float) -> bool:
    """Whether the server ends the connection within ``within`` seconds (whatever frames it
    sends before its end)."""
    deadline = time.monotonic() + within
    while (left := deadline - time.monotonic()) > 0:
        sock.settimeout(left)
        try:
            if not sock.recv(65536):
                return True
        except TimeoutError:
            return False
        except ConnectionError:
            return True
    return False


def handshake(url: str, address: str) -> int:
    return requests.get(url + HANDSHAKE, headers={"X-Forwarded-For": address}, timeout=10) \
        .status_code


def test_transports_that_never_sign_in_are_closed_and_signed_in_ones_stay(chat_app, served,
                                                                           booth):
    candidate = factories.candidate()
    served.start()
    anonymous_websocket = raw_websocket(served.port, "203.0.113.1")
    anonymous = engineio.Client()
    anonymous.connect(served.url, transports=["polling"], engineio_path="socket.io",
                      headers={"X-Forwarded-For": "203.0.113.2"})
    # A Socket.IO client without a session cookie is refused at /chat.
    refused = socketio.Client(reconnection=False)
    with pytest.raises(socketio.exceptions.ConnectionError):
        refused.connect(served.url, namespaces=[NAMESPACE], transports=["websocket"],
                        headers={"X-Forwarded-For": "203.0.113.3"}, wait_timeout=5)
    signed_in = ChatClient(served.url, candidate, transport="websocket",
                           headers={"X-Forwarded-For": "203.0.113.4"}).connect()
    try:
        # CHAT_SIGN_IN_SECONDS is 2; the sweep runs each second.
        assert closed_by_server(anonymous_websocket, within=5)
        deadline = time.monotonic() + 5
        while anonymous.state == "connected" and time.monotonic() < deadline:
            time.sleep(0.1)
        assert anonymous.state != "connected"
        assert signed_in.sio.connected
        assert signed_in.call("join", {"room": booth.room})["ok"]
        assert signed_in.call("send", {"room": booth.room, "body": "still here",
                                       "client_id": "x"})["ok"]
    finally:
        anonymous_websocket.close()
        anonymous.disconnect()
        # The HTTP sessions the Engine.IO clients kept (their connections, closed by the
        # server, are not closed on this side by disconnecting).
        for client in (anonymous, refused.eio):
            if getattr(client, "http", None) is not None:
                client.http.close()
        signed_in.close()


def test_one_address_holds_a_few_sockets_and_opens_a_few_a_minute(chat_app, served):
    people = [factories.candidate() for _ in range(4)]
    served.start()
    # Three tabs of one visitor (CHAT_SOCKETS_PER_ADDRESS is 3) all chat.
    tabs = [ChatClient(served.url, person, transport="websocket",
                       headers={"X-Forwarded-For": "198.51.100.7"}).connect()
            for person in people[:3]]
    try:
        assert all(tab.sio.connected for tab in tabs)
        # A fourth socket from that address is turned away at the handshake…
        assert handshake(served.url, "198.51.100.7") == 429
        # …whatever the client claims further left: only the proxy's entry is believed.
        assert handshake(served.url, "192.0.2.1, 198.51.100.7") == 429
        # Another address is not affected.
        other = ChatClient(served.url, people[3], transport="websocket",
                           headers={"X-Forwarded-For": "198.51.100.8"}).connect()
        other.close()
    finally:
        for tab in tabs:
            tab.close()

    # New sockets per minute: 6 (three above, the fourth refused did not count).
    address = "198.51.100.9"
    assert [handshake(served.url, address) for _ in range(3)] == [200, 200, 200]
    assert handshake(served.url, address) == 429  # three open already
    time.sleep(3.5)  # never signed in: closed after 2 s
    assert [handshake(served.url, address) for _ in range(3)] == [200, 200, 200]
    time.sleep(3.5)
    # None open now, but six opened this minute.
    assert handshake(served.url, address) == 429


EVENTS = [
    ("join", lambda room, n: {"room": room}),
    ("leave", lambda room, n: {"room": room}),
    ("history", lambda room, n: {"room": room, "after_id": 0}),
    ("send", lambda room, n: {"room": room, "body": f"hello {n}", "client_id": f"c{n}"}),
    ("request_chat", lambda room, n: {"booth_id": int(room.split(":")[1])}),
    ("accept", lambda room, n: {"conversation_id": 1}),
    ("end_chat", lambda room, n: {"conversation_id": 1}),
    ("delete_message", lambda room, n: {"message_id": 1}),
    ("mute", lambda room, n: {"booth_id": 1, "user_id": 1}),
    ("no_such_event", lambda room, n: {}),
    ("history", lambda room, n: "not an object"),
]


def test_every_event_is_rate_limited(chat_app, served, booth):
    people = [factories.candidate() for _ in EVENTS]
    served.start()
    clients = [ChatClient(served.url, person, transport="websocket",
                          headers={"X-Forwarded-For": f"198.51.100.{20 + i}"}).connect()
               for i, person in enumerate(people)]
    try:
        for client, (event, payload) in zip(clients, EVENTS, strict=True):
            # CHAT_EVENT_RATE_LIMIT: 60 per 10 seconds, whatever the event.
            answers = [client.call(event, payload(booth.room, n)) for n in range(62)]
            refused = [a for a in answers if not a["ok"] and "too fast" in a["error"]]
            assert refused, f"{event}: {answers[-1]!r}"
            assert all("too fast" in a["error"] for a in answers[61:]), event
    finally:
        for client in clients:
            client.close()


def test_pages_answer_while_hundreds_of_sockets_are_open(chat_app, served):
    served.start()
    # 300 transports from 100 addresses (3 each, the cap), none signed in, none reading.
    sockets = [raw_websocket(served.port, f"10.9.{k // 250}.{k % 250 + 1}")
               for k in range(100) for _ in range(3)]
    try:
        slowest = 0.0
        for path in ("/healthz", "/", "/expos", "/jobs"):
            started = time.monotonic()
            assert requests.get(served.url + path, timeout=5).status_code == 200
            slowest = max(slowest, time.monotonic() - started)
        assert slowest < 2.0
        # And every one of them is closed once its time to sign in is over.
        deadline = time.monotonic() + 8
        assert all(closed_by_server(s, within=max(0.1, deadline - time.monotonic()))
                   for s in sockets)
    finally:
        for s in sockets:
            s.close()


def test_pages_answer_while_people_sign_in(chat_app, served):
    # Production's scrypt: about a tenth of a second of CPU per sign-in, which must not
    # stop the worker's other requests and sockets for as long.
    people = [factories.candidate() for _ in range(8)]
    slow_hash = generate_password_hash(factories.PASSWORD, method="scrypt")
    for person in people:
        person.password_hash = slow_hash
    db.session.commit()
    emails = [person.email for person in people]
    served.start()

    answers, waits = [], []

    def sign_in(email):
        with requests.Session() as browser:
            answers.append(browser.post(served.url + "/auth/login", allow_redirects=False,
                                        data={"email": email,
                                              "password": factories.PASSWORD}).status_code)

    sign_in(emails[0])  # the worker's first sign-in (warms what is made once)
    crowd = [threading.Thread(target=sign_in, args=(e,)) for e in emails for _ in range(2)]
    for thread in crowd:
        thread.start()
    while any(thread.is_alive() for thread in crowd):
        started = time.monotonic()
        assert requests.get(served.url + "/healthz", timeout=10).status_code == 200
        waits.append(time.monotonic() - started)
        time.sleep(0.02)
    for thread in crowd:
        thread.join()

    assert answers == [302] * 17  # every sign-in worked…
    # …and no page waited behind the 16 hashes, as it would if they ran on the loop.
    started = time.monotonic()
    check_password_hash(slow_hash, factories.PASSWORD)
    one_after_another = 16 * (time.monotonic() - started)
    assert waits and max(waits) < one_after_another / 2, (waits, one_after_another)


class Visitor:
    """What the browser's chat client (static/js/chat-core.js) does: a send keeps its
    client_id until acknowledged and is sent again after a reconnect; on each (re)connect
    it joins again and asks for the history after the last id it saw."""

    def __init__(self, url: str, user, room: str):
        self.http = ChatClient(url, user, transport="websocket")
        self.room = room
        self.seen: set[int] = set()
        self.last = 0
        self.pending: dict[str, str] = {}
        self.acked: dict[str, int] = {}
        self.lock = threading.Lock()
        self.sio = socketio.Client(reconnection=True, reconnection_delay=0.2,
                                   reconnection_delay_max=1, randomization_factor=0.5)
        self.sio.on("connect", self._on_connect, namespace=NAMESPACE)
        self.sio.on("message", self._saw, namespace=NAMESPACE)
        self.url = url

    def connect(self) -> "Visitor":
        cookie = "; ".join(f"{k}={v}" for k, v in self.http.http.cookies.items())
        self.sio.connect(self.url, namespaces=[NAMESPACE], transports=["websocket"],
                         headers={"Cookie": cookie,
                                  "User-Agent": self.http.http.headers["User-Agent"]},
                         wait_timeout=5)
        return self

    def _saw(self, message) -> None:
        with self.lock:
            self.seen.add(message["id"])
            self.last = max(self.last, message["id"])

    def _on_connect(self) -> None:
        # Not in the event thread: the calls below wait for answers it must deliver.
        threading.Thread(target=self._catch_up, daemon=True).start()

    def _catch_up(self) -> None:
        # The client calls this before it counts itself connected.
        deadline = time.monotonic() + 5
        while not self.sio.connected and time.monotonic() < deadline:
            time.sleep(0.01)
        # As the browser waits for its answers, however long a server just started takes.
        while self.sio.connected:
            try:
                joined = self.sio.call("join", {"room": self.room}, namespace=NAMESPACE,
                                       timeout=30)
                for message in joined.get("history", []):
                    self._saw(message)
                after = self.sio.call("history", {"room": self.room, "after_id": self.last},
                                      namespace=NAMESPACE, timeout=30)
                for message in after.get("messages", []):
                    self._saw(message)
                break
            except socketio.exceptions.TimeoutError:
                continue
            except (socketio.exceptions.SocketIOError, AttributeError):
                return  # gone again; the next connect catches up
        with self.lock:
            waiting = dict(self.pending)
        for client_id, body in waiting.items():
            self._send(client_id, body)

    def _send(self, client_id: str, body: str) -> None:
        def acknowledged(answer=None):
            if isinstance(answer, dict) and answer.get("ok"):
                with self.lock:
                    self.pending.pop(client_id, None)
                    self.acked[client_id] = answer["message"]["id"]
                self._saw(answer["message"])

        try:
            self.sio.emit("send", {"room": self.room, "body": body, "client_id": client_id},
                          namespace=NAMESPACE, callback=acknowledged)
        except socketio.exceptions.SocketIOError:
            pass  # sent again on reconnect

    def send(self, body: str) -> None:
        client_id = uuid.uuid4().hex
        with self.lock:
            self.pending[client_id] = body
        if self.sio.connected:
            self._send(client_id, body)

    def close(self) -> None:
        self.sio.disconnect()
        self.http.close()


@pytest.mark.served(CHAT_SOCKETS_PER_ADDRESS=20, CHAT_RATE_LIMIT="1000 per 10 seconds",
                    CHAT_EVENT_RATE_LIMIT="1000 per 10 seconds")
# The restart drops the clients' connections under them, and the Socket.IO client leaves
# the dropped socket to the garbage collector.
@pytest.mark.filterwarnings("ignore::ResourceWarning",
                            "ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_restart_during_chat_loses_nothing_acknowledged(chat_app, served, booth):
    sender_user, reader_user = factories.candidate(), factories.candidate()
    served.start()
    sender = Visitor(served.url, sender_user, booth.room).connect()
    reader = Visitor(served.url, reader_user, booth.room).connect()
    try:
        time.sleep(0.5)  # both joined
        stop = threading.Event()

        def chat():
            n = 0
            while not stop.is_set():
                sender.send(f"message {n}")
                n += 1
                time.sleep(0.05)

        talker = threading.Thread(target=chat, daemon=True)
        talker.start()
        deadline = time.monotonic() + 15
        while len(sender.acked) < 10 and time.monotonic() < deadline:
            time.sleep(0.1)
        acked_before = len(sender.acked)
        served.restart()  # SIGTERM, then a new process on the same port
        deadline = time.monotonic() + 15
        while len(sender.acked) < acked_before + 10 and time.monotonic() < deadline:
            time.sleep(0.1)
        stop.set()
        talker.join(timeout=5)
        # Whatever was waiting for its acknowledgement goes out again and is stored once.
        deadline = time.monotonic() + 40
        while (sender.pending or not set(sender.acked.values()) <= reader.seen) \
                and time.monotonic() < deadline:
            time.sleep(0.1)
        assert acked_before > 0
        assert len(sender.acked) > acked_before, "nothing was sent after the restart"
        assert not sender.pending, f"{len(sender.pending)} sends never acknowledged"
        missing = set(sender.acked.values()) - reader.seen
        assert not missing, (f"the reader never got {len(missing)}: {sorted(missing)[:10]}; "
                             f"it saw {len(reader.seen)} up to {reader.last}, connected "
                             f"{reader.sio.connected}; acked {len(sender.acked)} up to "
                             f"{max(sender.acked.values())}, {acked_before} before the restart")
        db.session.expire_all()
        stored = db.session.scalars(sa.select(ChatMessage.client_id).where(
            ChatMessage.room == booth.room)).all()
        assert sorted(stored) == sorted(sender.acked), "a message was stored twice or lost"
    finally:
        sender.close()
        reader.close()
        gc.collect()  # those dropped sockets, now, while the warnings are ignored
