"""The stale-copy sync killed before each of its mutating steps (tests/storage/test_sync_crash.py).

Starting state: the renewed certificate on the hard disk; the old one (same folder name) on a stick and
a phone, and a reissue-style old copy under another folder name on an added folder. After a kill, a
restart (a scan with clean=True, as every storage scan does) must find on every storage exactly one
complete certificate that opens with the password — the old or the new — and running the sync again
must leave only the new one everywhere."""
from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

NAMES = ("hdd", "usb", "phone", "folder")
SUFFIX = "1234567890123456789012"


def _storages(state: Path):
    from core.storage.base import Storage
    return [Storage(id=n, kind="removable" if n != "hdd" else "hdd", root=state / n / "NPKI",
                    mount=state / n) for n in NAMES]


def _located(state: Path):
    return [(s, c) for s in _storages(state) for c in s.scan_report().good]


class SyncScenario:
    def setup(self) -> None:
        from tests import factory
        factory._cached_key(0)
        factory._cached_key(1)

    def prepare(self, state: Path) -> None:
        from tests import factory
        old_start, new_start = dt.date(2026, 1, 10), dt.date(2026, 11, 20)
        staging = state / "staging" / "NPKI"
        old = factory.make_cert(factory.user_dir(staging), start=old_start, cn_suffix=SUFFIX)
        new = factory.make_cert(factory.user_dir(state / "staging2" / "NPKI"), start=new_start, key_index=1,
                                cn_suffix=SUFFIX)
        for n in NAMES:
            (state / n / "NPKI").mkdir(parents=True)
        shutil.copytree(new.path, factory.user_dir(state / "hdd" / "NPKI") / new.path.name)
        for n in ("usb", "phone"):
            shutil.copytree(old.path, factory.user_dir(state / n / "NPKI") / old.path.name)
        shutil.copytree(old.path, factory.user_dir(state / "folder" / "NPKI") / (old.path.name + "-reissued"))
        shutil.rmtree(state / "staging")
        shutil.rmtree(state / "staging2")

    def operation(self, state: Path) -> None:
        from core.storage import copies
        from tests import factory
        (group,) = copies.group_copies(_located(state))
        copies.run_sync(copies.plan_sync(group, factory.PASSWORD))

    def check(self, state: Path, killed_at):
        from core.storage import copies
        from tests import factory
        problems = []
        for s in _storages(state):
            good = s.scan_report().good     # the restart: a scan cleans up and restores
            report = s.scan_report()
            if report.broken:
                problems.append(f"{s.id}: broken entries {[str(b.path) for b in report.broken]}")
            if len(good) == 0:
                problems.append(f"{s.id}: no certificate left")
            for c in good:
                try:
                    c.check_password(factory.PASSWORD)
                except Exception as exc:  # noqa: BLE001
                    problems.append(f"{s.id}: {c.path.name} does not open ({type(exc).__name__})")
            junk = [p.name for p in (s.root / "yessign" / "USER").iterdir() if p.name.startswith(".dojang-")] \
                if (s.root / "yessign" / "USER").is_dir() else []
            if junk:
                problems.append(f"{s.id}: leftovers {junk}")
        if problems:
            return problems
        # running the sync again finishes it
        (group,) = copies.group_copies(_located(state))
        if group.outdated:
            copies.run_sync(copies.plan_sync(group, factory.PASSWORD))
        (group,) = copies.group_copies(_located(state))
        if group.outdated or len(group.current) != len(NAMES):
            problems.append(f"after a second sync: {len(group.outdated)} old, {len(group.current)} new")
        for s in _storages(state):
            if len(s.scan_report().good) != 1:
                problems.append(f"{s.id}: {len(s.scan_report().good)} certificates after the second sync")
        return problems
