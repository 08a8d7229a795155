"""Running core work off the GUI thread; results come back by signal on the GUI thread.

    task = workers.submit(fn, arg, on_done=..., on_error=..., on_progress=...)

`fn(*args, task=<Task>)` runs on a QThreadPool thread when it accepts a `task` keyword (to report
progress with `task.report(done, total, item)` and to honour `task.cancel_event`), otherwise
`fn(*args)`. Worker threads never touch widgets: a `Task` is a QObject living on the GUI thread;
the runnable emits its private signals from the pool thread, Qt queues them, and the Task re-emits
its public signals (`finished`, `failed`, `progressed`, `ended`) on the GUI thread.

`ask_gui(fn)` lets a worker ask the user something (a conflict: replace / keep both / cancel):
it runs `fn()` on the GUI thread and blocks the *worker* until the answer is there.
"""
from __future__ import annotations

import inspect
import logging
import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal, Slot

from core.errors import Cancelled, DojangError

log = logging.getLogger(__name__)


class Task(QObject):
    finished = Signal(object)            # the result (GUI thread)
    failed = Signal(object)              # a DojangError (GUI thread)
    progressed = Signal(int, int, object)  # done, total, payload (GUI thread)
    ended = Signal()                     # after finished/failed

    _done = Signal(object)
    _error = Signal(object)
    _progress = Signal()

    def __init__(self, name: str = "", parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self.cancel_event = threading.Event()
        self.result: Any = None
        self.error: DojangError | None = None
        self.running = True
        # Progress is coalesced: at most one update waits in the GUI queue, carrying the latest
        # figures. A worker reporting every few milliseconds would otherwise flood the queue and the
        # GUI thread would spend whole frames repainting stale progress (timers starve).
        self._progress_lock = threading.Lock()
        self._progress_latest: tuple | None = None
        self._progress_queued = False
        self._done.connect(self._on_done)
        self._error.connect(self._on_error)
        self._progress.connect(self._on_progress)

    # called from the worker thread
    def report(self, done: int, total: int, payload: object = None) -> None:
        with self._progress_lock:
            self._progress_latest = (done, total, payload)
            if self._progress_queued:
                return
            self._progress_queued = True
        self._progress.emit()

    def cancel(self) -> None:
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    # GUI thread
    @Slot(object)
    def _on_done(self, result) -> None:
        self.result = result
        self.running = False
        self.finished.emit(result)
        self.ended.emit()

    @Slot(object)
    def _on_error(self, err) -> None:
        self.error = err
        self.running = False
        self.failed.emit(err)
        self.ended.emit()

    @Slot()
    def _on_progress(self) -> None:
        with self._progress_lock:
            latest, self._progress_latest = self._progress_latest, None
            self._progress_queued = False
        if latest is not None:
            self.progressed.emit(*latest)


class _Runnable(QRunnable):
    def __init__(self, task: Task, fn: Callable, args: tuple, kwargs: dict):
        super().__init__()
        self.setAutoDelete(True)
        self.task, self.fn, self.args, self.kwargs = task, fn, args, kwargs

    def run(self) -> None:
        task = self.task
        try:
            result = self.fn(*self.args, **self.kwargs)
        except DojangError as err:
            task._error.emit(err)
        except Exception:  # noqa: BLE001 - reported as a generic error, details only in the log
            log.exception("background task %s failed", task.name or getattr(self.fn, "__name__", "?"))
            task._error.emit(DojangError())
        else:
            task._done.emit(result)


def _wants_task(fn: Callable) -> bool:
    try:
        return "task" in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


class Workers(QObject):
    """A thread pool plus the set of running tasks (kept alive until they end)."""
    idle = Signal()

    def __init__(self, parent: QObject | None = None, max_threads: int = 4):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._tasks: set[Task] = set()
        self._waiting: dict[Task, _Runnable] = {}     # submitted with start=False, not started yet

    def submit(self, fn: Callable, *args, name: str = "", on_done: Callable | None = None,
               on_error: Callable | None = None, on_progress: Callable | None = None, start: bool = True,
               **kwargs) -> Task:
        """start=False: the work waits for `start(task)` (e.g. until a progress dialog is up and the
        window under it repainted: a worker busy in Python takes half of the GIL from those paints)."""
        task = Task(name, self)
        if _wants_task(fn):
            kwargs["task"] = task
        if on_done is not None:
            task.finished.connect(on_done)
        if on_error is not None:
            task.failed.connect(on_error)
        if on_progress is not None:
            task.progressed.connect(on_progress)
        self._tasks.add(task)
        task.ended.connect(lambda t=task: self._forget(t))
        runnable = _Runnable(task, fn, args, kwargs)
        if start:
            self.pool.start(runnable)
        else:
            self._waiting[task] = runnable
        return task

    def start(self, task: Task) -> None:
        """Start a task submitted with start=False (once; later calls do nothing)."""
        runnable = self._waiting.pop(task, None)
        if runnable is not None:
            self.pool.start(runnable)

    def _forget(self, task: Task) -> None:
        self._tasks.discard(task)
        task.deleteLater()
        if not self._tasks:
            self.idle.emit()

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def active(self) -> list[Task]:
        return list(self._tasks)

    def shutdown(self, timeout_ms: int = 10000) -> None:
        for t in list(self._tasks):
            t.cancel()
        for t in list(self._waiting):   # they see the cancel and end at once
            self.start(t)
        self.pool.waitForDone(timeout_ms)


class _GuiCall(QObject):
    """Runs a callable on the GUI thread for a worker that waits for the answer."""
    _call = Signal(object)

    def __init__(self):
        super().__init__()
        self._call.connect(self._run)

    @Slot(object)
    def _run(self, box) -> None:
        fn, done, out = box
        try:
            out["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting worker
            out["error"] = exc
        finally:
            done.set()


_gui_call: _GuiCall | None = None


def init_gui_calls() -> None:
    """Create the GUI-thread helper (call once on the GUI thread, e.g. from MainWindow)."""
    global _gui_call
    if _gui_call is None:
        _gui_call = _GuiCall()


def ask_gui(fn: Callable[[], Any], cancel: threading.Event | None = None) -> Any:
    """Run `fn` on the GUI thread and return its value; called from a worker thread (which blocks)."""
    if _gui_call is None or QThread.currentThread() is _gui_call.thread():
        return fn()
    done = threading.Event()
    out: dict = {}
    _gui_call._call.emit((fn, done, out))
    while not done.wait(0.1):
        if cancel is not None and cancel.is_set() and not done.is_set():
            # The question is still on screen; the answer will be ignored.
            raise Cancelled()
    if "error" in out:
        raise out["error"]
    return out.get("value")
