"""A candidate's profile and CV."""

import io

from careerexpo.candidates.services import profile_for
from careerexpo.core.enums import Degree
from tests.factories import pdf_bytes


def test_candidate_fills_in_a_profile_with_a_cv(client, auth, make):
    candidate = make.candidate()
    auth.login(candidate)
    response = client.post("/me/profile", data={
        "name": "Lee Ka Yan", "headline": "ML engineer", "skills": "Python, PyTorch",
        "highest_degree": "master", "preferred_regions": ["hong_kong", "gba"],
        "cv_file": (io.BytesIO(pdf_bytes(2)), "lee.pdf")}, content_type="multipart/form-data")
    assert response.status_code == 302
    profile = profile_for(candidate)
    assert candidate.name == "Lee Ka Yan" and profile.highest_degree == Degree.MASTER
    assert profile.region_list == ["hong_kong", "gba"] and profile.cv.filename == "lee.pdf"
    page = client.get("/me/profile").get_data(as_text=True)
    assert "lee.pdf" in page and 'checked id="preferred_regions-1"' in page
    with client.get(f"/me/cv/{profile.cv.id}") as download:
        assert download.status_code == 200 and download.data.startswith(b"%PDF-")


def test_a_bad_cv_keeps_the_old_profile(client, auth, make):
    candidate = make.candidate(name="Original")
    auth.login(candidate)
    page = client.post("/me/profile", data={
        "name": "Changed", "cv_file": (io.BytesIO(b"<html>"), "cv.pdf")},
        content_type="multipart/form-data").get_data(as_text=True)
    assert "The file is not a PDF" in page
    assert candidate.name == "Original"


def test_cv_files_are_not_under_static(app, make):
    import os

    cv = make.cv(make.candidate())
    from careerexpo.candidates.services import cv_path

    assert not os.path.abspath(cv_path(cv)).startswith(os.path.abspath(app.static_folder))
    assert app.test_client().get(f"/static/{cv.stored_name}").status_code == 404
