"""Booth staff and organisers delete messages and mute people; others cannot."""

from tests import factories


def test_staff_delete_a_message_for_everyone(connect, booth):
    author, reader = connect(factories.candidate()), connect(factories.candidate())
    staff = connect(booth.staff)
    for client in (author, reader, staff):
        client.call("join", {"room": booth.room})
    sent = author.call("send", {"room": booth.room, "body": "rude words", "client_id": "r"})
    message_id = sent["message"]["id"]
    assert author.call("delete_message", {"message_id": message_id})["ok"] is False
    assert staff.call("delete_message", {"message_id": message_id}) == {"ok": True}
    assert reader.wait_for("message_deleted") == {"room": booth.room, "id": message_id}
    assert reader.call("history", {"room": booth.room, "after_id": 0})["messages"] == []


def test_a_muted_user_cannot_send_until_unmuted(connect, booth):
    noisy_user = factories.candidate()
    noisy = connect(noisy_user)
    organiser = connect(factories.organiser())
    assert noisy.call("mute", {"booth_id": booth.booth.id, "user_id": noisy_user.id})[
        "ok"] is False
    assert organiser.call("mute", {"booth_id": booth.booth.id, "user_id": noisy_user.id})["ok"]
    refused = noisy.call("send", {"room": booth.room, "body": "hello?", "client_id": "m1"})
    assert refused["ok"] is False and "muted" in refused["error"]
    assert noisy.call("request_chat", {"booth_id": booth.booth.id})["ok"] is False
    assert organiser.call("mute", {"booth_id": booth.booth.id, "user_id": noisy_user.id,
                                   "muted": False})["ok"]
    assert noisy.call("send", {"room": booth.room, "body": "sorry", "client_id": "m2"})["ok"]


def test_staff_cannot_be_muted_in_their_own_booth(connect, booth):
    organiser = connect(factories.organiser())
    assert organiser.call("mute", {"booth_id": booth.booth.id,
                                   "user_id": booth.staff.id})["ok"] is False
