"""Redis is an aid, never a dependency: with a real Redis server of the test's own stopped
mid-test, pages, sign-in, the token API and chat within one process keep working, and
shared state is used again by itself once Redis is back."""

import time

import pytest
import redis

from careerexpo.config import REDIS_TIMEOUTS
from tests import factories
from tests.api_tokens.helpers import bearer, issue_token
from tests.chat.conftest import ChatClient
from tests.conftest import app_on_fresh_database
from tests.liveserver import serve
from tests.services import OwnRedisServer


@pytest.fixture
def redis_server(tmp_path):
    server = OwnRedisServer(tmp_path).start()
    yield server
    server.stop()


@pytest.fixture
def app(database_template, tmp_path, redis_server):
    url = redis_server.url
    settings = dict(REDIS_URL=url, RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI=url,
                    RATELIMIT_STORAGE_OPTIONS=REDIS_TIMEOUTS, LOGIN_RATE_LIMIT="50 per minute",
                    CACHE_TYPE="RedisCache", CACHE_REDIS_URL=url, CACHE_OPTIONS=REDIS_TIMEOUTS,
                    SERVER_NAME="careerexpo.test")
    with app_on_fresh_database(database_template, tmp_path, **settings) as app:
        yield app


@pytest.fixture
def world(app):
    employer = factories.employer()
    factories.job(company=employer.company, title="Data Engineer")
    expo = factories.expo(slug="live", companies=[employer.company])
    return {"employer": employer, "candidate": factories.candidate(),
            "booth": expo.booths.first(), "token": issue_token(employer)}


def keys_in(server: OwnRedisServer) -> list[bytes]:
    return redis.Redis.from_url(server.url).keys("*")


def test_pages_sign_in_and_the_token_api_work_while_redis_is_down(app, world, redis_server):
    client = app.test_client()
    booth = world["booth"]
    redis_server.stop()

    assert client.get("/").status_code == 200
    assert client.get("/jobs?q=data").status_code == 200
    assert client.get("/expos/live").status_code == 200
    assert client.get(f"/expos/live/booths/{booth.id}").status_code == 200
    api = client.get("/api/v1/employer/jobs", headers=bearer(world["token"]))
    assert api.status_code == 200 and api.get_json()["items"][0]["title"] == "Data Engineer"
    wrong = client.post("/auth/login", data={"email": world["candidate"].email,
                                             "password": "not the password"})
    assert wrong.status_code == 200 and "not right" in wrong.get_data(as_text=True)
    signed_in = client.post("/auth/login", data={"email": world["candidate"].email,
                                                 "password": factories.PASSWORD})
    assert signed_in.status_code == 302
    assert client.get("/me/applications").status_code == 200


def test_sign_in_limits_hold_in_memory_meanwhile_and_move_back_to_redis(app, world,
                                                                       redis_server):
    app.config["LOGIN_RATE_LIMIT"] = "3 per minute"
    client = app.test_client()
    data = {"email": world["candidate"].email, "password": "not the password"}
    redis_server.stop()

    codes = [client.post("/auth/login", data=data).status_code for _ in range(4)]

    assert codes == [200, 200, 200, 429], "a limit still holds while Redis is away"
    redis_server.start()
    # The limiter looks for its store again after a back-off of a few seconds.
    deadline = time.monotonic() + 20
    while not any(b"login" in key or b"LIMITER" in key for key in keys_in(redis_server)):
        assert time.monotonic() < deadline, "the limits never moved back to Redis"
        client.post("/auth/login", data=data)
        time.sleep(0.5)


def test_chat_in_one_process_keeps_working_and_presence_returns_to_redis(app, world,
                                                                         redis_server):
    room = f"booth:{world['booth'].id}"
    with serve(app) as live:
        visitor = ChatClient(live.url, world["candidate"]).connect()
        try:
            assert visitor.call("join", {"room": room})["ok"]
            redis_server.stop()

            sent = visitor.call("send", {"room": room, "body": "Still there?",
                                         "client_id": "outage-1"})
            assert sent["ok"], sent
            assert visitor.wait_for("message", lambda m: m["client_id"] == "outage-1")
            late = ChatClient(live.url, world["employer"]).connect()
            joined = late.call("join", {"room": room})
            assert joined["ok"] and [m["body"] for m in joined["history"]] == ["Still there?"]
            assert late.wait_for("presence", lambda p: p["staff_online"] == 1)

            redis_server.start()
            assert visitor.call("leave", {"room": room})["ok"]
            # What could not be written meanwhile reached Redis with the next change.
            shared = redis.Redis.from_url(redis_server.url)
            staff = [v for k in shared.keys("*presence:room:*") for v in shared.hvals(k)]
            assert len(staff) == 1 and b"true" in staff[0], staff
            late.close()
        finally:
            visitor.close()
        time.sleep(0.05)
