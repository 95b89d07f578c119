"""Chat rooms and messages: who may enter a room, posting, history, moderation.

Every function takes the acting user and plain values and raises ``ChatError``
with a message fit to show when the request cannot be met; nothing here knows
about sockets, so the Socket.IO handlers, HTTP pages and tests share it.
"""

from dataclasses import dataclass

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from limits import parse as parse_limit
from sqlalchemy.exc import IntegrityError

from careerexpo.auth.models import User
from careerexpo.booths import staffing
from careerexpo.booths.models import Booth
from careerexpo.chat.models import ChatMessage, ChatMute, ChatRoom, Conversation
from careerexpo.chat.rooms import booth_room, parse_room
from careerexpo.core.database import as_row_id, insert_if_absent, utcnow
from careerexpo.core.text import has_control_characters
from careerexpo.extensions import db

HISTORY_LIMIT = 50
MAX_BODY = 2000
MAX_CLIENT_ID = 64


class ChatError(Exception):
    """A chat request that cannot be met; ``str(error)`` says why, for the user."""


@dataclass(frozen=True)
class RoomAccess:
    name: str
    booth: Booth
    conversation: Conversation | None
    is_staff: bool
    can_moderate: bool


def room_access(user: User, name) -> RoomAccess:
    """What ``user`` may do in room ``name``; raises ``ChatError`` if they may not enter it."""
    parsed = parse_room(name)
    if parsed is None:
        raise ChatError(_("There is no such room."))
    kind, object_id = parsed
    if kind == "booth":
        booth = db.session.get(Booth, object_id)
        if booth is None:
            raise ChatError(_("There is no such room."))
        return RoomAccess(name, booth, None, staffing.is_staff(user, booth),
                          staffing.can_moderate(user, booth))
    conversation = db.session.get(Conversation, object_id)
    if conversation is None:
        raise ChatError(_("There is no such room."))
    booth = conversation.booth
    is_staff = staffing.is_staff(user, booth)
    if not (is_staff or user.is_organiser or conversation.candidate_id == user.id):
        raise ChatError(_("This conversation is private."))
    return RoomAccess(name, booth, conversation, is_staff, is_staff or user.is_organiser)


def ensure_room(name: str, booth_id: int) -> None:
    insert_if_absent(ChatRoom, name=name, booth_id=booth_id, created_at=utcnow())


def message_json(message: ChatMessage) -> dict:
    return {
        "id": message.id,
        "room": message.room,
        "body": message.body,
        "sent_at": message.sent_at.isoformat(),
        "client_id": message.client_id,
        "sender": {"id": message.sender.id, "name": message.sender.shown_name,
                   "role": message.sender.role.value},
    }


def history(user: User, room, after_id=None, limit: int = HISTORY_LIMIT) -> list[dict]:
    """Messages in id order: the latest ``limit``, or every one after ``after_id``."""
    access = room_access(user, room)
    stmt = sa.select(ChatMessage).where(ChatMessage.room == access.name,
                                        ChatMessage.deleted_at.is_(None))
    if after_id is not None:
        if type(after_id) is not int or (after_id != 0 and as_row_id(after_id) is None):
            raise ChatError(_("after_id must be a message id."))
        stmt = stmt.where(ChatMessage.id > after_id).order_by(ChatMessage.id).limit(1000)
        return [message_json(m) for m in db.session.scalars(stmt)]
    latest = list(db.session.scalars(stmt.order_by(ChatMessage.id.desc()).limit(limit)))
    return [message_json(m) for m in reversed(latest)]


def _check_body(body, client_id) -> tuple[str, str | None]:
    if not isinstance(body, str) or not body.strip():
        raise ChatError(_("A message cannot be empty."))
    if len(body) > MAX_BODY:
        raise ChatError(_("A message can be at most %(n)s characters.", n=f"{MAX_BODY:,}"))
    if has_control_characters(body):
        raise ChatError(_("A message cannot hold control characters."))
    if client_id is not None and (not isinstance(client_id, str)
                                  or not 0 < len(client_id) <= MAX_CLIENT_ID):
        raise ChatError(_("client_id must be a short string."))
    return body, client_id


