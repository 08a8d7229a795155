"""Two toy scenarios that show the harness finds what it should (tests/test_crashkit.py)."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path


class _Pair:
    def prepare(self, state: Path) -> None:
        (state / "pair").mkdir()
        for name in ("a", "b"):
            (state / "pair" / name).write_text("old")
        db = sqlite3.connect(state / "db.sqlite3", isolation_level=None)
        db.execute("CREATE TABLE t (v TEXT)")
        db.execute("INSERT INTO t VALUES ('old')")
        db.close()

    def check(self, state: Path, killed_at):
        pair = state / "pair"
        values = {(pair / n).read_text() if (pair / n).exists() else None for n in ("a", "b")}
        problems = [] if len(values) == 1 and None not in values else [f"mixed pair {sorted(map(str, values))}"]
        db = sqlite3.connect(state / "db.sqlite3")
        (v,) = db.execute("SELECT v FROM t").fetchone()
        if v not in values:
            problems.append(f"database says {v}, files say {sorted(map(str, values))}")
        return problems


class NaivePair(_Pair):
    """Overwrites both files in place, then the database row: must show violations."""

    def operation(self, state: Path) -> None:
        for name in ("a", "b"):
            (state / "pair" / name).write_text("new")
        db = sqlite3.connect(state / "db.sqlite3", isolation_level=None)
        db.execute("UPDATE t SET v = 'new'")


class FolderSwitchPair(_Pair):
    """Builds the new folder, one rename swaps it in, then the database; recovery on check."""

    def operation(self, state: Path) -> None:
        db = sqlite3.connect(state / "db.sqlite3", isolation_level=None)
        db.execute("BEGIN IMMEDIATE")
        db.execute("UPDATE t SET v = 'new'")
        tmp = state / "pair.tmp"
        tmp.mkdir()
        for name in ("a", "b"):
            (tmp / name).write_text("new")
        os.rename(state / "pair", state / "pair.old")
        os.rename(tmp, state / "pair")
        db.execute("COMMIT")
        for name in ("a", "b"):
            os.unlink(state / "pair.old" / name)
        os.rmdir(state / "pair.old")

    def check(self, state: Path, killed_at):
        db = sqlite3.connect(state / "db.sqlite3")
        (v,) = db.execute("SELECT v FROM t").fetchone()
        # recovery: the database decides which folder wins
        pair, old = state / "pair", state / "pair.old"
        if old.exists() and v == "old":
            if pair.exists():
                for n in os.listdir(pair):
                    os.unlink(pair / n)
                os.rmdir(pair)
            os.rename(old, pair)
        elif old.exists():
            for n in os.listdir(old):
                os.unlink(old / n)
            os.rmdir(old)
        if not pair.exists() and (state / "pair.tmp").exists():
            pass
        return super().check(state, killed_at)
