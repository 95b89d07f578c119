"""Generated expo data in known proportions, with every created row kept as plain values.

The tests compute what each figure should be by straightforward Python over
these values, independently of the SQL in careerexpo/stats/services.py.
"""

import random
from dataclasses import dataclass, field
from datetime import timedelta

import pytest

from careerexpo.core.database import utcnow
from careerexpo.core.enums import Area, Degree, Function, JobState, Level, Region
from tests import factories

OFFICE_CHOICES = [("hong_kong",), ("hong_kong", "gba"), ("hong_kong", "overseas"),
                  ("gba",), ("overseas",), ("hong_kong", "gba", "overseas")]


@dataclass
class World:
    """An expo with exhibitors and their jobs, plus jobs that must not count."""

    expo: object
    other_expo: object
    # name -> {"programme": str | None, "offices": set[str]}; exhibitors at ``expo`` only
    exhibitors: dict = field(default_factory=dict)
    # every job made, counted or not: {"company", "state", "level", …}
    jobs: list = field(default_factory=list)

    def counted_jobs(self, area=None, programme="any"):
        """The jobs the figures are over: open, of an exhibitor, optionally filtered."""
        return [j for j in self.jobs
                if j["company"] in self.exhibitors and j["state"] == "open"
                and (area is None or j["area"] == area)
                and (programme == "any"
                     or self.exhibitors[j["company"]]["programme"] == programme)]

    def counted_companies(self, area=None, programme="any"):
        names = [n for n, c in self.exhibitors.items()
                 if programme == "any" or c["programme"] == programme]
        if area is not None:
            with_area = {j["company"] for j in self.counted_jobs(area=area)}
            names = [n for n in names if n in with_area]
        return names


def _make_job(world: World, company, rng: random.Random, state: str, **forced):
    values = {
        "level": rng.choice(Level.keys()), "degree": rng.choice(Degree.keys()),
        "region": rng.choice(Region.keys()), "area": rng.choice(Area.keys()[:6]),
        "function": rng.choice(Function.keys()), "open_to_overseas": rng.random() < 0.7,
    }
    values.update(forced)
    factories.job(company=company, state=JobState(state), title=f"Role {len(world.jobs)}",
                  **values)
    world.jobs.append({"company": company.name, "state": state, **values})


def build_world(seed: int = 2022, companies: int = 14) -> World:
    """About 70 jobs of 14 exhibitors in random but known proportions, and distractors."""
    rng = random.Random(seed)
    outsiders = [factories.company(name=f"Outsider {i}") for i in range(2)]
    other_expo = factories.expo(slug="other-expo", companies=outsiders,
                                starts_on=utcnow().date() - timedelta(days=400),
                                ends_on=utcnow().date() - timedelta(days=394))
    exhibitors = []
    world = World(expo=None, other_expo=other_expo)
    for i in range(companies):
        programme = rng.choice(["innohk", "innopark", None, None])
        offices = rng.choice(OFFICE_CHOICES)
        company = factories.company(name=f"Exhibitor {i:02d}", programme=programme,
                                    offices=offices)
        exhibitors.append(company)
        world.exhibitors[company.name] = {"programme": programme, "offices": set(offices)}
    # One exhibitor stays without jobs: it still counts as a company.
    world.expo = factories.expo(slug="hk-it-2026", name="I&T Career Expo 2026",
                                companies=exhibitors + [factories.company(name="Quiet Booth")])
    world.exhibitors["Quiet Booth"] = {"programme": None, "offices": {"hong_kong"}}
    for company in exhibitors[:-1]:
        for _ in range(rng.randint(2, 9)):
            state = rng.choices(["open", "draft", "closed"], weights=[8, 1, 1])[0]
            _make_job(world, company, rng, state)
    # Past its closing date but still open: an expo's figures keep it.
    _make_job(world, exhibitors[0], rng, "open", closes_at=utcnow() - timedelta(days=3))
    # Jobs that must never count: no booth here, or only at the other expo.
    for company in outsiders + [factories.company(name="No Booth Anywhere")]:
        for _ in range(3):
            _make_job(world, company, rng, "open")
    return world


@pytest.fixture
def world(app) -> World:
    return build_world()


@pytest.fixture
def organiser_client(client, auth, make):
    auth.login(make.organiser())
    return client
