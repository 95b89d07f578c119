"""What a meeting leads to: the private chat it is held in, and the candidate moved
into one of the company's roles."""

from datetime import datetime, timedelta

from flask_babel import gettext as _

from careerexpo.applications import services as applications
from careerexpo.auth.models import User
from careerexpo.booths.services import booth_jobs
from careerexpo.candidates.services import profile_for
from careerexpo.chat.models import Conversation, ConversationStatus
from careerexpo.chat.services import ensure_room
from careerexpo.core.database import as_row_id, utcnow
from careerexpo.extensions import db
from careerexpo.jobs.models import Job
from careerexpo.matchmaking import funnel
from careerexpo.matchmaking.models import FunnelStage
from careerexpo.meetings.errors import Conflict, InvalidField, NotFound
from careerexpo.meetings.models import Meeting, MeetingStatus
from careerexpo.meetings.services import find, is_staff_of
from careerexpo.privacy.consents import allows
from careerexpo.privacy.models import ConsentKind

# The chat opens a little early, so nobody waits at a closed door, and stays open after.
OPENS_BEFORE = timedelta(minutes=10)
OPEN_AFTER = timedelta(hours=1)
CHATTABLE = (MeetingStatus.ACCEPTED, MeetingStatus.HELD, MeetingStatus.NO_SHOW)


def chat_is_open(meeting: Meeting, now: datetime | None = None) -> bool:
    now = now or utcnow()
    return (meeting.status in CHATTABLE
            and meeting.slot.starts_at - OPENS_BEFORE <= now <= meeting.slot.ends_at + OPEN_AFTER)


def open_chat(user: User, meeting_id, now: datetime | None = None) -> Conversation:
    """The meeting's private conversation (the booth chat's own kind), made the first
    time either side opens it, already accepted by the staff member who meets.

    :raise NotFound: for anyone but the candidate and the booth's staff.
    :raise Conflict: outside the meeting's time, or for a meeting not accepted.
    """
    now = now or utcnow()
    meeting = find(user, meeting_id)
    if not chat_is_open(meeting, now):
        raise Conflict(_("The meeting room opens ten minutes before the meeting."))
    if meeting.conversation_id is None:
        staff_id = meeting.staff_id or (user.id if is_staff_of(user, meeting) else None)
        conversation = Conversation(
            booth_id=meeting.booth_id, candidate_id=meeting.candidate_id,
            status=ConversationStatus.ACTIVE, share_profile=meeting.share_profile,
            requested_at=now, accepted_at=now, accepted_by_id=staff_id)
        db.session.add(conversation)
        db.session.flush()
        ensure_room(conversation.room, meeting.booth_id)
        meeting.conversation_id = conversation.id
        db.session.commit()
    return db.session.get(Conversation, meeting.conversation_id)


def roles_to_offer(user: User, meeting: Meeting) -> list[Job]:
    """The company's open roles staff may put the candidate forward for."""
    return booth_jobs(meeting.booth) if is_staff_of(user, meeting) else []


def add_to_pipeline(user: User, meeting_id, job_id, now: datetime | None = None):
    """Puts the candidate into one of the company's open roles, as under review, with
    the CV they shared for the meeting if they did.

    :raise NotFound: unless ``user`` staffs the meeting's booth.
    :raise InvalidField: for a role that is not the company's, or not open.
    :raise Conflict: when the candidate is in that role's pipeline already.
    """
    meeting = find(user, meeting_id)
    if not is_staff_of(user, meeting):
        raise NotFound(_("There is no such meeting."))
    job_id = as_row_id(job_id)
    job = db.session.get(Job, job_id) if job_id else None
    if job is None or job.company_id != meeting.booth.company_id or not job.is_listed():
        raise InvalidField(_("Pick one of the company's open roles."), "job_id")
    candidate = meeting.candidate
    shared = meeting.share_profile and allows(candidate, ConsentKind.CHAT_CV_SHARING)
    cv = profile_for(candidate).cv if shared else None
    # Committed with the application, or not at all.
    funnel.record(FunnelStage.APPLIED, booth_id=meeting.booth_id,
                  candidate_id=candidate.id, at=now)
    try:
        return applications.add_to_pipeline(user, candidate, job, cv)
    except applications.ApplicationError as exc:
        raise Conflict(str(exc), "job_id") from None
