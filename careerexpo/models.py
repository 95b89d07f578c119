"""Every model, imported once so SQLAlchemy and Alembic see the whole schema."""

from careerexpo.applications.models import (  # noqa: F401
    Application,
    ApplicationEvent,
    ApplicationNote,
    SavedJob,
)
from careerexpo.auth.models import User  # noqa: F401
from careerexpo.candidates.models import CandidateProfile, CVDocument  # noqa: F401
from careerexpo.companies.models import Company, CompanyOffice  # noqa: F401
from careerexpo.expos.models import Booth, Expo  # noqa: F401
from careerexpo.jobs.models import Job  # noqa: F401
