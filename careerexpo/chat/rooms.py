"""The one place that names the chat's namespace and rooms, and reads room names back."""

import re

from careerexpo.core.database import as_row_id

# The Socket.IO namespace of the chat protocol (DOMAIN.md, "Live chat").
NAMESPACE = "/chat"

_ROOM = re.compile(r"(booth|conversation):([1-9][0-9]{0,9})")


def booth_room(booth_id: int) -> str:
    return f"booth:{booth_id}"


def conversation_room(conversation_id: int) -> str:
    return f"conversation:{conversation_id}"


def staff_room(booth_id: int) -> str:
    """Where a booth's staff hear about its queue (server-side only, never joined by name)."""
    return f"staff:{booth_id}"


def user_room(user_id: int) -> str:
    """Every socket of one user, for events meant for that person."""
    return f"user:{user_id}"


def parse_room(name) -> tuple[str, int] | None:
    """``("booth", 7)`` for ``"booth:7"``; ``None`` for anything that is not a joinable room."""
    if not isinstance(name, str):
        return None
    # The whole name, to its last character: "booth:7\n" is no room, nor a hidden one.
    match = _ROOM.fullmatch(name)
    if match is None or as_row_id(int(match.group(2))) is None:
        return None
    return match.group(1), int(match.group(2))
