"""The /chat protocol of DOMAIN.md, spoken by real python-socketio clients to a live server."""

import sqlite3
import time

import pytest
import socketio

from tests import factories
from tests.chat.conftest import NAMESPACE, ChatClient


def test_signed_out_visitors_are_refused_at_connect(chat_server):
    client = socketio.Client(reconnection=False)
    with pytest.raises(socketio.exceptions.ConnectionError):
        client.connect(chat_server.url, namespaces=[NAMESPACE], transports=["websocket"],
                       wait_timeout=3)
    client.disconnect()


def test_a_page_from_another_site_cannot_open_a_socket(chat_server, chat_app):
    user = factories.candidate()
    client = ChatClient(chat_server.url, user, headers={"Origin": "https://evil.example"})
    with pytest.raises(socketio.exceptions.ConnectionError):
        client.connect()
    client.close()


def test_a_lobby_message_reaches_everyone_in_the_booth(connect, booth):
    alice, bob = factories.candidate(name="Alice"), factories.candidate(name="Bob")
    a, b = connect(alice), connect(bob)
    staff = connect(booth.staff)
    for client in (a, b, staff):
        assert client.call("join", {"room": booth.room}) == {"ok": True, "history": []}
    ack = a.call("send", {"room": booth.room, "body": "Hi, are you hiring interns?",
                          "client_id": "c-1"})
    assert ack["ok"]
    message = ack["message"]
    assert message["room"] == booth.room and message["client_id"] == "c-1"
    assert message["sender"] == {"id": alice.id, "name": "Alice", "role": "candidate"}
    assert {"id", "room", "body", "sent_at", "client_id", "sender"} <= set(message)
    for client in (b, staff):
        assert client.wait_for("message")["id"] == message["id"]


@pytest.mark.app_config(CHAT_RATE_LIMIT=None)
def test_joining_returns_the_latest_fifty_messages_in_id_order(connect, booth):
    a = connect(factories.candidate())
    a.call("join", {"room": booth.room})
    ids = [a.call("send", {"room": booth.room, "body": f"m{i}", "client_id": f"k{i}"})
           ["message"]["id"] for i in range(55)]
    late = connect(factories.candidate())
    history = late.call("join", {"room": booth.room})["history"]
    assert [m["id"] for m in history] == ids[-50:]
    assert [m["body"] for m in history][:2] == ["m5", "m6"]


def test_a_resent_client_id_is_stored_once_and_not_broadcast_twice(connect, booth):
    a, b = connect(factories.candidate()), connect(factories.candidate())
    for client in (a, b):
        client.call("join", {"room": booth.room})
    first = a.call("send", {"room": booth.room, "body": "once", "client_id": "same"})
    again = a.call("send", {"room": booth.room, "body": "once", "client_id": "same"})
    assert again["ok"] and again["message"]["id"] == first["message"]["id"]
    b.wait_for("message")
    assert len(b.received("message")) == 1
    assert [m["body"] for m in b.call("history", {"room": booth.room, "after_id": 0})
            ["messages"]] == ["once"]


@pytest.mark.app_config(SQLITE_BUSY_TIMEOUT_MS=50)
def test_a_send_the_database_cannot_take_is_refused_and_can_be_sent_again(
        connect, booth, chat_app):
    uri = chat_app.config["SQLALCHEMY_DATABASE_URI"]
    if not uri.startswith("sqlite:///"):
        pytest.skip("SQLite's write lock is what this holds; PostgreSQL's writers do not queue")
    a, b = connect(factories.candidate()), connect(factories.candidate())
    for client in (a, b):
        client.call("join", {"room": booth.room})
    other_writer = sqlite3.connect(uri.removeprefix("sqlite:///"), isolation_level=None)
    other_writer.execute("BEGIN IMMEDIATE")  # another process is writing, for too long

    refused = a.call("send", {"room": booth.room, "body": "hello", "client_id": "c-1"})

    assert refused["ok"] is False and refused["busy"] is True
    assert "try again" in refused["error"]
    other_writer.execute("ROLLBACK")
    other_writer.close()
    sent = a.call("send", {"room": booth.room, "body": "hello", "client_id": "c-1"})
    assert sent["ok"] and sent["message"]["body"] == "hello"
    b.wait_for("message")
    assert [m["body"] for m in b.received("message")] == ["hello"]
    assert [m["body"] for m in b.call("history", {"room": booth.room, "after_id": 0})
            ["messages"]] == ["hello"]


def test_a_client_that_reconnects_gets_exactly_what_it_missed(connect, booth, chat_server):
    speaker = connect(factories.candidate())
    speaker.call("join", {"room": booth.room})
    listener_user = factories.candidate()
    listener = connect(listener_user)
    listener.call("join", {"room": booth.room})
    seen = speaker.call("send", {"room": booth.room, "body": "before", "client_id": "b"})
    last_seen = listener.wait_for("message")["id"]
    assert last_seen == seen["message"]["id"]
    listener.close()
    missed = [speaker.call("send", {"room": booth.room, "body": f"while away {i}",
                                    "client_id": f"w{i}"})["message"]["id"] for i in range(3)]
    back = connect(listener_user)
    back.call("join", {"room": booth.room})
    after = back.call("history", {"room": booth.room, "after_id": last_seen})
    assert after["ok"] and [m["id"] for m in after["messages"]] == missed


