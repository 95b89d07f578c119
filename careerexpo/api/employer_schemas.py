"""What the employer API reads and writes: a role's fields, roles with counts, applications."""

from datetime import timedelta

from marshmallow import Schema, ValidationError, fields, validate, validates, validates_schema

from careerexpo.api.schemas import JobSchema
from careerexpo.core.countries import CITY_LENGTH, normalise_country
from careerexpo.core.database import utcnow
from careerexpo.core.enums import FACETS, ApplicationStatus, JobState
from careerexpo.core.pagination import MAX_PAGE
from careerexpo.jobs.search import MAX_PER_PAGE

MAX_SALARY = 10_000_000  # as the employer's form allows
MAX_CLOSING_AHEAD = timedelta(days=2 * 366)


class Text(fields.String):
    """A string, stripped, without control characters (which PostgreSQL or a page would choke
    on); ``multiline`` allows line breaks and tabs."""

    def __init__(self, *, max_length: int, multiline: bool = False, **kwargs):
        super().__init__(validate=validate.Length(min=1, max=max_length), **kwargs)
        self.allowed = "\n\r\t" if multiline else ""

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs).strip()
        if any((ord(c) < 32 and c not in self.allowed) or ord(c) == 127
               or 0xD800 <= ord(c) <= 0xDFFF for c in text):
            raise ValidationError("Must not contain control characters.")
        return text


class StrictBoolean(fields.Boolean):
    """JSON true or false only, not "yes" or 1."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


class Country(fields.String):
    """An ISO 3166-1 alpha-2 code, in capitals whatever the case sent."""

    def _deserialize(self, value, attr, data, **kwargs):
        try:
            return normalise_country(super()._deserialize(value, attr, data, **kwargs))
        except ValueError as exc:
            raise ValidationError(str(exc)) from None


def _salary(**kwargs):
    return fields.Integer(strict=True, allow_none=True, validate=validate.Range(0, MAX_SALARY),
                          metadata={"description": "Monthly, in HKD."}, **kwargs)


class JobPatchSchema(Schema):
    """A role's fields; in a PATCH, only those sent change (``null`` clears an optional one)."""

    class Meta:
        include = {name: fields.Enum(enum_cls, by_value=True)
                   for name, enum_cls in FACETS.items()}

    title = Text(max_length=200)
    description = Text(max_length=20_000, multiline=True, metadata={"description": "Plain text."})
    country = Country(allow_none=True, metadata={
        "description": "ISO 3166-1 alpha-2, e.g. SG. Required for an overseas role; "
                       "HK for hong_kong and CN for gba when left out."})
    city = Text(max_length=CITY_LENGTH, allow_none=True)
    open_to_overseas = StrictBoolean()
    salary_min = _salary()
    salary_max = _salary()
    closes_at = fields.AwareDateTime(allow_none=True, metadata={
        "description": "In the next two years; the role takes no applications after it."})

    @validates("closes_at")
    def _future(self, value, **_kwargs):
        if value is None:
            return
        try:
            ahead = value - utcnow()
        except OverflowError:
            ahead = None
        if ahead is None or not timedelta(0) < ahead <= MAX_CLOSING_AHEAD:
            raise ValidationError("Must be in the future, at most two years ahead.")

    @validates_schema
    def _salary_order(self, data, **_kwargs):
        low, high = data.get("salary_min"), data.get("salary_max")
        if low is not None and high is not None and low > high:
            raise ValidationError("Must not be below salary_min.", "salary_max")


class JobCreateSchema(JobPatchSchema):
    class Meta:
        include = {name: fields.Enum(enum_cls, by_value=True, required=True)
                   for name, enum_cls in FACETS.items()}

    title = Text(max_length=200, required=True)
    description = Text(max_length=20_000, multiline=True, required=True)
    open_to_overseas = StrictBoolean(load_default=False)
    publish = StrictBoolean(load_default=False, metadata={
        "description": "true publishes the role at once; false keeps it a draft."})


class EmployerJobSchema(JobSchema):
    """A role of the token's company, in any state, with its numbers of applicants.

    Dumps a ``jobs.services.JobRow``: the role's fields come from ``row.job``.
    """

    applicants = fields.Integer(required=True)
    new_applicants = fields.Integer(required=True, metadata={
        "description": "Applications still in the submitted state."})

    def get_attribute(self, obj, attr, default):
        source = obj if attr in ("applicants", "new_applicants") else obj.job
        return super().get_attribute(source, attr, default)


class EmployerJobListSchema(Schema):
    items = fields.List(fields.Nested(EmployerJobSchema), required=True)


class EmployerJobsArgsSchema(Schema):
    state = fields.Enum(JobState, by_value=True, metadata={"description": "Only roles in it."})


class CandidateSchema(Schema):
    id = fields.Integer(required=True)
    name = fields.String(required=True)
    email = fields.String(required=True)


class ApplicationEventSchema(Schema):
    status = fields.Enum(ApplicationStatus, by_value=True, required=True)
    at = fields.AwareDateTime(attribute="created_at", required=True)


class ApplicationSchema(Schema):
    id = fields.Integer(required=True)
    job_id = fields.Integer(required=True)
    candidate = fields.Nested(CandidateSchema, required=True)
    status = fields.Enum(ApplicationStatus, by_value=True, required=True)
    cover_note = fields.String(required=True)
    has_cv = fields.Function(lambda a: a.cv_id is not None, required=True,
                             metadata={"type": "boolean"})
    created_at = fields.AwareDateTime(required=True)
    updated_at = fields.AwareDateTime(required=True)
    history = fields.List(fields.Nested(ApplicationEventSchema), attribute="events",
                          required=True)


class ApplicationPageSchema(Schema):
    items = fields.List(fields.Nested(ApplicationSchema), required=True)
    total = fields.Integer(required=True)
    page = fields.Integer(required=True)
    per_page = fields.Integer(required=True)


class ApplicationsArgsSchema(Schema):
    status = fields.Enum(ApplicationStatus, by_value=True)
    page = fields.Integer(load_default=1, validate=validate.Range(1, MAX_PAGE))
    per_page = fields.Integer(load_default=25, validate=validate.Range(1, MAX_PER_PAGE))
