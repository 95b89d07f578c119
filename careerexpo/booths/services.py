"""Booths: the hall's listing, a booth's page, its staff and settings, visits, images."""

import io
import os
import secrets
import warnings
from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from PIL import Image, UnidentifiedImageError

from careerexpo.auth.models import User
from careerexpo.auth.services import company_employers
from careerexpo.booths import staffing
from careerexpo.booths.models import Booth, BoothStaff, BoothVisit, BoothVisitCount
from careerexpo.companies.models import Company
from careerexpo.core.database import insert_if_absent, utcnow
from careerexpo.core.enums import Area
from careerexpo.core.hktime import today_hk
from careerexpo.core.i18n import whole_number
from careerexpo.core.pagination import Page
from careerexpo.expos.models import Expo
from careerexpo.extensions import db
from careerexpo.jobs.models import Job
from careerexpo.jobs.search import listed_condition

IMAGE_FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp", "GIF": "gif"}


class BoothError(ValueError):
    """A booth change that cannot be made; the message says why."""


HALL_SORTS = ("name", "activity")


@dataclass
class HallFilters:
    q: str = ""
    areas: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()
    sort: str = "name"  # or "activity": the most visited booths first


@dataclass
class HallBooth:
    booth: Booth
    open_roles: int = 0
    areas: list[Area] = field(default_factory=list)


def get_booth(expo: Expo, booth_id: int) -> Booth | None:
    return db.session.scalar(sa.select(Booth).where(Booth.id == booth_id,
                                                    Booth.expo_id == expo.id))


def _hiring_in(column, values):
    return Booth.company_id.in_(sa.select(Job.company_id).where(listed_condition(),
                                                                column.in_(values)))


def hall(expo: Expo, filters: HallFilters, page: int, per_page: int) -> Page:
    """The expo's booths matching the filters, by company name, with their open roles."""
    stmt = sa.select(Booth).join(Booth.company).where(Booth.expo_id == expo.id)
    if filters.q:
        stmt = stmt.where(sa.func.lower(Company.name).contains(filters.q.lower(),
                                                               autoescape=True))
    if filters.areas:
        stmt = stmt.where(_hiring_in(Job.area, filters.areas))
    if filters.levels:
        stmt = stmt.where(_hiring_in(Job.level, filters.levels))
    if filters.programmes:
        stmt = stmt.where(Company.programme.in_(filters.programmes))
    total = db.session.scalar(sa.select(sa.func.count()).select_from(stmt.subquery()))
    if filters.sort == "activity":
        stmt = (stmt.outerjoin(BoothVisitCount, BoothVisitCount.booth_id == Booth.id)
                .order_by(sa.func.coalesce(BoothVisitCount.visits, 0).desc(), Company.name))
    else:
        stmt = stmt.order_by(Company.name)
    booths = list(db.session.scalars(stmt.limit(per_page).offset((page - 1) * per_page)))
    rows = {b.company_id: HallBooth(b) for b in booths}
    if rows:
        counts = db.session.execute(
            sa.select(Job.company_id, Job.area, sa.func.count())
            .where(listed_condition(), Job.company_id.in_(rows)).group_by(Job.company_id, Job.area)
            .order_by(Job.company_id, sa.func.count().desc()))
        for company_id, area, n in counts:
            rows[company_id].open_roles += n
            rows[company_id].areas.append(area)
    return Page([rows[b.company_id] for b in booths], total, page, per_page)


def booth_names(expo: Expo, booth_ids) -> list[tuple[int, str]]:
    """``(booth id, company name)`` of these booths of the expo, by name."""
    if not booth_ids:
        return []
    return [tuple(row) for row in db.session.execute(
        sa.select(Booth.id, Company.name).join(Company, Company.id == Booth.company_id)
        .where(Booth.expo_id == expo.id, Booth.id.in_(list(booth_ids))).order_by(Company.name))]


def booth_ids(expo: Expo) -> list[int]:
    return list(db.session.scalars(sa.select(Booth.id).where(Booth.expo_id == expo.id)))


def booth_jobs(booth: Booth) -> list[Job]:
    return list(db.session.scalars(sa.select(Job).where(
        Job.company_id == booth.company_id, listed_condition()).order_by(Job.posted_at.desc())))


def record_visit(booth: Booth, visitor: str) -> None:
    """Counts one visit per visitor per Hong Kong day, however often they come back."""
    insert_if_absent(BoothVisit, booth_id=booth.id, visitor=visitor, day=today_hk(),
                     visited_at=utcnow())
    db.session.commit()


def can_edit(user: User, booth: Booth) -> bool:
    return user.is_organiser or (user.is_employer and user.company_id == booth.company_id)


