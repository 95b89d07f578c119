"""Sending a CV file to whoever a service has allowed to read it."""

from flask import Response, send_file

from careerexpo.candidates import services
from careerexpo.candidates.models import CVDocument


def send_cv(cv: CVDocument) -> Response:
    """The PDF as a download under its uploaded name; never kept by a shared cache."""
    response = send_file(services.cv_path(cv), mimetype="application/pdf", as_attachment=True,
                         download_name=cv.filename, max_age=0)
    response.headers["Cache-Control"] = "private, no-store"
    return response
