"""Test configuration shared by the whole suite.

Qt runs offscreen here, so the suite needs no display (CI has none); the
hypothesis profile "ci" is the one CI uses (more examples, no deadline on a
shared, noisy machine).
"""

import os

from hypothesis import HealthCheck, settings

os.environ["QT_QPA_PLATFORM"] = "offscreen"

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))
