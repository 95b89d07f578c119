"""An operator creates accounts from the shell: ``flask create-user``."""

import pytest
import sqlalchemy as sa

from careerexpo.auth.models import User
from careerexpo.companies.models import Company
from careerexpo.extensions import db

PASSWORD = "a long enough password"


def create_user(runner, email, role, *extra):
    return runner.invoke(args=["create-user", email, "--password", PASSWORD, "--role", role,
                               *extra])


def user(email) -> User | None:
    return db.session.scalar(sa.select(User).where(User.email == email))


def company_count() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Company))


@pytest.mark.parametrize("role", ["candidate", "organiser"])
def test_a_candidate_or_organiser_is_created_and_can_sign_in(runner, role):
    result = create_user(runner, "Mei.Chan@Example.com", role, "--name", "Chan Mei")

    assert result.exit_code == 0, result.output
    assert f"created {role} mei.chan@example.com" in result.stdout
    created = user("mei.chan@example.com")
    assert (created.role, created.name, created.company_id) == (role, "Chan Mei", None)
    assert created.check_password(PASSWORD)
    assert not created.check_password("another password")


def test_an_employer_with_a_new_company_creates_the_company(runner):
    result = create_user(runner, "hr@lionrock.example", "employer", "--company", "Lion Rock AI")

    assert result.exit_code == 0, result.output
    assert "created company Lion Rock AI" in result.stdout
    assert user("hr@lionrock.example").company.name == "Lion Rock AI"
    assert user("hr@lionrock.example").check_password(PASSWORD)


def test_an_employer_joins_an_existing_company_whatever_its_case(runner, make):
    lion_rock = make.company(name="Lion Rock AI")

    result = create_user(runner, "cto@lionrock.example", "employer", "--company", "lion rock ai")

    assert result.exit_code == 0, result.output
    assert "created company" not in result.stdout
    assert user("cto@lionrock.example").company_id == lion_rock.id
    assert company_count() == 1


def test_an_employer_without_a_company_is_refused(runner):
    result = create_user(runner, "hr@example.com", "employer")

    assert result.exit_code != 0
    assert "an employer needs --company" in result.output
    assert user("hr@example.com") is None


def test_a_candidate_with_a_company_is_refused(runner):
    result = create_user(runner, "mei@example.com", "candidate", "--company", "Lion Rock AI")

    assert result.exit_code != 0
    assert "only employers belong to a company" in result.output
    assert user("mei@example.com") is None and company_count() == 0


def test_a_taken_email_is_refused_and_changes_nothing(runner, make):
    make.candidate(email="mei@example.com")

    result = create_user(runner, "MEI@example.com", "employer", "--company", "New Company")

    assert result.exit_code != 0
    assert "a user with email mei@example.com exists" in result.output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == 1
    assert company_count() == 0  # the company made for the refused employer is rolled back


def test_a_short_password_or_a_bad_email_is_refused(runner):
    short = runner.invoke(args=["create-user", "mei@example.com", "--password", "short",
                                "--role", "candidate"])
    bad_email = create_user(runner, "not-an-email", "candidate")

    assert short.exit_code != 0 and "between 12 and 128 characters" in short.output
    assert bad_email.exit_code != 0
    assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == 0
