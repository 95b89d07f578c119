"""The employer's API tokens page: make one (shown once), see them, revoke one."""

from flask import Blueprint, abort, flash, make_response, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from careerexpo.core.access import employer_required
from careerexpo.tokens import services
from careerexpo.tokens.forms import TokenForm
from careerexpo.tokens.models import TokenScope

bp = Blueprint("tokens", __name__)


def _page(form, new_token=None, status=200):
    response = make_response(render_template(
        "tokens/manage.html", form=form, tokens=services.user_tokens(current_user),
        new_token=new_token), status)
    # The page may show a token in full: keep it out of every cache.
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/tokens", methods=["GET", "POST"])
@employer_required
def manage():
    form = TokenForm()
    if not form.validate_on_submit():
        return _page(form, status=400 if form.is_submitted() else 200)
    try:
        token, raw = services.create_token(current_user, form.name.data,
                                           TokenScope(form.scope.data))
    except services.TokenError as exc:
        form.form_errors.append(str(exc))
        return _page(form, status=400)
    # Rendered, not redirected: the token is never stored where it could be shown again.
    return _page(TokenForm(formdata=None), new_token=(token, raw))


@bp.route("/tokens/<int:token_id>/revoke", methods=["POST"])
@employer_required
def revoke(token_id: int):
    try:
        token = services.revoke_token(current_user, token_id)
    except services.TokenNotFound:
        abort(404)
    flash(_("“%(name)s” is revoked; requests with it are refused from now on.", name=token.name),
          "success")
    return redirect(url_for("tokens.manage"))
