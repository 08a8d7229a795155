"""The kill-at-every-step harness finds a torn write and passes a crash-safe one."""
import sys

import pytest

from tests.crashkit import assert_clean, run_scenario

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the harness forks")


def test_harness_finds_a_torn_pair(tmp_path):
    report = run_scenario("tests.crash.selftest_scenarios:NaivePair", tmp_path)
    assert report["kill_points"] == 3                       # two file writes and one SQL write
    torn = {v["k"] for v in report["violations"]}
    assert torn == {2, 3}, report                            # after the first file, after both files


def test_harness_passes_a_folder_switch(tmp_path):
    report = run_scenario("tests.crash.selftest_scenarios:FolderSwitchPair", tmp_path)
    assert_clean(report, min_points=8)
