"""The filters an expo's figures can be narrowed by: one area, one company programme."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict

from careerexpo.core.args import choice
from careerexpo.core.enums import Area, Programme

# "none" picks the companies outside both programmes (DOMAIN.md: programme "or empty").
NO_PROGRAMME = "none"
PROGRAMME_FILTERS = (*Programme.keys(), NO_PROGRAMME)


def programme_label(key: str) -> str:
    """How a programme filter value reads on a page."""
    return str(_l("No programme")) if key == NO_PROGRAMME else Programme(key).label


@dataclass(frozen=True)
class StatsFilters:
    """At most one area and one programme; ``None`` means no filter."""

    area: Area | None = None
    programme: str | None = None

    @classmethod
    def from_args(cls, args: MultiDict) -> "StatsFilters":
        """Reads ``area`` and ``programme`` from a query string; empty means no filter.

        :raise BadParameter: for an unknown value or a filter given more than once.
        """
        area = choice(args, "area", Area.keys())
        return cls(area=Area(area) if area else None,
                   programme=choice(args, "programme", PROGRAMME_FILTERS))

    @classmethod
    def of(cls, area=None, programme=None) -> "StatsFilters":
        """Checks filter values given as plain strings or enums (for services and the CLI).

        :raise BadParameter: for an unknown area or programme.
        """
        return cls.from_args(MultiDict({"area": area or "", "programme": programme or ""}))

    def as_args(self) -> dict[str, str]:
        """The filters as query arguments, for links that keep them."""
        return {k: str(v) for k, v in (("area", self.area), ("programme", self.programme)) if v}

    def __bool__(self) -> bool:
        return bool(self.area or self.programme)

