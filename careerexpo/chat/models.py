from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from careerexpo.chat.rooms import conversation_room
from careerexpo.core.database import UTCDateTime, enum_column, utcnow
from careerexpo.core.enums import LabelledEnum
from careerexpo.extensions import db


class ConversationStatus(LabelledEnum):
    WAITING = "waiting"
    ACTIVE = "active"
    CLOSED = "closed"

    @classmethod
    def _labels(cls):
        return {cls.WAITING: _l("Waiting"), cls.ACTIVE: _l("In progress"),
                cls.CLOSED: _l("Ended")}


class ChatRoom(db.Model):
    """A room messages are posted to: a booth's lobby or one private conversation.

    Posting takes this row's lock, so message ids in a room grow in commit order
    and a client asking for "history after id N" can never miss a message.
    """

    __tablename__ = "chat_rooms"

    name: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    booth_id: Mapped[int] = mapped_column(sa.ForeignKey("booths.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ChatMessage(db.Model):
    __tablename__ = "chat_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    room: Mapped[str] = mapped_column(sa.ForeignKey("chat_rooms.name", ondelete="CASCADE"))
    sender_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    body: Mapped[str] = mapped_column(sa.Text)
    client_id: Mapped[str | None] = mapped_column(sa.String(64))
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deleted_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))

    sender = relationship("User", foreign_keys=[sender_id], lazy="joined", innerjoin=True)

    __table_args__ = (
        # A re-sent message (same sender, same client_id) is stored once.
        sa.UniqueConstraint("sender_id", "client_id", name="uq_chat_messages_sender_client"),
        sa.Index("ix_chat_messages_room_id", "room", "id"),
    )


class Conversation(db.Model):
    """A candidate's one-to-one chat with a booth's staff, from the queue to its end."""

    __tablename__ = "conversations"

    id: Mapped[int] = mapped_column(primary_key=True)
    booth_id: Mapped[int] = mapped_column(sa.ForeignKey("booths.id", ondelete="CASCADE"))
    candidate_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    status: Mapped[ConversationStatus] = mapped_column(
        enum_column(ConversationStatus), default=ConversationStatus.WAITING)
    share_profile: Mapped[bool] = mapped_column(default=False)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    accepted_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    booth = relationship("Booth")
    candidate = relationship("User", foreign_keys=[candidate_id])
    accepted_by = relationship("User", foreign_keys=[accepted_by_id])

    __table_args__ = (
        sa.Index("ix_conversations_booth_status", "booth_id", "status", "requested_at"),
    )

    @property
    def room(self) -> str:
        return conversation_room(self.id)


class ChatMute(db.Model):
    """A user silenced in one booth's chat by its staff or an organiser."""

    __tablename__ = "chat_mutes"

    booth_id: Mapped[int] = mapped_column(
        sa.ForeignKey("booths.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    muted_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    muted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
