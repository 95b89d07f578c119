"""The hall of booths, a booth's page, its settings and the staff's chat console."""

import secrets

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_from_directory,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from careerexpo.activity import services as activity
from careerexpo.auth.services import company_employers
from careerexpo.booths import services, staffing
from careerexpo.booths.forms import BoothForm, ChatLimitForm
from careerexpo.booths.lookups import get_booth_or_404
from careerexpo.chat import conversations, notify
from careerexpo.core import args
from careerexpo.core.database import INT_MAX
from careerexpo.core.enums import Area, Level, Programme
from careerexpo.expos.lookups import get_expo_or_404
from careerexpo.meetings import services as meetings
from careerexpo.meetings import slots as meeting_slots
from careerexpo.presentations import services as presentations
from careerexpo.presentations.forms import PresentationForm

bp = Blueprint("booths", __name__)
HALL_PAGE = 24
# How many booths the hall's "staffed now" and "on stage now" strips show.
HALL_STRIP = 12


@bp.route("/<slug>")
def hall(slug: str):
    expo = get_expo_or_404(slug)
    args.refuse_control_characters(request.args)
    filters = services.HallFilters(
        q=args.text(request.args, "q", 100), areas=args.choices(request.args, "area", Area.keys()),
        levels=args.choices(request.args, "level", Level.keys()),
        programmes=args.choices(request.args, "programme", Programme.keys()),
        sort=args.choice(request.args, "sort", services.HALL_SORTS) or "name")
    page = services.hall(expo, filters, args.page(request.args), HALL_PAGE)
    staffed = notify.staffed_booths(services.booth_ids(expo))
    return render_template(
        "booths/hall.html", expo=expo, page=page, filters=filters, live=staffed,
        staffed_now=services.booth_names(expo, staffed)[:HALL_STRIP],
        on_stage_now=presentations.on_stage_now(expo)[:HALL_STRIP],
        on_stage=presentations.now_and_next([row.booth.id for row in page.items]),
        Area=Area, Level=Level, Programme=Programme)


def _visitor_key() -> str:
    if current_user.is_authenticated:
        return f"u{current_user.id}"
    session.setdefault("visitor", secrets.token_hex(8))
    return "s" + session["visitor"]


@bp.route("/<slug>/booths/<int:booth_id>")
def booth(slug: str, booth_id: int):
    expo, booth = get_booth_or_404(slug, booth_id)
    services.record_visit(booth, _visitor_key())
    talks = presentations.booth_presentations(booth)
    context = {"expo": expo, "booth": booth, "jobs": services.booth_jobs(booth),
               "presentations": talks, "staff_online": notify.staff_online(booth),
               "registered": presentations.registered_ids(current_user, [t.id for t in talks]),
               "on_stage": presentations.now_and_next([booth.id]).get(booth.id, {}),
               "staff": [s.user for s in booth.staff], "is_staff": False,
               "past_conversations": [], "meeting_slots": meeting_slots.free_slots(booth),
               "requests_left": 0}
    if current_user.is_authenticated:
        context["is_staff"] = staffing.is_staff(current_user, booth)
        if current_user.is_candidate:
            context["past_conversations"] = conversations.candidate_conversations(
                current_user, booth)
            context["requests_left"] = meetings.requests_left(current_user)
    return render_template("booths/booth.html", **context)


@bp.route("/<slug>/booths/<int:booth_id>/edit", methods=["GET", "POST"])
@login_required
def edit(slug: str, booth_id: int):
    expo, booth = get_booth_or_404(slug, booth_id)
    if not services.can_edit(current_user, booth):
        abort(403)
    form = BoothForm(obj=booth)
    form.staff.choices = [(u.id, u.name) for u in company_employers(booth.company_id)]
    if not form.is_submitted():
        form.staff.data = [s.user_id for s in booth.staff]
    if form.validate_on_submit():
        try:
            services.update_booth(
                current_user, booth, form.tagline.data or "", form.story.data or "",
                form.video_url.data or "", form.chat_opens.data, form.chat_closes.data,
                form.staff.data or [],
                logo=form.logo.data.read() if form.logo.data else None,
                banner=form.banner.data.read() if form.banner.data else None)
        except services.BoothError as exc:
            form.form_errors.append(str(exc))
        else:
            flash(_("Your booth is updated."), "success")
            return redirect(url_for("booths.booth", slug=slug, booth_id=booth.id))
    return render_template("booths/edit.html", expo=expo, booth=booth, form=form,
                           presentation_form=PresentationForm(),
                           presentations=presentations.booth_presentations(booth))


@bp.route("/<slug>/booths/<int:booth_id>/console", methods=["GET", "POST"])
@login_required
def console(slug: str, booth_id: int):
    """Where booth staff see the queue and hold their private chats."""
    expo, booth = get_booth_or_404(slug, booth_id)
    if not staffing.can_moderate(current_user, booth):
        abort(403)
    form = ChatLimitForm(max_chats=staffing.max_chats(current_user, booth))
    if form.validate_on_submit():
        try:
            services.set_max_chats(current_user, booth, form.max_chats.data)
        except services.BoothError as exc:
            flash(str(exc), "error")
        else:
            flash(_("You now take up to %(n)s chats at once.", n=form.max_chats.data), "success")
        return redirect(url_for("booths.console", slug=slug, booth_id=booth.id))
    return render_template(
        "booths/console.html", expo=expo, booth=booth, form=form,
        conversations=conversations.staff_conversations(current_user, booth)
        if current_user.is_employer else [],
        funnel=activity.funnels(expo, [booth.id])[0],
        queue_patience=current_app.config["CHAT_QUEUE_PATIENCE_SECONDS"],
        # A booked meeting's chat, opened from "My meetings", comes up at once.
        open_conversation=args.whole_number(request.args, "conversation", 1, INT_MAX, 0) or None)


@bp.route("/uploads/<name>")
def upload(name: str):
    """A booth's logo or banner; names are random, so they can be cached for long."""
    if not services.is_upload_name(name):
        abort(404)
    return send_from_directory(current_app.config["UPLOAD_FOLDER"], name, max_age=86400 * 30)
