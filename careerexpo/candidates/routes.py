from flask import Blueprint, abort, flash, redirect, render_template, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from careerexpo.candidates import services
from careerexpo.candidates.forms import ProfileForm
from careerexpo.core.access import candidate_required

bp = Blueprint("candidates", __name__)


@bp.route("/profile", methods=["GET", "POST"])
@candidate_required
def profile():
    profile = services.profile_for(current_user)
    form = ProfileForm(obj=profile)
    if not form.is_submitted():
        form.name.data = current_user.name
        form.preferred_regions.data = profile.region_list
        form.wanted_levels.data = profile.level_list
        form.wanted_areas.data = profile.area_list
        form.wanted_functions.data = profile.function_list
        form.highest_degree.data = profile.highest_degree.value if profile.highest_degree else ""
    if form.validate_on_submit():
        try:
            cv = None
            if form.cv_file.data:
                upload = form.cv_file.data
                cv = services.store_cv(current_user, upload.filename, upload.read())
        except services.CVError as exc:
            form.cv_file.errors.append(str(exc))
        else:
            services.update_profile(current_user, form.name.data, form.headline.data or "",
                                    form.skills.data or "", form.highest_degree.data or None,
                                    form.preferred_regions.data or [], cv,
                                    wanted_levels=form.wanted_levels.data or [],
                                    wanted_areas=form.wanted_areas.data or [],
                                    wanted_functions=form.wanted_functions.data or [])
            flash(_("Your profile was saved."), "success")
            return redirect(url_for("candidates.profile"))
    return render_template("candidates/profile.html", form=form, profile=profile)


@bp.route("/cv/<int:cv_id>")
@login_required
def download_cv(cv_id: int):
    cv = services.cv_for_download(current_user, cv_id)
    if cv is None:
        abort(404)
    return send_cv(cv)


def send_cv(cv):
    return send_file(services.cv_path(cv), mimetype="application/pdf", as_attachment=True,
                     download_name=cv.filename, max_age=0)