@pytest.mark.parametrize("payload, error", [
    ({"body": ""}, "empty"),
    ({"body": "   \n "}, "empty"),
    ({"body": "x" * 2001}, "2,000"),
    ({"body": 42}, "empty"),
    ({"body": "ok", "client_id": 7}, "client_id"),
    ({"body": "ok", "client_id": "x" * 65}, "client_id"),
])
def test_bad_bodies_are_refused_and_never_stored(connect, booth, payload, error):
    a = connect(factories.candidate())
    a.call("join", {"room": booth.room})
    ack = a.call("send", {"room": booth.room, **payload})
    assert ack["ok"] is False and error in ack["error"]
    assert a.call("history", {"room": booth.room, "after_id": 0})["messages"] == []


def test_a_body_of_exactly_two_thousand_characters_is_accepted(connect, booth):
    a = connect(factories.candidate())
    ack = a.call("send", {"room": booth.room, "body": "字" * 2000, "client_id": "long"})
    assert ack["ok"] and len(ack["message"]["body"]) == 2000


@pytest.mark.parametrize("room", ["booth:999999", "lobby", "booth:", "booth:0", "conversation:x",
                                  "staff:1", "user:1", None, 12, ["booth:1"]])
def test_unknown_rooms_are_refused(connect, booth, room):
    a = connect(factories.candidate())
    for event, data in (("join", {"room": room}), ("send", {"room": room, "body": "hi"}),
                        ("history", {"room": room, "after_id": 0})):
        ack = a.call(event, data)
        assert ack["ok"] is False and ack["error"], (event, room)


def test_payloads_that_are_not_objects_are_refused(connect, booth):
    a = connect(factories.candidate())
    for payload in (None, "booth:1", 5, ["x"]):
        assert a.call("join", payload)["ok"] is False


def test_html_in_a_body_is_kept_as_text(connect, booth):
    a = connect(factories.candidate())
    body = '<img src=x onerror="alert(1)"> & <b>bold</b>'
    assert a.call("send", {"room": booth.room, "body": body, "client_id": "h"})["message"][
        "body"] == body


@pytest.mark.app_config(CHAT_RATE_LIMIT="3 per minute", CHAT_STAFF_RATE_LIMIT="6 per minute")
def test_floods_are_refused_with_a_higher_limit_for_staff(connect, booth):
    a = connect(factories.candidate())
    acks = [a.call("send", {"room": booth.room, "body": f"spam {i}", "client_id": f"s{i}"})
            for i in range(5)]
    assert [ack["ok"] for ack in acks] == [True, True, True, False, False]
    assert "too fast" in acks[3]["error"]
    assert len(a.call("history", {"room": booth.room, "after_id": 0})["messages"]) == 3
    staff = connect(booth.staff)
    staff_acks = [staff.call("send", {"room": booth.room, "body": f"answer {i}",
                                      "client_id": f"a{i}"})["ok"] for i in range(7)]
    assert staff_acks == [True] * 6 + [False]


def test_presence_counts_visitors_and_staff_in_the_lobby(connect, booth):
    a = connect(factories.candidate())
    a.call("join", {"room": booth.room})
    a.wait_for("presence", lambda p: p == {"room": booth.room, "visitors": 1, "staff_online": 0})
    staff = connect(booth.staff)
    staff.call("join", {"room": booth.room})
    a.wait_for("presence", lambda p: p["staff_online"] == 1 and p["visitors"] == 1)
    staff.close()
    a.wait_for("presence", lambda p: p["staff_online"] == 0)


# A long-polling client's disconnect can wait for the server's next ping to end its poll.
@pytest.mark.app_config(CHAT_PING_INTERVAL=1)
def test_a_socket_closed_before_its_join_is_handled_leaves_no_ghost_visitor(connect, booth):
    # A visitor who opens a booth and leaves at once: the join and the disconnect reach
    # the server together and are handled in parallel.
    hasty = factories.candidate()
    for _ in range(15):
        client = connect(hasty)
        client.sio.emit("join", {"room": booth.room}, namespace=NAMESPACE)
        client.sio.disconnect()
    time.sleep(0.5)
    watcher = connect(factories.candidate())
    assert watcher.call("join", {"room": booth.room})["ok"]
    assert watcher.wait_for("presence", lambda p: p["room"] == booth.room)["visitors"] == 1


def test_leave_stops_the_messages_of_a_room(connect, booth):
    a, b = connect(factories.candidate()), connect(factories.candidate())
    for client in (a, b):
        client.call("join", {"room": booth.room})
    assert b.call("leave", {"room": booth.room}) == {"ok": True}
    a.call("send", {"room": booth.room, "body": "anyone?", "client_id": "q"})
    a.wait_for("message")
    assert b.received("message") == []
