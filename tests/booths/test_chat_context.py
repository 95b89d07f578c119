"""Applying from the chat panel, and what staff see of the candidate they chat with."""

from careerexpo.applications.models import Application
from careerexpo.chat.models import Conversation
from careerexpo.extensions import db


def setup(make, share=True):
    employer = make.employer()
    job = make.job(company=employer.company, title="Data Engineer")
    expo = make.expo(companies=[employer.company])
    booth = expo.booths.first()
    candidate = make.candidate(name="Chan Mei")
    conversation = Conversation(booth_id=booth.id, candidate_id=candidate.id,
                                share_profile=share)
    db.session.add(conversation)
    db.session.commit()
    return employer, job, expo, booth, candidate, conversation


def test_a_candidate_applies_from_the_chat_panel_with_the_profile_cv(client, auth, make):
    from careerexpo.candidates.services import profile_for, update_profile

    employer, job, expo, booth, candidate, _c = setup(make)
    auth.login(candidate)
    url = f"/expos/{expo.slug}/booths/{booth.id}/apply/{job.id}"
    refused = client.post(url)
    assert refused.status_code == 400 and "Add a CV" in refused.get_json()["error"]
    update_profile(candidate, "Chan Mei", "", "", None, [], cv=make.cv(candidate))
    answer = client.post(url).get_json()
    assert answer["ok"] and "Data Engineer" in answer["message"]
    (application,) = db.session.query(Application).all()
    assert application.cv_id == profile_for(candidate).cv_id
    assert client.post(url).get_json()["ok"] is False
    other_job = make.job(title="Elsewhere")
    assert client.post(f"/expos/{expo.slug}/booths/{booth.id}/apply/{other_job.id}"
                       ).status_code == 404


def test_staff_see_applications_and_a_shared_profile_with_its_cv(client, auth, make):
    from careerexpo.candidates.services import update_profile

    employer, job, expo, booth, candidate, conversation = setup(make, share=True)
    update_profile(candidate, "Chan Mei", "ML engineer", "Python", "master", [],
                   cv=make.cv(candidate))
    make.application(job, candidate)
    auth.login(employer)
    base = f"/expos/{expo.slug}/booths/{booth.id}/conversations/{conversation.id}"
    data = client.get(base + "/context").get_json()
    assert data["candidate"]["name"] == "Chan Mei"
    assert [a["job"] for a in data["applications"]] == ["Data Engineer"]
    assert data["profile"]["headline"] == "ML engineer"
    with client.get(data["profile"]["cv_url"]) as cv:
        assert cv.status_code == 200 and cv.data.startswith(b"%PDF-")


def test_an_unshared_profile_stays_private(client, auth, make):
    from careerexpo.candidates.services import update_profile

    employer, _job, expo, booth, candidate, conversation = setup(make, share=False)
    update_profile(candidate, "Chan Mei", "secret headline", "", None, [], cv=make.cv(candidate))
    auth.login(employer)
    base = f"/expos/{expo.slug}/booths/{booth.id}/conversations/{conversation.id}"
    data = client.get(base + "/context").get_json()
    assert "profile" not in data and "secret headline" not in str(data)
    assert client.get(base + "/cv").status_code == 404


def test_other_companies_see_nothing_of_the_conversation(client, auth, make):
    _employer, _job, expo, booth, _candidate, conversation = setup(make)
    auth.login(make.employer())
    base = f"/expos/{expo.slug}/booths/{booth.id}/conversations/{conversation.id}"
    assert client.get(base + "/context").status_code == 404
    assert client.get(base + "/cv").status_code == 404
