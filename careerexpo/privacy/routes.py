"""A person's own data: /me/privacy, its JSON copy, and deleting the account."""

import json

from flask import Blueprint, Response, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from careerexpo.auth import signin
from careerexpo.core.hktime import today_hk
from careerexpo.privacy import consents as choices
from careerexpo.privacy import erasure
from careerexpo.privacy import export as data_copy
from careerexpo.privacy.forms import ConsentForm, DeleteAccountForm
from careerexpo.privacy.models import ConsentKind

bp = Blueprint("privacy", __name__)


def _page(consent_form: ConsentForm, delete_form: DeleteAccountForm, status: int = 200):
    return render_template("privacy/privacy.html", consent_form=consent_form,
                           delete_form=delete_form,
                           retention_days=current_app.config["RETENTION_DAYS"],
                           mail_retry_hours=current_app.config["MAIL_RETRY_HOURS"]), status


@bp.route("/privacy", methods=["GET"])
@login_required
def page():
    answers = choices.consents(current_user)
    form = ConsentForm(data={kind.value: granted for kind, granted in answers.items()})
    return _page(form, DeleteAccountForm(prefix="delete"))


@bp.route("/privacy/consents", methods=["POST"])
@login_required
def consents():
    form = ConsentForm()
    if not form.validate_on_submit():
        return _page(form, DeleteAccountForm(prefix="delete"), 400)
    choices.set_consents(current_user, {kind: bool(getattr(form, kind.value).data)
                                         for kind in ConsentKind})
    flash(_("Your choices are saved."), "success")
    return redirect(url_for("privacy.page"))


@bp.route("/privacy/export.json")
@login_required
def export():
    body = json.dumps(data_copy.export(current_user), ensure_ascii=False, indent=2)
    return Response(body, mimetype="application/json", headers={
        "Content-Disposition": f'attachment; filename="careerexpo-my-data-{today_hk()}.json"',
        "Cache-Control": "no-store"})


@bp.route("/privacy/delete", methods=["POST"])
@login_required
def delete():
    form = DeleteAccountForm(prefix="delete")
    if form.validate_on_submit():
        try:
            erasure.delete_account(current_user, form.password.data)
        except erasure.ErasureError as exc:
            form.password.errors.append(str(exc))
        else:
            signin.sign_out()  # forgets this browser's sign-in, ended with the others
            flash(_("Your account and your personal data are deleted."), "info")
            return redirect(url_for("main.index"))
    return _page(ConsentForm(formdata=None, data={
        kind.value: granted for kind, granted in choices.consents(current_user).items()}),
        form, 400)
