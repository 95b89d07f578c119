"""schema.org JobPosting for a listed role, as search engines read it."""

from flask import url_for
from markupsafe import escape

from careerexpo.core.enums import Degree, EmploymentType, Level, Region
from careerexpo.jobs.models import Job

EMPLOYMENT_TYPES = {
    EmploymentType.FULL_TIME: "FULL_TIME",
    EmploymentType.PART_TIME: "PART_TIME",
    EmploymentType.CONTRACT: "CONTRACTOR",
    EmploymentType.INTERNSHIP: "INTERN",
    EmploymentType.GRADUATE_PROGRAMME: "FULL_TIME",
}
EDUCATION = {
    Degree.SUB_DEGREE: "associate degree",
    Degree.BACHELOR: "bachelor degree",
    Degree.MASTER: "postgraduate degree",
    Degree.DOCTORATE: "postgraduate degree",
}
EXPERIENCE_MONTHS = {Level.ENTRY: 0, Level.MIDDLE: 36, Level.SENIOR: 72, Level.EXECUTIVE: 120}
ADDRESSES = {
    Region.HONG_KONG: {"addressRegion": "Hong Kong", "addressCountry": "HK"},
    Region.GBA: {"addressRegion": "Guangdong", "addressCountry": "CN"},
    Region.OVERSEAS: {"addressCountry": "HK"},
}


def job_posting(job: Job) -> dict:
    description = "".join(f"<p>{escape(p)}</p>" for p in job.description.split("\n\n") if p.strip())
    data = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": job.title,
        "description": description,
        "datePosted": job.posted_at.date().isoformat() if job.posted_at else None,
        "employmentType": EMPLOYMENT_TYPES[job.employment_type],
        "hiringOrganization": {"@type": "Organization", "name": job.company.name,
                               "sameAs": job.company.website or None},
        "identifier": {"@type": "PropertyValue", "name": job.company.name, "value": str(job.id)},
        "directApply": True,
        "url": url_for("jobs.detail", job_id=job.id, _external=True),
        "experienceRequirements": {
            "@type": "OccupationalExperienceRequirements",
            "monthsOfExperience": EXPERIENCE_MONTHS[job.level],
        },
    }
    if job.degree in EDUCATION:
        data["educationRequirements"] = {"@type": "EducationalOccupationalCredential",
                                         "credentialCategory": EDUCATION[job.degree]}
    if job.closes_at:
        data["validThrough"] = job.closes_at.isoformat()
    if job.region == Region.REMOTE:
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = {"@type": "Country", "name": "Hong Kong"}
    else:
        data["jobLocation"] = {"@type": "Place", "address": {"@type": "PostalAddress",
                                                             **ADDRESSES[job.region]}}
    if job.salary_min is not None or job.salary_max is not None:
        value = {"@type": "QuantitativeValue", "unitText": "MONTH"}
        if job.salary_min is not None:
            value["minValue"] = job.salary_min
        if job.salary_max is not None:
            value["maxValue"] = job.salary_max
        data["baseSalary"] = {"@type": "MonetaryAmount", "currency": "HKD", "value": value}
    return {k: v for k, v in data.items() if v is not None}
