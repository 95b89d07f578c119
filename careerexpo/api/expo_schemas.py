"""The expo endpoints' JSON, for the OpenAPI document (DOMAIN.md: the headline figures).

``stats.services`` writes these answers; the schemas only describe them, so every
DOMAIN.md key is required and anything added later is allowed.
"""

from marshmallow import INCLUDE, Schema, fields, validate

from careerexpo.core.enums import FACETS, Programme
from careerexpo.stats.filters import PROGRAMME_FILTERS


def _share(**kwargs):
    return fields.Float(validate=validate.Range(0, 1), metadata={
        "description": "A fraction from 0 to 1, rounded to 4 decimals."}, **kwargs)


def _by_key(values, enum_cls):
    return fields.Dict(keys=fields.String(validate=validate.OneOf(enum_cls.keys())),
                       values=values, required=True)


class ExpoRefSchema(Schema):
    slug = fields.String(required=True)
    name = fields.String(required=True)
    starts = fields.Date(required=True, metadata={"description": "First day, Hong Kong."})
    ends = fields.Date(required=True, metadata={"description": "Last day, Hong Kong."})


class ExpoSummarySchema(ExpoRefSchema):
    companies = fields.Integer(required=True, metadata={"description": "Companies with a booth."})
    jobs = fields.Integer(required=True, metadata={"description": "Their open roles."})


class ExpoListSchema(Schema):
    items = fields.List(fields.Nested(ExpoSummarySchema), required=True,
                        metadata={"description": "Newest first."})


class TopAreaSchema(Schema):
    area = fields.String(required=True, validate=validate.OneOf(FACETS["area"].keys()))
    jobs = fields.Integer(required=True)


class HeadlineSchema(Schema):
    """The figures as a press release writes them: "2,900+", "70%+"."""

    class Meta:
        unknown = INCLUDE

    jobs = fields.String(required=True)
    companies = fields.String(required=True)
    jobs_by_programme = _by_key(fields.String(), Programme)
    share_open_to_overseas = fields.String(required=True)
    share_companies_outside_hk = fields.String(required=True)
    share_technology_rnd = fields.String(required=True)
    share_level = _by_key(fields.String(), FACETS["level"])
    share_degree = _by_key(fields.String(), FACETS["degree"])


class ExpoStatsFiltersSchema(Schema):
    area = fields.String(required=True, allow_none=True)
    programme = fields.String(required=True, allow_none=True)


class ExpoStatsSchema(Schema):
    """An expo's headline figures over its open roles and participating companies."""

    class Meta:
        unknown = INCLUDE

    jobs = fields.Integer(required=True)
    companies = fields.Integer(required=True)
    jobs_by_programme = _by_key(fields.Integer(), Programme)
    share_open_to_overseas = _share(required=True)
    share_companies_outside_hk = _share(required=True)
    share_technology_rnd = _share(required=True)
    share_level = _by_key(_share(), FACETS["level"])
    share_degree = _by_key(_share(), FACETS["degree"])
    top_areas = fields.List(fields.Nested(TopAreaSchema), required=True,
                            metadata={"description": "Areas by job count, most first."})
    headline = fields.Nested(HeadlineSchema, required=True)
    expo = fields.Nested(ExpoRefSchema, required=True)
    filters = fields.Nested(ExpoStatsFiltersSchema, required=True)
    breakdowns = fields.Dict(keys=fields.String(), metadata={
        "description": "The counts behind the dashboard's charts."})


class ExpoStatsArgsSchema(Schema):
    area = fields.String(validate=validate.OneOf(FACETS["area"].keys()),
                         metadata={"description": "Only roles in this area."})
    programme = fields.String(validate=validate.OneOf(PROGRAMME_FILTERS), metadata={
        "description": "Only companies in this programme; none for those in neither."})
