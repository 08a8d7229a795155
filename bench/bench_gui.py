"""GUI benchmark: start-up, the full list with 2,000 certificates, responsiveness during a copy, memory.

1. time to a painted window: `python -c` scripts in fresh subprocesses (offscreen), from spawning the
   process to the first paint event of a window — Dojang the way `gui.app.run` starts (translators,
   context, the placeholder frame painted before the certificate and storage code is imported, then
   the main window, then the scan), next to a bare PySide6 script that shows an empty QMainWindow.
   Several runs each, medians; the time to the full main window's first paint is printed too.
2. time to the full list: the Dojang child keeps running until every storage is scanned — 2,000
   certificates over the hard disk, two fake USB sticks, a mock phone and an added folder — and
   reports when the last row arrived and whether the window was painted before the scan ended.
3. the longest gap of a 10 ms QTimer on the GUI thread while 200 certificates are copied to a stick
   through the window's copy action (progress dialog, worker thread).
4. peak memory (ru_maxrss) of the Dojang child with the 2,000-certificate list.

Every measurement runs side by side with a CPU-bound process (`--load`, default on: one busy loop
pinned to the other core when the OS allows it), and the bare figures are taken under the same load:
the start-up ratio and the GUI-thread gap are compared with a bare PySide6 window measured the same way
(the bare window's 10 ms timer during the same number of seconds, nothing else running in it).

Usage: python bench/bench_gui.py [RUNS] [--no-load]   (default 5 runs). Temporary folders only; prints
figures.
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1100, 640)
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            print("PAINTED", flush=True); app.quit()
        return False
f = F(); w.installEventFilter(f); w.show(); app.exec()
"""

DOJANG = r"""
import json, resource, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from gui.app import create_app, open_main_window, setup_language
app = create_app(["dojang"])
t = {}
class F(QObject):
    # as gui.app.run: the placeholder frame paints first, then the main window, then the scan
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint and o.isWidgetType() and o.isWindow():
            now = time.perf_counter()
            if "painted" not in t:
                t["painted"] = now
                print("PAINTED", flush=True)
            if o.objectName() == "mainWindow" and "main" not in t:
                t["main"] = now
                app.removeEventFilter(self)
        return False
f = F(); app.installEventFilter(f)
app, ctx = setup_language(app)
window = open_main_window(app, ctx)
window.watch_phones = False
QTimer.singleShot(0, window.start)
def done():
    if window.scanning or "painted" not in t:
        return
    t["listed"] = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("LISTED " + json.dumps({"after_paint_s": t["listed"] - t["painted"], "rows": len(window.cert_model.rows),
                                  "main_after_paint_s": t.get("main", t["listed"]) - t["painted"],
                                  "maxrss_mb": rss}), flush=True)
    window.shutdown(); app.quit()
window.scanFinished.connect(done)
app.exec()
"""

COPY = r"""
import json, resource, sys, time
from PySide6.QtCore import QTimer
from gui.app import build_window, create_app
from gui.dialogs import Btn, MessageBox, StoragePickerDialog
from core.storage.base import REMOVABLE
app = create_app(["dojang"])
window, ctx = build_window(app)
window.watch_phones = False
window.show()
target = sys.argv[1]
gaps, last, state = [], [0.0], {}
def beat():
    now = time.perf_counter(); gaps.append(now - last[0]); last[0] = now
timer = QTimer(); timer.setInterval(10); timer.timeout.connect(beat)
def scanned():
    if window.scanning or state: return
    state["go"] = True
    keys = [r.key for r in window.cert_model.rows if r.storage.kind != REMOVABLE][:200]
    window.select_keys(keys)
    dest = next(s for s in window.storage_model.storages() if str(s.mount) == target)
    MessageBox.set_next_answer(Btn.Ok); StoragePickerDialog.set_next_answer(dest.id)
    last[0] = time.perf_counter(); timer.start(); state["t0"] = time.perf_counter()
    window.act_copy.trigger()
def finished(text):
    state["t1"] = time.perf_counter()
    timer.stop()
    print("COPIED " + json.dumps({"summary": text, "seconds": state["t1"] - state["t0"], "ticks": len(gaps),
                                  "max_gap_ms": max(gaps) * 1000, "median_gap_ms": statistics.median(gaps) * 1000}),
          flush=True)
    window.shutdown(); app.quit()
import statistics
window.scanFinished.connect(scanned)
window.operationFinished.connect(finished)
QTimer.singleShot(0, window.start)
app.exec()
"""


