"""Every multi-step operation of the bank, killed right before each of its mutating steps (each file
create/rename/unlink/mkdir and each SQL write), for every step, then started again: the invariants of
docs/bank-core.md "Crash recovery" hold after every kill (tests/crash/bank_scenarios.py)."""
import sys

import pytest

from tests.crashkit import assert_clean, describe, run_scenario

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the harness forks")

SCENARIOS = ["FirstStart", "IssueGeneral", "IssueFinance", "ReissueFinance", "Reissue", "Renew", "Register", "Revoke"]


@pytest.mark.parametrize("name", SCENARIOS)
def test_killed_at_every_step_then_restarted(name, tmp_path):
    report = run_scenario(f"tests.crash.bank_scenarios:{name}", tmp_path)
    print(f"[kill points] {name}: {report['kill_points']}")
    assert_clean(report, min_points=5)
    assert describe(report)
