"""Booked meetings in JSON (DOMAIN.md, "Matchmaking"): slots, meetings and the bodies
that publish, request and change them. Times are ISO 8601 with Hong Kong's offset."""

from flask import url_for
from marshmallow import Schema, fields, validate

from careerexpo.core.hktime import to_hk
from careerexpo.meetings.models import MAX_MINUTES, MIN_MINUTES, MeetingStatus
from careerexpo.meetings.services import NOTE_MAX
from careerexpo.meetings.slots import MAX_COUNT

ROW_ID = validate.Range(min=1, max=2_147_483_647)


class HongKongDateTime(fields.AwareDateTime):
    """Written in Hong Kong time with its offset; read with whatever offset is given."""

    def _serialize(self, value, attr, obj, **kwargs):
        return super()._serialize(to_hk(value) if value else value, attr, obj, **kwargs)


class SlotSchema(Schema):
    id = fields.Integer(required=True)
    starts = HongKongDateTime(required=True, attribute="starts_at")
    ends = HongKongDateTime(required=True, attribute="ends_at")
    duration_minutes = fields.Integer(required=True)


class SlotRowSchema(SlotSchema):
    """A slot as candidates see it: ``available`` while it is to come and held by nobody."""

    available = fields.Boolean(required=True)


class SlotListSchema(Schema):
    items = fields.List(fields.Nested(SlotRowSchema), required=True)


class PublishedSlotsSchema(Schema):
    items = fields.List(fields.Nested(SlotSchema), required=True)


class SlotCreateSchema(Schema):
    starts = fields.AwareDateTime(required=True, metadata={
        "description": "When the first slot starts, ISO 8601 with an offset."})
    duration_minutes = fields.Integer(required=True, validate=validate.Range(
        min=MIN_MINUTES, max=MAX_MINUTES))
    count = fields.Integer(load_default=1, validate=validate.Range(min=1, max=MAX_COUNT),
                           metadata={"description": "Back-to-back slots to publish."})


class BoothRefSchema(Schema):
    id = fields.Integer(required=True)
    company = fields.String(required=True, attribute="company.name")


class PersonRefSchema(Schema):
    id = fields.Integer(required=True)
    name = fields.String(required=True, attribute="shown_name")


class MeetingSchema(Schema):
    id = fields.Integer(required=True)
    status = fields.Enum(MeetingStatus, by_value=True, required=True)
    slot = fields.Nested(SlotSchema, required=True)
    booth = fields.Nested(BoothRefSchema, required=True)
    candidate = fields.Nested(PersonRefSchema, required=True)
    note = fields.String(required=True)
    reason = fields.String(required=True, metadata={
        "description": "Why staff declined, or why it was cancelled; may be empty."})
    share_profile = fields.Boolean(required=True)
    sequence = fields.Integer(required=True, metadata={
        "description": "The calendar file's SEQUENCE: rises with every change."})
    created_at = HongKongDateTime(required=True)
    expires_at = HongKongDateTime(required=True, metadata={
        "description": "When a request nobody answered lapses."})
    ics_url = fields.Method("calendar_url", required=True,
                            metadata={"type": "string", "format": "uri"})

    def calendar_url(self, meeting) -> str:
        return url_for("api.meeting_calendar", meeting_id=meeting.id, _external=True)


class MeetingListSchema(Schema):
    items = fields.List(fields.Nested(MeetingSchema), required=True)


class MeetingCreateSchema(Schema):
    slot_id = fields.Integer(required=True, strict=True, validate=ROW_ID)
    note = fields.String(load_default="", validate=validate.Length(max=NOTE_MAX))
    share_profile = fields.Boolean(load_default=False, metadata={
        "description": "Let the booth's staff see the candidate's profile and CV."})


class RescheduleSchema(Schema):
    slot_id = fields.Integer(required=True, strict=True, validate=ROW_ID)
