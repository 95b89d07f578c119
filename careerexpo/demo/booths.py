"""Booth dressing for the demo expo: taglines and a day of presentations around now.

A visitor to a fresh demo finds one presentation live and more coming up.
"""

import random
from datetime import timedelta

from careerexpo.booths.models import Booth
from careerexpo.core.database import utcnow
from careerexpo.presentations.models import Presentation

TALKS = [
    ("A day in our lab", "Meet the team and see what a first year here looks like."),
    ("How we hire graduates", "Our process, from application to offer, and tips for each step."),
    ("From Science Park to the Greater Bay Area",
     "Why we opened in Shenzhen, and what it means for your career."),
    ("Building products with AI", "How our engineers take models from research to production."),
    ("Ask our founders anything", "An open Q&A with the people who started the company."),
    ("Internships explained", "What interns do here, and how many stay on afterwards."),
]


def dress_booths(booths: list[Booth], rng: random.Random, talks: int = 12) -> list[Presentation]:
    """Gives every booth a tagline and a few booths presentations; returns the presentations."""
    for booth in booths:
        first = (booth.company.description or "").split(". ")[0].strip().rstrip(".")
        booth.tagline = first[:200]
    now = utcnow().replace(minute=0, second=0, microsecond=0)
    presentations = []
    for i, booth in enumerate(rng.sample(booths, min(talks, len(booths)))):
        title, abstract = TALKS[i % len(TALKS)]
        presentations.append(Presentation(
            booth=booth, title=title, abstract=abstract,
            # One already running, the rest through the next two days.
            starts_at=now + timedelta(hours=4 * i - (1 if i == 0 else 0)),
            duration_minutes=rng.choice([30, 45, 60]) if i else 120,
            stream_url="https://stream.example.org/careerexpo-demo"))
    return presentations
