from flask import Blueprint

bp = Blueprint("expos", __name__)

from careerexpo.expos import routes  # noqa: E402,F401
