"""A copy of everything CareerExpo keeps about a person (DOMAIN.md, "Privacy")."""

import sqlalchemy as sa

from careerexpo.alerts.models import JobAlert
from careerexpo.applications.models import Application, SavedJob
from careerexpo.auth.models import User
from careerexpo.candidates.models import CandidateProfile, CVDocument
from careerexpo.chat.models import ChatMessage, Conversation
from careerexpo.extensions import db
from careerexpo.meetings.models import Meeting
from careerexpo.presentations.models import Presentation, PresentationRegistration
from careerexpo.privacy.consents import consents
from careerexpo.privacy.signals import account_exporting


def _when(value):
    return value.isoformat() if value is not None else None


def export(user: User) -> dict:
    """Everything kept about ``user``, as plain JSON values (DOMAIN.md, "Privacy")."""
    profile = db.session.get(CandidateProfile, user.id)
    applications = db.session.scalars(sa.select(Application).where(
        Application.candidate_id == user.id).order_by(Application.id))
    conversations = list(db.session.scalars(sa.select(Conversation).where(
        Conversation.candidate_id == user.id).order_by(Conversation.id)))
    # Their private chats whole; in booth lobbies, which are public, what they wrote.
    messages = db.session.scalars(sa.select(ChatMessage).where(
        sa.or_(ChatMessage.room.in_([c.room for c in conversations]),
               ChatMessage.sender_id == user.id),
        ChatMessage.deleted_at.is_(None)).order_by(ChatMessage.id))
    out = {
        "account": {"id": user.id, "email": user.email, "name": user.name,
                    "role": user.role.value, "created_at": _when(user.created_at),
                    "company": user.company.name if user.company else None},
        "consents": {kind.value: granted for kind, granted in consents(user).items()},
        "profile": None if profile is None else {
            "headline": profile.headline, "skills": profile.skills,
            "highest_degree": profile.highest_degree.value if profile.highest_degree else None,
            "preferred_regions": profile.region_list, "wanted_levels": profile.level_list,
            "wanted_areas": profile.area_list, "wanted_functions": profile.function_list,
            "updated_at": _when(profile.updated_at)},
        "cvs": [{"id": cv.id, "filename": cv.filename, "size": cv.size,
                 "uploaded_at": _when(cv.uploaded_at)} for cv in db.session.scalars(
                     sa.select(CVDocument).where(CVDocument.owner_id == user.id))],
        "applications": [{
            "id": a.id, "job": {"id": a.job.id, "title": a.job.title,
                                "company": a.job.company.name},
            "status": a.status.value, "cover_note": a.cover_note, "cv_id": a.cv_id,
            "created_at": _when(a.created_at),
            "history": [{"status": e.status.value, "at": _when(e.created_at)}
                        for e in a.events]} for a in applications],
        "saved_jobs": [{"job_id": s.job_id, "title": s.job.title, "saved_at": _when(s.created_at)}
                       for s in db.session.scalars(
                           sa.select(SavedJob).where(SavedJob.user_id == user.id))],
        "alerts": [{"id": a.id, "query": a.query, "frequency": a.frequency.value,
                    "active": a.active, "created_at": _when(a.created_at)}
                   for a in db.session.scalars(
                       sa.select(JobAlert).where(JobAlert.user_id == user.id))],
        "presentations": [{"id": p.id, "title": p.title, "starts_at": _when(p.starts_at)}
                          for p in db.session.scalars(
                              sa.select(Presentation).join(PresentationRegistration).where(
                                  PresentationRegistration.user_id == user.id))],
        "conversations": [{"id": c.id, "company": c.booth.company.name,
                           "status": c.status.value, "shared_profile": c.share_profile,
                           "requested_at": _when(c.requested_at)} for c in conversations],
        "chat_messages": [{"id": m.id, "room": m.room, "sent_at": _when(m.sent_at),
                           "from_me": m.sender_id == user.id, "body": m.body}
                          for m in messages],
        "meetings": [_meeting(m, user) for m in db.session.scalars(
            sa.select(Meeting).where(sa.or_(Meeting.candidate_id == user.id,
                                             Meeting.staff_id == user.id)).order_by(Meeting.id))],
    }
    # What the features above this one keep (dismissed recommendations, say).
    for _receiver, sections in account_exporting.send(None, user=user):
        out.update(sections or {})
    return out


def _meeting(meeting: Meeting, user: User) -> dict:
    """A booked meeting they asked for, or, as booth staff, answered."""
    return {"id": meeting.id, "company": meeting.booth.company.name,
            "as": "candidate" if meeting.candidate_id == user.id else "staff",
            "candidate": meeting.candidate.shown_name, "status": meeting.status.value,
            "starts": _when(meeting.slot.starts_at), "ends": _when(meeting.slot.ends_at),
            "note": meeting.note, "reason": meeting.reason,
            "shared_profile": meeting.share_profile, "created_at": _when(meeting.created_at)}
