"""Booked meetings over the JSON API (DOMAIN.md, "Matchmaking"), for signed-in people.

Unlike the employer API these views go by the session cookie, so every POST must carry
the page's CSRF token in ``X-CSRFToken``. Thin over ``careerexpo.meetings``: whoever may
not see a meeting or publish a booth's slots gets a 404.
"""

from functools import wraps

from flask import Response, abort, current_app, jsonify, request
from flask_babel import gettext as _
from flask_login import current_user

from careerexpo.api.blueprint import bp
from careerexpo.api.meeting_schemas import (
    MeetingCreateSchema,
    MeetingListSchema,
    MeetingSchema,
    PublishedSlotsSchema,
    RescheduleSchema,
    SlotCreateSchema,
    SlotListSchema,
)
from careerexpo.api.schemas import ID, ErrorSchema
from careerexpo.booths.lookups import get_booth_or_404
from careerexpo.extensions import csrf
from careerexpo.meetings import notices, services, slots
from careerexpo.meetings.errors import InvalidField, MeetingError
from careerexpo.meetings.services import find

TAG = "Meetings"
MEETING = f"/meetings/<{ID}:meeting_id>"
SLOTS = f"/expos/<slug>/booths/<{ID}:booth_id>/slots"
SIGNED_OUT = {"schema": ErrorSchema, "description": "Not signed in."}
NOT_FOUND = {"schema": ErrorSchema,
             "description": "No such meeting, or not one of the signed-in person's."}
CONFLICT = {"schema": ErrorSchema,
            "description": "The slot is held, the times clash, or the meeting moved on."}
INVALID = {"schema": ErrorSchema, "description": "A field cannot be used; it is named."}


@bp.errorhandler(MeetingError)
def meeting_error(exc: MeetingError):
    body = {"status": exc.status, "message": exc.message}
    if exc.field:
        body["parameter"] = exc.field
    return jsonify({"error": body}), exc.status


def signed_in(view):
    """401 without a session; a POST must carry the session's CSRF token."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        if not current_user.is_authenticated:
            abort(401, _("Sign in first."))
        # The API blueprint is exempt for bearer tokens; a session is what CSRF rides on.
        if request.method == "POST" and current_app.config.get("WTF_CSRF_ENABLED", True):
            csrf.protect()
        return view(*args, **kwargs)

    return wrapped


@bp.get(SLOTS, tags=[TAG])
@bp.alt_response(404, schema=ErrorSchema, description="No such expo or booth.")
@bp.response(200, SlotListSchema)
def booth_slots(slug: str, booth_id: int):
    """A booth's slots to come, in time order, each saying whether it can be asked for"""
    _expo, booth = get_booth_or_404(slug, booth_id)
    return {"items": [{"id": row.slot.id, "starts_at": row.slot.starts_at,
                       "ends_at": row.slot.ends_at, "available": row.available,
                       "duration_minutes": row.slot.duration_minutes}
                      for row in slots.booth_slots(booth)]}


@bp.post(SLOTS, tags=[TAG])
@signed_in
@bp.arguments(SlotCreateSchema)
@bp.alt_response(400, **INVALID)
@bp.alt_response(401, **SIGNED_OUT)
@bp.alt_response(404, schema=ErrorSchema, description="No such booth, or not one of yours.")
@bp.alt_response(409, schema=ErrorSchema, description="A new slot overlaps one the booth has.")
@bp.response(201, PublishedSlotsSchema)
def publish_slots(fields, slug: str, booth_id: int):
    """Publish slots of the booth (its staff): ``count`` back-to-back from ``starts``"""
    _expo, booth = get_booth_or_404(slug, booth_id)
    published = slots.publish(current_user, booth, fields["starts"],
                              fields["duration_minutes"], fields["count"])
    return {"items": published}, 201


@bp.get("/meetings", tags=[TAG])
@signed_in
@bp.alt_response(401, **SIGNED_OUT)
@bp.response(200, MeetingListSchema)
def list_meetings():
    """The signed-in person's meetings: a candidate's own, or their booths' for staff"""
    return {"items": services.meetings_of(current_user)}


@bp.post("/meetings", tags=[TAG])
@signed_in
@bp.arguments(MeetingCreateSchema)
@bp.alt_response(400, **INVALID)
@bp.alt_response(401, **SIGNED_OUT)
@bp.alt_response(404, schema=ErrorSchema, description="No such slot.")
@bp.alt_response(409, **CONFLICT)
@bp.alt_response(429, schema=ErrorSchema, description="Today's requests are used up.")
@bp.response(201, MeetingSchema)
def request_meeting(fields):
    """Ask for a slot (candidates), with a short note"""
    meeting = services.request_meeting(current_user, fields["slot_id"], fields["note"],
                                       fields["share_profile"])
    return meeting, 201


def answers_with_the_meeting(view):
    """What a change to one meeting answers: the meeting, or why it could not change."""
    view = bp.response(200, MeetingSchema)(view)
    for status, described in ((409, CONFLICT), (404, NOT_FOUND), (401, SIGNED_OUT),
                              (400, INVALID)):
        view = bp.alt_response(status, **described)(view)
    return view


def _answer(change, meeting_id: int, *args):
    return change(current_user, meeting_id, *args)


def _optional_reason() -> str:
    body = request.get_json(silent=True)
    reason = body.get("reason", "") if isinstance(body, dict) else ""
    if not isinstance(reason, str):
        raise InvalidField(_("Give the reason as text."), "reason")
    return reason


@bp.post(f"{MEETING}/accept", tags=[TAG])
@signed_in
@answers_with_the_meeting
def accept_meeting(meeting_id: int):
    """Accept a request (the booth's staff)"""
    return _answer(services.accept, meeting_id)


@bp.post(f"{MEETING}/decline", tags=[TAG])
@signed_in
@answers_with_the_meeting
def decline_meeting(meeting_id: int):
    """Decline a request (the booth's staff), optionally with ``{"reason"}``"""
    return _answer(services.decline, meeting_id, _optional_reason())


@bp.post(f"{MEETING}/cancel", tags=[TAG])
@signed_in
@answers_with_the_meeting
def cancel_meeting(meeting_id: int):
    """Cancel a requested or accepted meeting (either side), optionally with ``{"reason"}``"""
    return _answer(services.cancel, meeting_id, _optional_reason())


@bp.post(f"{MEETING}/reschedule", tags=[TAG])
@signed_in
@bp.arguments(RescheduleSchema)
@answers_with_the_meeting
def reschedule_meeting(fields, meeting_id: int):
    """Move a meeting to another slot of the same booth (either side)"""
    return _answer(services.reschedule, meeting_id, fields["slot_id"])


@bp.get(f"{MEETING}.ics", tags=[TAG])
@signed_in
@bp.doc(responses={"200": {"description": "The meeting's calendar file.",
                           "content": {"text/calendar": {"schema": {"type": "string"}}}}})
@bp.alt_response(401, **SIGNED_OUT)
@bp.alt_response(404, **NOT_FOUND)
def meeting_calendar(meeting_id: int):
    """The meeting as an iCalendar file: METHOD:REQUEST, or METHOD:CANCEL once it ended"""
    meeting = find(current_user, meeting_id)
    body = notices.calendar_file(meeting, current_app.config["MAIL_SENDER"])
    return Response(body, mimetype="text/calendar", headers={
        "Content-Disposition": f'attachment; filename="meeting-{meeting.id}.ics"',
        "Cache-Control": "no-store"})
