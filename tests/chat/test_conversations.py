"""Private chats: the queue and its places, staff accepting, limits, privacy, messages left."""

from tests import factories


def request(client, booth, share=False):
    return client.call("request_chat", {"booth_id": booth.booth.id, "share_profile": share})


def test_candidates_queue_in_order_and_staff_see_the_queue(connect, booth):
    staff = connect(booth.staff)
    staff.call("join", {"room": booth.room})
    staff.wait_for("queue", lambda q: q["waiting"] == [])
    first, second = connect(factories.candidate(name="First")), connect(
        factories.candidate(name="Second"))
    one = request(first, booth)
    two = request(second, booth)
    assert one["ok"] and one["queue_position"] == 1 and one["staff_online"] == 1
    assert two["queue_position"] == 2
    assert two["estimated_wait_seconds"] > one["estimated_wait_seconds"] > 0
    queue = staff.wait_for("queue", lambda q: len(q["waiting"]) == 2)
    assert queue["booth_id"] == booth.booth.id
    assert [w["candidate"]["name"] for w in queue["waiting"]] == ["First", "Second"]
    # Asking again gives the same conversation and place, not a second one.
    assert request(first, booth)["conversation_id"] == one["conversation_id"]


def test_accepting_tells_the_candidate_and_moves_everyone_up(connect, booth):
    staff = connect(booth.staff)
    staff.call("join", {"room": booth.room})
    first, second = connect(factories.candidate()), connect(factories.candidate())
    one, two = request(first, booth), request(second, booth)
    assert staff.call("accept", {"conversation_id": one["conversation_id"]}) == {"ok": True}
    assert first.wait_for("chat_accepted") == {"conversation_id": one["conversation_id"]}
    place = second.wait_for("queue_position", lambda p: p["queue_position"] == 1)
    assert place["conversation_id"] == two["conversation_id"]
    room = f"conversation:{one['conversation_id']}"
    sent = staff.call("send", {"room": room, "body": "Hello, how can I help?", "client_id": "s1"})
    assert first.wait_for("message", lambda m: m["room"] == room)["id"] == sent["message"]["id"]
    assert second.received("message", lambda m: m["room"] == room) == []


def test_staff_take_no_more_chats_than_their_limit(connect, booth):
    staff = connect(booth.staff)  # named with a limit of one chat at a time
    one = request(connect(factories.candidate()), booth)
    two = request(connect(factories.candidate()), booth)
    assert staff.call("accept", {"conversation_id": one["conversation_id"]})["ok"]
    refused = staff.call("accept", {"conversation_id": two["conversation_id"]})
    assert refused["ok"] is False and "1 chats open" in refused["error"]
    assert staff.call("end_chat", {"conversation_id": one["conversation_id"]})["ok"]
    assert staff.call("accept", {"conversation_id": two["conversation_id"]})["ok"]


def test_only_booth_staff_accept_and_only_once(connect, booth):
    conversation = request(connect(factories.candidate()), booth)["conversation_id"]
    outsider = connect(factories.employer())
    assert outsider.call("accept", {"conversation_id": conversation})["ok"] is False
    # The colleague is not among the booth's named staff.
    assert connect(booth.colleague).call("accept", {"conversation_id": conversation})[
        "ok"] is False
    staff = connect(booth.staff)
    assert staff.call("accept", {"conversation_id": conversation})["ok"]
    assert "already taken" in staff.call("accept", {"conversation_id": conversation})["error"]


def test_a_private_conversation_is_private(connect, booth):
    owner = connect(factories.candidate())
    room = f"conversation:{request(owner, booth)['conversation_id']}"
    owner.call("send", {"room": room, "body": "my secret question", "client_id": "p"})
    stranger = connect(factories.candidate())
    other_staff = connect(factories.employer())
    for client in (stranger, other_staff):
        assert client.call("join", {"room": room})["ok"] is False
        assert client.call("history", {"room": room, "after_id": 0})["ok"] is False
        assert client.call("send", {"room": room, "body": "let me in"})["ok"] is False
    for allowed in (connect(booth.staff), connect(factories.organiser())):
        history = allowed.call("join", {"room": room})["history"]
        assert [m["body"] for m in history] == ["my secret question"]


def test_only_candidates_ask_for_private_chats(connect, booth):
    staff = connect(booth.staff)
    assert request(staff, booth)["ok"] is False
    assert connect(factories.candidate()).call("request_chat", {"booth_id": 99999})["ok"] is False


def test_a_message_left_with_nobody_online_is_answered_and_seen_next_visit(connect, booth):
    candidate = factories.candidate()
    visit = connect(candidate)
    ack = request(visit, booth)
    assert ack["staff_online"] == 0
    room = f"conversation:{ack['conversation_id']}"
    assert visit.call("send", {"room": room, "body": "Do you sponsor visas?",
                               "client_id": "q1"})["ok"]
    visit.close()
    staff = connect(booth.staff)
    assert [m["body"] for m in staff.call("join", {"room": room})["history"]] == [
        "Do you sponsor visas?"]
    staff.call("accept", {"conversation_id": ack["conversation_id"]})
    staff.call("send", {"room": room, "body": "Yes, for most roles.", "client_id": "a1"})
    staff.call("end_chat", {"conversation_id": ack["conversation_id"]})
    next_visit = connect(candidate)
    history = next_visit.call("join", {"room": room})["history"]
    assert [m["body"] for m in history] == ["Do you sponsor visas?", "Yes, for most roles."]
    assert next_visit.call("send", {"room": room, "body": "thanks"})["error"] == (
        "This conversation has ended.")
