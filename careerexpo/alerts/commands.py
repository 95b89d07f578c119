"""``flask --app careerexpo send-alerts``: run it every few minutes (cron, a systemd timer).

Other features' periodic email work runs in the same command: ``cli.py`` lists it in
``app.extensions[PERIODIC]`` (each a function of a ``Mailer`` returning a report with
``problems``), so this package needs to know none of them.
"""

import click
from flask import current_app
from flask.cli import with_appcontext

from careerexpo.alerts.sending import send_due_alerts
from careerexpo.core.mail import Mailer

PERIODIC = "careerexpo.periodic"


@click.command("send-alerts")
@with_appcontext
def send_alerts_command():
    """Email every due job alert the roles it has not announced yet, do the
    meetings' periodic work (expiring unanswered requests, warnings, reminders), and
    send the queued account and meeting emails that are due (retrying failed ones).

    Instant alerts go out on every run, daily digests once a day. A role is never sent
    twice to the same alert, even if this runs twice at once or is interrupted.
    """
    config = current_app.config
    if not (config["SITE_URL"] or config.get("SERVER_NAME")):
        raise click.UsageError("set SITE_URL (e.g. https://careerexpo.hk) so that emails "
                               "can link to the site")
    # Links in the emails are built as if requested from the site's own address.
    with current_app.test_request_context(base_url=config["SITE_URL"] or None):
        reports = [send_due_alerts(Mailer(config), config["MAIL_SENDER"])]
        reports += [job(Mailer(config)) for job in current_app.extensions.get(PERIODIC, ())]
    for report in reports:
        for problem in report.problems:
            click.echo(problem, err=True)
        click.echo(str(report))
    if any(report.problems for report in reports):
        raise SystemExit(1)
