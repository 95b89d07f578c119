"""schema.org JobPosting for a listed role, as Google's job search guidelines ask for it.

Every value marked up here is also on the role's page (``jobs/detail.html``), and the
page's wording of it comes from this module too (``location_label``,
``experience_label``, ``employment_label``, ``description_paragraphs``), so the two cannot disagree.
A closed role's page carries no JobPosting at all.

Where a role is based: its ``country`` (ISO 3166-1 alpha-2; ``HK`` for Hong Kong and
``CN``, in Guangdong, for the Greater Bay Area when none is stored) and its ``city`` when
known, as ``addressLocality``. A remote role is ``TELECOMMUTE`` with the countries its
applicants may live in. An overseas role whose country is not known gets no JobPosting at
all: Google requires a location, and CareerExpo would rather a search engine skip the
role than list it in a country it is not in.
"""

import re

from flask import url_for
from flask_babel import gettext as _
from markupsafe import escape

from careerexpo.core.countries import REGION_COUNTRIES, country_name
from careerexpo.core.enums import Degree, EmploymentType, Level, Region
from careerexpo.core.hktime import to_hk
from careerexpo.jobs.models import Job

# Google's employmentType values. A graduate programme is a full-time job.
EMPLOYMENT_TYPES = {
    EmploymentType.FULL_TIME: "FULL_TIME",
    EmploymentType.PART_TIME: "PART_TIME",
    EmploymentType.CONTRACT: "CONTRACTOR",
    EmploymentType.INTERNSHIP: "INTERN",
    EmploymentType.GRADUATE_PROGRAMME: "FULL_TIME",
}
# Google's credentialCategory values; a sub-degree is Hong Kong's associate degree.
CREDENTIALS = {
    Degree.SUB_DEGREE: "associate degree",
    Degree.BACHELOR: "bachelor degree",
    Degree.MASTER: "postgraduate degree",
    Degree.DOCTORATE: "postgraduate degree",
}
NO_REQUIREMENTS = "no requirements"
# What each level asks for, in months; an entry-level role asks for none.
MONTHS_OF_EXPERIENCE = {Level.MIDDLE: 36, Level.SENIOR: 72, Level.EXECUTIVE: 120}
# The provinces named in an address; other countries' roles name only the country (and city).
ADDRESS_REGIONS = {"HK": "Hong Kong", "CN": "Guangdong"}
HONG_KONG = {"@type": "Country", "name": "Hong Kong"}
MAINLAND = {"@type": "Country", "name": "China"}


def description_paragraphs(text: str) -> list[str]:
    """The description's paragraphs: blocks between blank lines, whatever the line ends."""
    return [p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip()]


