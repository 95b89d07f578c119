"""Meeting pages: a candidate asking for a slot from a booth, "My meetings" for both
sides, and the booth staff's slots and requests."""

from datetime import datetime

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from careerexpo.booths import staffing
from careerexpo.booths.lookups import get_booth_or_404
from careerexpo.core.access import candidate_required
from careerexpo.core.database import utcnow
from careerexpo.core.hktime import HONG_KONG
from careerexpo.extensions import db
from careerexpo.meetings import cards, followup, services, slots
from careerexpo.meetings.errors import MeetingError, NotFound
from careerexpo.meetings.forms import CancelForm, DeclineForm, RequestForm, SlotForm
from careerexpo.meetings.models import MeetingSlot

bp = Blueprint("meetings", __name__)
BOOTH = "/expos/<slug>/booths/<int:booth_id>"
MEETING = "/me/meetings/<int:meeting_id>"


def _back(default: str):
    """Where the form came from, if it is a page of this site; else ``default``."""
    target = request.form.get("next", "")
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return redirect(target)
    return redirect(default)


def _form_problems(form) -> None:
    for name, errors in form.errors.items():
        flash(f"{getattr(form, name).label.text}: {' '.join(errors)}", "error")


@bp.route("/me/meetings")
@login_required
def mine():
    """A candidate's meetings, or those of every booth a staff member staffs."""
    meetings = services.meetings_of(current_user)
    now = utcnow()
    listed = cards.cards(current_user, meetings, now)
    return render_template(
        "meetings/mine.html", upcoming=[c for c in listed if c.upcoming],
        past=[c for c in listed if not c.upcoming], now=now,
        requests_left=services.requests_left(current_user) if current_user.is_candidate
        else None, booths=services.staff_booths(current_user),
        decline_form=DeclineForm(), cancel_form=CancelForm())


@bp.route(f"{BOOTH}/meetings", methods=["GET", "POST"])
@login_required
def booth_meetings(slug: str, booth_id: int):
    """The booth's slots and meeting requests, for its staff; publishing slots."""
    expo, booth = get_booth_or_404(slug, booth_id)
    if not staffing.is_staff(current_user, booth):
        abort(404)
    form = SlotForm()
    if form.validate_on_submit():
        starts = datetime.combine(form.day.data, form.start.data, tzinfo=HONG_KONG)
        try:
            published = slots.publish(current_user, booth, starts, form.duration_minutes.data,
                                      form.count.data)
        except MeetingError as exc:
            target = {"starts": form.start, "duration_minutes": form.duration_minutes,
                      "count": form.count}.get(exc.field, form.start)
            target.errors = [*target.errors, exc.message]
        else:
            flash(ngettext("%(num)s slot published.", "%(num)s slots published.",
                           len(published)), "success")
            return redirect(url_for("meetings.booth_meetings", slug=slug, booth_id=booth.id))
    now = utcnow()
    listed = cards.cards(current_user, services.meetings_of(current_user, booth), now)
    return render_template(
        "meetings/booth.html", expo=expo, booth=booth, form=form,
        slots=slots.booth_slots(booth, since=services.start_of_day_hk(now)),
        upcoming=[c for c in listed if c.upcoming], past=[c for c in listed if not c.upcoming],
        window=slots.window(booth), now=now, decline_form=DeclineForm(),
        cancel_form=CancelForm())


@bp.route(f"{BOOTH}/meetings/slots/<int:slot_id>/withdraw", methods=["POST"])
@login_required
def withdraw_slot(slug: str, booth_id: int, slot_id: int):
    """Booth staff take back a slot nobody has asked for."""
    _expo, booth = get_booth_or_404(slug, booth_id)
    if not staffing.is_staff(current_user, booth):
        abort(404)
    slot = db.session.get(MeetingSlot, slot_id)
    if slot is None or slot.booth_id != booth.id:
        abort(404)
    try:
        slots.withdraw(current_user, slot.id)
    except NotFound:
        abort(404)
    except MeetingError as exc:
        flash(exc.message, "error")
    else:
        flash(_("The slot is withdrawn."), "success")
    return redirect(url_for("meetings.booth_meetings", slug=slug, booth_id=booth.id))


