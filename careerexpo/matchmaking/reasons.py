"""Reasons in words, in the reader's language: to the candidate about a role ("Entry level,
as you asked"), or to booth staff about a candidate ("Wants entry-level roles")."""

from flask_babel import gettext as _

from careerexpo.core.enums import FACETS
from careerexpo.core.formatting import list_of
from careerexpo.matchmaking.matching import Reason


def _label(kind: str, key: str) -> str:
    return str(FACETS[kind](key).label)


def _quoted(words) -> str:
    return list_of([_("“%(word)s”", word=w) for w in words])


def for_candidate(reason: Reason) -> str:
    """Why a role is recommended, said to the candidate."""
    v = reason.values
    if reason.kind == "skill":
        return _("%(skills)s in what the role asks for", skills=list_of(v["skills"]))
    if reason.kind == "text" and "words" in v:
        return _("%(words)s from your headline", words=_quoted(v["words"]))
    if reason.kind == "text":
        if v["how"] == "applied":
            return _("Like “%(title)s”, a role you applied to", title=v["title"])
        return _("Like “%(title)s”, a role you saved", title=v["title"])
    if reason.kind == "level":
        return _("%(level)s, as you asked", level=_label("level", v["level"]))
    if reason.kind == "area":
        return _("%(area)s, an area you chose", area=_label("area", v["area"]))
    if reason.kind == "function":
        return _("%(function)s, the kind of work you want",
                 function=_label("function", v["function"]))
    if reason.kind == "region":
        return _("Based in %(region)s, where you want to work",
                 region=_label("region", v["region"]))
    return _("Asks for %(asked)s; you have %(yours)s", asked=_label("degree", v["asked"]),
             yours=_label("degree", v["yours"]))


def for_staff(reason: Reason) -> str:
    """Why a candidate is suggested, said to the booth's staff."""
    v = reason.values
    if reason.kind == "skill":
        return _("%(skills)s among their skills", skills=list_of(v["skills"]))
    if reason.kind == "text":  # only the headline: what else they looked at stays theirs
        return _("%(words)s in their headline", words=_quoted(v["words"]))
    if reason.kind == "level":
        return _("Looking for this level: %(level)s", level=_label("level", v["level"]))
    if reason.kind == "area":
        return _("Interested in %(area)s", area=_label("area", v["area"]))
    if reason.kind == "function":
        return _("Wants this kind of work: %(function)s",
                 function=_label("function", v["function"]))
    if reason.kind == "region":
        return _("Wants to work in %(region)s", region=_label("region", v["region"]))
    return _("Has %(yours)s; the role asks for %(asked)s", asked=_label("degree", v["asked"]),
             yours=_label("degree", v["yours"]))


def as_json(reasons: list[Reason]) -> list[dict]:
    return [{"kind": r.kind, "text": for_candidate(r)} for r in reasons]
