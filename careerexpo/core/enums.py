"""The enums of DOMAIN.md: stored and sent as their lower-case keys.

Labels are for display only and go through gettext: ``label`` is the member's
label in the request's locale, ``lazy_label`` one that is translated whenever it
is shown (for form choices, which are declared once at import).
"""

from enum import StrEnum
from functools import cache

from flask_babel import lazy_gettext

from careerexpo.core.i18n import translate


def _l(message: str) -> str:
    """Marks a label for extraction (``make messages`` looks for ``_l``); it is
    translated when shown."""
    return message


@cache
def _label_table(enum_cls) -> dict:
    return enum_cls._labels()


class LabelledEnum(StrEnum):
    @property
    def label(self) -> str:
        return translate(_label_table(type(self))[self])

    @property
    def lazy_label(self):
        return lazy_gettext(_label_table(type(self))[self])

    @classmethod
    def _labels(cls) -> dict:
        raise NotImplementedError

    @classmethod
    def choices(cls) -> list[tuple[str, object]]:
        """``(key, label)`` pairs whose labels follow the locale of each request."""
        return [(m.value, m.lazy_label) for m in cls]

    @classmethod
    def keys(cls) -> list[str]:
        return [m.value for m in cls]


class Role(LabelledEnum):
    CANDIDATE = "candidate"
    EMPLOYER = "employer"
    ORGANISER = "organiser"

    @classmethod
    def _labels(cls):
        return {cls.CANDIDATE: _l("Job seeker"), cls.EMPLOYER: _l("Employer"),
                cls.ORGANISER: _l("Organiser")}


class Level(LabelledEnum):
    ENTRY = "entry"
    MIDDLE = "middle"
    SENIOR = "senior"
    EXECUTIVE = "executive"

    @classmethod
    def _labels(cls):
        return {cls.ENTRY: _l("Entry level"), cls.MIDDLE: _l("Middle level"),
                cls.SENIOR: _l("Senior"), cls.EXECUTIVE: _l("Executive")}


class Degree(LabelledEnum):
    NONE = "none"
    SUB_DEGREE = "sub_degree"
    BACHELOR = "bachelor"
    MASTER = "master"
    DOCTORATE = "doctorate"

    @classmethod
    def _labels(cls):
        return {cls.NONE: _l("No degree required"), cls.SUB_DEGREE: _l("Sub-degree"),
                cls.BACHELOR: _l("Bachelor's"), cls.MASTER: _l("Master's"),
                cls.DOCTORATE: _l("Doctorate")}


class Region(LabelledEnum):
    HONG_KONG = "hong_kong"
    GBA = "gba"
    OVERSEAS = "overseas"
    REMOTE = "remote"

    @classmethod
    def _labels(cls):
        return {cls.HONG_KONG: _l("Hong Kong"), cls.GBA: _l("Greater Bay Area"),
                cls.OVERSEAS: _l("Overseas"), cls.REMOTE: _l("Remote")}


class Area(LabelledEnum):
    AI_DATA_ANALYTICS = "ai_data_analytics"
    BIOTECH = "biotech"
    ELECTRONICS_SENSORS = "electronics_sensors"
    SOFTWARE_COMMUNICATIONS = "software_communications"
    FINTECH = "fintech"
    ROBOTICS_AUTOMATION = "robotics_automation"
    MICROELECTRONICS = "microelectronics"
    NEW_MATERIALS = "new_materials"
    HEALTHTECH_MEDTECH = "healthtech_medtech"
    SMART_CITY = "smart_city"
    SUSTAINABILITY = "sustainability"
    OTHER = "other"

    @classmethod
    def _labels(cls):
        return {
            cls.AI_DATA_ANALYTICS: _l("AI & data analytics"),
            cls.BIOTECH: _l("Biotech"),
            cls.ELECTRONICS_SENSORS: _l("Electronics & sensors"),
            cls.SOFTWARE_COMMUNICATIONS: _l("Software & communications"),
            cls.FINTECH: _l("Fintech"),
            cls.ROBOTICS_AUTOMATION: _l("Robotics & automation"),
            cls.MICROELECTRONICS: _l("Microelectronics"),
            cls.NEW_MATERIALS: _l("New materials"),
            cls.HEALTHTECH_MEDTECH: _l("Healthtech & medtech"),
            cls.SMART_CITY: _l("Smart city"),
            cls.SUSTAINABILITY: _l("Sustainability"),
            cls.OTHER: _l("Other"),
        }


class Function(LabelledEnum):
    TECHNOLOGY = "technology"
    RESEARCH_DEVELOPMENT = "research_development"
    BUSINESS = "business"
    OPERATIONS = "operations"
    OTHER = "other"

    @classmethod
    def _labels(cls):
        return {cls.TECHNOLOGY: _l("Technology"),
                cls.RESEARCH_DEVELOPMENT: _l("Research & development"),
                cls.BUSINESS: _l("Business"), cls.OPERATIONS: _l("Operations"),
                cls.OTHER: _l("Other")}


class EmploymentType(LabelledEnum):
    FULL_TIME = "full_time"
    PART_TIME = "part_time"
    CONTRACT = "contract"
    INTERNSHIP = "internship"
    GRADUATE_PROGRAMME = "graduate_programme"

    @classmethod
    def _labels(cls):
        return {cls.FULL_TIME: _l("Full time"), cls.PART_TIME: _l("Part time"),
                cls.CONTRACT: _l("Contract"), cls.INTERNSHIP: _l("Internship"),
                cls.GRADUATE_PROGRAMME: _l("Graduate programme")}


class Programme(LabelledEnum):
    INNOHK = "innohk"
    INNOPARK = "innopark"

    @classmethod
    def _labels(cls):
        return {cls.INNOHK: _l("InnoHK"), cls.INNOPARK: _l("INNOPARK")}


class JobState(LabelledEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"

    @classmethod
    def _labels(cls):
        return {cls.DRAFT: _l("Draft"), cls.OPEN: _l("Open"), cls.CLOSED: _l("Closed")}


class ApplicationStatus(LabelledEnum):
    SUBMITTED = "submitted"
    REVIEWING = "reviewing"
    INTERVIEW = "interview"
    OFFER = "offer"
    HIRED = "hired"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"

    @classmethod
    def _labels(cls):
        return {cls.SUBMITTED: _l("Submitted"), cls.REVIEWING: _l("Reviewing"),
                cls.INTERVIEW: _l("Interview"), cls.OFFER: _l("Offer"),
                cls.HIRED: _l("Hired"), cls.REJECTED: _l("Rejected"),
                cls.WITHDRAWN: _l("Withdrawn")}

    @property
    def is_final(self) -> bool:
        return self in FINAL_STATUSES


FINAL_STATUSES = frozenset(
    {ApplicationStatus.HIRED, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN}
)

# The filters a job search offers, in the order pages and the API show them.
FACETS: dict[str, type[LabelledEnum]] = {
    "level": Level,
    "degree": Degree,
    "region": Region,
    "area": Area,
    "function": Function,
    "employment_type": EmploymentType,
}
# Each facet's heading where the filters are shown.
# Shown through ``translate`` (``core.formatting.facet_title``).
FACET_TITLES = {
    "level": _l("Level"),
    "degree": _l("Minimum degree"),
    "region": _l("Based in"),
    "area": _l("Area"),
    "function": _l("Function"),
    "employment_type": _l("Employment type"),
}
