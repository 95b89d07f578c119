"""Two server processes sharing PostgreSQL and Redis serve one expo: messages cross both ways.

Each process is a real gunicorn with the production settings (``deploy/gunicorn.conf.py``,
the gevent worker ``make serve`` runs) on loopback; clients connect with WebSockets, one
to each process.
"""

import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest
import redis
import requests
import sqlalchemy as sa

from careerexpo import create_app
from careerexpo.booths.models import BoothStaff
from careerexpo.extensions import db
from tests import factories
from tests.chat.conftest import ChatClient
from tests.services import postgres_url_or_skip, redis_url_or_skip

pytestmark = pytest.mark.postgres
GUNICORN_CONF = Path(__file__).resolve().parents[2] / "deploy" / "gunicorn.conf.py"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def shared_database():
    """A fresh PostgreSQL database, migrated, dropped afterwards."""
    admin_url = postgres_url_or_skip().replace("postgresql://", "postgresql+psycopg://")
    name = f"careerexpo_mp_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE {name}"))
    url = admin_url.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


@pytest.fixture(scope="module")
def shared_redis():
    url = redis_url_or_skip()
    client = redis.Redis.from_url(url)
    client.flushdb()
    yield url
    client.flushdb()
    client.close()


@pytest.fixture(scope="module")
def world(shared_database, tmp_path_factory):
    """Users and a booth, written through the app into the shared database."""
    from flask_migrate import upgrade

    app = create_app("testing", SQLALCHEMY_DATABASE_URI=shared_database,
                     CV_FOLDER=str(tmp_path_factory.mktemp("cvs")))
    with app.app_context():
        upgrade()
        staff = factories.employer()
        expo = factories.expo(companies=[staff.company])
        booth = expo.booths.first()
        db.session.add(BoothStaff(booth_id=booth.id, user_id=staff.id))
        db.session.commit()
        candidate = factories.candidate()
        # Plain values: the app and its session end with this block.
        result = {"staff": SimpleNamespace(email=staff.email, id=staff.id),
                  "candidate": SimpleNamespace(email=candidate.email, id=candidate.id),
                  "booth_id": booth.id}
        db.session.remove()
        db.engine.dispose()
    return result


@pytest.fixture(scope="module")
def two_servers(shared_database, shared_redis, tmp_path_factory):
    env = {**os.environ, "CAREEREXPO_ENV": "testing", "DATABASE_URL": shared_database,
           "REDIS_URL": shared_redis, "CV_FOLDER": str(tmp_path_factory.mktemp("cvs"))}
    servers, urls = [], []
    for _ in range(2):
        port = _free_port()
        servers.append(subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", str(GUNICORN_CONF),
             "-b", f"127.0.0.1:{port}", "careerexpo:create_app()"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        urls.append(f"http://127.0.0.1:{port}")
    try:
        for url in urls:
            deadline = time.monotonic() + 30
            while True:
                try:
                    if requests.get(url + "/healthz", timeout=5).ok:
                        break
                except (requests.ConnectionError, requests.Timeout):
                    pass
                assert time.monotonic() < deadline, f"{url} did not start"
                time.sleep(0.2)
        yield urls
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=10)


def test_messages_cross_between_processes_in_both_directions(world, two_servers):
    first_url, second_url = two_servers
    room = f"booth:{world['booth_id']}"
    on_first = ChatClient(first_url, world["candidate"], transport="websocket").connect()
    on_second = ChatClient(second_url, world["staff"], transport="websocket").connect()
    try:
        for client in (on_first, on_second):
            assert client.call("join", {"room": room})["ok"]
        # Presence is shared too: the candidate on process one sees the staff on process two.
        on_first.wait_for("presence", lambda p: p["staff_online"] == 1 and p["visitors"] == 1)
        up = on_first.call("send", {"room": room, "body": "from process one", "client_id": "1"})
        down = on_second.call("send", {"room": room, "body": "from process two",
                                       "client_id": "2"})
        assert on_second.wait_for("message", lambda m: m["body"] == "from process one")[
            "id"] == up["message"]["id"]
        assert on_first.wait_for("message", lambda m: m["body"] == "from process two")[
            "id"] == down["message"]["id"]
        # A private chat requested on one process is accepted from the other.
        ask = on_first.call("request_chat", {"booth_id": world["booth_id"]})
        on_second.wait_for("queue", lambda q: len(q["waiting"]) == 1)
        assert on_second.call("accept", {"conversation_id": ask["conversation_id"]})["ok"]
        assert on_first.wait_for("chat_accepted")["conversation_id"] == ask["conversation_id"]
    finally:
        on_first.close()
        on_second.close()


def test_signing_out_on_one_process_ends_the_socket_held_by_the_other(world, two_servers):
    first_url, second_url = two_servers
    client = ChatClient(first_url, world["candidate"], transport="websocket")
    # The same browser session, its socket on the other process.
    client.base_url = second_url
    client.connect()
    try:
        client.http.post(f"{first_url}/auth/logout", allow_redirects=False)
        deadline = time.monotonic() + 5
        while client.sio.connected and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not client.sio.connected
    finally:
        client.close()