def update_booth(user: User, booth: Booth, tagline: str, story: str, video_url: str,
                 chat_opens, chat_closes, staff_ids: list[int],
                 logo: bytes | None = None, banner: bytes | None = None) -> Booth:
    if not can_edit(user, booth):
        raise BoothError(_("Only the company's employers and organisers can edit this booth."))
    if (chat_opens is None) != (chat_closes is None):
        raise BoothError(_("Give both ends of the chat hours, or neither."))
    if chat_opens is not None and chat_opens >= chat_closes:
        raise BoothError(_("Chat hours must close after they open."))
    colleagues = {u.id for u in company_employers(booth.company_id)}
    if not set(staff_ids) <= colleagues:
        raise BoothError(_("Booth staff must be employers of the company."))
    logo_name = store_image(logo) if logo else None
    banner_name = store_image(banner) if banner else None
    booth.tagline, booth.story, booth.video_url = tagline.strip(), story.strip(), video_url
    booth.chat_opens, booth.chat_closes = chat_opens, chat_closes
    booth.logo_name = logo_name or booth.logo_name
    booth.banner_name = banner_name or booth.banner_name
    kept = {s.user_id: s for s in booth.staff}
    booth.staff = [kept.get(uid) or BoothStaff(user_id=uid) for uid in staff_ids]
    db.session.commit()
    return booth


def set_max_chats(user: User, booth: Booth, max_chats: int) -> None:
    """A staff member sets how many private chats they take at once."""
    if not staffing.is_staff(user, booth):
        raise BoothError(_("Only this booth's staff can do that."))
    row = db.session.get(BoothStaff, (booth.id, user.id))
    if row is None:
        row = BoothStaff(booth_id=booth.id, user_id=user.id)
        db.session.add(row)
    row.max_chats = max(1, min(20, int(max_chats)))
    db.session.commit()


def is_upload_name(name: str) -> bool:
    stem, _dot, ext = name.partition(".")
    return len(stem) == 32 and all(c in "0123456789abcdef" for c in stem) and \
        ext in IMAGE_FORMATS.values()


def store_image(data: bytes) -> str:
    """Checks an uploaded image by its content and stores it; returns its file name.

    Its size in pixels is read from its header and checked before anything is decoded:
    a small file can claim a picture of billions of pixels (a decompression bomb).
    """
    if len(data) > current_app.config["UPLOAD_MAX_IMAGE_BYTES"]:
        raise BoothError(_("Images can be at most 2 MB."))
    most = current_app.config["UPLOAD_MAX_IMAGE_SIDE"]
    too_large = BoothError(_("Images can be at most %(most)s pixels wide and high.",
                             most=whole_number(most)))
    kind, oversized = None, False
    try:
        with warnings.catch_warnings():
            # The size is judged here, against a far smaller limit than Pillow's own.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                oversized = max(image.size) > most
                if not oversized:
                    image.verify()
                    kind = IMAGE_FORMATS.get(image.format)
    except Image.DecompressionBombError:
        oversized = True
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        kind = None
    if oversized:
        raise too_large
    if kind is None:
        raise BoothError(_("Upload a PNG, JPEG, WebP or GIF image."))
    folder = current_app.config["UPLOAD_FOLDER"]
    os.makedirs(folder, exist_ok=True)
    name = f"{secrets.token_hex(16)}.{kind}"
    with open(os.path.join(folder, name), "xb") as fh:
        fh.write(data)
    return name


@dataclass(frozen=True)
class BoothLink:
    """Enough of a booth and its expo to link to it (a role's page has one)."""
    booth_id: int
    expo_slug: str
    expo_name: str
    starts_on: date
    live: bool  # the expo is open today; else it is still to come


# Built once: a role's page asks this on every view.
_BOOTH_TO_VISIT = (
    sa.select(Booth.id, Expo.slug, Expo.name, Expo.starts_on)
    .join(Expo, Expo.id == Booth.expo_id)
    .where(Booth.company_id == sa.bindparam("company_id"), Expo.ends_on >= sa.bindparam("today"))
    .order_by(Expo.starts_on, Expo.id).limit(1)
)


def booth_to_visit(company_id: int, today: date | None = None) -> BoothLink | None:
    """The company's booth at an expo open today, else at the soonest one to come."""
    # Straight on the session's connection: the ORM's execution path costs more than
    # this small query itself.
    today = today or today_hk()
    row = db.session.connection().execute(
        _BOOTH_TO_VISIT, {"company_id": company_id, "today": today}).first()
    # The expo has not ended (the query says so): it is open once it has started.
    return BoothLink(*row, live=row.starts_on <= today) if row else None
