from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from careerexpo.core.database import UTCDateTime, utcnow
from careerexpo.extensions import db


class QueuedEmail(db.Model):
    """One automatic email on its way to one person.

    ``message`` holds the whole email as it will go over SMTP (headers, body,
    attachments) until it is sent or given up; then only who, what kind and when stay,
    because a body may carry a secret (a password reset link).
    """

    __tablename__ = "queued_emails"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(20))  # "account", "meeting"
    # The person it is for; their queued emails go when their account is deleted.
    user_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    recipient: Mapped[str] = mapped_column(sa.String(254))
    message: Mapped[bytes | None] = mapped_column(sa.LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    attempts: Mapped[int] = mapped_column(default=0)
    # When a deliverer may next try; a claim pushes it ahead for as long as a send may take.
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    gave_up_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(sa.String(500))

    @property
    def waiting(self) -> bool:
        return self.sent_at is None and self.gave_up_at is None
