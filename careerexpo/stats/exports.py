"""An expo's figures as CSV, for organisers' spreadsheets and press material.

One row per figure: ``key,value,headline``. Keys are DOMAIN.md's figure names,
with a dot before a breakdown's member (``share_level.entry``,
``jobs_by_area.biotech``) and a rank for the top areas
(``top_areas.1.area``, ``top_areas.1.jobs``).
Shares are the API's numbers (4 decimals); ``headline`` holds the press text
where the figure has one. No figure concerns a single candidate.
"""

from careerexpo.stats.figures import ExpoStats

HEADER = ("key", "value", "headline")


def _flat(prefix: str, value, text=None):
    """``(key, value, headline)`` rows, one per member when ``value`` is a mapping."""
    if isinstance(value, dict):
        for key, member in value.items():
            yield from _flat(f"{prefix}.{key}", member, (text or {}).get(key))
    else:
        yield prefix, value, text


def stats_rows(stats: ExpoStats):
    """Every row of the CSV after its header, in a stable order."""
    yield "expo", stats.expo.slug, ""
    yield "expo_name", stats.expo.name, ""
    yield "starts", stats.expo.starts_on.isoformat(), ""
    yield "ends", stats.expo.ends_on.isoformat(), ""
    yield "filter.area", stats.filters.area or "", ""
    yield "filter.programme", stats.filters.programme or "", ""
    figures, texts = stats.figures(), stats.headline()
    for key, value in figures.items():
        if key == "top_areas":
            for rank, item in enumerate(value, start=1):
                yield f"top_areas.{rank}.area", item["area"], ""
                yield f"top_areas.{rank}.jobs", item["jobs"], ""
        else:
            yield from _flat(key, value, texts.get(key))
    for key, value in stats.breakdowns().items():
        yield from _flat(key, value)
