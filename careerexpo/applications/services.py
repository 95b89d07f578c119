"""Applications: applying, withdrawing, the employer's pipeline, notes and saved roles.

Every read and write is scoped to the acting user: a candidate reaches only
their own applications, an employer only those to their company's roles. An id
that belongs to someone else is answered as if it did not exist.
"""

from dataclasses import dataclass, field

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from careerexpo.applications.models import Application, ApplicationEvent, ApplicationNote, SavedJob
from careerexpo.applications.signals import application_submitted
from careerexpo.auth.models import User
from careerexpo.candidates import services as candidates
from careerexpo.candidates.models import CVDocument
from careerexpo.core.enums import FINAL_STATUSES, ApplicationStatus
from careerexpo.core.pagination import Page
from careerexpo.extensions import db
from careerexpo.jobs.models import Job


class ApplicationError(ValueError):
    """The application cannot be made or changed as asked; the message says why."""


class NotFound(LookupError):
    """No such application for this user."""


# Where an employer may move an application from each status. Final ones go nowhere.
PIPELINE = {
    ApplicationStatus.SUBMITTED: [ApplicationStatus.REVIEWING, ApplicationStatus.INTERVIEW,
                                  ApplicationStatus.REJECTED],
    ApplicationStatus.REVIEWING: [ApplicationStatus.INTERVIEW, ApplicationStatus.OFFER,
                                  ApplicationStatus.REJECTED],
    ApplicationStatus.INTERVIEW: [ApplicationStatus.REVIEWING, ApplicationStatus.OFFER,
                                  ApplicationStatus.REJECTED],
    ApplicationStatus.OFFER: [ApplicationStatus.INTERVIEW, ApplicationStatus.HIRED,
                              ApplicationStatus.REJECTED],
}


def _record(application: Application, status: ApplicationStatus, actor: User) -> None:
    application.status = status
    application.events.append(ApplicationEvent(status=status, actor=actor))


def existing_application(candidate: User, job_id: int) -> Application | None:
    return db.session.scalar(sa.select(Application).where(
        Application.job_id == job_id, Application.candidate_id == candidate.id))


def apply_to_job(candidate: User, job: Job, cover_note: str, cv: CVDocument | None) -> Application:
    if not candidate.is_candidate:
        raise ApplicationError(_("Only job seekers apply to roles."))
    if not job.is_listed():
        raise ApplicationError(_("This role is closed to new applications."))
    if cv is not None and cv.owner_id != candidate.id:
        raise ApplicationError(_("That CV is not yours."))
    if existing_application(candidate, job.id):
        raise ApplicationError(_("You have applied to this role already."))
    application = Application(job=job, candidate=candidate, cover_note=cover_note.strip(), cv=cv)
    _record(application, ApplicationStatus.SUBMITTED, candidate)
    db.session.add(application)
    application_submitted.send(None, candidate_id=candidate.id, job=job)
    try:
        db.session.commit()
    except IntegrityError:
        # Two submissions raced; the unique constraint kept one.
        db.session.rollback()
        raise ApplicationError(_("You have applied to this role already.")) from None
    return application


def apply_with_cv(candidate: User, job: Job, cover_note: str,
                  upload: tuple[str, bytes] | None = None) -> Application:
    """Applies with a CV just uploaded (``(filename, data)``, checked and stored with the
    application) or, without one, the CV on the candidate's profile. Nothing is kept when
    it fails, the uploaded file included.

    :raise CVError: when there is no CV to send, or the upload is not an acceptable one.
    :raise ApplicationError: when the role cannot take this application.
    """
    if upload is not None:
        cv = candidates.store_cv(candidate, *upload)
    else:
        cv = candidates.profile_for(candidate).cv
        if cv is None:
            raise candidates.CVError(_("Your profile has no CV yet; upload one."))
    try:
        return apply_to_job(candidate, job, cover_note, cv)
    except ApplicationError:
        db.session.rollback()  # forgets a CV stored for it: its record and its file
        raise


def add_to_pipeline(employer: User, candidate: User, job: Job,
                    cv: CVDocument | None) -> Application:
    """An employer puts a candidate they met straight into one of their open roles,
    under review (a booked meeting's "next step").

    :raise ApplicationError: for another company's role, a closed one, or a candidate
        already in its pipeline.
    """
    if not employer.is_employer or job.company_id != employer.company_id:
        raise ApplicationError(_("That role is not your company's."))
    if not candidate.is_candidate:
        raise ApplicationError(_("Only job seekers apply to roles."))
    if not job.is_listed():
        raise ApplicationError(_("This role is closed to new applications."))
    if existing_application(candidate, job.id):
        raise ApplicationError(_("This candidate is in that role's pipeline already."))
    application = Application(job=job, candidate=candidate, cover_note="", cv=cv)
    _record(application, ApplicationStatus.SUBMITTED, employer)
    _record(application, ApplicationStatus.REVIEWING, employer)
    db.session.add(application)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise ApplicationError(
            _("This candidate is in that role's pipeline already.")) from None
    return application


