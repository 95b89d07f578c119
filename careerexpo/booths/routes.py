"""The hall of booths, a booth's page, its settings and the staff's chat console."""

import secrets

from flask import abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from careerexpo.booths import bp, services, staffing
from careerexpo.booths.forms import BoothForm, ChatLimitForm
from careerexpo.chat import conversations, notify
from careerexpo.core.enums import Area, Level, Programme
from careerexpo.core.pagination import parse_page
from careerexpo.expos.lookups import get_expo_or_404
from careerexpo.presentations import services as presentations
from careerexpo.presentations.forms import PresentationForm
from careerexpo.stats import activity

HALL_PAGE = 24


def booth_or_404(slug: str, booth_id: int):
    expo = get_expo_or_404(slug)
    booth = services.get_booth(expo, booth_id)
    if booth is None:
        abort(404)
    return expo, booth


def _choices(name: str, enum_cls) -> tuple[str, ...]:
    values = tuple(v for v in request.args.getlist(name) if v in enum_cls.keys())
    return values


@bp.route("/<slug>")
def hall(slug: str):
    expo = get_expo_or_404(slug)
    filters = services.HallFilters(
        q=request.args.get("q", "").strip()[:100], areas=_choices("area", Area),
        levels=_choices("level", Level), programmes=_choices("programme", Programme))
    page = services.hall(expo, filters, parse_page(request.args.get("page")), HALL_PAGE)
    booth_ids = [row.booth.id for row in page.items]
    return render_template(
        "booths/hall.html", expo=expo, page=page, filters=filters,
        live={row.booth.id: notify.staff_online(row.booth) for row in page.items},
        on_stage=presentations.now_and_next(booth_ids), Area=Area, Level=Level,
        Programme=Programme)


def _visitor_key() -> str:
    if current_user.is_authenticated:
        return f"u{current_user.id}"
    session.setdefault("visitor", secrets.token_hex(8))
    return "s" + session["visitor"]


@bp.route("/<slug>/booths/<int:booth_id>")
def booth(slug: str, booth_id: int):
    expo, booth = booth_or_404(slug, booth_id)
    services.record_visit(booth, _visitor_key())
    talks = presentations.booth_presentations(booth)
    context = {"expo": expo, "booth": booth, "jobs": services.booth_jobs(booth),
               "presentations": talks, "staff_online": notify.staff_online(booth),
               "registered": presentations.registered_ids(current_user, [t.id for t in talks]),
               "on_stage": presentations.now_and_next([booth.id]).get(booth.id, {}),
               "staff": [s.user for s in booth.staff], "is_staff": False,
               "past_conversations": []}
    if current_user.is_authenticated:
        context["is_staff"] = staffing.is_staff(current_user, booth)
        if current_user.is_candidate:
            context["past_conversations"] = conversations.candidate_conversations(
                current_user, booth)
    return render_template("booths/booth.html", **context)


@bp.route("/<slug>/booths/<int:booth_id>/edit", methods=["GET", "POST"])
@login_required
def edit(slug: str, booth_id: int):
    expo, booth = booth_or_404(slug, booth_id)
    if not services.can_edit(current_user, booth):
        abort(403)
    form = BoothForm(obj=booth)
    form.staff.choices = [(u.id, u.name) for u in services.staff_choices(booth)]
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
    expo, booth = booth_or_404(slug, booth_id)
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
        queue_patience=current_app.config["CHAT_QUEUE_PATIENCE_SECONDS"])
