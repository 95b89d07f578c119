"""What can go wrong with a slot or a meeting, each with the answer the API gives it."""


class MeetingError(Exception):
    """The change cannot be made as asked; the message says why, in the reader's words."""

    status = 409

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class NotFound(MeetingError):
    """No such slot or meeting for this person (another company's look the same)."""

    status = 404


class Conflict(MeetingError):
    """The slot is taken, the times overlap, or the meeting is past that step."""

    status = 409


class DailyLimit(MeetingError):
    """The candidate made as many requests today as a day allows."""

    status = 429


class InvalidField(MeetingError):
    """A value the person sent cannot be used; ``field`` names it."""

    status = 400
