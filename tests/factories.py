"""Builders of test data with sensible defaults; every argument can be overridden."""

import io
from datetime import timedelta
from itertools import count

from pypdf import PdfWriter

from careerexpo.applications.models import Application, ApplicationEvent
from careerexpo.auth.models import User
from careerexpo.booths.models import Booth
from careerexpo.companies.models import Company
from careerexpo.core.database import utcnow
from careerexpo.core.enums import ApplicationStatus, JobState, Role
from careerexpo.core.hktime import today_hk
from careerexpo.expos.models import Expo
from careerexpo.extensions import db
from careerexpo.jobs.models import Job

PASSWORD = "correct horse battery"
_seq = count(1)


def _save(obj):
    db.session.add(obj)
    db.session.commit()
    return obj


def company(name=None, offices=("hong_kong",), programme=None, description="We build things.",
            **fields):
    n = next(_seq)
    c = Company(name=name or f"Company {n}", website=f"https://company{n}.example",
                description=description, programme=programme, **fields)
    c.set_offices(offices)
    return _save(c)


def user(role: Role, email=None, name=None, company=None, password=PASSWORD):
    n = next(_seq)
    u = User(email=email or f"{role.value}{n}@example.com",
             name=name or f"{role.value.title()} {n}", role=role, company=company)
    u.set_password(password)
    return _save(u)


def candidate(**kw):
    return user(Role.CANDIDATE, **kw)


def employer(company=None, **kw):
    from tests import factories

    return user(Role.EMPLOYER, company=company or factories.company(), **kw)


def organiser(**kw):
    return user(Role.ORGANISER, **kw)


def job(company=None, state=JobState.OPEN, title="Software Engineer",
        description="Build and run our platform.", posted_ago=timedelta(days=1), **fields):
    from tests import factories

    values = dict(level="entry", degree="bachelor", region="hong_kong",
                  area="software_communications", function="technology",
                  employment_type="full_time", open_to_overseas=False)
    values.update(fields)
    j = Job(company=company or factories.company(), title=title, description=description,
            state=state, posted_at=(utcnow() - posted_ago) if state != JobState.DRAFT else None,
            **values)
    return _save(j)


def expo(slug=None, name="I&T Career Expo", companies=(), **fields):
    n = next(_seq)
    today = today_hk()  # an expo's dates are Hong Kong's, as the app reads them
    e = Expo(slug=slug or f"expo-{n}", name=name, starts_on=fields.pop("starts_on", today),
             ends_on=fields.pop("ends_on", today + timedelta(days=6)), **fields)
    db.session.add(e)
    for c in companies:
        db.session.add(Booth(expo=e, company=c))
    db.session.commit()
    return e


def application(job, candidate, status=ApplicationStatus.SUBMITTED, cover_note="", cv=None):
    a = Application(job=job, candidate=candidate, status=status, cover_note=cover_note, cv=cv)
    a.events.append(ApplicationEvent(status=status, actor=candidate))
    return _save(a)


def pdf_bytes(pages: int = 1) -> bytes:
    """A small, valid PDF, as a candidate's CV would be."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def cv(owner, filename="cv.pdf"):
    from careerexpo.candidates.services import store_cv

    doc = store_cv(owner, filename, pdf_bytes())
    db.session.commit()
    return doc
