"""Kill a process right before its K-th mutating step, for every K, then restart and check.

Random kills find nothing: the steps of an operation are milliseconds apart. This harness counts
every mutating step of an operation (each file create/write-open, rename, unlink, mkdir, rmdir,
link, and each SQL write statement including COMMIT) and then, for K = 1 … N, runs the operation
again from the same starting state in a fresh child process that kills itself (``os._exit``, no
``finally``, no flushing — as a power cut or ``kill -9`` would) right before step K. After each kill a
second fresh child "starts Dojang again" and returns the invariants it found broken
(docs/crash-safety.md).

How it is run: a test calls ``run_scenario("tests.crash.scenarios:RenewScenario", tmp_path)``. That
starts ONE server process (``python -m tests.crashkit``) which imports the scenario, builds the
starting state once, and then forks a child per run — so every run starts from already-imported
modules (fast) and from a byte-identical copy of the state at the same path (absolute paths stored
in the state stay valid). The server prints a JSON report; the test asserts on it.

A scenario is a class with three methods, each run in its own child process:

    prepare(state: Path) -> None            # build the starting state (not counted, never killed)
    operation(state: Path) -> None          # the operation under test (counted / killed)
    check(state: Path, killed_at: int | None) -> list[str]   # restart, then the broken invariants

and optional ``env(state) -> dict`` (environment for every child; default: DOJANG_HOME,
DOJANG_NPKI_ROOT and DOJANG_FAKE_REMOVABLE under the state folder) and ``setup()`` (runs once in the
server before any fork: pre-generate keys and other slow, stateless things).
"""
from __future__ import annotations

import importlib
import json
import os
import pickle
import shutil
import sqlite3
import subprocess
import sys
import traceback
from pathlib import Path

KILLED = 86                       # exit status of a child that killed itself
SQL_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER", "COMMIT", "PRAGMA USER_VERSION")
FILE_EVENTS = {"os.rename", "os.remove", "os.mkdir", "os.rmdir", "os.link", "os.symlink", "os.truncate"}
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


# --- the child side -------------------------------------------------------------------------------

class _Counter:
    """Counts mutating steps under `root`; at step `kill_at` the process ends on the spot."""

    def __init__(self, root: Path, kill_at: int | None):
        self.root = os.path.realpath(root) + os.sep
        self.kill_at = kill_at
        self.steps: list[str] = []

    def _inside(self, path) -> bool:
        if isinstance(path, int):
            return False
        try:
            p = os.path.realpath(os.fsdecode(path))
        except (TypeError, ValueError):
            return False
        return (p + os.sep).startswith(self.root)

    def _rel(self, path) -> str:
        p = os.path.realpath(os.fsdecode(path))
        return p[len(self.root):] if p.startswith(self.root) else p

    def step(self, what: str) -> None:
        self.steps.append(what)
        if self.kill_at is not None and len(self.steps) == self.kill_at:
            os._exit(KILLED)

    def audit(self, event: str, args) -> None:
        if event == "open":
            path, mode, flags = args[0], args[1], args[2]
            writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or \
                (mode is None and isinstance(flags, int) and flags & _WRITE_FLAGS)
            if writing and self._inside(path):
                self.step(f"open-write {self._rel(path)}")
        elif event in FILE_EVENTS:
            path = args[0]
            if self._inside(path):
                extra = f" -> {self._rel(args[1])}" if event in ("os.rename", "os.link") else ""
                self.step(f"{event[3:]} {self._rel(path)}{extra}")

    def sql(self, statement: str) -> None:
        head = " ".join(statement.split()[:2]).upper()
        if head.startswith(SQL_WRITES):
            self.step("sql " + " ".join(statement.split()[:4]))


def _child(fn, env: dict, root: Path | None, kill_at: int | None, out_fd: int) -> None:
    """In a forked child: run `fn`, write (status, steps, value) to out_fd, exit."""
    status, value = "done", None
    counter = None
    try:
        os.environ.update(env)
        _reset_process_state()
        if root is not None:
            counter = _Counter(root, kill_at)
            sys.addaudithook(counter.audit)
            _trace_sql(counter)
        value = fn()
    except BaseException:  # noqa: BLE001 - everything is reported to the server
        status, value = "error", traceback.format_exc()
    try:
        data = pickle.dumps((status, counter.steps if counter else [], value))
    except Exception:  # noqa: BLE001
        data = pickle.dumps(("error", counter.steps if counter else [], "unpicklable result"))
    with os.fdopen(out_fd, "wb") as fh:
        fh.write(data)
    os._exit(0)


def _trace_sql(counter: _Counter) -> None:
    """Every connection opened from now on reports its statements (the trace callback runs before
    a statement takes effect, so a kill there is a kill before that SQL write)."""
    connect = sqlite3.connect

    def traced(*args, **kw):
        conn = connect(*args, **kw)
        conn.set_trace_callback(counter.sql)
        return conn

    sqlite3.connect = traced


def _reset_process_state() -> None:
    """A forked child starts with the server's imported modules; drop per-process caches that would
    make it differ from a freshly started Dojang."""
    import keyring
    import keyring.backends.fail
    keyring.set_keyring(keyring.backends.fail.Keyring())   # the master key lives in a file in the state
    for name, module in list(sys.modules.items()):
        reset = getattr(module, "_crashkit_reset", None)
        if name.startswith(("core.", "tests.")) and callable(reset):
            reset()


