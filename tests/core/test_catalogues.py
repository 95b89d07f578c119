"""The Traditional and Simplified Chinese catalogues: complete, consistent, and used."""

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from tests.conftest import app_on_fresh_database
from tests.factories import company, job

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "careerexpo" / "translations"
LOCALES = ("zh_Hant_HK", "zh_Hans_CN")


def catalogue(locale: str):
    with open(TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po", "rb") as f:
        return read_po(f, locale=locale)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """Every string the code and templates mark for translation, as ``make messages`` finds them."""
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "-q", "extract",
                    "-F", "babel.cfg", "-k", "_l", "-o", str(pot), "."],
                   cwd=ROOT, check=True)
    with open(pot, "rb") as f:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}


@pytest.mark.parametrize("locale", LOCALES)
def test_every_string_is_translated_with_its_placeholders(locale, extracted):
    found = catalogue(locale)
    problems = [f"{m.id!r}: {'; '.join(map(str, errors))}" for m, errors in found.check()]
    assert not problems, problems
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in found if m.id}
    missing = sorted(extracted - ids)
    assert not missing, f"run `make messages` and translate: {missing}"
    untranslated = [m.id for m in found if m.id and (
        m.fuzzy or not (all(m.string) if isinstance(m.string, tuple) else m.string))]
    assert not untranslated, untranslated


def test_the_app_reads_the_catalogues_from_where_make_compiles_them(app):
    assert app.extensions["babel"].translation_directories == [str(TRANSLATIONS)]


@pytest.fixture
def shipped_app(database_template, tmp_path):
    """The app with the shipped catalogues compiled, as ``make`` does, into a scratch folder."""
    for locale in LOCALES:
        folder = tmp_path / "translations" / locale / "LC_MESSAGES"
        folder.mkdir(parents=True)
        with open(folder / "messages.mo", "wb") as out:
            write_mo(out, catalogue(locale))
    with app_on_fresh_database(database_template, tmp_path, SERVER_NAME="careerexpo.test",
                               BABEL_TRANSLATION_DIRECTORIES=str(tmp_path / "translations"),
                               ) as app:
        yield app


@pytest.mark.parametrize("accept, expected", [
    ("zh-HK,zh;q=0.9,en;q=0.5", ["搜尋職位", "職位簡介", "初級", "所有時間均為香港時間。"]),
    ("zh-CN,zh;q=0.9", ["找工作", "职位介绍", "初级", "所有时间均为香港时间。"]),
])
def test_a_chinese_reader_gets_the_role_page_in_their_script(shipped_app, accept, expected):
    role = job(company=company(name="Harbour Robotics"), title="Robotics Engineer 機械人工程師",
               level="entry")
    with shipped_app.app_context():
        page = shipped_app.test_client().get(
            f"/jobs/{role.id}", headers={"Accept-Language": accept}).get_data(as_text=True)
    for text in expected:
        assert text in page
    # What people wrote stays as they wrote it.
    assert "Robotics Engineer 機械人工程師" in page and "Harbour Robotics" in page
