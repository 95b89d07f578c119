"""/api/openapi.json describes every endpoint of DOMAIN.md and the employer API; /api/docs
shows it with files the app serves itself."""

import re

import pytest

DOMAIN_ENDPOINTS = ["/api/v1/jobs", "/api/v1/jobs/{job_id}", "/api/v1/expos",
                    "/api/v1/expos/{slug}/stats"]
EMPLOYER_OPERATIONS = [
    ("get", "/api/v1/employer/jobs"), ("post", "/api/v1/employer/jobs"),
    ("get", "/api/v1/employer/jobs/{job_id}"), ("patch", "/api/v1/employer/jobs/{job_id}"),
    ("post", "/api/v1/employer/jobs/{job_id}/publish"),
    ("post", "/api/v1/employer/jobs/{job_id}/close"),
    ("get", "/api/v1/employer/jobs/{job_id}/applications"),
    ("get", "/api/v1/employer/applications/{application_id}"),
]


@pytest.fixture
def document(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200 and response.is_json
    return response.get_json()


def test_every_public_endpoint_is_documented_with_its_answers(document):
    assert document["openapi"].startswith("3.")
    for path in DOMAIN_ENDPOINTS:
        responses = document["paths"][path]["get"]["responses"]
        assert "200" in responses, path
    jobs = document["paths"]["/api/v1/jobs"]["get"]
    parameters = {p["name"]: p for p in jobs["parameters"]}
    assert set(parameters) >= {"q", "level", "degree", "region", "area", "function",
                               "employment_type", "open_to_overseas", "company", "expo",
                               "page", "per_page"}
    assert parameters["level"]["schema"]["type"] == "array"  # a filter may repeat
    assert parameters["per_page"]["schema"] == {"type": "integer", "minimum": 1, "maximum": 100}
    assert "400" in jobs["responses"] and "404" in document["paths"][
        "/api/v1/jobs/{job_id}"]["get"]["responses"]


def test_errors_are_documented_with_the_parameter_they_name(document):
    detail = document["components"]["schemas"]["ErrorDetail"]["properties"]
    assert {"status", "message", "parameter"} <= set(detail)
    job = document["components"]["schemas"]["Job"]
    assert {"id", "title", "description", "company", "level", "degree", "region", "area",
            "function", "employment_type", "open_to_overseas", "salary_min", "salary_max",
            "posted_at", "closes_at", "url"} <= set(job["required"])


def test_the_employer_api_is_documented_behind_a_bearer_token(document):
    scheme = document["components"]["securitySchemes"]["bearerAuth"]
    assert scheme == {**scheme, "type": "http", "scheme": "bearer"}
    for method, path in EMPLOYER_OPERATIONS:
        operation = document["paths"][path][method]
        assert operation["security"] == [{"bearerAuth": []}], path
        assert {"401", "429"} <= set(operation["responses"]), path
        if method != "get":
            assert "403" in operation["responses"], path
    create = document["paths"]["/api/v1/employer/jobs"]["post"]
    assert create["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/JobCreate")


def test_the_docs_page_uses_only_the_apps_own_files(client):
    response = client.get("/api/docs")

    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "text/html" in response.content_type
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert sources and all(s.startswith("/") for s in sources), sources
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)  # no inline script
    for path in ("/static/vendor/swagger-ui/swagger-ui-bundle.js",
                 "/static/vendor/swagger-ui/swagger-ui.css", "/static/js/api-docs.js"):
        with client.get(path) as asset:
            assert asset.status_code == 200, path
