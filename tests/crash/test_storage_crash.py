"""Kill at every mutating step of each storage operation (tests/crashkit.py), restart, check
(tests/crash/storage_scenarios.py). The kill-point counts are printed with -s for the notes."""
import sys

import pytest

from tests.crashkit import assert_clean, run_scenario

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the harness forks")

SCENARIOS = {     # scenario: the least number of kill points it must have (guards a silent no-op)
    "ChangePasswordWithKm": 8, "ChangePasswordSignOnly": 8, "Copy": 5, "Move": 8, "CopyReplace": 8,
    "ImportPfx": 4, "PhoneExport": 4, "PhoneImport": 5,
}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_killed_at_every_step(name, tmp_path):
    report = run_scenario(f"tests.crash.storage_scenarios:{name}", tmp_path)
    print(f"\n{name}: {report['kill_points']} kill points")
    assert_clean(report, min_points=SCENARIOS[name])


def test_the_harness_finds_a_split_pair_in_a_file_by_file_change(tmp_path):
    report = run_scenario("tests.crash.storage_scenarios:FileByFileChangePassword", tmp_path)
    assert any("another password" in p for v in report["violations"] for p in v["problems"]), report
