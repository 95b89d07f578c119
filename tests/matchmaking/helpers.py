"""Building candidates who want things, for matchmaking tests."""

from careerexpo.candidates.services import update_profile
from careerexpo.privacy.consents import set_consents
from careerexpo.privacy.models import ConsentKind


def wanting(make, skills="", headline="", degree=None, regions=(), levels=(), areas=(),
            functions=(), consent=None, **kw):
    """A candidate with this profile; ``consent`` answers the matchmaking consent."""
    candidate = make.candidate(**kw)
    update_profile(candidate, candidate.name, headline, skills, degree, list(regions),
                   wanted_levels=list(levels), wanted_areas=list(areas),
                   wanted_functions=list(functions))
    if consent is not None:
        set_consents(candidate, {ConsentKind.MATCHMAKING: consent})
    return candidate
