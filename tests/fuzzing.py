"""Hypothesis settings shared by the fuzz tests (``test_fuzz_*.py``)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings


def fuzz(examples: int) -> settings:
    """No deadline (PDFs take a while), no example database written into the working
    tree, and in CI the same examples every run so a red build is reproducible."""
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=bool(os.environ.get("CI")),
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
