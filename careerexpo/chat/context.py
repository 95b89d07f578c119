"""What booth staff see of a candidate they are chatting with."""

import sqlalchemy as sa
from flask import url_for

from careerexpo.applications.models import Application
from careerexpo.auth.models import User
from careerexpo.booths import staffing
from careerexpo.booths.models import Booth
from careerexpo.candidates.services import profile_for
from careerexpo.chat.models import Conversation
from careerexpo.extensions import db
from careerexpo.jobs.models import Job
from careerexpo.privacy.consents import allows
from careerexpo.privacy.models import ConsentKind


def shared_cv(user: User, booth: Booth, conversation_id: int):
    """The candidate's profile CV, if they shared it in this conversation with ``user``."""
    data = for_staff(user, booth, conversation_id)
    if not data or not data["shared_profile"]:
        return None
    return profile_for(db.session.get(Conversation, conversation_id).candidate).cv


def for_staff(user: User, booth: Booth, conversation_id: int) -> dict | None:
    """The candidate's applications to this company's roles, and their profile and CV if
    they agreed to share them; ``None`` unless ``user`` staffs or moderates the booth."""
    conversation = db.session.get(Conversation, conversation_id)
    if (conversation is None or conversation.booth_id != booth.id
            or not staffing.can_moderate(user, booth)):
        return None
    candidate = conversation.candidate
    # Shared in this chat, and not withdrawn since on the privacy page.
    shared = conversation.share_profile and allows(candidate, ConsentKind.CHAT_CV_SHARING)
    applied = db.session.scalars(sa.select(Application).join(Application.job).where(
        Application.candidate_id == candidate.id, Job.company_id == booth.company_id,
    ).order_by(Application.created_at.desc()))
    data = {
        "conversation_id": conversation.id,
        "candidate": {"id": candidate.id, "name": candidate.shown_name},
        "shared_profile": shared,
        "applications": [{
            "id": a.id, "job": a.job.title, "status": a.status.value,
            "status_label": a.status.label,
            "url": url_for("employer.application", application_id=a.id)
            if user.is_employer else None,
        } for a in applied],
    }
    if shared:
        profile = profile_for(candidate)
        data["profile"] = {
            "headline": profile.headline, "skills": profile.skills,
            "highest_degree": profile.highest_degree.label if profile.highest_degree else None,
            "cv_url": url_for("chat.shared_cv", slug=booth.expo.slug, booth_id=booth.id,
                              conversation_id=conversation.id) if profile.cv else None,
        }
    return data
