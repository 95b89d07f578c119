"""Reading an expo's companies.csv and jobs.csv into checked rows, writing nothing.

``read_expo_import`` returns an ``ExpoImport`` whose ``problems`` list every bad
row as ``FILE:LINE: reason`` (LINE counts the header as line 1 and is where the
row starts, however many lines a quoted field spans). ``services.import_expo``
writes a plan only when that list is empty: the import is all or nothing.
"""

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from careerexpo.core.countries import (
    CITY_LENGTH,
    REGION_COUNTRIES,
    location_problem,
    normalise_country,
)
from careerexpo.core.enums import (
    Area,
    Degree,
    EmploymentType,
    Function,
    Level,
    Programme,
    Region,
)
from careerexpo.core.text import has_control_characters

COMPANY_COLUMNS = ("name", "website", "description", "offices", "programme")
JOB_COLUMNS = (
    "company", "title", "description", "level", "degree", "region", "area", "function",
    "employment_type", "open_to_overseas", "salary_min", "salary_max", "closes_at",
)
JOB_ENUMS = {"level": Level, "degree": Degree, "region": Region, "area": Area,
             "function": Function, "employment_type": EmploymentType}
BOOLEANS = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}
OFFICE_REGIONS = [r for r in Region.keys() if r != Region.REMOTE]
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_SALARY = 2_147_483_647  # a 32-bit integer column on PostgreSQL
PROGRESS_EVERY = 500


@dataclass(frozen=True)
class Problem:
    where: str  # "jobs.csv:12", or an option such as "--starts"
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass
class CompanyRow:
    line: int
    name: str
    website: str
    description: str
    offices: list[Region]
    programme: Programme | None


@dataclass
class JobRow:
    line: int
    company: str
    title: str
    description: str
    level: Level
    degree: Degree
    region: Region
    area: Area
    function: Function
    employment_type: EmploymentType
    open_to_overseas: bool
    salary_min: int | None
    salary_max: int | None
    closes_on: date | None  # closes at the end of that day in Hong Kong
    city: str | None = None
    country: str | None = None


