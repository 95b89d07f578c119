"""One-to-one chats: the queue a candidate joins, staff accepting, ending, waits.

A conversation waits in its booth's queue until a staff member with room for
another chat accepts it. While it waits, the candidate may already write in it:
that is how a message is left when nobody is online, and staff answer it later
in the same conversation, which the candidate sees on their next visit.
"""

from dataclasses import dataclass
from statistics import median

import sqlalchemy as sa
from flask_babel import gettext as _

from careerexpo.auth.models import User
from careerexpo.booths import staffing
from careerexpo.booths.models import Booth
from careerexpo.chat.models import Conversation, ConversationStatus
from careerexpo.chat.services import ChatError, ensure_room, is_muted
from careerexpo.core.database import as_row_id, utcnow
from careerexpo.extensions import db

# Until a booth has answered a few chats, assume each person ahead takes this long.
DEFAULT_SECONDS_PER_CHAT = 180


@dataclass(frozen=True)
class QueuePlace:
    conversation_id: int
    candidate_id: int
    position: int
    estimated_wait_seconds: int


def _booth(booth_id) -> Booth:
    booth_id = as_row_id(booth_id)
    booth = db.session.get(Booth, booth_id) if booth_id else None
    if booth is None:
        raise ChatError(_("There is no such booth."))
    return booth


def open_conversation(candidate: User, booth: Booth) -> Conversation | None:
    """The candidate's waiting or active conversation at this booth, if any."""
    return db.session.scalar(sa.select(Conversation).where(
        Conversation.booth_id == booth.id, Conversation.candidate_id == candidate.id,
        Conversation.status != ConversationStatus.CLOSED).order_by(Conversation.id.desc()))


def request_chat(candidate: User, booth_id, share_profile: bool = False) -> Conversation:
    """Puts the candidate in the booth's queue, or returns the conversation they have."""
    if not candidate.is_candidate:
        raise ChatError(_("Only job seekers can ask for a private chat."))
    booth = _booth(booth_id)
    if is_muted(candidate, booth):
        raise ChatError(_("You have been muted in this booth's chat."))
    conversation = open_conversation(candidate, booth)
    if conversation is None:
        conversation = Conversation(booth_id=booth.id, candidate_id=candidate.id,
                                    share_profile=bool(share_profile))
        db.session.add(conversation)
        db.session.flush()
        ensure_room(conversation.room, booth.id)
    elif share_profile and not conversation.share_profile:
        conversation.share_profile = True
    db.session.commit()
    return conversation


def waiting(booth: Booth) -> list[Conversation]:
    return list(db.session.scalars(sa.select(Conversation).where(
        Conversation.booth_id == booth.id, Conversation.status == ConversationStatus.WAITING,
    ).order_by(Conversation.requested_at, Conversation.id)))


def seconds_per_chat(booth: Booth) -> float:
    """The median time from request to acceptance over the booth's recent chats."""
    rows = db.session.execute(sa.select(Conversation.requested_at, Conversation.accepted_at).where(
        Conversation.booth_id == booth.id, Conversation.accepted_at.is_not(None),
    ).order_by(Conversation.accepted_at.desc()).limit(20)).all()
    if len(rows) < 3:
        return DEFAULT_SECONDS_PER_CHAT
    return max(30.0, median((accepted - requested).total_seconds() for requested, accepted in rows))


def queue_places(booth: Booth, staff_online: int) -> list[QueuePlace]:
    """Each waiting candidate's place (1 = next) and an estimate of their wait."""
    per_chat = seconds_per_chat(booth)
    servers = max(1, staff_online)
    return [QueuePlace(c.id, c.candidate_id, i, int(per_chat * (i - 1) / servers + per_chat / 2))
            for i, c in enumerate(waiting(booth), start=1)]


def queue_json(booth: Booth) -> list[dict]:
    """The queue as booth staff see it."""
    return [{"conversation_id": c.id,
             "candidate": {"id": c.candidate.id, "name": c.candidate.shown_name},
             "requested_at": c.requested_at.isoformat(), "share_profile": c.share_profile}
            for c in waiting(booth)]


def active_count(staff: User) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Conversation).where(
        Conversation.accepted_by_id == staff.id, Conversation.status == ConversationStatus.ACTIVE))


def accept(staff: User, conversation_id) -> Conversation:
    """A staff member takes a waiting conversation, within their limit of chats at once."""
    conversation_id = as_row_id(conversation_id)
    conversation = db.session.get(Conversation, conversation_id) if conversation_id else None
    if conversation is None:
        raise ChatError(_("There is no such conversation."))
    booth = conversation.booth
    if not staffing.is_staff(staff, booth):
        raise ChatError(_("Only this booth's staff can accept its chats."))
    if conversation.status != ConversationStatus.WAITING:
        raise ChatError(_("Someone has already taken this chat."))
    limit = staffing.max_chats(staff, booth)
    if active_count(staff) >= limit:
        raise ChatError(_("You already have %(n)s chats open; end one first.", n=limit))
    # Only one staff member wins a race for the same conversation.
    taken = db.session.execute(sa.update(Conversation).where(
        Conversation.id == conversation.id, Conversation.status == ConversationStatus.WAITING,
    ).values(status=ConversationStatus.ACTIVE, accepted_by_id=staff.id, accepted_at=utcnow()))
    if taken.rowcount != 1:
        db.session.rollback()
        raise ChatError(_("Someone has already taken this chat."))
    db.session.commit()
    db.session.refresh(conversation)
    return conversation


def close(user: User, conversation_id) -> Conversation:
    conversation_id = as_row_id(conversation_id)
    conversation = db.session.get(Conversation, conversation_id) if conversation_id else None
    if conversation is None:
        raise ChatError(_("There is no such conversation."))
    if not (conversation.candidate_id == user.id or user.is_organiser
            or staffing.is_staff(user, conversation.booth)):
        raise ChatError(_("This conversation is private."))
    if conversation.status != ConversationStatus.CLOSED:
        conversation.status = ConversationStatus.CLOSED
        conversation.closed_at = utcnow()
        db.session.commit()
    return conversation


def candidate_conversations(candidate: User, booth: Booth) -> list[Conversation]:
    """Every conversation the candidate had at this booth, newest first (for the next visit)."""
    return list(db.session.scalars(sa.select(Conversation).where(
        Conversation.booth_id == booth.id, Conversation.candidate_id == candidate.id,
    ).order_by(Conversation.id.desc())))


def staff_conversations(staff: User, booth: Booth) -> list[Conversation]:
    """The booth's open conversations: those this staff member took, and waiting ones."""
    return list(db.session.scalars(sa.select(Conversation).where(
        Conversation.booth_id == booth.id,
        sa.or_(Conversation.status == ConversationStatus.WAITING,
               sa.and_(Conversation.status == ConversationStatus.ACTIVE,
                       Conversation.accepted_by_id == staff.id)),
    ).order_by(Conversation.requested_at)))
