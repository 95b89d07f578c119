from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from careerexpo.core.database import UTCDateTime, enum_column, utcnow
from careerexpo.core.enums import LabelledEnum, _l
from careerexpo.extensions import db


class ConsentKind(LabelledEnum):
    # Booth staff may see the profile and CV a candidate chose to share in a chat.
    CHAT_CV_SHARING = "chat_cv_sharing"
    # Employers may be shown the candidate in matchmaking suggestions.
    MATCHMAKING = "matchmaking"

    @classmethod
    def _labels(cls):
        return {cls.CHAT_CV_SHARING: _l("Share my profile and CV with a booth's staff when I "
                                        "ask for a private chat and tick “share”"),
                cls.MATCHMAKING: _l("Suggest me to employers whose roles match my profile")}


# What a person has agreed to until they say otherwise. Sharing in a chat is asked for
# each chat as well; being suggested to employers is never assumed.
DEFAULTS = {ConsentKind.CHAT_CV_SHARING: True, ConsentKind.MATCHMAKING: False}


class Consent(db.Model):
    """A person's current answer to one consent, and when they gave it."""

    __tablename__ = "consents"

    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[ConsentKind] = mapped_column(enum_column(ConsentKind), primary_key=True)
    granted: Mapped[bool]
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
