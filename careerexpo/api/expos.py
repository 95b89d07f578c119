"""Expo endpoints of the JSON API: the list of expos and each expo's headline figures."""

from careerexpo.api import bp  # noqa: F401
