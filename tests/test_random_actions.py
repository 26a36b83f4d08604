"""A seeded random user drives the real main window inside its event loop.

Each seed performs 2000 actions (``CONVSTUDIO_RANDOM_ACTIONS`` overrides the number); see
``tests/random_actions.py`` for the actions and the checks made after each one. A failure
names the seed, the action and the 25 actions before it;
``benchmarks/soak.py --seed S --actions N --stop-on-failure`` replays the same run outside
pytest (the same seed gives the same actions).
"""

from __future__ import annotations

import os

import pytest
from random_actions import Driver

ACTIONS = int(os.environ.get("CONVSTUDIO_RANDOM_ACTIONS", "2000"))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_actions(qapp, tmp_path, seed):
    report = Driver(seed, ACTIONS, tmp_path).run()
    if report.failures:
        failures = "\n\n".join(str(f) for f in report.failures)
        pytest.fail(f"{len(report.failures)} failure(s):\n{failures}", pytrace=False)
    assert report.actions_done == ACTIONS
