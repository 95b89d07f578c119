"""Whatever a socket sends, it gets an answer: ids out of range, room names with hidden
characters, control characters in bodies and floods of any event are refused, and
nothing is stored for them."""

import pytest

from tests import factories

HUGE = 2**63


@pytest.mark.parametrize("event, data", [
    ("history", {"after_id": HUGE}),
    ("history", {"after_id": -1}),
    ("history", {"after_id": True}),
    ("history", {"after_id": 1.5}),
    ("accept", {"conversation_id": HUGE}),
    ("request_chat", {"booth_id": HUGE}),
    ("request_chat", {"booth_id": 2**31}),
    ("delete_message", {"message_id": HUGE}),
    ("mute", {"booth_id": HUGE, "user_id": HUGE}),
    ("end_chat", {"conversation_id": HUGE}),
])
def test_ids_no_column_can_hold_are_answered_not_raised(connect, booth, event, data):
    a = connect(factories.candidate())
    if event == "history":
        data = {"room": booth.room, **data}

    ack = a.call(event, data)

    assert ack["ok"] is False and ack["error"]


@pytest.mark.parametrize("room", ["booth:{id}\n", "booth:{id} ", " booth:{id}", "booth:{id}\x00",
                                  "booth:9999999999"])
def test_room_names_must_be_exact(connect, booth, room):
    a = connect(factories.candidate())
    ack = a.call("join", {"room": room.format(id=booth.booth.id)})
    assert ack["ok"] is False


@pytest.mark.parametrize("body", ["hi\x00there", "bell\x07", "esc\x1b[2J"])
def test_control_characters_in_a_message_are_refused(connect, booth, body):
    a = connect(factories.candidate())
    a.call("join", {"room": booth.room})

    ack = a.call("send", {"room": booth.room, "body": body})

    assert ack["ok"] is False and "control characters" in ack["error"]
    assert a.call("history", {"room": booth.room, "after_id": 0})["messages"] == []


def test_tabs_and_line_breaks_are_text(connect, booth):
    a = connect(factories.candidate())
    ack = a.call("send", {"room": booth.room, "body": "Line one\n\tLine two"})
    assert ack["ok"] and ack["message"]["body"] == "Line one\n\tLine two"


@pytest.mark.app_config(CHAT_EVENT_RATE_LIMIT="5 per minute")
def test_every_event_is_flood_limited(connect, booth):
    a = connect(factories.candidate())
    acks = [a.call("leave", {"room": booth.room}) for _ in range(7)]
    assert [ack["ok"] for ack in acks] == [True] * 5 + [False, False]
    assert "too fast" in acks[5]["error"]


@pytest.mark.app_config(CHAT_REQUEST_RATE_LIMIT="2 per minute")
def test_asking_for_private_chats_is_limited(connect, booth, chat_app):
    from careerexpo.extensions import db

    booths = [booth.booth] + [factories.expo(companies=[factories.company()]).booths.first()
                              for _ in range(2)]
    db.session.commit()
    a = connect(factories.candidate())
    acks = [a.call("request_chat", {"booth_id": b.id}) for b in booths]
    assert [ack["ok"] for ack in acks] == [True, True, False]
