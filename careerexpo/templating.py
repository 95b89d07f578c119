"""Everything templates use beyond their context, given to Jinja in one place.

Features keep the functions (how a date, a salary or a feed entry is written);
this module, like ``cli.py``, sits above them and hands those functions to the
templates, so no blueprint registers globals as a side effect of being imported.
"""

import os

from flask import Flask
from flask_login import current_user
from jinja2 import FileSystemBytecodeCache

from careerexpo.alerts.models import AlertFrequency
from careerexpo.booths.services import booth_to_visit
from careerexpo.core import enums, formatting, i18n
from careerexpo.feeds import searches
from careerexpo.feeds import services as feeds
from careerexpo.jobs import jsonld
from careerexpo.stats.filters import programme_label


def my_booth():
    """The signed-in employer's booth at the expo open now, else the next one."""
    if not (current_user.is_authenticated and current_user.is_employer):
        return None
    return booth_to_visit(current_user.company_id)


FILTERS = {
    "hk_datetime": formatting.hk_datetime,
    "hk_date": formatting.hk_date,
    "hk_time": formatting.hk_time,
    "minutes": formatting.minutes,
    "hkd": formatting.hkd,
    "format_number": i18n.whole_number,
    "xml_text": feeds.xml_text,
    "rfc3339": feeds.rfc3339,
}

GLOBALS = {
    # Flask-Babel's own template gettext looks the catalogue up for every string; these
    # use the request's, looked up once (a third off a job page's rendering).
    "_": i18n.template_gettext,
    "gettext": i18n.template_gettext,
    "ngettext": i18n.template_ngettext,
    "language_choices": i18n.language_choices,
    "url_with": formatting.url_with,
    "current_locale_tag": formatting.current_locale_tag,
    "has_endpoint": formatting.has_endpoint,
    "enums": enums,
    "FACETS": enums.FACETS,
    "facet_title": formatting.facet_title,
    # A role is worded on its page as its JobPosting markup words it (jobs/jsonld.py).
    "job_location": jsonld.location_label,
    "job_place": jsonld.short_location,
    "experience_asked": jsonld.experience_label,
    "employment_label": jsonld.employment_label,
    "paragraphs": jsonld.description_paragraphs,
    # The search page's feed link and "email me new roles" form.
    "search_args": searches.search_args,
    "canonical_query": searches.canonical_query,
    "AlertFrequency": AlertFrequency,
    "feed_summary": feeds.entry_summary,
    # The figures' tables and charts.
    "area_label": formatting.area_label,
    "programme_label": programme_label,
    "list_of": formatting.list_of,
    "percent": formatting.percent,
    # The employer's way into their own booth, from every page's header.
    "my_booth": my_booth,
}


def init_app(app: Flask) -> None:
    if app.config.get("TEMPLATE_CACHE_DIR"):
        # Jinja's own bytecode cache: a new worker's first page of each kind would otherwise
        # spend tens of milliseconds compiling templates. Entries are keyed on the source's
        # checksum, so an edited template is compiled afresh.
        os.makedirs(app.config["TEMPLATE_CACHE_DIR"], exist_ok=True)
        app.jinja_env.bytecode_cache = FileSystemBytecodeCache(app.config["TEMPLATE_CACHE_DIR"])
    app.jinja_env.filters.update(FILTERS)
    app.jinja_env.globals.update(GLOBALS)
