"""Recommendations in JSON (DOMAIN.md, "Matchmaking")."""

from marshmallow import Schema, fields, validate

from careerexpo.api.schemas import JobSchema
from careerexpo.matchmaking.matching import WEIGHTS


class ReasonSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(list(WEIGHTS)), metadata={
        "description": "What matched: skill, text, level, degree, region, area or function."})
    text = fields.String(required=True, metadata={
        "description": "The reason in words, in the person's language."})


class BoothLinkSchema(Schema):
    id = fields.Integer(required=True)
    expo = fields.String(required=True, metadata={"description": "The expo's slug."})
    url = fields.String(required=True, metadata={"format": "uri",
                                                 "description": "The booth's page."})


class RecommendationSchema(Schema):
    job = fields.Nested(JobSchema, required=True)
    score = fields.Float(required=True, validate=validate.Range(min=0, max=1), metadata={
        "description": "How well the role fits, from 0 to 1."})
    reasons = fields.List(fields.Nested(ReasonSchema), required=True, metadata={
        "description": "The strongest reasons first."})
    booth = fields.Nested(BoothLinkSchema, allow_none=True, metadata={
        "description": "Where to meet the company: its booth at the expo asked for, else at "
                       "its latest expo; none when it has no booth."})


class RecommendationListSchema(Schema):
    items = fields.List(fields.Nested(RecommendationSchema), required=True, metadata={
        "description": "Best first, at most 50."})
