"""Every CSV download comes out of one writer: UTF-8 with a BOM, Hong Kong times, and
nothing a spreadsheet would run, whichever column other people's text lands in."""

import csv
import io
from datetime import UTC, datetime

from careerexpo.core.csv_export import csv_response, csv_text
from careerexpo.extensions import db

FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)",
            "\t=1", "\r=1"]


def read(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff"), "a BOM, so Excel reads the file as UTF-8"
    return list(csv.reader(io.StringIO(text[1:])))


def test_every_formula_in_any_column_is_written_inert():
    rows = read(csv_text(["a", "b"], [["safe", f] for f in FORMULAS]))
    assert [row for row in rows[1:]] == [["safe", "'" + f] for f in FORMULAS]
    # Only the first character makes a formula: text that merely contains one is left be.
    assert read(csv_text(["a"], [["a=b+c"]]))[1] == ["a=b+c"]


def test_numbers_stay_numbers_and_times_read_as_hong_kong_time():
    moment = datetime(2026, 3, 10, 6, 5, tzinfo=UTC)
    rows = read(csv_text(["n", "when", "none"], [[-5, moment, None]]))
    assert rows[1] == ["-5", "2026-03-10T14:05:00+08:00", ""]


def test_a_download_is_private_and_named_safely(app):
    with app.test_request_context():
        response = csv_response('a"b/../c.csv', ["x"], [["軟件"]])
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Content-Disposition"] == 'attachment; filename="a-b-..-c.csv"'
    assert response.mimetype == "text/csv"
    assert read(response.get_data(as_text=True)) == [["x"], ["軟件"]]


def test_a_formula_company_name_is_inert_in_the_live_activity_csv(client, auth, make):
    company = make.company(name=FORMULAS[0])
    expo = make.expo(companies=[company])
    auth.login(make.organiser())

    rows = read(client.get(f"/expos/{expo.slug}/activity.csv").get_data(as_text=True))

    assert rows[1][1] == "'" + FORMULAS[0]


def test_formula_names_emails_and_notes_are_inert_in_the_applicants_csv(client, auth, make):
    employer = make.employer()
    job = make.job(company=employer.company)
    person = make.candidate(name="=cmd|' /C calc'!A0", email="-2+3@example.org")
    application = make.application(job, person, cover_note="@SUM(1+1)")
    application.created_at = datetime(2026, 3, 10, 6, 5, tzinfo=UTC)
    db.session.commit()
    auth.login(employer)

    response = client.get(f"/employer/jobs/{job.id}/applications.csv")

    assert response.headers["Cache-Control"] == "no-store"
    header, row = read(response.get_data(as_text=True))
    got = dict(zip(header, row, strict=True))
    assert got["name"] == "'=cmd|' /C calc'!A0"
    assert got["email"] == "'-2+3@example.org"
    assert got["cover_note"] == "'@SUM(1+1)"
    assert got["applied_at"] == "2026-03-10T14:05:00+08:00"  # as the page shows it


def test_a_formula_expo_name_is_inert_in_the_figures_csv(client, auth, make):
    expo = make.expo(slug="formula", name=FORMULAS[0])
    auth.login(make.organiser())

    rows = read(client.get(f"/expos/{expo.slug}/stats.csv").get_data(as_text=True))

    assert dict((key, value) for key, value, _text in rows[1:])["expo_name"] == "'" + FORMULAS[0]
