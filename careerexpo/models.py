"""Every model, imported once so SQLAlchemy and Alembic see the whole schema."""

from careerexpo.alerts.models import AlertDelivery, JobAlert  # noqa: F401
from careerexpo.applications.models import (  # noqa: F401
    Application,
    ApplicationEvent,
    ApplicationNote,
    SavedJob,
)
from careerexpo.auth.models import AccountLink, SignIn, User  # noqa: F401
from careerexpo.booths.models import Booth, BoothStaff, BoothVisit, BoothVisitCount  # noqa: F401
from careerexpo.candidates.models import CandidateProfile, CVDocument  # noqa: F401
from careerexpo.chat.models import ChatMessage, ChatMute, ChatRoom, Conversation  # noqa: F401
from careerexpo.companies.models import Company, CompanyOffice  # noqa: F401
from careerexpo.core.caching import CacheGeneration  # noqa: F401
from careerexpo.expos.models import Expo  # noqa: F401
from careerexpo.jobs.models import Job  # noqa: F401
from careerexpo.mailing.models import QueuedEmail  # noqa: F401
from careerexpo.matchmaking.models import Dismissal, FunnelEvent  # noqa: F401
from careerexpo.meetings.models import Meeting, MeetingSlot  # noqa: F401
from careerexpo.presentations.models import (  # noqa: F401
    Presentation,
    PresentationRegistration,
)
from careerexpo.privacy.models import Consent  # noqa: F401
from careerexpo.search.outbox import SearchOutbox  # noqa: F401
from careerexpo.tokens.models import ApiToken  # noqa: F401