def check_rate(user: User, setting: str, scope: str) -> None:
    """Counts one more ``scope`` event by ``user`` against the limit ``setting`` names.

    :raise ChatError: when the user is over it.
    """
    rate = current_app.config[setting]
    limiter = current_app.extensions["careerexpo_chat_limiter"]
    if rate and not limiter.hit(parse_limit(rate), scope, str(user.id)):
        raise ChatError(_("You are doing that too fast; wait a moment."))


def _check_send_rate(user: User, is_staff: bool) -> None:
    try:
        check_rate(user, "CHAT_STAFF_RATE_LIMIT" if is_staff else "CHAT_RATE_LIMIT",
                   "chat-send")
    except ChatError:
        raise ChatError(_("You are sending messages too fast; wait a moment.")) from None


def is_muted(user: User, booth: Booth) -> bool:
    return db.session.get(ChatMute, (booth.id, user.id)) is not None


def post_message(user: User, room, body, client_id=None) -> tuple[dict, bool]:
    """Stores a message and returns it with ``True``, or the stored copy of a re-sent one
    with ``False``. Raises ``ChatError`` for a bad body, a room the user may not post
    in, a muted user or a flood."""
    access = room_access(user, room)
    body, client_id = _check_body(body, client_id)
    if client_id is not None:
        existing = db.session.scalar(sa.select(ChatMessage).where(
            ChatMessage.sender_id == user.id, ChatMessage.client_id == client_id))
        if existing is not None:
            return message_json(existing), False
    if is_muted(user, access.booth):
        raise ChatError(_("You have been muted in this booth's chat."))
    if access.conversation is not None and access.conversation.status.value == "closed":
        raise ChatError(_("This conversation has ended."))
    _check_send_rate(user, access.is_staff)
    # The room's row lock orders ids by commit (see ChatRoom); the row is made on the
    # room's first message.
    lock_room = sa.select(ChatRoom.name).where(ChatRoom.name == access.name).with_for_update()
    if db.session.scalar(lock_room) is None:
        ensure_room(access.name, access.booth.id)
        db.session.scalar(lock_room)
    message = ChatMessage(room=access.name, sender_id=user.id, body=body, client_id=client_id)
    db.session.add(message)
    try:
        db.session.flush()
        # Read before the commit expires it, which would cost a query to load it again.
        stored = message_json(message)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        existing = db.session.scalar(sa.select(ChatMessage).where(
            ChatMessage.sender_id == user.id, ChatMessage.client_id == client_id))
        if existing is None:
            raise
        return message_json(existing), False
    return stored, True


def delete_message(user: User, message_id) -> ChatMessage:
    """Hides a message from every history; for the booth's staff and organisers."""
    message_id = as_row_id(message_id)
    message = db.session.get(ChatMessage, message_id) if message_id else None
    if message is None or message.deleted_at is not None:
        raise ChatError(_("There is no such message."))
    access = room_access(user, message.room)
    if not access.can_moderate:
        raise ChatError(_("Only the booth's staff and organisers can delete messages."))
    message.deleted_at = utcnow()
    message.deleted_by_id = user.id
    db.session.commit()
    return message


def mute(user: User, booth_id, target_id, muted: bool = True) -> None:
    """Silences (or lets speak again) a user in one booth's chat."""
    booth_id = as_row_id(booth_id)
    access = room_access(user, booth_room(booth_id) if booth_id else None)
    if not access.can_moderate:
        raise ChatError(_("Only the booth's staff and organisers can mute."))
    target_id = as_row_id(target_id)
    target = db.session.get(User, target_id) if target_id else None
    if target is None or staffing.can_moderate(target, access.booth):
        raise ChatError(_("That user cannot be muted here."))
    row = db.session.get(ChatMute, (access.booth.id, target.id))
    if muted and row is None:
        db.session.add(ChatMute(booth_id=access.booth.id, user_id=target.id, muted_by_id=user.id))
    elif not muted and row is not None:
        db.session.delete(row)
    db.session.commit()
