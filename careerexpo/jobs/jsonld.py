"""schema.org JobPosting for a listed role, as Google's job search guidelines ask for it.

Every value marked up here is also on the role's page (``jobs/detail.html``), and the
page's wording of it comes from this module too (``location_label``,
``experience_label``, ``employment_label``, ``description_paragraphs``), so the two cannot disagree.
A closed role's page carries no JobPosting at all.

Where a role is based: Hong Kong is ``HK``; a Greater Bay Area role is in Guangdong,
``CN`` (CareerExpo does not record which of the nine mainland cities); a remote role is
``TELECOMMUTE`` with the places its applicants may live. An overseas role has no
``jobLocation``: the data names no country, and CareerExpo would rather a search engine
skip the role than list it in a country it is not in.
"""

import re

from flask import url_for
from flask_babel import gettext as _
from markupsafe import escape

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
ADDRESSES = {
    Region.HONG_KONG: {"addressRegion": "Hong Kong", "addressCountry": "HK"},
    Region.GBA: {"addressRegion": "Guangdong", "addressCountry": "CN"},
}
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


def location_label(job: Job) -> str:
    if job.region == Region.HONG_KONG:
        return _("Hong Kong")
    if job.region == Region.GBA:
        return _("Guangdong, China (Greater Bay Area)")
    if job.region == Region.OVERSEAS:
        return _("Overseas, outside Hong Kong and the Greater Bay Area")
    if job.open_to_overseas:
        return _("Fully remote, for applicants in Hong Kong, mainland China or elsewhere")
    return _("Fully remote, for applicants in Hong Kong")


def _location(job: Job) -> dict:
    if job.region == Region.REMOTE:
        # Google needs named countries; "elsewhere" (open to overseas) cannot be listed.
        places = [HONG_KONG, MAINLAND] if job.open_to_overseas else [HONG_KONG]
        return {"jobLocationType": "TELECOMMUTE", "applicantLocationRequirements": places}
    if job.region in ADDRESSES:
        return {"jobLocation": {"@type": "Place", "address": {
            "@type": "PostalAddress", **ADDRESSES[job.region]}}}
    return {}


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


def job_posting(job: Job) -> dict:
    """The JobPosting of a listed role (callers check ``job.is_listed()`` first)."""
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
        "url": url_for("jobs.detail", job_id=job.id, _external=True),
        **_location(job),
        **_salary(job),
        **_requirements(job),
    }
    if job.closes_at:
        data["validThrough"] = to_hk(job.closes_at).isoformat()
    return data
