"""Blocking calls run side by side, their results in order and their errors raised."""

import time

import pytest

from careerexpo.core.parallel import in_parallel


def test_calls_that_release_the_gil_overlap_and_answer_in_order():
    def slow(value):
        def call():
            time.sleep(0.3)  # releases the GIL, as the search engine's calls do
            return value
        return call

    began = time.monotonic()
    assert in_parallel(slow("page"), slow("facets"), slow("companies")) == [
        "page", "facets", "companies"]
    # Three 0.3 s calls on at least two threads: well under the 0.9 s one after another.
    assert time.monotonic() - began < 0.75


def test_a_failing_call_raises_its_own_error():
    def broken():
        raise ValueError("no such field")

    with pytest.raises(ValueError, match="no such field"):
        in_parallel(lambda: 1, broken)
    with pytest.raises(ValueError, match="no such field"):
        in_parallel(broken, lambda: 1)