@bp.route(f"{BOOTH}/meetings/request", methods=["POST"])
@candidate_required
def request_slot(slug: str, booth_id: int):
    _expo, booth = get_booth_or_404(slug, booth_id)
    form = RequestForm()
    form.slot_id.choices = [(s.id, s.id) for s in slots.free_slots(booth)]
    booth_page = url_for("booths.booth", slug=slug, booth_id=booth.id) + "#meetings"
    if not form.validate_on_submit():
        flash(_("Pick one of the free times."), "error")
        return redirect(booth_page)
    try:
        services.request_meeting(current_user, form.slot_id.data, form.note.data or "",
                                 form.share_profile.data)
    except MeetingError as exc:
        flash(exc.message, "error")
        return redirect(booth_page)
    flash(_("Your request is sent. The staff have %(hours)s hours to answer; we email you "
            "either way.", hours=current_app.config["MEETING_REQUEST_HOURS"]), "success")
    return redirect(url_for("meetings.mine"))


def _act(meeting_id: int, change, done: str, *args):
    try:
        change(current_user, meeting_id, *args)
    except NotFound:
        abort(404)
    except MeetingError as exc:
        flash(exc.message, "error")
    else:
        flash(done, "success")
    return _back(url_for("meetings.mine"))


@bp.route(f"{MEETING}/accept", methods=["POST"])
@login_required
def accept(meeting_id: int):
    return _act(meeting_id, services.accept, _("Meeting accepted; both of you get an email."))


@bp.route(f"{MEETING}/decline", methods=["POST"])
@login_required
def decline(meeting_id: int):
    form = DeclineForm()
    if not form.validate_on_submit():
        _form_problems(form)
        return _back(url_for("meetings.mine"))
    return _act(meeting_id, services.decline, _("Request declined."), form.reason.data)


@bp.route(f"{MEETING}/cancel", methods=["POST"])
@login_required
def cancel(meeting_id: int):
    form = CancelForm()
    if not form.validate_on_submit():
        _form_problems(form)
        return _back(url_for("meetings.mine"))
    return _act(meeting_id, services.cancel, _("Meeting cancelled."), form.reason.data or "")


@bp.route(f"{MEETING}/reschedule", methods=["POST"])
@login_required
def reschedule(meeting_id: int):
    # Any slot id; the service checks it is a free one of the same booth.
    slot_id = request.form.get("slot_id", type=int)
    if slot_id is None:
        flash(_("Pick another time."), "error")
        return _back(url_for("meetings.mine"))
    return _act(meeting_id, services.reschedule, _("Meeting moved."), slot_id)


@bp.route(f"{MEETING}/held", methods=["POST"])
@login_required
def held(meeting_id: int):
    return _act(meeting_id, services.mark, _("Marked as held."), True)


@bp.route(f"{MEETING}/no-show", methods=["POST"])
@login_required
def no_show(meeting_id: int):
    return _act(meeting_id, services.mark, _("Marked as a no-show."), False)


@bp.route(f"{MEETING}/pipeline", methods=["POST"])
@login_required
def pipeline(meeting_id: int):
    job_id = request.form.get("job_id", type=int)
    try:
        application = followup.add_to_pipeline(current_user, meeting_id, job_id)
    except NotFound:
        abort(404)
    except MeetingError as exc:
        flash(exc.message, "error")
        return _back(url_for("meetings.mine"))
    flash(_("%(name)s is now in the pipeline of %(title)s.",
            name=application.candidate.shown_name, title=application.job.title), "success")
    return redirect(url_for("employer.application", application_id=application.id))


@bp.route(f"{MEETING}/chat", methods=["POST"])
@login_required
def chat(meeting_id: int):
    """Opens the meeting's private chat: staff in the console, the candidate at the booth."""
    try:
        conversation = followup.open_chat(current_user, meeting_id)
    except NotFound:
        abort(404)
    except MeetingError as exc:
        flash(exc.message, "error")
        return _back(url_for("meetings.mine"))
    booth = conversation.booth
    if current_user.is_candidate:
        return redirect(url_for("booths.booth", slug=booth.expo.slug, booth_id=booth.id)
                        + "#chat")
    return redirect(url_for("booths.console", slug=booth.expo.slug, booth_id=booth.id,
                            conversation=conversation.id))
