"""An expo with two companies' booths, their staff, candidates, and slots to book."""

import threading
from datetime import datetime, time, timedelta

import pytest

from careerexpo.core.hktime import HONG_KONG, today_hk
from careerexpo.meetings import slots
from tests.mailserver import receiving_mail

SLUG = "hk-it-2026"


def tomorrow_at(hour: int, minute: int = 0) -> datetime:
    return datetime.combine(today_hk() + timedelta(days=1), time(hour, minute), tzinfo=HONG_KONG)


class Fair:
    """Acme's booth (staffed by ``staff``) and Globex's (``rival``) at one expo."""

    def __init__(self, make):
        self.acme = make.company(name="Acme Robotics")
        self.globex = make.company(name="Globex")
        self.staff = make.employer(company=self.acme, name="Wong Mei", email="mei@acme.example.com")
        self.rival = make.employer(company=self.globex, name="Lee Ka",
                                   email="ka@globex.example.com")
        self.expo = make.expo(slug=SLUG, name="I&T Career Expo 2026",
                              companies=[self.acme, self.globex])
        self.booth = next(b for b in self.expo.booths if b.company_id == self.acme.id)
        self.rival_booth = next(b for b in self.expo.booths if b.company_id == self.globex.id)
        self.candidate = make.candidate(name="Chan Tai Man", email="chan@example.com")
        self.other = make.candidate(name="Ho Siu Ming", email="ho@example.com")

    def slots(self, count=1, hour=10, minutes=20, booth=None, minute=0):
        return slots.publish(self.staff if booth is None else self.rival,
                             booth or self.booth, tomorrow_at(hour, minute), minutes, count)

    @property
    def slots_url(self):
        return f"/api/v1/expos/{SLUG}/booths/{self.booth.id}/slots"


@pytest.fixture
def fair(make):
    return Fair(make)


@pytest.fixture(autouse=True)
def inbox(app):
    """Every meeting change emails both sides: here they arrive on loopback."""
    with receiving_mail(app, sender="CareerExpo <meetings@careerexpo.test>") as handler:
        yield handler
        settle_emails()


def settle_emails() -> None:
    """Waits for the emails pages and the API send after answering (meetings/notices.py)."""
    for thread in threading.enumerate():
        if thread.name == "meeting-email":
            thread.join(10)
