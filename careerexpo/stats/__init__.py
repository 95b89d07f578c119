from flask import Blueprint

bp = Blueprint("stats", __name__)

from careerexpo.stats import routes  # noqa: E402,F401
