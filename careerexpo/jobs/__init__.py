from flask import Blueprint

bp = Blueprint("jobs", __name__)

from careerexpo.jobs import routes  # noqa: E402,F401
