"""Page numbers for lists: one helper instead of a copy in every view."""

from dataclasses import dataclass
from math import ceil

from flask import redirect

from careerexpo.core.formatting import url_with

# Far past any real list, and small enough that page × per-page fits every database's integers.
MAX_PAGE = 100_000


@dataclass(frozen=True)
class Page:
    items: list
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, ceil(self.total / self.per_page))

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    def window(self, around: int = 2) -> list[int | None]:
        """Page numbers to link to, with ``None`` where a gap is elided."""
        shown = {1, self.pages, *range(self.page - around, self.page + around + 1)}
        numbers = sorted(n for n in shown if 1 <= n <= self.pages)
        out: list[int | None] = []
        for n in numbers:
            if out and n - out[-1] > 1:
                out.append(None)
            out.append(n)
        return out


def past_the_end(page: Page):
    """A redirect to the last page when ``page`` is past it (the list has shrunk since
    the link was made), else ``None``."""
    if page.page <= page.pages:
        return None
    return redirect(url_with(page=page.pages))


def is_whole_number(raw: str) -> bool:
    """ASCII digits only, and few enough for any database's integers ("²" and 5,000-digit
    strings make ``int`` raise; "٣" would pass as 3)."""
    return raw.isascii() and raw.isdecimal() and len(raw) <= 18

