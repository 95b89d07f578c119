"""The alert email: plain text and HTML, with a one-click unsubscribe link (RFC 8058)."""

from email import policy
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid, parseaddr

from flask import render_template, url_for
from flask_babel import ngettext

from careerexpo.alerts.models import JobAlert
from careerexpo.alerts.services import unsubscribe_token
from careerexpo.feeds.searches import describe, query_from_string, search_args
from careerexpo.jobs.models import Job

MAX_LISTED = 20  # roles listed in one email; the rest are counted, with a link to them
# Headers are not folded before 998 characters: a folded List-Unsubscribe URL would be
# written as RFC 2047 encoded words, which mail clients do not read as a link.
LONG_LINES = policy.SMTP.clone(max_line_length=998)


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
    message = EmailMessage(policy=LONG_LINES)
    message["Subject"] = ngettext("%(num)s new role: %(search)s",
                                  "%(num)s new roles: %(search)s", len(roles), search=search)
    message["From"] = sender
    message["To"] = formataddr((alert.user.name, alert.user.email))
    message["Date"] = formatdate(usegmt=True)
    message["Message-ID"] = make_msgid("alert", domain=parseaddr(sender)[1].rpartition("@")[2]
                                       or None)
    # Mail clients show an Unsubscribe button that POSTs here, without opening a browser.
    message["List-Unsubscribe"] = f"<{unsubscribe_url}>"
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(render_template("alerts/email.txt", **context))
    message.add_alternative(render_template("alerts/email.html", **context), subtype="html")
    return message
