"""Expos: the list, and organisers creating and editing them."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from careerexpo.core.access import organiser_required
from careerexpo.expos import services
from careerexpo.expos.forms import ExpoForm
from careerexpo.expos.lookups import get_expo_or_404

bp = Blueprint("expos", __name__)


@bp.route("")
def index():
    return render_template("expos/index.html", listing=services.listing())


def _save(form: ExpoForm, expo=None):
    try:
        saved = services.save_expo(current_user, form.slug.data, form.name.data,
                                    form.starts_on.data, form.ends_on.data,
                                    form.description.data or "", expo,
                                    matchmaking=(form.matchmaking_starts_on.data,
                                                 form.matchmaking_ends_on.data))
    except services.ExpoError as exc:
        form.form_errors.append(str(exc))
        return None
    flash(_("%(name)s is saved.", name=saved.name), "success")
    return redirect(url_for("booths.hall", slug=saved.slug))


@bp.route("/new", methods=["GET", "POST"])
@organiser_required
def new():
    form = ExpoForm()
    if form.validate_on_submit() and (done := _save(form)):
        return done
    return render_template("expos/form.html", form=form, expo=None)


@bp.route("/<slug>/edit", methods=["GET", "POST"])
@organiser_required
def edit(slug: str):
    expo = get_expo_or_404(slug)
    form = ExpoForm(obj=expo)
    if form.validate_on_submit() and (done := _save(form, expo)):
        return done
    return render_template("expos/form.html", form=form, expo=expo)
