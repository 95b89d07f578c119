"""Commands for organisers and operators: ``flask --app careerexpo COMMAND``.

Each command parses its options, calls one service and reports; problems go to
stderr with a non-zero exit status, so scripts and CI can rely on it.
"""

import time

import click
from email_validator import EmailNotValidError, validate_email
from flask import Flask, current_app
from flask.cli import with_appcontext
from sqlalchemy.exc import IntegrityError

from careerexpo.alerts import commands as alerts_commands
from careerexpo.auth.passwords import MIN_LENGTH, password_problem
from careerexpo.auth.services import AccountError, create_user, register_employer
from careerexpo.core.enums import Role
from careerexpo.demo import seed as demo
from careerexpo.extensions import db
from careerexpo.imports import reader, writer
from careerexpo.mailing import delivery as mail_delivery
from careerexpo.meetings import reminders as meeting_reminders
from careerexpo.privacy import erasure
from careerexpo.search import commands as search_commands


@click.command("import-expo")
@click.argument("slug")
@click.option("--name", required=True, help="The expo's name, as visitors see it.")
@click.option("--starts", required=True, metavar="YYYY-MM-DD", help="First day (Hong Kong).")
@click.option("--ends", required=True, metavar="YYYY-MM-DD", help="Last day (Hong Kong).")
@click.option("--companies", "companies_path", required=True,
              type=click.Path(exists=True, dir_okay=False), help="companies.csv")
@click.option("--jobs", "jobs_path", required=True,
              type=click.Path(exists=True, dir_okay=False), help="jobs.csv")
@with_appcontext
def import_expo_command(slug, name, starts, ends, companies_path, jobs_path):
    """Create or update an expo with its companies, booths and open jobs from CSV.

    Nothing is written unless every row is good; each bad row is reported as
    FILE:LINE: reason.
    """
    plan = reader.read_expo_import(
        slug, name, starts, ends, companies_path, jobs_path,
        known_companies=writer.existing_company_names, progress=click.echo)
    if plan.problems:
        for problem in plan.problems:
            click.echo(str(problem), err=True)
        click.echo(f"{len(plan.problems)} problem(s); nothing was imported", err=True)
        raise SystemExit(1)
    for warning in plan.warnings:
        click.echo(str(warning), err=True)
    try:
        summary = writer.import_expo(plan, progress=click.echo)
    except IntegrityError as exc:
        # Checked rows can still collide with a concurrent write; the import was rolled back.
        raise click.ClickException(f"the database refused the import, so nothing was "
                                   f"written: {exc.orig}") from None
    click.echo(str(summary))
    if summary.jobs_without_booth:
        click.echo(f"note: {summary.jobs_without_booth} job(s) belong to companies without a "
                   f"booth at {summary.slug}, so the expo does not list them")


@click.command("create-user")
@click.argument("email")
@click.option("--password", required=True, prompt=True, hide_input=True,
              confirmation_prompt=True,
              help=f"At least {MIN_LENGTH} characters (prompted if left out).")
@click.option("--role", required=True, type=click.Choice(Role.keys()))
@click.option("--company", "company_name", help="The employer's company (created if new).")
@click.option("--name", default="", help="Full name (default: the part of the email before @).")
@with_appcontext
def create_user_command(email, password, role, company_name, name):
    """Create a candidate, an employer of a company, or an organiser."""
    role = Role(role)
    try:
        email = validate_email(email, check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise click.BadParameter(str(exc), param_hint="EMAIL") from None
    problem = password_problem(password, (email, name))
    if problem:
        raise click.BadParameter(problem, param_hint="--password")
    if role == Role.EMPLOYER and not (company_name or "").strip():
        raise click.UsageError("an employer needs --company NAME")
    if role != Role.EMPLOYER and company_name is not None:
        raise click.UsageError(f"only employers belong to a company; a {role} takes no --company")
    try:
        if role == Role.EMPLOYER:
            user, new_company = register_employer(email, password, name, company_name,
                                                  join_existing=True)
            if new_company:
                click.echo(f"created company {user.company.name}")
        else:
            user = create_user(email, password, role, name)
            db.session.commit()
    except AccountError as exc:
        db.session.rollback()
        raise click.ClickException(str(exc)) from None
    click.echo(f"created {role} {user.email}" + (f" of {user.company.name}" if user.company
                                                 else ""))


@click.command("seed-demo")
@click.option("--jobs", "job_count", type=click.IntRange(min=1), default=None,
              help="Open jobs to create (default 2,947, as at the 2022 expo).")
@click.option("--companies", "company_count", type=click.IntRange(min=3), default=None,
              help="Companies, each with a booth (default 283).")
@click.option("--if-empty", is_flag=True,
              help="Do nothing, successfully, when the database already has data.")
@with_appcontext
def seed_demo_command(job_count, company_count, if_empty):
    """Fill an empty database with a demo expo shaped like the 2022 I&T Career Expo."""
    if not demo.database_is_empty():
        if if_empty:
            click.echo("database is not empty; demo data not loaded")
            return
        raise click.ClickException(
            "database is not empty (it has companies, jobs or expos); demo data not loaded. "
            "Use an empty database, or --if-empty to skip quietly.")
    job_count = job_count or demo.DEFAULT_JOBS
    company_count = company_count or demo.DEFAULT_COMPANIES
    if job_count < company_count:
        raise click.BadParameter("give at least one job per company", param_hint="--jobs")
    started = time.perf_counter()
    result = demo.seed_demo(job_count, company_count, progress=click.echo)
    click.echo(f"demo expo {result.slug}: {result.companies} companies with booths, "
               f"{result.jobs} open jobs ({time.perf_counter() - started:.1f} s)")
    click.echo(f"demo accounts (password {demo.DEMO_PASSWORD}):")
    for line in result.accounts:
        click.echo(f"  {line}")


@click.command("purge-expired")
@click.option("--days", type=click.IntRange(min=1), default=None,
              help="Keep what ended fewer days ago than this (default RETENTION_DAYS, 730).")
@with_appcontext
def purge_expired_command(days):
    """Remove the cover notes, CVs and notes of applications that ended unsuccessfully
    (rejected or withdrawn) more than RETENTION_DAYS ago."""
    days = days or current_app.config["RETENTION_DAYS"]
    click.echo(f"purging applications that ended unsuccessfully more than {days} days ago")
    click.echo(str(erasure.purge_expired(days)))


def init_app(app: Flask) -> None:
    for command in (import_expo_command, create_user_command, seed_demo_command,
                    purge_expired_command):
        app.cli.add_command(command)
    app.cli.add_command(alerts_commands.send_alerts_command)
    # The queued emails last: they include what the meetings' run has just queued.
    app.extensions[alerts_commands.PERIODIC] = [meeting_reminders.run, mail_delivery.run]
    app.cli.add_command(search_commands.reindex_command)
