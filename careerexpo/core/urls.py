"""URL converters, and where a link may send people back to."""

from urllib.parse import urlsplit

from flask import request
from werkzeug.routing import IntegerConverter

from careerexpo.core.database import INT_MAX


def safe_next(default: str) -> str:
    """The ``next`` argument if it is a path on this site, else ``default``: a crafted
    link must not bounce people to another site (browsers read "/\\x" as "//x")."""
    target = request.args.get("next", "")
    if (target.startswith("/") and not target.startswith(("//", "/\\"))
            and not urlsplit(target).netloc and not any(ord(c) < 32 for c in target)):
        return target
    return default


class BoundedIntConverter(IntegerConverter):
    """``<int:…>`` limited to what a database integer column holds."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", INT_MAX)
        super().__init__(map, *args, **kwargs)