BARE_GAP = r"""
import json, statistics, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1100, 640); w.show()
gaps, last = [], [time.perf_counter()]
def beat():
    now = time.perf_counter(); gaps.append(now - last[0]); last[0] = now
timer = QTimer(); timer.setInterval(10); timer.timeout.connect(beat); timer.start()
def end():
    timer.stop()
    print("COPIED " + json.dumps({"ticks": len(gaps), "max_gap_ms": max(gaps) * 1000,
                                  "median_gap_ms": statistics.median(gaps) * 1000}), flush=True)
    app.quit()
QTimer.singleShot(int(float(sys.argv[1]) * 1000), end)
app.exec()
"""

BURN = "import os\ntry:\n    os.sched_setaffinity(0, {%d})\nexcept (AttributeError, OSError):\n    pass\nwhile True:\n    pass\n"


def start_load() -> subprocess.Popen:
    """A CPU-bound process on the last core (the GUI runs wherever the OS puts it)."""
    core = (os.cpu_count() or 1) - 1
    return subprocess.Popen([sys.executable, "-c", BURN % core])


def make_world(work: Path, total: int = 2000) -> dict:
    """`total` certificate folders: 40 distinct certificates, each copied under many folder names."""
    from tests import factory
    src = work / "src" / "USER"
    made = [factory.make_cert(src, name=f"벤치{i:02d}", key_index=i % 8) for i in range(40)]
    hdd = work / "hdd" / "NPKI"
    usb1, usb2, target = work / "usb1", work / "usb2", work / "usb-target"
    folder = work / "backup"
    places = [(hdd, 800), (usb1 / "NPKI", 400), (usb2 / "NPKI", 300), (work / "home" / "phones" / "01099990000"
                                                                         / "sdcard" / "NPKI", 200),
              (folder / "NPKI", total - 1700)]
    n = 0
    for root, count in places:
        user = root / "yessign" / "USER"
        user.mkdir(parents=True, exist_ok=True)
        for i in range(count):
            m = made[n % len(made)]
            shutil.copytree(m.path, user / f"{m.folder_name}{n:05d}")
            n += 1
    target.mkdir()
    # Bytecode as an installed (pip) or frozen (PyInstaller) Dojang has it: with PYTHONDONTWRITEBYTECODE
    # every start would compile the whole of core/ and gui/ from source (~0.3 s here), which users
    # never pay after the first start. The cache goes to the temporary folder, not into the tree.
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(work / "pycache"), DOJANG_NPKI_ROOT=str(hdd),
               DOJANG_HOME=str(work / "home"), DOJANG_LANG="ko",
               QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               DOJANG_FAKE_REMOVABLE=os.pathsep.join(str(p) for p in (usb1, usb2, target)))
    # the phone and the added folder are registered the way the app does it
    subprocess.run([sys.executable, "-c",
                    "from core.storage import registry; from pathlib import Path; import sys;"
                    "registry.create_phone('010-9999-0000', '벤치');"
                    f"registry.add_folder(Path({str(folder)!r}))"], env=env, check=True, cwd=ROOT)
    return {"env": env, "target": str(target), "count": n}


