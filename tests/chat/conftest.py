"""Chat tests talk to a real server on loopback with real python-socketio clients."""

import threading
import time
from dataclasses import dataclass

import pytest
import requests
import socketio

from tests import factories
from tests.conftest import app_on_fresh_database
from tests.liveserver import serve

NAMESPACE = "/chat"
EVENTS = ("message", "presence", "queue", "queue_position", "chat_accepted", "chat_ended",
          "message_deleted")
WAIT = 5.0


class ChatClient:
    """A signed-in user's socket, recording every server event it receives."""

    def __init__(self, base_url: str, user, password=factories.PASSWORD, headers=None,
                 transport: str = "polling"):
        self.user = user
        self.http = requests.Session()
        response = self.http.post(f"{base_url}/auth/login",
                                  data={"email": user.email, "password": password},
                                  allow_redirects=False)
        assert response.status_code == 302, "sign-in failed"
        self.base_url = base_url
        self.events: list[tuple[str, dict]] = []
        self._seen = threading.Condition()
        self.sio = socketio.Client(reconnection=False)
        for name in EVENTS:
            self.sio.on(name, self._recorder(name), namespace=NAMESPACE)
        self.extra_headers = headers or {}
        # Long-polling in-process: the development server leaves a client's WebSocket close
        # unanswered, so each disconnect would wait out websocket-client's 3 s. The
        # multi-process tests use WebSockets against gunicorn.
        self.transport = transport

    def _recorder(self, name):
        def record(data):
            with self._seen:
                self.events.append((name, data))
                self._seen.notify_all()
        return record

    def connect(self):
        cookie = "; ".join(f"{k}={v}" for k, v in self.http.cookies.items())
        # The same User-Agent as the sign-in: the session is bound to it.
        headers = {"Cookie": cookie, "User-Agent": self.http.headers["User-Agent"],
                   **self.extra_headers}
        self.sio.connect(self.base_url, namespaces=[NAMESPACE], headers=headers,
                         transports=[self.transport], wait_timeout=WAIT)
        return self

    def call(self, event: str, data=None) -> dict:
        return self.sio.call(event, data, namespace=NAMESPACE, timeout=WAIT)

    def wait_for(self, name: str, where=lambda data: True, timeout: float = WAIT) -> dict:
        """The first ``name`` event matching ``where``, waiting for it if need be."""
        deadline = time.monotonic() + timeout
        with self._seen:
            while True:
                for event, data in self.events:
                    if event == name and where(data):
                        return data
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no {name} event arrived; got {self.events!r}")
                self._seen.wait(left)

    def received(self, name: str, where=lambda data: True) -> list[dict]:
        with self._seen:
            return [data for event, data in self.events if event == name and where(data)]

    def close(self):
        if self.sio.connected:
            self.sio.disconnect()
        self.http.close()


@pytest.fixture
def chat_app(database_template, tmp_path, request):
    marker = request.node.get_closest_marker("app_config")
    with app_on_fresh_database(database_template, tmp_path,
                               **(marker.kwargs if marker else {})) as app:
        yield app


@pytest.fixture
def chat_server(chat_app):
    with serve(chat_app) as live:
        yield live


@pytest.fixture
def connect(chat_server):
    """``connect(user)`` signs a user in and opens their socket; all are closed at the end."""
    clients = []

    def open_client(user, **kwargs) -> ChatClient:
        client = ChatClient(chat_server.url, user, **kwargs)
        clients.append(client)
        return client.connect()

    yield open_client
    for client in clients:
        client.close()
    time.sleep(0.05)  # let the server finish each disconnect before it stops


@dataclass
class BoothSetup:
    booth: object
    staff: object
    colleague: object

    @property
    def room(self) -> str:
        return f"booth:{self.booth.id}"


@pytest.fixture
def booth(chat_app) -> BoothSetup:
    """A booth at an expo, with one named staff member (one chat at a time) and a colleague
    of the same company who is not named."""
    from careerexpo.booths.models import BoothStaff
    from careerexpo.extensions import db

    staff = factories.employer()
    colleague = factories.employer(company=staff.company)
    expo = factories.expo(companies=[staff.company])
    booth = expo.booths.first()
    db.session.add(BoothStaff(booth_id=booth.id, user_id=staff.id, max_chats=1))
    db.session.commit()
    return BoothSetup(booth, staff, colleague)
