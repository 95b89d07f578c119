"""The one CSV writer every download uses.

What a spreadsheet opens must be safe and read the same everywhere:

- UTF-8 with a byte-order mark, so Excel reads Chinese names as Chinese;
- times in Hong Kong time with their offset (``2026-03-10T14:05:00+08:00``), as pages
  show them;
- every text cell that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``,
  a tab or a carriage return first) disarmed with a leading quote, whichever column
  it is in: names, emails and notes are other people's text;
- private: never kept by a browser's or a proxy's cache.
"""

import csv
import io
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from numbers import Number

from flask import Response

from careerexpo.core.hktime import to_hk

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_UNSAFE_IN_FILENAME = re.compile(r"[^A-Za-z0-9_.-]+")


def cell(value) -> object:
    """A value as the CSV writes it."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return to_hk(value).isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Number):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(header: Sequence[str], rows: Iterable[Sequence]) -> str:
    """The whole file as text, byte-order mark first."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([cell(name) for name in header])
    writer.writerows([cell(value) for value in row] for row in rows)
    return "\ufeff" + out.getvalue()


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence]) -> Response:
    """A download of ``rows`` under ``header``; the file name is kept to safe characters."""
    name = _UNSAFE_IN_FILENAME.sub("-", filename).strip("-") or "download.csv"
    return Response(csv_text(header, rows), mimetype="text/csv; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="{name}"',
        "Cache-Control": "no-store",
    })
