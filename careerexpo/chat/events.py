"""Socket.IO handlers of the ``/chat`` namespace: check the payload, call a service, emit.

Each handler answers through its acknowledgement: ``{"ok": true, …}`` or
``{"ok": false, "error": …}``; nothing is stored or sent when it refuses.
"""

from functools import wraps

from flask import current_app, request, session
from flask_babel import gettext as _
from flask_login import current_user
from flask_socketio import ConnectionRefusedError, join_room, leave_room
from sqlalchemy.exc import OperationalError

from careerexpo.chat import conversations, notify, services
from careerexpo.chat.presence import presence
from careerexpo.chat.rooms import NAMESPACE, parse_room, staff_room, user_room
from careerexpo.chat.services import ChatError
from careerexpo.extensions import db, socketio


def acknowledged(handler):
    """Turns a ``ChatError`` (or a payload that is not an object) into a refusal.

    So does a database that cannot take the write (SQLite still locked by other
    writers after its busy timeout, a lost connection): the transaction is rolled
    back, so nothing was stored, and the sender is told to send again, which the
    same ``client_id`` makes safe, rather than being left without an answer.
    """

    @wraps(handler)
    def wrapped(data=None):
        if not current_user.is_authenticated:
            return {"ok": False, "error": _("Sign in first.")}
        try:
            # Every event costs the server work and may reach other people: none floods,
            # not even one refused for its payload.
            services.check_rate(current_user, "CHAT_EVENT_RATE_LIMIT", "chat-event")
            if not isinstance(data, dict):
                return {"ok": False, "error": _("The payload must be an object.")}
            return {"ok": True, **(handler(data) or {})}
        except ChatError as exc:
            return {"ok": False, "error": str(exc)}
        except OperationalError:
            db.session.rollback()
            current_app.logger.warning("chat %s refused: the database is busy",
                                       request.event["message"],
                                       exc_info=True)
            return {"ok": False, "busy": True,
                    "error": _("The chat is busy just now and nothing was sent. "
                               "Please try again.")}

    return wrapped


def _guard():
    return current_app.extensions["careerexpo_socket_guard"]


def _eio_sid() -> str | None:
    return socketio.server.manager.eio_sid_from_sid(request.sid, NAMESPACE)


@socketio.on("connect", namespace=NAMESPACE)
def on_connect(auth=None):
    # Each attempt checks a sign-in: counted per address like opening a transport.
    if not _guard().allow_connect(request.remote_addr or ""):
        raise ConnectionRefusedError(_("You are doing that too fast; wait a moment."))
    if not current_user.is_authenticated:
        # Refused here; the transport itself is closed once its time to sign in is up.
        raise ConnectionRefusedError(_("Sign in to chat."))
    presence().connect(request.sid, current_user.id, session.get("login_id"))
    join_room(user_room(current_user.id))
    _guard().signed_in(_eio_sid())


@socketio.on("disconnect", namespace=NAMESPACE)
def on_disconnect(*_reason):
    _guard().signed_out(_eio_sid())
    for room in presence().disconnect(request.sid):
        notify.presence(room)


@socketio.on("*", namespace=NAMESPACE)
def on_unknown(_event, data=None, *_more):
    """An event the protocol does not have is counted like any other, then refused."""
    return _no_such_event(data)


@acknowledged
def _no_such_event(_data):
    raise ChatError(_("The chat has no such request."))


def _connected() -> bool:
    return socketio.server.manager.is_connected(request.sid, NAMESPACE)


def _gone():
    return ChatError(_("The connection has closed."))


@socketio.on("join", namespace=NAMESPACE)
@acknowledged
def on_join(data):
    access = services.room_access(current_user, data.get("room"))
    # Events are handled in parallel: a visitor who opens a booth and leaves at once may
    # be disconnected, and cleaned up after, before this join runs.
    if not _connected():
        raise _gone()
    staffing_lobby = access.is_staff and access.conversation is None
    rooms = [access.name, staff_room(access.booth.id)] if staffing_lobby else [access.name]
    try:
        for room in rooms:
            join_room(room)
    except (ValueError, KeyError):  # gone in the meantime: the manager forgot the socket
        raise _gone() from None
    presence().join(request.sid, access.name, current_user.id, access.is_staff)
    if not _connected():
        # Gone since the check above, so the disconnect may have cleaned up before this
        # join: undo it here rather than leave a ghost in the room.
        for room in rooms:
            leave_room(room)
        presence().disconnect(request.sid)
        notify.presence(access.name)
        raise _gone()
    if staffing_lobby:
        notify.queue(access.booth, to=request.sid)
    notify.presence(access.name)
    return {"history": services.history(current_user, access.name)}


@socketio.on("leave", namespace=NAMESPACE)
@acknowledged
def on_leave(data):
    room = data.get("room")
    if parse_room(room) is None:
        raise ChatError(_("There is no such room."))
    leave_room(room)
    presence().leave(request.sid, room)
    notify.presence(room)
    return {}


@socketio.on("send", namespace=NAMESPACE)
@acknowledged
def on_send(data):
    message, created = services.post_message(current_user, data.get("room"), data.get("body"),
                                             data.get("client_id"))
    if created:
        socketio.emit("message", message, to=message["room"], namespace=NAMESPACE)
    return {"message": message}


@socketio.on("history", namespace=NAMESPACE)
@acknowledged
def on_history(data):
    after_id = data.get("after_id")
    return {"messages": services.history(current_user, data.get("room"),
                                         after_id=0 if after_id is None else after_id)}


@socketio.on("request_chat", namespace=NAMESPACE)
@acknowledged
def on_request_chat(data):
    services.check_rate(current_user, "CHAT_REQUEST_RATE_LIMIT", "chat-request")
    conversation = conversations.request_chat(current_user, data.get("booth_id"),
                                              bool(data.get("share_profile")))
    join_room(conversation.room)
    place = notify.queue(conversation.booth).get(conversation.id)
    return {"conversation_id": conversation.id,
            "queue_position": place.position if place else 0,
            "estimated_wait_seconds": place.estimated_wait_seconds if place else 0,
            "staff_online": notify.staff_online(conversation.booth)}


@socketio.on("accept", namespace=NAMESPACE)
@acknowledged
def on_accept(data):
    conversation = conversations.accept(current_user, data.get("conversation_id"))
    join_room(conversation.room)
    presence().join(request.sid, conversation.room, current_user.id, True)
    socketio.emit("chat_accepted", {"conversation_id": conversation.id},
                  to=user_room(conversation.candidate_id), namespace=NAMESPACE)
    notify.queue(conversation.booth)
    return {}


@socketio.on("end_chat", namespace=NAMESPACE)
@acknowledged
def on_end_chat(data):
    conversation = conversations.close(current_user, data.get("conversation_id"))
    socketio.emit("chat_ended", {"conversation_id": conversation.id}, to=conversation.room,
                  namespace=NAMESPACE)
    notify.queue(conversation.booth)
    return {}


@socketio.on("delete_message", namespace=NAMESPACE)
@acknowledged
def on_delete_message(data):
    message = services.delete_message(current_user, data.get("message_id"))
    socketio.emit("message_deleted", {"room": message.room, "id": message.id}, to=message.room,
                  namespace=NAMESPACE)
    return {}


@socketio.on("mute", namespace=NAMESPACE)
@acknowledged
def on_mute(data):
    services.mute(current_user, data.get("booth_id"), data.get("user_id"),
                  muted=data.get("muted", True) is not False)
    return {}
