"""Candidate profiles and CVs.

A CV is a PDF of at most ``CV_MAX_BYTES``, judged by its content (a parser must
read it), not by its name or the browser's word. Files are stored under
``CV_FOLDER``, outside ``static/``, and served only through ``cv_for_download``.
"""

import contextlib
import io
import os
import secrets

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from pypdf import PdfReader
from pypdf.errors import PdfReadError
from sqlalchemy import event
from sqlalchemy.orm import Session

from careerexpo.applications.models import Application
from careerexpo.auth.models import User
from careerexpo.candidates.models import CandidateProfile, CVDocument
from careerexpo.extensions import db
from careerexpo.jobs.models import Job

_UNCOMMITTED_FILES = "careerexpo_uncommitted_cv_files"
_FORGOTTEN_FILES = "careerexpo_forgotten_cv_files"


@event.listens_for(Session, "after_commit")
def _keep_committed_files(session: Session) -> None:
    session.info.pop(_UNCOMMITTED_FILES, None)
    # The records of these files are gone for good: now the files go too.
    for path in session.info.pop(_FORGOTTEN_FILES, []):
        with contextlib.suppress(FileNotFoundError):
            os.remove(path)


@event.listens_for(Session, "after_rollback")
def _keep_forgotten_files(session: Session) -> None:
    session.info.pop(_FORGOTTEN_FILES, None)


@event.listens_for(Session, "after_transaction_end")
def _remove_uncommitted_files(session: Session, transaction) -> None:
    # Reached with files still listed only when the outermost transaction ended
    # without a commit: rolled back, or closed at the end of a request.
    if transaction.parent is not None:
        return
    for path in session.info.pop(_UNCOMMITTED_FILES, []):
        with contextlib.suppress(FileNotFoundError):
            os.remove(path)


class CVError(ValueError):
    """The upload is not an acceptable CV; the message says why."""


def profile_for(candidate: User) -> CandidateProfile:
    """The candidate's profile; an empty, unsaved one if they have not written it yet."""
    profile = db.session.get(CandidateProfile, candidate.id)
    return profile if profile is not None else CandidateProfile(
        user_id=candidate.id, headline="", skills="", preferred_regions="", wanted_levels="",
        wanted_areas="", wanted_functions="")


def update_profile(candidate: User, name: str, headline: str, skills: str,
                   highest_degree: str | None, preferred_regions: list[str],
                   cv: CVDocument | None = None, *, wanted_levels: list[str] | None = None,
                   wanted_areas: list[str] | None = None,
                   wanted_functions: list[str] | None = None) -> CandidateProfile:
    """Saves the profile; a ``wanted_…`` list left as ``None`` keeps what was there."""
    profile = profile_for(candidate)
    db.session.add(profile)
    candidate.name = name.strip()
    profile.headline = headline.strip()
    profile.skills = skills.strip()
    profile.highest_degree = highest_degree or None
    profile.preferred_regions = ";".join(preferred_regions)
    for name, keys in (("wanted_levels", wanted_levels), ("wanted_areas", wanted_areas),
                       ("wanted_functions", wanted_functions)):
        if keys is not None:
            setattr(profile, name, ";".join(keys))
    if cv is not None:
        profile.cv = cv
    db.session.commit()
    return profile


def check_pdf(data: bytes) -> None:
    limit = current_app.config["CV_MAX_BYTES"]
    if not data:
        raise CVError(_("The file is empty."))
    if len(data) > limit:
        raise CVError(_("The file is larger than %(limit)s MB.", limit=limit // (1024 * 1024)))
    if not data.startswith(b"%PDF-"):
        raise CVError(_("The file is not a PDF."))
    try:
        pages = len(PdfReader(io.BytesIO(data)).pages)
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError):
        raise CVError(_("The file is not a readable PDF.")) from None
    if pages < 1:
        raise CVError(_("The PDF has no pages."))


def store_cv(owner: User, filename: str, data: bytes) -> CVDocument:
    """Checks and stores a CV; the caller commits (with whatever uses it)."""
    check_pdf(data)
    folder = current_app.config["CV_FOLDER"]
    os.makedirs(folder, exist_ok=True)
    stored_name = secrets.token_hex(16) + ".pdf"
    path = os.path.join(folder, stored_name)
    with open(path, "xb") as fh:
        fh.write(data)
    # If the transaction that would record this file rolls back, the file goes too.
    db.session.info.setdefault(_UNCOMMITTED_FILES, []).append(path)
    safe_name = os.path.basename(filename or "cv.pdf")[:255] or "cv.pdf"
    cv = CVDocument(owner_id=owner.id, filename=safe_name, stored_name=stored_name, size=len(data))
    db.session.add(cv)
    return cv


def forget_cv(cv: CVDocument) -> None:
    """Deletes the CV's record and, once that commits, its file; the caller commits and
    first lets go of anything that points to it."""
    db.session.info.setdefault(_FORGOTTEN_FILES, []).append(cv_path(cv))
    db.session.delete(cv)


def cv_path(cv: CVDocument) -> str:
    return os.path.join(current_app.config["CV_FOLDER"], cv.stored_name)


def cv_for_download(user: User, cv_id: int) -> CVDocument | None:
    """The CV if ``user`` may read it: its owner, or an employer of a company it was sent to."""
    cv = db.session.get(CVDocument, cv_id)
    if cv is None:
        return None
    if cv.owner_id == user.id:
        return cv
    if user.is_employer:
        sent_to_company = db.session.scalar(
            sa.select(sa.func.count()).select_from(Application).join(Application.job)
            .where(Application.cv_id == cv.id, Job.company_id == user.company_id)
        )
        if sent_to_company:
            return cv
    return None
