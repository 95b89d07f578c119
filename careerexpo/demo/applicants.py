"""People in the demo's pipelines: applicants for the demo employer to review, and
applications for the demo candidate to follow.

Without them a fresh demo shows every applicant count as 0 and every application
list empty, and the pipeline can only be tried by registering and applying first.
The applications are placed in the days before the demo is loaded, each with the
history of moves that brought it to where it stands, and each applicant has a
one-page PDF CV the employer can download.
"""

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from careerexpo.applications.models import Application, ApplicationEvent, ApplicationNote, SavedJob
from careerexpo.auth.models import User
from careerexpo.auth.services import AccountError, create_user
from careerexpo.candidates.models import CandidateProfile, CVDocument
from careerexpo.candidates.services import store_cv
from careerexpo.core.database import utcnow
from careerexpo.core.enums import ApplicationStatus, Degree, Role
from careerexpo.extensions import db
from careerexpo.jobs.models import Job
from careerexpo.privacy.models import Consent, ConsentKind

S = ApplicationStatus
# Where each applicant has got to, step by step; each step a move the pipeline allows.
PATHS = [
    [S.SUBMITTED], [S.SUBMITTED], [S.SUBMITTED], [S.SUBMITTED, S.REVIEWING],
    [S.SUBMITTED, S.REVIEWING], [S.SUBMITTED, S.REVIEWING, S.INTERVIEW],
    [S.SUBMITTED, S.INTERVIEW], [S.SUBMITTED, S.REVIEWING, S.INTERVIEW, S.OFFER],
    [S.SUBMITTED, S.REVIEWING, S.INTERVIEW, S.OFFER, S.HIRED], [S.SUBMITTED, S.REJECTED],
    [S.SUBMITTED, S.REVIEWING, S.REJECTED], [S.SUBMITTED, S.WITHDRAWN],
]
# The demo candidate's own applications, at three other companies.
OWN_PATHS = [[S.SUBMITTED, S.REVIEWING, S.INTERVIEW], [S.SUBMITTED],
             [S.SUBMITTED, S.REVIEWING, S.REJECTED]]
APPLICANTS = [
    ("Karen Chan", "BSc Computer Science, HKUST; two internships in fintech",
     "Python, SQL, React", Degree.BACHELOR, "hong_kong"),
    ("Jason Wong", "Final-year Computer Engineering student at HKU",
     "C++, embedded Linux, Go", Degree.BACHELOR, "hong_kong;gba"),
    ("Priya Nair", "MSc Data Science, PolyU; risk analytics at a virtual bank",
     "Python, Spark, statistics", Degree.MASTER, "hong_kong;overseas"),
    ("Li Wei", "PhD in Machine Learning, CityU", "PyTorch, causal inference, research",
     Degree.DOCTORATE, "hong_kong;gba;overseas"),
    ("Mandy Lau", "Product designer moving into fintech", "Figma, user research, HTML/CSS",
     Degree.BACHELOR, "hong_kong"),
    ("Tom Cheung", "Backend engineer, four years in payments", "Java, Kotlin, PostgreSQL, Kafka",
     Degree.BACHELOR, "hong_kong;remote"),
    ("Zhang Min", "MPhil Financial Mathematics, CUHK", "Quant models, Python, C++",
     Degree.MASTER, "gba;hong_kong"),
    ("Ho Ka Yan", "Higher Diploma in Software Engineering, IVE", "JavaScript, Node.js, testing",
     Degree.SUB_DEGREE, "hong_kong"),
    ("Daniel Ng", "Cloud engineer, AWS certified", "AWS, Terraform, Kubernetes",
     Degree.BACHELOR, "hong_kong;remote"),
    ("Aisha Rahman", "MSc Cybersecurity, HKU", "Threat modelling, penetration testing",
     Degree.MASTER, "hong_kong;overseas"),
    ("Kelvin Yip", "BEng Electronic Engineering, PolyU", "FPGA, Verilog, signal processing",
     Degree.BACHELOR, "hong_kong;gba"),
    ("Sophie Leung", "Operations associate at a Science Park start-up",
     "Project management, data analysis", Degree.BACHELOR, "hong_kong"),
]
NOTES = {
    S.INTERVIEW: "Strong first call. Second interview with the team lead next week.",
    S.OFFER: "Offer sent at the top of the band; waiting for the answer.",
    S.REJECTED: "Good profile, but we need more hands-on experience for this role.",
}
OWN_PROFILE = ("BSc Computer Science, HKBU; looking for a first role in AI or fintech",
               "Python, machine learning, SQL, Cantonese, English, Mandarin", Degree.BACHELOR,
               "hong_kong;gba")


