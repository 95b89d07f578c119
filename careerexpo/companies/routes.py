"""A company's public page."""

from flask import Blueprint, abort, render_template
from flask_babel import gettext as _

from careerexpo.companies import services
from careerexpo.core.caching import cached_for_visitors

bp = Blueprint("companies", __name__)


@bp.route("/<int:company_id>")
@cached_for_visitors
def page(company_id: int):
    found = services.company_page(company_id)
    if found is None:
        abort(404, _("There is no such company."))
    return render_template("companies/company.html", page=found)
