"""A candidate's recommended roles: ranked by their profile, explained, and never a role
they applied to or dismissed."""

import pytest

from careerexpo.applications.services import save_job
from careerexpo.core.enums import JobState
from careerexpo.matchmaking.recommendations import PER_COMPANY, recommendations
from tests.matchmaking.helpers import wanting


def _ids(items):
    return [r.job.id for r in items]


def _reasons(client, job_id):
    data = client.get("/api/v1/me/recommendations").get_json()
    return next(item["reasons"] for item in data["items"] if item["job"]["id"] == job_id)


def test_roles_asking_for_the_candidates_skills_come_first_with_the_reasons(make, client, auth):
    data = make.job(title="Data Engineer", description="Python and SQL pipelines on Spark.")
    make.job(title="Sales Manager", description="Sell our products.", level="senior",
             function="business")
    candidate = wanting(make, skills="Python, SQL, Rust", levels=["entry"])

    auth.login(candidate)
    body = client.get("/api/v1/me/recommendations").get_json()

    assert body["items"][0]["job"]["id"] == data.id
    assert 0 < body["items"][0]["score"] <= 1
    assert {"kind": "skill", "text": "Python and SQL in what the role asks for"} in \
        body["items"][0]["reasons"]
    assert {"kind": "level", "text": "Entry level, as you asked"} in body["items"][0]["reasons"]
    assert all(r["kind"] in {"skill", "text", "level", "degree", "region", "area", "function"}
               for item in body["items"] for r in item["reasons"])


def test_a_simplified_chinese_skill_finds_a_traditional_chinese_role(make, client, auth):
    role = make.job(title="數據分析師", description="負責機器學習模型及數據分析。")
    make.job(title="Office Manager", description="Run the office.", function="operations")
    candidate = wanting(make, skills="机器学习", headline="资深数据分析师")

    auth.login(candidate)
    reasons = _reasons(client, role.id)

    assert {"kind": "skill", "text": "机器学习 in what the role asks for"} in reasons
    assert any(r["kind"] == "text" and "数据分析师" in r["text"] for r in reasons)


def test_reasons_are_in_the_persons_language(app, make, client, auth):
    role = make.job(title="Data Engineer", description="Python pipelines.")
    candidate = wanting(make, skills="Python", levels=["entry"])
    auth.login(candidate)

    with app.app_context():
        body = client.get("/api/v1/me/recommendations",
                          headers={"Accept-Language": "zh-HK"}).get_json()
    texts = [r["text"] for r in body["items"][0]["reasons"]]
    assert body["items"][0]["job"]["id"] == role.id
    assert texts == ["Python：職位要求的技能", "初級，如你所求"]


def test_dismissed_roles_are_gone_for_good(make, client, auth, app):
    one = make.job(title="Python Developer")
    other = make.job(title="Python Engineer")
    candidate = wanting(make, skills="Python")
    auth.login(candidate)

    response = client.post(f"/api/v1/me/recommendations/{one.id}/dismiss")

    assert response.status_code == 204
    assert _ids(recommendations(candidate.id)) == [other.id]
    assert client.post("/api/v1/me/recommendations/999999/dismiss").status_code == 404


def test_roles_applied_to_closed_or_drafts_are_never_recommended(make):
    applied = make.job(title="Python Developer")
    make.job(title="Python Intern", state=JobState.DRAFT)
    make.job(title="Python Lead", state=JobState.CLOSED)
    open_one = make.job(title="Python Engineer")
    candidate = wanting(make, skills="Python")
    make.application(applied, candidate)

    assert _ids(recommendations(candidate.id)) == [open_one.id]


def test_no_company_fills_more_than_its_share(make):
    popular = make.company(name="Popular Ltd")
    small = make.company(name="Small Ltd")
    for n in range(PER_COMPANY + 3):
        make.job(company=popular, title=f"Python Engineer {n}",
                 description="Python, Django, SQL and more Python.")
    niche = make.job(company=small, title="Analyst", description="Some Python.")
    candidate = wanting(make, skills="Python")

    items = recommendations(candidate.id)

    assert sum(r.job.company_id == popular.id for r in items) == PER_COMPANY
    assert niche.id in _ids(items)


def test_an_expo_narrows_to_its_companies(make, client, auth):
    there = make.company()
    elsewhere = make.company()
    expo = make.expo(companies=[there])
    inside = make.job(company=there, title="Python Engineer")
    make.job(company=elsewhere, title="Python Engineer")
    candidate = wanting(make, skills="Python")
    auth.login(candidate)

    body = client.get(f"/api/v1/me/recommendations?expo={expo.slug}").get_json()

    assert [i["job"]["id"] for i in body["items"]] == [inside.id]
    assert body["items"][0]["booth"]["id"] == expo.booths[0].id
    assert client.get("/api/v1/me/recommendations?expo=nope").status_code == 404


def test_an_empty_profile_gets_none_and_saved_roles_count(make):
    saved = make.job(title="Quantitative Researcher")
    similar = make.job(title="Quantitative Analyst")
    candidate = wanting(make)
    assert recommendations(candidate.id) == []

    save_job(candidate, saved)

    items = recommendations(candidate.id)
    assert similar.id in _ids(items)
    reason = next(r for r in items if r.job.id == similar.id).reasons[0]
    assert reason.kind == "text" and reason.values == {"title": saved.title, "how": "saved"}


@pytest.mark.parametrize("path,method", [("/api/v1/me/recommendations", "get"),
                                         ("/api/v1/me/recommendations/1/dismiss", "post")])
def test_the_api_wants_a_signed_in_candidate(make, client, auth, path, method):
    assert getattr(client, method)(path).status_code == 401
    auth.login(make.employer())
    assert getattr(client, method)(path).status_code == 403


def test_the_endpoints_are_in_the_openapi_document(client):
    document = client.get("/api/openapi.json").get_json()

    listing = document["paths"]["/api/v1/me/recommendations"]["get"]
    dismiss = document["paths"]["/api/v1/me/recommendations/{job_id}/dismiss"]["post"]
    assert listing["security"] == [{"sessionCookie": []}]
    assert set(listing["responses"]) >= {"200", "401", "403", "404"}
    assert set(dismiss["responses"]) >= {"204", "401", "403", "404"}
    reason = document["components"]["schemas"]["Reason"]["properties"]["kind"]
    assert reason["enum"] == ["skill", "text", "level", "area", "function", "region", "degree"]


def test_dismissing_over_the_api_needs_the_pages_csrf_token(app, make, client, auth):
    role = make.job(title="Python Engineer")
    auth.login(wanting(make, skills="Python"))
    app.config["WTF_CSRF_ENABLED"] = True  # as in production, once signed in
    page = client.get("/me/recommendations").get_data(as_text=True)
    token = page.split('name="csrf-token" content="')[1].split('"')[0]

    assert client.post(f"/api/v1/me/recommendations/{role.id}/dismiss").status_code == 400
    assert client.post(f"/api/v1/me/recommendations/{role.id}/dismiss",
                       headers={"X-CSRFToken": token}).status_code == 204


def test_roles_that_share_no_word_are_found_by_what_else_was_asked(make):
    fintech = make.job(title="Payments Analyst", area="fintech", level="middle")
    make.job(title="Lab Technician", area="biotech", level="senior")
    candidate = wanting(make, skills="Basket weaving", areas=["fintech"])

    items = recommendations(candidate.id)

    assert _ids(items) == [fintech.id]
    assert [r.kind for r in items[0].reasons] == ["area"]
