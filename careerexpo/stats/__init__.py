from flask import Blueprint

bp = Blueprint("stats", __name__)

from careerexpo.stats import activity_routes, routes  # noqa: E402,F401
