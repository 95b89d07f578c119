"""A candidate's job alerts at /me/alerts, and the unsubscribe link every email carries."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from careerexpo.alerts import services
from careerexpo.alerts.forms import AlertForm, FrequencyForm
from careerexpo.alerts.models import AlertFrequency
from careerexpo.core.access import candidate_required
from careerexpo.extensions import csrf
from careerexpo.feeds.searches import describe, query_from_string

bp = Blueprint("alerts", __name__)


def _own_alert_or_404(alert_id: int):
    try:
        return services.candidate_alert(current_user, alert_id)
    except services.AlertNotFound:
        abort(404)


@bp.route("/me/alerts")
@candidate_required
def manage():
    alerts = services.candidate_alerts(current_user)
    rows = [(alert, describe(query_from_string(alert.query)),
             FrequencyForm(prefix=f"alert{alert.id}", frequency=alert.frequency.value))
            for alert in alerts]
    return render_template("alerts/manage.html", rows=rows)


@bp.route("/me/alerts", methods=["POST"])
@candidate_required
def create():
    form = AlertForm()
    if not form.validate_on_submit():
        flash(_("That search cannot be saved as an alert: %(why)s",
                why=" ".join(e for errors in form.errors.values() for e in errors)), "error")
        return redirect(url_for("jobs.search"))
    try:
        alert = services.save_alert(current_user, form.search, AlertFrequency(form.frequency.data))
    except services.AlertError as exc:
        flash(str(exc), "error")
        return redirect(url_for("jobs.search") + "?" + form.query.data)
    flash(_("Alert saved: %(search)s. %(frequency)s.", search=describe(form.search),
            frequency=alert.frequency.label), "success")
    return redirect(url_for("alerts.manage"))


@bp.route("/me/alerts/<int:alert_id>/frequency", methods=["POST"])
@candidate_required
def change_frequency(alert_id: int):
    alert = _own_alert_or_404(alert_id)
    form = FrequencyForm(prefix=f"alert{alert.id}")
    if form.validate_on_submit():
        services.set_frequency(current_user, alert.id, AlertFrequency(form.frequency.data))
        flash(_("The alert now emails you: %(frequency)s.", frequency=alert.frequency.label),
              "success")
    return redirect(url_for("alerts.manage"))


@bp.route("/me/alerts/<int:alert_id>/<any(pause, resume):action>", methods=["POST"])
@candidate_required
def pause_or_resume(alert_id: int, action: str):
    services.set_active(_own_alert_or_404(alert_id), active=action == "resume")
    flash(_("Alert resumed.") if action == "resume" else _("Alert paused."), "success")
    return redirect(url_for("alerts.manage"))


@bp.route("/me/alerts/<int:alert_id>/delete", methods=["POST"])
@candidate_required
def delete(alert_id: int):
    services.delete_alert(current_user, _own_alert_or_404(alert_id).id)
    flash(_("Alert deleted."), "success")
    return redirect(url_for("alerts.manage"))


@bp.route("/alerts/unsubscribe/<token>", methods=["GET", "POST"])
@csrf.exempt  # the signed token is the authority; mail clients POST here (RFC 8058)
def unsubscribe(token: str):
    """One click from the email, signed in or not: the alert stops, with a way back."""
    alert = services.alert_for_token(token)
    if alert is None:
        abort(404, _("This unsubscribe link is not valid, or its alert was deleted."))
    undo = request.method == "POST" and request.form.get("undo") == "1"
    services.set_active(alert, active=undo)
    return render_template("alerts/unsubscribed.html", alert=alert, token=token,
                           search=describe(query_from_string(alert.query)))
