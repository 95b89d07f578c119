"""What the server tells clients unasked: presence, the queue, queue places.

Emits go through the Socket.IO server, so with a message queue they reach
clients connected to any process.
"""

from careerexpo.booths.models import Booth
from careerexpo.chat import conversations
from careerexpo.chat.presence import presence as store
from careerexpo.chat.rooms import NAMESPACE, booth_room, parse_room, staff_room, user_room
from careerexpo.extensions import socketio


def staff_online(booth: Booth) -> int:
    return store().counts(booth_room(booth.id))[1]


def staffed_booths(booth_ids) -> set[int]:
    """Which of these booths have staff online in their lobby now."""
    wanted = {booth_room(booth_id): booth_id for booth_id in booth_ids}
    return {wanted[room] for room in store().staffed_rooms() if room in wanted}


def presence(room: str) -> None:
    """Tells a booth lobby how many visitors and staff are in it."""
    if parse_room(room) is None or not room.startswith("booth:"):
        return
    visitors, staff = store().counts(room)
    socketio.emit("presence", {"room": room, "visitors": visitors, "staff_online": staff},
                  to=room, namespace=NAMESPACE)


def queue(booth: Booth, to: str | None = None) -> dict:
    """Sends the queue to the booth's staff (or one socket), and each waiting candidate
    their place; returns the places by conversation id."""
    socketio.emit("queue", {"booth_id": booth.id, "waiting": conversations.queue_json(booth)},
                  to=to or staff_room(booth.id), namespace=NAMESPACE)
    places = {p.conversation_id: p for p in conversations.queue_places(booth, staff_online(booth))}
    if to is None:
        for place in places.values():
            socketio.emit("queue_position", {
                "booth_id": booth.id, "conversation_id": place.conversation_id,
                "queue_position": place.position,
                "estimated_wait_seconds": place.estimated_wait_seconds,
            }, to=user_room(place.candidate_id), namespace=NAMESPACE)
    return places


def sign_out(login_id: str | None) -> None:
    """Ends every socket opened under one sign-in (on any process)."""
    if not login_id:
        return
    for sid in store().sids_of_login(login_id):
        socketio.server.disconnect(sid, namespace=NAMESPACE)
