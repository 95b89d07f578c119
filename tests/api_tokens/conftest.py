import pytest

from careerexpo.tokens.models import TokenScope
from tests.api_tokens.helpers import bearer, issue_token


@pytest.fixture
def employer(make):
    return make.employer(company=make.company(name="Acme Robotics"))


@pytest.fixture
def writer(employer):
    """Headers with a read-and-write token of ``employer``."""
    return bearer(issue_token(employer, TokenScope.READ_WRITE))


@pytest.fixture
def reader(employer):
    """Headers with a read-only token of ``employer``."""
    return bearer(issue_token(employer, TokenScope.READ, name="Reporting"))
