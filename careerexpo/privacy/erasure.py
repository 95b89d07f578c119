"""Deleting an account, and removing what unsuccessful applications no longer need.

An account is anonymised rather than removed: employers keep an anonymous "deleted
applicant" in their pipelines, statistics keep their counts, chat rooms keep their
order, and nothing that names or describes the person is left. Every sign-in of the
account is ended (and an inactive account passes no sign-in check anyway), so every
session and remember cookie of it is dead at once, and its chat sockets are closed.
"""

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask_babel import gettext as _

from careerexpo.alerts.models import JobAlert
from careerexpo.applications.models import Application, ApplicationEvent, ApplicationNote, SavedJob
from careerexpo.auth import sign_ins
from careerexpo.auth.models import User
from careerexpo.candidates import services as candidates
from careerexpo.candidates.models import CandidateProfile, CVDocument
from careerexpo.chat.models import ChatMessage, ChatMute, Conversation
from careerexpo.core.database import utcnow
from careerexpo.core.enums import ApplicationStatus
from careerexpo.extensions import db
from careerexpo.mailing.models import QueuedEmail
from careerexpo.meetings.models import LIVE, Meeting, MeetingStatus
from careerexpo.presentations.models import PresentationRegistration
from careerexpo.privacy.models import Consent
from careerexpo.privacy.signals import account_erasing
from careerexpo.tokens.models import ApiToken

UNSUCCESSFUL = (ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN)


class ErasureError(ValueError):
    """The account cannot be deleted as asked; the message says why."""


def delete_account(user: User, password: str) -> None:
    """Removes the person's personal data and CV files and closes the account for good.

    :raise ErasureError: when the password is not theirs.
    """
    if not user.check_password(password or ""):
        raise ErasureError(_("That password is not right; your account is unchanged."))
    now = utcnow()
    _detach_from_applications(sa.select(Application.id).where(
        Application.candidate_id == user.id))
    for model, column in ((CandidateProfile, CandidateProfile.user_id),
                          (SavedJob, SavedJob.user_id), (JobAlert, JobAlert.user_id),
                          (PresentationRegistration, PresentationRegistration.user_id),
                          (ChatMute, ChatMute.user_id), (Consent, Consent.user_id),
                          (ApiToken, ApiToken.user_id),
                          # emails on their way to them: their address, maybe a reset link
                          (QueuedEmail, QueuedEmail.user_id)):
        db.session.execute(sa.delete(model).where(column == user.id))
    account_erasing.send(None, user=user)
    # Last, once no profile or application points to them any more.
    for cv in db.session.scalars(sa.select(CVDocument).where(CVDocument.owner_id == user.id)):
        candidates.forget_cv(cv)
    db.session.execute(sa.update(Conversation).where(Conversation.candidate_id == user.id)
                       .values(share_profile=False))
    # Their meetings to come are called off, which frees the slots for others; what they
    # wrote in any meeting goes, its date and outcome stay for the booth's counts.
    db.session.execute(sa.update(Meeting).where(
        Meeting.candidate_id == user.id, Meeting.status.in_(LIVE)).values(
        status=MeetingStatus.CANCELLED, sequence=Meeting.sequence + 1, updated_at=now))
    db.session.execute(sa.update(Meeting).where(Meeting.candidate_id == user.id).values(
        note="", reason="", share_profile=False))
    db.session.execute(sa.update(ChatMessage).where(
        ChatMessage.sender_id == user.id, ChatMessage.deleted_at.is_(None)).values(
        body="", deleted_at=now))
    user.name = ""
    user.email = f"deleted-{user.id}@deleted.invalid"
    user.password_hash = "!" + secrets.token_hex(16)  # matches no password
    user.active = False
    user.deleted_at = now
    db.session.commit()
    sign_ins.end_all(user)  # every device, with its chat sockets


def _detach_from_applications(application_ids) -> int:
    """Clears the cover notes, CVs and employers' notes of these applications; their
    roles, statuses and dates stay, for the employers' pipelines and the statistics."""
    db.session.execute(sa.delete(ApplicationNote).where(
        ApplicationNote.application_id.in_(application_ids)))
    return db.session.execute(sa.update(Application).where(
        Application.id.in_(application_ids)).values(cover_note="", cv_id=None)).rowcount


@dataclass(frozen=True)
class PurgeSummary:
    applications: int
    cv_files: int

    def __str__(self) -> str:
        return (f"{self.applications} application(s) that ended unsuccessfully cleared of "
                f"cover notes, CVs and notes; {self.cv_files} CV file(s) removed")


def purge_expired(days: int, now: datetime | None = None) -> PurgeSummary:
    """Removes the cover notes, CVs and notes of applications rejected or withdrawn more
    than ``days`` ago; CV files that nothing else uses any more go with them."""
    cutoff = (now or utcnow()) - timedelta(days=days)
    ended = (sa.select(ApplicationEvent.application_id)
             .group_by(ApplicationEvent.application_id)
             .having(sa.func.max(ApplicationEvent.created_at) < cutoff))
    expired = sa.select(Application.id).where(
        Application.status.in_(UNSUCCESSFUL), Application.id.in_(ended),
        sa.or_(Application.cover_note != "", Application.cv_id.is_not(None),
               sa.exists().where(ApplicationNote.application_id == Application.id)))
    ids = list(db.session.scalars(expired))
    cv_ids = set(db.session.scalars(sa.select(Application.cv_id).where(
        Application.id.in_(ids), Application.cv_id.is_not(None))))
    cleared = _detach_from_applications(ids) if ids else 0
    still_used = set(db.session.scalars(sa.select(Application.cv_id).where(
        Application.cv_id.in_(cv_ids)))) | set(db.session.scalars(
        sa.select(CandidateProfile.cv_id).where(CandidateProfile.cv_id.in_(cv_ids))))
    forgotten = 0
    for cv in db.session.scalars(sa.select(CVDocument).where(
            CVDocument.id.in_(cv_ids - still_used))):
        candidates.forget_cv(cv)
        forgotten += 1
    db.session.commit()
    return PurgeSummary(cleared, forgotten)