@dataclass
class DemoPipelines:
    applications: int
    applicants: list[tuple[User, CVDocument]] = field(default_factory=list)


def add_demo_pipelines(rng: random.Random, employer: User, candidate: User,
                       company_jobs: list[Job], other_jobs: list[Job],
                       password: str) -> DemoPipelines:
    """Adds the applicants and applications (without committing): how many, and the
    applicants with their CVs. ``company_jobs`` are the employer's roles, ``other_jobs``
    other companies'."""
    now = utcnow().replace(second=0, microsecond=0)
    db.session.flush()  # the accounts' ids, for their profiles and CVs
    own_cv = _profile(candidate, *OWN_PROFILE)
    # A demo of a handful of roles has fewer to go round.
    picked = rng.sample(other_jobs, min(len(other_jobs), len(OWN_PATHS) + 2))
    for path, job in zip(OWN_PATHS, picked, strict=False):
        _apply(rng, candidate, own_cv, job, path, None, now)
    for job in picked[len(OWN_PATHS):]:
        db.session.add(SavedJob(user_id=candidate.id, job_id=job.id))
    made = DemoPipelines(min(len(OWN_PATHS), len(picked)))

    targets = company_jobs[:4]
    if not targets:
        return made
    for i, (details, path) in enumerate(zip(APPLICANTS, PATHS, strict=True)):
        try:
            person = create_user(f"applicant{i + 1}@demo.careerexpo.hk", password,
                                 Role.CANDIDATE, details[0])
        except AccountError:  # made by hand before the demo: left as it is
            continue
        db.session.flush()
        cv = _profile(person, *details[1:])
        if i % 2 == 0:  # half of them agreed to be suggested to employers
            db.session.add(Consent(user_id=person.id, kind=ConsentKind.MATCHMAKING,
                                   granted=True))
        made.applicants.append((person, cv))
        application = _apply(rng, person, cv, targets[i % len(targets)], path, employer, now)
        if path[-1] in NOTES:
            db.session.add(ApplicationNote(application=application, author=employer,
                                           body=NOTES[path[-1]]))
        made.applications += 1
    return made


def _profile(person: User, headline: str, skills: str, degree: Degree,
             regions: str) -> CVDocument:
    """Fills in the person's profile with a CV saying the same; returns the CV."""
    cv = store_cv(person, f"{person.name.replace(' ', '-')}-CV.pdf",
                  cv_pdf(person.name, headline, skills))
    db.session.add(CandidateProfile(user_id=person.id, headline=headline, skills=skills,
                                    highest_degree=degree, preferred_regions=regions, cv=cv,
                                    wanted_levels="entry;middle", wanted_areas="",
                                    wanted_functions="technology"))
    return cv


def _apply(rng: random.Random, person: User, cv: CVDocument, job: Job,
           path: list[ApplicationStatus], employer: User | None, now: datetime) -> Application:
    """An application moved along ``path``, a day or so a step: the candidate's own steps
    by them, the others by ``employer``. One not yet looked at was sent during the expo,
    in the last day and a half."""
    if len(path) == 1:
        at = now - timedelta(minutes=rng.randint(60, 36 * 60))
    else:
        at = now - timedelta(days=rng.randint(6, 12), minutes=rng.randint(0, 600))
    application = Application(job=job, candidate=person, cv=cv, status=path[-1], created_at=at,
                              cover_note=f"I would like to apply for the {job.title} role.")
    for step in path:
        actor = person if step in (S.SUBMITTED, S.WITHDRAWN) else employer
        application.events.append(ApplicationEvent(status=step, actor=actor, created_at=at))
        at += timedelta(days=1, minutes=rng.randint(0, 360))
    application.updated_at = at
    db.session.add(application)
    return application


def _pdf_text(text: str) -> str:
    safe = text.encode("latin-1", "replace").decode("latin-1")
    return safe.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def cv_pdf(name: str, headline: str, skills: str) -> bytes:
    """A one-page A4 PDF naming the applicant, as a CV's first lines would."""
    lines = [(20, name), (12, headline), (12, "Skills: " + skills),
             (10, "A demo CV made by CareerExpo's seed-demo.")]
    parts = ["BT", "72 770 Td"]
    for i, (size, text) in enumerate(lines):
        if i:
            parts.append("0 -28 Td")
        parts.append(f"/F1 {size} Tf ({_pdf_text(text)}) Tj")
    parts.append("ET")
    stream = "\n".join(parts)
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(stream.encode('latin-1'))} >>\nstream\n{stream}\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)