def fork_run(fn, env: dict, *, root: Path | None = None, kill_at: int | None = None):
    """Run `fn()` in a forked child. Returns (status, steps, value); status is done/error/killed."""
    sys.stdout.flush()
    sys.stderr.flush()
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        os.close(r)
        _child(fn, env, root, kill_at, w)
    os.close(w)
    with os.fdopen(r, "rb") as fh:
        data = fh.read()
    _, code = os.waitpid(pid, 0)
    exit_status = os.waitstatus_to_exitcode(code)
    if exit_status == KILLED:
        return "killed", [], None
    if not data:
        return "error", [], f"child ended with status {exit_status} and no report"
    return pickle.loads(data)


# --- the server side ----------------------------------------------------------------------------

def default_env(state: Path) -> dict:
    return {"DOJANG_HOME": str(state / "home"), "DOJANG_NPKI_ROOT": str(state / "hdd" / "NPKI"),
            "DOJANG_FAKE_REMOVABLE": str(state / "usb"), "DOJANG_LANG": "en"}


def _copy_state(template: Path, state: Path) -> None:
    if state.exists():
        shutil.rmtree(state)
    shutil.copytree(template, state, symlinks=True)


def serve(spec: str, workdir: Path, only: list[int] | None = None) -> dict:
    """Run every kill point of the scenario `module:Class`; return the report."""
    module, _, cls_name = spec.partition(":")
    scenario = getattr(importlib.import_module(module), cls_name)()
    template, state = workdir / "template", workdir / "state"
    env_of = getattr(scenario, "env", default_env)
    if hasattr(scenario, "setup"):
        scenario.setup()
    state.mkdir(parents=True, exist_ok=True)
    status, _, value = fork_run(lambda: scenario.prepare(state), env_of(state))
    if status != "done":
        return {"error": f"prepare failed: {value}"}
    shutil.copytree(state, template, symlinks=True)

    report = {"scenario": spec, "kill_points": 0, "violations": [], "steps": [], "unkilled": []}
    _copy_state(template, state)
    status, steps, value = fork_run(lambda: scenario.operation(state), env_of(state), root=state)
    if status != "done":
        report["error"] = f"the operation failed without a kill: {value}"
        return report
    report["steps"] = steps
    report["kill_points"] = len(steps)
    status, _, broken = fork_run(lambda: scenario.check(state, None), env_of(state))
    if status != "done":
        report["violations"].append({"k": None, "step": "(no kill)", "problems": [f"check failed: {broken}"]})
    elif broken:
        report["violations"].append({"k": None, "step": "(no kill)", "problems": list(broken)})
    for k in (only or range(1, len(steps) + 1)):
        _copy_state(template, state)
        status, _, value = fork_run(lambda: scenario.operation(state), env_of(state), root=state, kill_at=k)
        if status != "killed":
            report["unkilled"].append({"k": k, "status": status,
                                       "detail": value if status == "error" else None})
        status, _, broken = fork_run(lambda: scenario.check(state, k), env_of(state))
        if status != "done":
            broken = [f"check failed: {broken}"]
        if broken:
            report["violations"].append({"k": k, "step": steps[k - 1], "problems": list(broken)})
    return report


def run_scenario(spec: str, workdir: Path, *, only: list[int] | None = None, timeout: float = 900) -> dict:
    """From a test: run the scenario in a server process and return its report (a dict)."""
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    root = Path(__file__).resolve().parents[1]
    cmd = [sys.executable, "-m", "tests.crashkit", spec, str(workdir)]
    if only:
        cmd.append(",".join(map(str, only)))
    env = dict(os.environ)
    env["PYTHONPATH"] = str(root) + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run(cmd, cwd=root, env=env, capture_output=True, timeout=timeout)
    out = proc.stdout.decode("utf-8", "replace")
    marker = out.rfind("\n@@REPORT@@")
    if proc.returncode != 0 or marker < 0:
        raise AssertionError(f"crashkit server failed ({proc.returncode}):\n{out[-3000:]}\n"
                             f"{proc.stderr.decode('utf-8', 'replace')[-3000:]}")
    return json.loads(out[marker + len("\n@@REPORT@@"):])


def describe(report: dict) -> str:
    """A readable summary of a report's failures (for assertion messages)."""
    lines = [f"{report.get('scenario')}: {report.get('kill_points')} kill points"]
    if report.get("error"):
        lines.append("ERROR: " + report["error"])
    for v in report.get("violations", [])[:15]:
        lines.append(f"  k={v['k']} before [{v['step']}]: " + "; ".join(v["problems"])[:600])
    for u in report.get("unkilled", [])[:5]:
        lines.append(f"  k={u['k']} not killed ({u['status']}): {(u.get('detail') or '')[-400:]}")
    return "\n".join(lines)


def assert_clean(report: dict, *, min_points: int = 1) -> None:
    assert not report.get("error"), describe(report)
    assert report["kill_points"] >= min_points, describe(report)
    assert not report["violations"], describe(report)
    assert not report["unkilled"], describe(report)


if __name__ == "__main__":  # pragma: no cover - the server process
    sys.setrecursionlimit(10000)
    _only = [int(x) for x in sys.argv[3].split(",")] if len(sys.argv) > 3 else None
    _report = serve(sys.argv[1], Path(sys.argv[2]), _only)
    sys.stdout.write("\n@@REPORT@@" + json.dumps(_report, ensure_ascii=False))
    sys.stdout.flush()
