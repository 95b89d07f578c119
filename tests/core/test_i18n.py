"""Pages speak the visitor's language once a catalogue for it is installed."""

import re
from datetime import UTC, datetime

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from markupsafe import escape

from tests.conftest import app_on_fresh_database
from tests.factories import PASSWORD, company, employer, job

CATALOGUE = {
    "Find jobs": "搵工",
    "About %(company)s": "關於%(company)s",
    ("%(num)s role", "%(num)s roles"): ("%(num)s個職位", "%(num)s個職位"),
    "Entry level": "初級",
    "Minimum degree": "最低學歷",
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


def test_labels_and_form_choices_follow_the_language_of_each_request(zh_app):
    job(title="Robotics Engineer", level="entry")
    chinese = page(zh_app, "/jobs?lang=zh_Hant_HK")
    assert "<legend>最低學歷</legend>" in chinese
    assert "初級" in chinese
    assert "<legend>Minimum degree</legend>" in page(zh_app, "/jobs?lang=en")

    # Form choices are declared once, at import, yet shown in each visitor's language.
    boss = employer()
    client = zh_app.test_client()
    with zh_app.app_context():
        client.post("/auth/login", data={"email": boss.email, "password": PASSWORD})
    for lang, label in (("zh_Hant_HK", "初級"), ("en", "Entry level")):
        with zh_app.app_context():
            form = client.get(f"/employer/jobs/new?lang={lang}").get_data(as_text=True)
        assert f'<option value="entry">{label}</option>' in form


def test_dates_are_written_each_languages_way_in_hong_kong_time(zh_app):
    from careerexpo.extensions import db

    role = job(title="Robotics Engineer")
    role.posted_at = datetime(2026, 3, 31, 20, 0, tzinfo=UTC)  # 1 April in Hong Kong
    db.session.commit()
    for lang, written in (("en", "1 Apr 2026"), ("zh_Hant_HK", "2026年4月1日"),
                          ("en", "1 Apr 2026")):
        assert written in page(zh_app, f"/jobs?q=robotics&lang={lang}")

    role.closes_at = datetime(2036, 12, 31, 15, 59, 59, tzinfo=UTC)  # the last second, HK
    db.session.commit()
    for lang, written in (("en", "31 Dec 2036, 11:59 PM"),
                          ("zh_Hant_HK", "2036年12月31日 下午11:59"),
                          ("en", "31 Dec 2036, 11:59 PM")):
        assert str(escape(written)) in page(zh_app, f"/jobs/{role.id}?lang={lang}")


def test_a_string_without_placeholders_is_shown_as_written(app):
    from flask import render_template_string

    with app.test_request_context("/"):
        assert render_template_string("{{ _('R&D <labs>') }}") == "R&D <labs>"
        assert render_template_string("{{ _('Up 5%% (was 4%%)') }}") == "Up 5% (was 4%)"
        assert render_template_string("{{ _('%(n)s%%', n=70) }}") == "70%"


def test_counts_are_grouped_the_way_the_locale_writes_them(app):
    from careerexpo.core.i18n import _thousands_separator, whole_number

    with app.test_request_context("/?lang=zh_Hant_HK"):
        assert whole_number(1234567) == "1,234,567"
        assert whole_number(-4500) == "-4,500"
        assert whole_number(12.5) == "12.5"
    assert _thousands_separator("de_DE") == "."
    # Grouped otherwise (12,34,567): left to Babel.
    assert _thousands_separator("hi_IN") is None


def test_a_visitor_switches_language_from_any_page_and_it_sticks(zh_app):
    role = job(title="Robotics Engineer")
    client = zh_app.test_client()
    with zh_app.app_context():
        english = client.get(f"/jobs/{role.id}").get_data(as_text=True)
    assert '<span lang="en" aria-current="true">English</span>' in english
    link = re.search(r'<a href="([^"]+)" lang="zh-Hant-HK" hreflang="zh-Hant-HK">繁體中文</a>',
                     english).group(1).replace("&amp;", "&")

    with zh_app.app_context():
        switched = client.get(link)
    assert switched.status_code == 302
    assert switched.headers["Location"] == f"/jobs/{role.id}"
    with zh_app.app_context():
        chinese = client.get(f"/jobs/{role.id}").get_data(as_text=True)
    assert '<html lang="zh-Hant-HK">' in chinese and "搵工" in chinese
    assert '<span lang="zh-Hant-HK" aria-current="true">繁體中文</span>' in chinese


@pytest.mark.parametrize("target", ["//evil.example/", "/\\evil.example/",
                                    "https://evil.example/", "javascript:alert(1)"])
def test_the_language_link_never_leads_off_site(client, target):
    response = client.get("/language/zh_Hans_CN", query_string={"next": target})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert "lang=zh_Hans_CN" in response.headers["Set-Cookie"]


def test_an_unknown_language_is_not_found(client):
    response = client.get("/language/klingon?next=/jobs")
    assert response.status_code == 404
    assert "Set-Cookie" not in response.headers or "lang=" not in response.headers["Set-Cookie"]


@pytest.mark.parametrize("accept, chosen", [
    ("zh-HK,zh;q=0.8", "zh_Hant_HK"),
    ("zh-TW", "zh_Hant_HK"),
    ("zh-Hant", "zh_Hant_HK"),
    ("zh-CN,zh;q=0.9,en;q=0.8", "zh_Hans_CN"),
    ("zh-SG", "zh_Hans_CN"),
    ("zh", "zh_Hans_CN"),
    ("en-GB,en;q=0.9", "en"),
    ("fr-FR,fr;q=0.9,zh-TW;q=0.5", "zh_Hant_HK"),
    ("fr, de", "en"),
    ("x-klingon, ;;;, *", "en"),
])
def test_the_browser_language_picks_the_chinese_script_its_reader_reads(app, accept, chosen):
    from careerexpo.core.i18n import select_locale

    with app.test_request_context("/", headers={"Accept-Language": accept}):
        assert select_locale() == chosen
