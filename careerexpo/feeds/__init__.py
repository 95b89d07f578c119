from flask import Blueprint

bp = Blueprint("feeds", __name__)

from careerexpo.feeds import routes  # noqa: E402,F401
