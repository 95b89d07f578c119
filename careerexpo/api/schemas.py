"""How CareerExpo objects look in JSON (DOMAIN.md: "A job in JSON")."""

from datetime import datetime

from flask import url_for

from careerexpo.jobs.models import Job


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def job_json(job: Job) -> dict:
    return {
        "id": job.id,
        "title": job.title,
        "description": job.description,
        "company": {"id": job.company.id, "name": job.company.name},
        "level": job.level.value,
        "degree": job.degree.value,
        "region": job.region.value,
        "area": job.area.value,
        "function": job.function.value,
        "employment_type": job.employment_type.value,
        "open_to_overseas": job.open_to_overseas,
        "salary_min": job.salary_min,
        "salary_max": job.salary_max,
        "state": job.state.value,
        "posted_at": _iso(job.posted_at),
        "closes_at": _iso(job.closes_at),
        "url": url_for("jobs.detail", job_id=job.id, _external=True),
    }
