"""Who may open a page: role checks for views. Per-object checks live in the services."""

from functools import wraps

from flask import abort
from flask_babel import gettext as _
from flask_login import current_user, login_required

from careerexpo.core.enums import Role


def role_required(*roles: Role):
    """Signs the visitor in first if needed, then answers 403 to any other role."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if current_user.role not in roles:
                abort(403, _("This page is for %(roles)s.",
                             roles=", ".join(str(r.label) for r in roles)))
            return view(*args, **kwargs)

        return wrapped

    return decorator


candidate_required = role_required(Role.CANDIDATE)
employer_required = role_required(Role.EMPLOYER)
organiser_required = role_required(Role.ORGANISER)
