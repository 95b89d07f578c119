"""Countries by their ISO 3166-1 alpha-2 codes, named in the page's language.

The names come from the Unicode CLDR data Babel already carries, so "GB" reads
"United Kingdom", "英國" or "英国" without a catalogue entry of our own. CLDR also
names regions that are not countries (the EU, the UN, "Unknown Region") and a few
reserved codes; those are not places a role can be based.
"""

from functools import cache

from babel import Locale

from careerexpo.core.enums import Region
from careerexpo.core.i18n import locale_name

# CLDR territories with two letters that are not ISO 3166-1 countries: exceptional
# reservations, groupings and private-use codes.
_NOT_COUNTRIES = frozenset({"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA",
                            "UN", "XA", "XB", "XK", "ZZ"})
COUNTRY_CODES = frozenset(
    code for code in Locale("en").territories
    if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES)
# Where a region's roles are based unless told otherwise (DOMAIN.md, "Bulk import").
REGION_COUNTRIES = {Region.HONG_KONG: "HK", Region.GBA: "CN"}
CITY_LENGTH = 100


def normalise_country(text: str | None) -> str | None:
    """An alpha-2 code in capitals, or ``None`` for nothing.

    :raise ValueError: for anything that is not an ISO 3166-1 alpha-2 country code.
    """
    code = (text or "").strip().upper()
    if not code:
        return None
    if code not in COUNTRY_CODES:
        raise ValueError(f"{text.strip()!r} is not an ISO 3166-1 alpha-2 country code "
                         "(such as HK, CN, SG, GB)")
    return code


def location_problem(region, country: str | None) -> str | None:
    """Why ``country`` cannot go with ``region`` (in English, for files and the API),
    or ``None`` when it can. A missing country is the caller's to judge."""
    region = Region(region)
    expected = REGION_COUNTRIES.get(region)
    if country and expected and country != expected:
        return f"a {region.value} role is based in {expected}, not {country}"
    if country == "HK" and region == Region.OVERSEAS:
        return "a role based in HK has the region hong_kong, not overseas"
    return None


def country_name(code: str | None, locale: str | None = None) -> str:
    """The country's name in ``locale`` (the page's by default); "" for no code."""
    if not code:
        return ""
    return _names(locale or locale_name()).get(code, code)


def country_names_everywhere(code: str | None) -> list[str]:
    """The country's name in every language pages are written in, so a search in any
    of them finds its roles."""
    if not code:
        return []
    return list(dict.fromkeys(_names(loc).get(code, code)
                              for loc in ("en", "zh_Hant_HK", "zh_Hans_CN")))


def country_choices(locale: str | None = None) -> list[tuple[str, str]]:
    """Every country as ``(code, name)``, in the order of their names."""
    names = _names(locale or locale_name())
    return sorted(((code, names.get(code, code)) for code in COUNTRY_CODES),
                  key=lambda pair: pair[1])


@cache
def _names(locale: str) -> dict[str, str]:
    return dict(Locale.parse(locale).territories)
