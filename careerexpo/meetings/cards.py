"""What a person may do with each of their meetings, for the pages that list them."""

from dataclasses import dataclass, field
from datetime import datetime

from careerexpo.auth.models import User
from careerexpo.core.database import utcnow
from careerexpo.jobs.models import Job
from careerexpo.meetings import followup, slots
from careerexpo.meetings.models import Meeting, MeetingSlot, MeetingStatus
from careerexpo.meetings.services import is_staff_of


@dataclass
class MeetingCard:
    meeting: Meeting
    as_staff: bool
    can_answer: bool
    can_change: bool
    can_mark: bool
    chat_open: bool
    other_slots: list[MeetingSlot] = field(default_factory=list)
    roles: list[Job] = field(default_factory=list)

    @property
    def upcoming(self) -> bool:
        return self.meeting.is_live


def cards(user: User, meetings: list[Meeting], now: datetime | None = None) -> list[MeetingCard]:
    now = now or utcnow()
    free: dict[int, list[MeetingSlot]] = {}
    roles: dict[int, list[Job]] = {}
    out = []
    for meeting in meetings:
        as_staff = is_staff_of(user, meeting)
        live = meeting.is_live and meeting.slot.ends_at > now
        started = meeting.slot.starts_at <= now
        card = MeetingCard(
            meeting, as_staff,
            can_answer=as_staff and meeting.status == MeetingStatus.REQUESTED and live,
            can_change=live,
            can_mark=started and meeting.status in followup.CHATTABLE,
            chat_open=followup.chat_is_open(meeting, now))
        if live:
            if meeting.booth_id not in free:
                free[meeting.booth_id] = slots.free_slots(meeting.booth)
            card.other_slots = free[meeting.booth_id]
        if as_staff and card.can_mark:
            if meeting.booth_id not in roles:
                roles[meeting.booth_id] = followup.roles_to_offer(user, meeting)
            card.roles = roles[meeting.booth_id]
        out.append(card)
    return out
