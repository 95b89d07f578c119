"""A booth's video, embedded where that can be done without tracking the visitor.

A YouTube video plays from youtube-nocookie.com, which sets no cookie until the visitor
presses play; the Content-Security-Policy lets frames come from that one host only
(core/security.py). Any other address stays a link.
"""

import re
from urllib.parse import parse_qs, urlsplit

from careerexpo.core.security import VIDEO_EMBED_HOST

_VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com",
                  "www.youtube-nocookie.com"}


def _youtube_id(url: str) -> str | None:
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https"):
        return None
    if host == "youtu.be":
        candidate = parts.path.strip("/")
    elif host in _YOUTUBE_HOSTS:
        if parts.path == "/watch":
            candidate = (parse_qs(parts.query).get("v") or [""])[0]
        else:
            match = re.match(r"^/(?:embed|shorts|live)/([^/]+)", parts.path)
            candidate = match.group(1) if match else ""
    else:
        return None
    return candidate if _VIDEO_ID.match(candidate) else None


def embed_url(video_url: str | None) -> str | None:
    """The privacy-friendly player address for ``video_url``, or ``None`` to link to it."""
    video_id = _youtube_id(video_url or "")
    return f"{VIDEO_EMBED_HOST}/embed/{video_id}" if video_id else None