@dataclass
class ExpoImport:
    slug: str
    name: str
    starts_on: date | None
    ends_on: date | None
    companies: list[CompanyRow] = field(default_factory=list)
    jobs: list[JobRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Rows that import, with something the organiser should know (``FILE:LINE: warning: …``).
    warnings: list[Problem] = field(default_factory=list)


def read_expo_import(slug: str, name: str, starts: str, ends: str, companies_path: str,
                     jobs_path: str, known_companies: Callable[[list[str]], set[str]],
                     progress: Callable[[str], None] | None = None) -> ExpoImport:
    """Parses and checks the whole import.

    ``known_companies`` receives lower-cased names and returns those already in
    the database, so a jobs row may name a company that companies.csv leaves out.
    """
    plan = ExpoImport(slug=slug.strip(), name=name.strip(), starts_on=None, ends_on=None)
    _check_expo(plan, starts, ends)
    first_line: dict[str, int] = {}
    for line, values in _records(companies_path, COMPANY_COLUMNS, plan.problems):
        row, reasons = _company_row(line, values)
        key = values["name"].strip().lower()
        if key and key in first_line:
            reasons.append(f"company {values['name'].strip()!r} is already on line "
                           f"{first_line[key]}")
        first_line.setdefault(key, line)
        _keep(plan.companies, plan.problems, companies_path, line, row, reasons)
    first_line.pop("", None)
    job_records = _records(jobs_path, JOB_COLUMNS, plan.problems)
    named = {v["company"].strip().lower() for _, v in job_records} - first_line.keys() - {""}
    known = set(first_line) | known_companies(sorted(named))
    for i, (line, values) in enumerate(job_records, start=1):
        row, reasons = _job_row(line, values, known)
        _keep(plan.jobs, plan.problems, jobs_path, line, row, reasons)
        if row is not None and row.region == Region.OVERSEAS and row.country is None:
            plan.warnings.append(Problem(
                f"{jobs_path}:{line}", "warning: overseas role without a country; its page "
                "carries no JobPosting for search engines until it has one"))
        if progress and (i % PROGRESS_EVERY == 0 or i == len(job_records)):
            progress(f"jobs: {i}/{len(job_records)} checked")
    return plan


def _keep(rows: list, problems: list[Problem], path: str, line: int, row, reasons) -> None:
    if reasons:
        problems.append(Problem(f"{path}:{line}", "; ".join(reasons)))
    else:
        rows.append(row)


def parse_day(text: str) -> date:
    """A calendar day written YYYY-MM-DD; raises ``ValueError`` otherwise."""
    text = text.strip()
    if not DAY.match(text):
        raise ValueError(f"{text!r} is not a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a day of the calendar") from None


def _check_expo(plan: ExpoImport, starts: str, ends: str) -> None:
    if not SLUG.match(plan.slug) or len(plan.slug) > 80:
        plan.problems.append(Problem(
            "slug", f"{plan.slug!r} must be lower-case letters, digits and single hyphens "
                    "(at most 80 characters)"))
    if not plan.name or len(plan.name) > 200:
        plan.problems.append(Problem("--name", "must be 1 to 200 characters"))
    plan.starts_on = _option_day("--starts", starts, plan.problems)
    plan.ends_on = _option_day("--ends", ends, plan.problems)
    if plan.starts_on and plan.ends_on and plan.ends_on < plan.starts_on:
        plan.problems.append(Problem("--ends", f"{plan.ends_on} is before the first day, "
                                               f"{plan.starts_on}"))


def _option_day(option: str, text: str, problems: list[Problem]) -> date | None:
    try:
        return parse_day(text)
    except ValueError as exc:
        problems.append(Problem(option, str(exc)))
        return None


def _columns(names: list[str]) -> str:
    """"column title" or "columns degree, area", as a problem names them."""
    return ("columns " if len(names) > 1 else "column ") + ", ".join(names)


def _records(path: str, columns: tuple[str, ...], problems: list[Problem]):
    """The file's non-blank rows as ``(line, {column: text})``; problems go to the list."""
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8-sig")  # spreadsheets often save UTF-8 with a BOM
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(Problem(f"{path}:{line}", "not UTF-8 text"))
        return []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records, header, line = [], None, 1
    try:
        for cells in reader:
            if header is None:
                header = [c.strip().lower() for c in cells]
                twice = sorted({c for c in header if c and header.count(c) > 1})
                if twice:
                    # Which of the two a value came from would be a guess.
                    problems.append(Problem(f"{path}:1", f"{_columns(twice)} named twice"))
                    return []
                missing = [c for c in columns if c not in header]
                if missing:
                    problems.append(Problem(f"{path}:1", f"missing {_columns(missing)}"))
                    return []
            elif any(c.strip() for c in cells):
                if len(cells) > len(header):
                    problems.append(Problem(f"{path}:{line}", f"{len(cells)} fields but the "
                                                              f"header names {len(header)}"))
                elif bad := [h for h, c in zip(header, cells, strict=False)
                             if has_control_characters(c)]:
                    problems.append(Problem(f"{path}:{line}", f"control characters (such as NUL) "
                                                              f"in {_columns(bad)}"))
                else:
                    cells += [""] * (len(header) - len(cells))
                    records.append((line, dict(zip(header, cells, strict=True))))
            line = reader.line_num + 1  # where the next row starts, after any quoted newlines
    except csv.Error as exc:
        problems.append(Problem(f"{path}:{line}", f"not readable as CSV ({exc})"))
        return []
    if header is None:
        problems.append(Problem(f"{path}:1", "empty file; expected a header row"))
    return records


def _company_row(line: int, values: dict[str, str]) -> tuple[CompanyRow | None, list[str]]:
    reasons = []
    name = _text(values, "name", 200, reasons, required=True)
    website = _text(values, "website", 500, reasons)
    if website and not re.match(r"^https?://[^\s/]+\.[^\s]+$", website):
        reasons.append(f"website {website!r} must be an http:// or https:// address")
    offices = []
    for region in (r.strip() for r in values["offices"].split(";")):
        if region in OFFICE_REGIONS:
            offices.append(Region(region))
        elif region:
            reasons.append(f"offices: unknown region {region!r}; expected one of "
                           f"{', '.join(OFFICE_REGIONS)}")
    programme = values["programme"].strip()
    if programme and programme not in Programme.keys():
        reasons.append(f"programme: unknown value {programme!r}; expected "
                       f"{', '.join(Programme.keys())} or nothing")
    if reasons:
        return None, reasons
    return CompanyRow(line, name, website, values["description"].strip(),
                      list(dict.fromkeys(offices)), Programme(programme) if programme else None), []


def _job_row(line: int, values: dict[str, str], known: set[str]) -> tuple[JobRow | None, list]:
    reasons = []
    company = _text(values, "company", 200, reasons, required=True)
    if company and company.lower() not in known:
        reasons.append(f"unknown company {company!r}: neither in the companies file nor in "
                       "the database")
    title = _text(values, "title", 200, reasons, required=True)
    description = _text(values, "description", None, reasons, required=True)
    enums = {}
    for column, enum_cls in JOB_ENUMS.items():
        value = values[column].strip()
        if value in enum_cls.keys():
            enums[column] = enum_cls(value)
        else:
            reasons.append(f"{column}: " + (f"unknown value {value!r}" if value else "missing")
                           + f"; expected one of {', '.join(enum_cls.keys())}")
    overseas = BOOLEANS.get(values["open_to_overseas"].strip().lower())
    if overseas is None:
        reasons.append(f"open_to_overseas: {values['open_to_overseas'].strip()!r} is not one "
                       "of true/false, yes/no, 1/0")
    salary_min = _salary(values, "salary_min", reasons)
    salary_max = _salary(values, "salary_max", reasons)
    if salary_min is not None and salary_max is not None and salary_min > salary_max:
        reasons.append(f"salary_min {salary_min} is more than salary_max {salary_max}")
    closes_on = None
    if values["closes_at"].strip():
        try:
            closes_on = parse_day(values["closes_at"])
        except ValueError as exc:
            reasons.append(f"closes_at: {exc}")
    city, country = _location(values, enums.get("region"), reasons)
    if reasons:
        return None, reasons
    return JobRow(line, company, title, description, open_to_overseas=overseas,
                  salary_min=salary_min, salary_max=salary_max, closes_on=closes_on,
                  city=city, country=country, **enums), []


def _location(values, region: Region | None, reasons: list) -> tuple[str | None, str | None]:
    """The optional trailing ``city`` and ``country``; a region's own country by default."""
    city = _text(values, "city", CITY_LENGTH, reasons) if "city" in values else ""
    try:
        country = normalise_country(values.get("country"))
    except ValueError as exc:
        reasons.append(f"country: {exc}")
        return None, None
    if region is not None:
        country = country or REGION_COUNTRIES.get(region)
        if problem := location_problem(region, country):
            reasons.append(f"country: {problem}")
    return city or None, country


def _text(values, column: str, limit: int | None, reasons: list, required=False) -> str:
    value = values[column].strip()
    if required and not value:
        reasons.append(f"{column} is missing")
    elif limit and len(value) > limit:
        reasons.append(f"{column} is longer than {limit} characters")
    return value


def _salary(values, column: str, reasons: list) -> int | None:
    text = values[column].strip()
    if not text:
        return None
    if not text.isascii() or not text.isdigit():
        reasons.append(f"{column}: {text!r} is not a whole number of HKD (digits only)")
        return None
    if int(text) > MAX_SALARY:
        reasons.append(f"{column}: {text} is too large")
        return None
    return int(text)
