"""The stale-copy sync, killed before every one of its mutating steps (tests/crash/sync_scenarios.py)."""
import sys

import pytest

from tests.crashkit import assert_clean, run_scenario

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the harness forks")


def test_sync_killed_at_every_step_leaves_a_whole_certificate_everywhere(tmp_path):
    report = run_scenario("tests.crash.sync_scenarios:SyncScenario", tmp_path)
    assert_clean(report, min_points=10)
