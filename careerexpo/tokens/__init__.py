from flask import Blueprint

bp = Blueprint("tokens", __name__)

from careerexpo.tokens import routes  # noqa: E402,F401
