"""How CareerExpo objects look in JSON (DOMAIN.md: "A job in JSON").

These marshmallow schemas both write the API's answers and describe them in the
OpenAPI document, so the document cannot drift from what is sent.
"""

from flask import url_for
from marshmallow import Schema, fields, validate

from careerexpo.core.enums import FACETS, JobState
from careerexpo.core.pagination import MAX_PAGE
from careerexpo.jobs.search import MAX_PER_PAGE, SORTS

# Path ids: 32-bit and positive, so a huge number is a 404, never a database error.
ID = "int(min=1, max=2147483647)"


def _enum(enum_cls, **kwargs):
    return fields.Enum(enum_cls, by_value=True, required=True, **kwargs)


class ErrorDetailSchema(Schema):
    status = fields.Integer(required=True, metadata={"description": "The HTTP status."})
    message = fields.String(required=True, metadata={"description": "What went wrong."})
    parameter = fields.String(metadata={
        "description": "The query parameter or body field at fault, when there is one."})
    fields_ = fields.Dict(
        data_key="fields", keys=fields.String(), values=fields.List(fields.String()),
        metadata={"description": "Every invalid body field with its messages."})


class ErrorSchema(Schema):
    """Every error: ``{"error": {"status", "message", "parameter"?}}``."""

    error = fields.Nested(ErrorDetailSchema, required=True)


class CompanyRefSchema(Schema):
    id = fields.Integer(required=True)
    name = fields.String(required=True)


class JobSchema(Schema):
    """A role, as the public API and the employer API send it."""

    id = fields.Integer(required=True)
    title = fields.String(required=True)
    description = fields.String(required=True, metadata={"description": "Plain text."})
    company = fields.Nested(CompanyRefSchema, required=True)
    level = _enum(FACETS["level"])
    degree = _enum(FACETS["degree"], metadata={"description": "The minimum degree asked."})
    region = _enum(FACETS["region"], metadata={"description": "Where the role is based."})
    area = _enum(FACETS["area"])
    function = _enum(FACETS["function"])
    employment_type = _enum(FACETS["employment_type"])
    country = fields.String(required=True, allow_none=True, metadata={
        "description": "ISO 3166-1 alpha-2 code of the country the role is based in "
                       "(HK for hong_kong, CN for gba; null when an overseas or remote "
                       "role does not say)."})
    city = fields.String(required=True, allow_none=True, metadata={
        "description": "The city the role is based in, when known."})
    open_to_overseas = fields.Boolean(required=True, metadata={
        "description": "Open to overseas and Greater Bay Area talent."})
    salary_min = fields.Integer(required=True, allow_none=True,
                                metadata={"description": "Monthly, in HKD."})
    salary_max = fields.Integer(required=True, allow_none=True,
                                metadata={"description": "Monthly, in HKD."})
    state = _enum(JobState)
    posted_at = fields.AwareDateTime(required=True, allow_none=True)
    closes_at = fields.AwareDateTime(required=True, allow_none=True, metadata={
        "description": "After this moment the role takes no new applications."})
    url = fields.Method("public_url", required=True,
                        metadata={"type": "string", "format": "uri",
                                  "description": "The role's page."})

    def public_url(self, obj) -> str:
        return url_for("jobs.detail", job_id=self.get_attribute(obj, "id", None),
                       _external=True)


def job_json(job) -> dict:
    return JobSchema().dump(job)


class FacetsSchema(Schema):
    """Counts over the whole result set, for every value of every filter."""

    class Meta:
        include = {
            name: fields.Dict(keys=fields.String(validate=validate.OneOf(enum_cls.keys())),
                              values=fields.Integer(), required=True)
            for name, enum_cls in FACETS.items()
        }

    open_to_overseas = fields.Dict(keys=fields.String(validate=validate.OneOf(["true", "false"])),
                                   values=fields.Integer(), required=True)


class JobListSchema(Schema):
    items = fields.List(fields.Nested(JobSchema), required=True)
    total = fields.Integer(required=True, metadata={"description": "Matching open roles."})
    page = fields.Integer(required=True)
    per_page = fields.Integer(required=True)
    facets = fields.Nested(FacetsSchema, required=True)


def _or_empty(keys) -> validate.OneOf:
    # An empty value means no filter, as a form with nothing chosen sends it.
    return validate.OneOf([*keys, ""])


class JobQueryArgsSchema(Schema):
    """The query of GET /api/v1/jobs, for the document; ``JobQuery.from_args`` reads it.

    An empty value is the same as leaving the parameter out.
    """

    class Meta:
        include = {
            name: fields.List(fields.String(validate=_or_empty(enum_cls.keys())),
                              metadata={"description": f"Any of these {name} values."})
            for name, enum_cls in FACETS.items()
        }

    q = fields.String(validate=validate.Length(max=200), metadata={
        "description": "Words in the title, description or company name (English or Chinese)."})
    open_to_overseas = fields.List(fields.String(validate=_or_empty(["true", "false"])),
                                   metadata={"description": "true or false; both means either."})
    company = fields.List(fields.String(), metadata={
        "description": "A company's id or name; repeat for any of several."})
    expo = fields.List(fields.String(), metadata={
        "description": "An expo's slug: its companies' roles; repeat for any of several."})
    sort = fields.String(validate=_or_empty(SORTS), metadata={
        "description": "relevance (with q), newest (default without q) or salary."})
    page = fields.Integer(validate=validate.Range(min=1, max=MAX_PAGE),
                          metadata={"description": "From 1; empty or left out is 1."})
    per_page = fields.Integer(validate=validate.Range(min=1, max=MAX_PER_PAGE),
                              metadata={"description": "1 to 100; empty or left out is 20."})
