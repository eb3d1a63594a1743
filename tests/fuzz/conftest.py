"""Hypothesis settings for the property tests in this folder.

The default profile is deterministic (`derandomize`: the same examples on every run, no
example database), so a CI failure is a failure on every machine. Set
HYPOTHESIS_PROFILE=fuzz-deep for a longer, randomised search when hunting for new bugs;
a failure it finds is printed with the `@example` to add to the test.
"""
from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "fuzz",
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "fuzz-deep",
    max_examples=5000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fuzz"))
