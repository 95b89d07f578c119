"""The JSON API's OpenAPI 3 document, made by flask-smorest from the API's own schemas.

``/api/openapi.json`` is the document; ``/api/docs`` shows it with Swagger UI, whose
files the app serves itself (``static/vendor/swagger-ui``), under the site's CSP.
"""

from flask import Blueprint, Flask, render_template
from flask_smorest import Api

# Importing the view modules hangs their views on the API blueprint.
from careerexpo.api import employer, expos, meetings, recommendations, routes  # noqa: F401
from careerexpo.api.blueprint import BEARER, bp
from careerexpo.api.schemas import ErrorSchema

DESCRIPTION = """\
Open roles and expos of CareerExpo, and an API for employers.

Public endpoints need no key. Employer endpoints (`/api/v1/employer/…`) take an API
token made on the employer's **API tokens** page (`/employer/tokens`), sent as
`Authorization: Bearer cxp_…`. A *read* token may only read; a *read and write* token may
also create, change, publish and close roles. Each token is rate-limited.

Meeting endpoints (`/api/v1/meetings…`, booths' slots) go by the session of a signed-in
person instead, as the site's own pages do; their POSTs send the CSRF token of any page
(`<meta name="csrf-token">`) as `X-CSRFToken`.

Errors are JSON: `{"error": {"status", "message", "parameter"}}`, where `parameter`
names the query parameter or body field at fault.
"""

# The document's sections, in this order; every operation names its own.
TAGS = [
    {"name": "Jobs", "description": "Open roles: search with facets, and one role."},
    {"name": "Expos", "description": "Expos and their headline figures."},
    {"name": "Employer", "description": "A company's own roles and applications, with a token."},
    {"name": "Meetings", "description": "Booked one-to-one meetings between candidates and "
                                        "booth staff, for signed-in people (session cookie; "
                                        "a POST sends the page's CSRF token as X-CSRFToken)."},
    {"name": "Matchmaking", "description": "A signed-in job seeker's recommended roles, with "
                                           "reasons, over the session cookie."},
]

docs_bp = Blueprint("api_docs", __name__)


@docs_bp.route("/docs")
def docs():
    return render_template("api/docs.html")


class CareerExpoApi(Api):
    # Documents every error with the shape core/errors.py answers with.
    ERROR_SCHEMA = ErrorSchema

    def _register_error_handlers(self):
        """None: the app's own handler (core/errors.py) answers API errors in JSON."""

    def register_blueprint(self, blp, **options):
        super().register_blueprint(blp, **options)
        # flask-smorest adds a section named after the blueprint; every operation here has
        # its own tag, so that section would stand empty. (apispec keeps tags in _tags.)
        self.spec._tags = [tag for tag in self.spec._tags if tag["name"] != blp.name]


def register(app: Flask) -> None:
    """The API blueprint at /api/v1, its document at /api/openapi.json, and /api/docs."""
    api = CareerExpoApi(app, spec_kwargs={"info": {"description": DESCRIPTION}})
    for tag in TAGS:
        api.spec.tag(tag)
    api.spec.components.security_scheme(
        BEARER, {"type": "http", "scheme": "bearer",
                 "description": "An employer's API token, made at /employer/tokens."})
    api.spec.components.security_scheme(
        recommendations.SESSION, {"type": "apiKey", "in": "cookie", "name": "session",
                                  "description": "Signed in on the site; a POST also sends "
                                                 "the page's CSRF token in X-CSRFToken."})
    api.register_blueprint(bp, url_prefix="/api/v1")
    app.register_blueprint(docs_bp, url_prefix="/api")