def child(script: str, env: dict, *args: str, want: str = "PAINTED") -> tuple[float, dict]:
    """Run `script` in a fresh interpreter; seconds from spawn to the `want` line, plus its JSON."""
    t0 = time.perf_counter()
    p = subprocess.Popen([sys.executable, "-c", script, *args], env=env, cwd=ROOT, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, text=True)
    painted, data = None, {}
    for line in p.stdout:
        if line.startswith("PAINTED") and painted is None:
            painted = time.perf_counter() - t0
        elif line.startswith(("LISTED ", "COPIED ")):
            data = json.loads(line.split(" ", 1)[1])
    p.wait(timeout=600)
    return painted or float("nan"), data


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    runs = int(args[0]) if args else 5
    load = None if "--no-load" in sys.argv else start_load()
    work = Path(tempfile.mkdtemp(prefix="dojang-bench-gui-"))
    try:
        print("load: a CPU-bound process runs side by side" if load else "load: none (--no-load)")
        t = time.perf_counter()
        world = make_world(work)
        print(f"world: {world['count']} certificate folders over 5 storages ({time.perf_counter() - t:.1f} s to build)")
        env = world["env"]
        subprocess.run([sys.executable, "-c", "from gui import i18n; i18n.compile_translations()"], env=env,
                       cwd=ROOT, check=True)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        child(BARE, env), child(DOJANG, env)        # warm-up: bytecode cache and OS file cache
        bare, dojang, listed, rows, rss, after, main_w = [], [], [], [], [], [], []
        for _ in range(runs):
            bare.append(child(BARE, env)[0])
            painted, data = child(DOJANG, env)
            dojang.append(painted)
            listed.append(painted + data.get("after_paint_s", float("nan")))
            after.append(data.get("after_paint_s", float("nan")))
            main_w.append(painted + data.get("main_after_paint_s", float("nan")))
            rows.append(data.get("rows"))
            rss.append(data.get("maxrss_mb", float("nan")))
        mb, md = statistics.median(bare), statistics.median(dojang)
        print(f"painted window, bare QMainWindow : median {mb * 1000:.0f} ms  (runs: "
              + ", ".join(f"{x * 1000:.0f}" for x in bare) + ")")
        print(f"painted window, Dojang           : median {md * 1000:.0f} ms  (runs: "
              + ", ".join(f"{x * 1000:.0f}" for x in dojang) + f")  = {md / mb:.2f}x bare (target 1.5x); "
              "the placeholder frame (title, place, 'loading') paints first")
        print(f"the full main window painted     : median {statistics.median(main_w) * 1000:.0f} ms "
              f"= {statistics.median(main_w) / mb:.2f}x bare (toolbar, storage list, empty table; then the scan)")
        print(f"full list of {rows[0]} certificates : median {statistics.median(listed) * 1000:.0f} ms from spawn, "
              f"{statistics.median(after) * 1000:.0f} ms after the first paint (window shown before the scan)")
        print(f"peak memory (maxrss), 2,000 listed: median {statistics.median(rss):.0f} MB (target 250 MB)")
        _, copy = child(COPY, env, world["target"], want="COPIED")
        copied = len(list(Path(world["target"]).rglob("signCert.der")))
        _, bare_gap = child(BARE_GAP, env, f"{max(copy.get('seconds', 1.0), 1.0):.2f}", want="COPIED")
        print(f"copy of 200 through the window   : {copy.get('seconds', float('nan')):.2f} s, {copied} on the stick "
              f"({copy.get('summary')}); GUI timer {copy.get('ticks')} ticks, longest gap "
              f"{copy.get('max_gap_ms', float('nan')):.1f} ms, median {copy.get('median_gap_ms', float('nan')):.1f} ms "
              "(target < 50 ms)")
        print(f"bare window, same seconds, same load: longest gap {bare_gap.get('max_gap_ms', float('nan')):.1f} ms, "
              f"median {bare_gap.get('median_gap_ms', float('nan')):.1f} ms")
    finally:
        if load is not None:
            load.kill()
            load.wait()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
