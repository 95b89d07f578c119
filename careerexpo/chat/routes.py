"""What a booth's chat panel asks over HTTP: applying without leaving the chat, and, for
staff, the context of the candidate they are talking to and the CV they shared."""

from flask import Blueprint, abort, jsonify, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from careerexpo.applications import services as applications
from careerexpo.booths.lookups import get_booth_or_404
from careerexpo.candidates.downloads import send_cv
from careerexpo.candidates.services import CVError
from careerexpo.chat import context
from careerexpo.core.access import candidate_required
from careerexpo.jobs.services import get_listed_job

bp = Blueprint("chat", __name__)
CONVERSATION = "/<slug>/booths/<int:booth_id>/conversations/<int:conversation_id>"


@bp.route("/<slug>/booths/<int:booth_id>/apply/<int:job_id>", methods=["POST"])
@candidate_required
def apply(slug: str, booth_id: int, job_id: int):
    """Applies with the profile CV without leaving the chat panel; answers JSON."""
    _expo, booth = get_booth_or_404(slug, booth_id)
    job = get_listed_job(job_id)
    if job is None or job.company_id != booth.company_id:
        return jsonify(ok=False, error=_("This role is not open at this booth.")), 404
    try:
        applications.apply_with_cv(current_user, job, request.form.get("cover_note", ""))
    except CVError:
        return jsonify(ok=False, error=_("Add a CV to your profile first."),
                       profile_url=url_for("candidates.profile")), 400
    except applications.ApplicationError as exc:
        return jsonify(ok=False, error=str(exc)), 400
    return jsonify(ok=True, message=_("Your application to %(title)s was sent.",
                                      title=job.title))


@bp.route(f"{CONVERSATION}/context")
@login_required
def conversation_context(slug: str, booth_id: int, conversation_id: int):
    """For staff in a chat: the candidate's applications here and, if shared, their profile."""
    _expo, booth = get_booth_or_404(slug, booth_id)
    data = context.for_staff(current_user, booth, conversation_id)
    if data is None:
        abort(404)
    return jsonify(data)


@bp.route(f"{CONVERSATION}/cv")
@login_required
def shared_cv(slug: str, booth_id: int, conversation_id: int):
    """The profile CV a chatting candidate chose to share with this booth's staff."""
    _expo, booth = get_booth_or_404(slug, booth_id)
    cv = context.shared_cv(current_user, booth, conversation_id)
    if cv is None:
        abort(404)
    return send_cv(cv)
