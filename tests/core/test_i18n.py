"""Pages speak the visitor's language once a catalogue for it is installed."""

import re

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from tests.conftest import app_on_fresh_database
from tests.factories import company, job

CATALOGUE = {
    "Find jobs": "搵工",
    "About %(company)s": "關於%(company)s",
    ("%(num)s role", "%(num)s roles"): ("%(num)s個職位", "%(num)s個職位"),
}


@pytest.fixture
def zh_app(database_template, tmp_path):
    catalog = Catalog(locale="zh_Hant_HK")
    for msgid, msgstr in CATALOGUE.items():
        catalog.add(msgid, msgstr)
    folder = tmp_path / "translations" / "zh_Hant_HK" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with open(folder / "messages.mo", "wb") as out:
        write_mo(out, catalog)
    with app_on_fresh_database(database_template, tmp_path, SERVER_NAME="careerexpo.test",
                               BABEL_TRANSLATION_DIRECTORIES=str(tmp_path / "translations"),
                               ) as app:
        yield app


def page(app, path: str) -> str:
    # Its own app context, as in production: the tests' shared one would carry the
    # first request's locale into the next.
    with app.app_context():
        return app.test_client().get(path).get_data(as_text=True)


def test_a_page_uses_the_chosen_language_and_escapes_what_it_fills_in(zh_app):
    role = job(company=company(name="R&D <Labs>"), title="Robotics Engineer")
    chinese = page(zh_app, f"/jobs/{role.id}?lang=zh_Hant_HK")
    assert "搵工" in chinese
    assert "關於R&amp;D &lt;Labs&gt;" in chinese
    # Strings the catalogue lacks stay in English.
    assert "About the role" in chinese

    english = page(zh_app, f"/jobs/{role.id}?lang=en")
    assert "Find jobs" in english and "搵工" not in english
    assert "About R&amp;D &lt;Labs&gt;" in english


def test_plural_strings_follow_the_catalogue_and_the_count(zh_app):
    job(title="Robotics Engineer")
    job(title="Robotics Technician")
    assert "2個職位" in page(zh_app, "/jobs?q=robotics&lang=zh_Hant_HK")
    assert "2 roles" in page(zh_app, "/jobs?q=robotics&lang=en")
    assert re.search(r"\b1 role\s", page(zh_app, "/jobs?q=technician&lang=en"))
