"""The installed PySide6 keeps Python's reference counts straight across signal emits.

PySide6 6.12.0 hands back True from `Signal.emit` without owning a reference: every emit from Python
takes one away, and on Python 3.11 (where True is an ordinary object) a few thousand emits free it
and the process aborts with "Fatal Python error: bool_dealloc" — the window would die after a while
of ordinary use. pyproject.toml keeps that version out; this test fails on any version with the bug.
"""
from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal

from gui import app as gui_app


class _Sender(QObject):
    plain = Signal()
    flag = Signal(bool)
    value = Signal(object)


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="True and False are immortal from Python 3.12")
def test_emits_keep_the_reference_counts_of_true_and_false():
    sender = _Sender()
    got = []
    sender.flag.connect(got.append)
    sender.value.connect(got.append)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for i in range(300):            # few enough that a buggy version fails here instead of aborting
        sender.plain.emit()
        sender.flag.emit(i % 2 == 0)
        sender.value.emit(None)
    got.clear()
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert after[0] - before[0] > -50 and after[1] - before[1] > -50, (before, after)
    assert not gui_app.emit_loses_bool_references()


def test_the_guard_pads_only_a_version_with_the_bug(monkeypatch):
    monkeypatch.setattr(gui_app, "_BOOL_PAD", [])
    monkeypatch.setattr(gui_app, "emit_loses_bool_references", lambda: False)
    gui_app.guard_emit_refcount()
    assert gui_app._BOOL_PAD == []
    monkeypatch.setattr(gui_app, "emit_loses_bool_references", lambda: True)
    gui_app.guard_emit_refcount()
    assert len(gui_app._BOOL_PAD) == 1 << 20
