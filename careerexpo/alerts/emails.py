"""The alert email: plain text and HTML, with a one-click unsubscribe link (RFC 8058)."""

from email.message import EmailMessage

from flask import render_template, url_for
from flask_babel import ngettext

from careerexpo.alerts.models import JobAlert
from careerexpo.alerts.services import unsubscribe_token
from careerexpo.core.mail import new_message
from careerexpo.feeds.searches import describe, query_from_string, search_args
from careerexpo.jobs.models import Job

MAX_LISTED = 20  # roles listed in one email; the rest are counted, with a link to them


def alert_email(alert: JobAlert, roles: list[Job], sender: str) -> EmailMessage:
    """The email announcing ``roles`` (newest first) to the alert's owner.

    Needs a request context whose host is the site's (links are absolute).
    """
    query = query_from_string(alert.query)
    search = describe(query)
    unsubscribe_url = url_for("alerts.unsubscribe", token=unsubscribe_token(alert),
                              _external=True)
    context = {
        "alert": alert, "search": search, "roles": roles[:MAX_LISTED],
        "more": max(0, len(roles) - MAX_LISTED),
        "search_url": url_for("jobs.search", sort="newest", _external=True,
                              **search_args(query)),
        "manage_url": url_for("alerts.manage", _external=True),
        "unsubscribe_url": unsubscribe_url,
    }
    subject = ngettext("%(num)s new role: %(search)s", "%(num)s new roles: %(search)s",
                       len(roles), search=search)
    message = new_message("alert", subject, sender, (alert.user.name, alert.user.email))
    # Mail clients show an Unsubscribe button that POSTs here, without opening a browser.
    message["List-Unsubscribe"] = f"<{unsubscribe_url}>"
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(render_template("alerts/email.txt", **context))
    message.add_alternative(render_template("alerts/email.html", **context), subtype="html")
    return message