def experience_label(level: Level) -> str:
    months = MONTHS_OF_EXPERIENCE.get(Level(level))
    if months is None:
        return _("No experience required")
    return _("At least %(years)s years", years=months // 12)


def employment_label(employment_type: EmploymentType) -> str:
    employment_type = EmploymentType(employment_type)
    if employment_type == EmploymentType.GRADUATE_PROGRAMME:
        return _("%(label)s, full time", label=employment_type.label)
    return employment_type.label


def job_country(job: Job) -> str | None:
    """The country the role is based in: its own, else its region's (HK, CN), else none."""
    return job.country or REGION_COUNTRIES.get(Region(job.region))


def _remote_extra_country(job: Job) -> str | None:
    """A remote role's own country, when it adds one to Hong Kong (and the mainland)."""
    country = job.country
    return country if country and country not in ("HK", "CN") else None


def location_label(job: Job) -> str:
    """Where the role is based, in a sentence (its page, feeds)."""
    city = job.city
    if job.region == Region.HONG_KONG:
        return _("%(city)s, Hong Kong", city=city) if city else _("Hong Kong")
    if job.region == Region.GBA:
        return (_("%(city)s, Guangdong, China (Greater Bay Area)", city=city) if city
                else _("Guangdong, China (Greater Bay Area)"))
    if job.region == Region.OVERSEAS:
        if job.country:
            return _("%(place)s (overseas)", place=_place(city, country_name(job.country)))
        return _("Overseas, outside Hong Kong and the Greater Bay Area")
    extra = _remote_extra_country(job)
    if extra and job.open_to_overseas:
        return _("Fully remote, for applicants in Hong Kong, mainland China, %(country)s or "
                 "elsewhere", country=country_name(extra))
    if extra:
        return _("Fully remote, for applicants in Hong Kong or %(country)s",
                 country=country_name(extra))
    if job.open_to_overseas:
        return _("Fully remote, for applicants in Hong Kong, mainland China or elsewhere")
    return _("Fully remote, for applicants in Hong Kong")


def short_location(job: Job) -> str:
    """Where the role is based, in a few words for a card ("Shenzhen, Greater Bay Area")."""
    if job.region == Region.OVERSEAS and job.country:
        return _place(job.city, country_name(job.country))
    if job.region == Region.REMOTE:
        return job.region.label
    return _place(job.city, job.region.label)


def _place(city: str | None, wider: str) -> str:
    if not city or city.casefold() == wider.casefold():
        return wider
    return _("%(city)s, %(wider)s", city=city, wider=wider)


def has_location(job: Job) -> bool:
    """Whether a JobPosting can say where the role is (Google requires it)."""
    return job.region == Region.REMOTE or job_country(job) is not None


def _location(job: Job) -> dict:
    if job.region == Region.REMOTE:
        # Google needs named countries; "elsewhere" (open to overseas) cannot be listed.
        places = [HONG_KONG, MAINLAND] if job.open_to_overseas else [HONG_KONG]
        if extra := _remote_extra_country(job):
            places.append({"@type": "Country", "name": country_name(extra, "en")})
        return {"jobLocationType": "TELECOMMUTE", "applicantLocationRequirements": places}
    country = job_country(job)
    address = {"@type": "PostalAddress"}
    if job.city:
        address["addressLocality"] = job.city
    if country in ADDRESS_REGIONS:
        address["addressRegion"] = ADDRESS_REGIONS[country]
    address["addressCountry"] = country
    return {"jobLocation": {"@type": "Place", "address": address}}


def _salary(job: Job) -> dict:
    if job.salary_min is None and job.salary_max is None:
        return {}
    value = {"@type": "QuantitativeValue", "unitText": "MONTH"}
    if job.salary_min is not None:
        value["minValue"] = job.salary_min
    if job.salary_max is not None:
        value["maxValue"] = job.salary_max
    return {"baseSalary": {"@type": "MonetaryAmount", "currency": "HKD", "value": value}}


def _requirements(job: Job) -> dict:
    months = MONTHS_OF_EXPERIENCE.get(job.level)
    return {
        "educationRequirements": (
            {"@type": "EducationalOccupationalCredential",
             "credentialCategory": CREDENTIALS[job.degree]}
            if job.degree in CREDENTIALS else NO_REQUIREMENTS),
        "experienceRequirements": (
            {"@type": "OccupationalExperienceRequirements", "monthsOfExperience": months}
            if months else NO_REQUIREMENTS),
    }


def job_posting(job: Job) -> dict | None:
    """The JobPosting of a listed role (callers check ``job.is_listed()`` first); ``None``
    for an overseas role whose country is not known."""
    if not has_location(job):
        return None
    organisation = {"@type": "Organization", "name": job.company.name}
    if job.company.website:
        organisation["sameAs"] = job.company.website
    data = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": job.title,
        "description": "".join(f"<p>{escape(p)}</p>"
                               for p in description_paragraphs(job.description)),
        "datePosted": to_hk(job.posted_at).date().isoformat(),
        "hiringOrganization": organisation,
        "employmentType": EMPLOYMENT_TYPES[job.employment_type],
        "directApply": True,
        "identifier": {"@type": "PropertyValue", "name": job.company.name,
                       "value": str(job.id)},
        "url": url_for("jobs.detail", job_id=job.id, _external=True),
        **_location(job),
        **_salary(job),
        **_requirements(job),
    }
    if job.closes_at:
        data["validThrough"] = to_hk(job.closes_at).isoformat()
    return data