def candidate_applications(candidate: User) -> list[Application]:
    return list(db.session.scalars(
        sa.select(Application).where(Application.candidate_id == candidate.id)
        .options(sa.orm.selectinload(Application.events))
        .order_by(Application.created_at.desc(), Application.id.desc())
    ).unique())


def candidate_application(candidate: User, application_id: int) -> Application:
    application = db.session.scalar(sa.select(Application).where(
        Application.id == application_id, Application.candidate_id == candidate.id))
    if application is None:
        raise NotFound(application_id)
    return application


def withdraw(candidate: User, application_id: int) -> Application:
    application = candidate_application(candidate, application_id)
    if application.status in FINAL_STATUSES:
        raise ApplicationError(_("This application is already final."))
    _record(application, ApplicationStatus.WITHDRAWN, candidate)
    db.session.commit()
    return application


def company_application(employer: User, application_id: int) -> Application:
    application = db.session.scalar(
        sa.select(Application).join(Application.job)
        .where(Application.id == application_id, Job.company_id == employer.company_id)
    )
    if application is None:
        raise NotFound(application_id)
    return application


def job_applications(employer: User, job: Job, status: ApplicationStatus | None,
                     page: int, per_page: int) -> Page:
    if job.company_id != employer.company_id:
        raise NotFound(job.id)
    stmt = sa.select(Application).where(Application.job_id == job.id)
    if status is not None:
        stmt = stmt.where(Application.status == status)
    total = db.session.scalar(sa.select(sa.func.count()).select_from(stmt.subquery()))
    items = list(db.session.scalars(
        stmt.order_by(Application.created_at.desc(), Application.id.desc())
        .limit(per_page).offset((page - 1) * per_page)
    ).unique())
    return Page(items, total, page, per_page)


def status_counts(job: Job) -> dict[ApplicationStatus, int]:
    counts = dict.fromkeys(ApplicationStatus, 0)
    rows = db.session.execute(
        sa.select(Application.status, sa.func.count())
        .where(Application.job_id == job.id).group_by(Application.status)
    )
    counts.update({status: n for status, n in rows})
    return counts


def move(employer: User, application_id: int, status: ApplicationStatus) -> Application:
    application = company_application(employer, application_id)
    if status == ApplicationStatus.WITHDRAWN:
        raise ApplicationError(_("Only the candidate can withdraw an application."))
    if status not in PIPELINE.get(application.status, []):
        raise ApplicationError(_("An application that is %(current)s cannot move to %(wanted)s.",
                                 current=application.status.label, wanted=status.label))
    _record(application, status, employer)
    db.session.commit()
    return application


def add_note(employer: User, application_id: int, body: str) -> ApplicationNote:
    application = company_application(employer, application_id)
    note = ApplicationNote(application=application, author=employer, body=body.strip())
    db.session.add(note)
    db.session.commit()
    return note


def export_rows(employer: User, job: Job):
    """Every applicant to one role, for the CSV export, in application order."""
    if job.company_id != employer.company_id:
        raise NotFound(job.id)
    stmt = (sa.select(Application).where(Application.job_id == job.id)
            .order_by(Application.created_at, Application.id))
    yield from db.session.scalars(stmt).unique()


def save_job(candidate: User, job: Job) -> None:
    if db.session.get(SavedJob, (candidate.id, job.id)) is None:
        db.session.add(SavedJob(user_id=candidate.id, job_id=job.id))
        db.session.commit()


def unsave_job(candidate: User, job_id: int) -> None:
    saved = db.session.get(SavedJob, (candidate.id, job_id))
    if saved is not None:
        db.session.delete(saved)
        db.session.commit()


def is_saved(candidate: User, job_id: int) -> bool:
    return db.session.get(SavedJob, (candidate.id, job_id)) is not None


@dataclass(frozen=True)
class JobMarks:
    """What a candidate has done with some roles: the ones applied to (with the status
    reached) and the ones saved, for marking them in a list."""

    applied: dict[int, ApplicationStatus] = field(default_factory=dict)
    saved: frozenset[int] = frozenset()


def marks_for(user: User, job_ids: list[int]) -> JobMarks:
    """Two indexed lookups over the listed ids; nothing for anyone but a candidate."""
    if not job_ids or not user.is_authenticated or not user.is_candidate:
        return JobMarks()
    applied = db.session.execute(
        sa.select(Application.job_id, Application.status)
        .where(Application.candidate_id == user.id, Application.job_id.in_(job_ids))).all()
    saved = db.session.scalars(
        sa.select(SavedJob.job_id)
        .where(SavedJob.user_id == user.id, SavedJob.job_id.in_(job_ids))).all()
    return JobMarks(dict(applied), frozenset(saved))


def saved_jobs(candidate: User) -> list[SavedJob]:
    return list(db.session.scalars(
        sa.select(SavedJob).where(SavedJob.user_id == candidate.id)
        .order_by(SavedJob.created_at.desc())
    ).unique())
