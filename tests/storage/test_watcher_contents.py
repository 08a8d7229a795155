"""StorageWatcher: a storage's certificates changing behind the app's back is noticed by stat alone."""
from __future__ import annotations

import os
import shutil

from core.storage.watcher import StorageWatcher, tree_signature
from tests import factory


def _bump(path):
    st = os.stat(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def test_signature_follows_adds_removes_and_replacements(tmp_path):
    root = tmp_path / "NPKI"
    assert tree_signature(root) == ()
    root.mkdir()
    empty = tree_signature(root)
    made = factory.make_cert(factory.user_dir(root))
    one = tree_signature(root)
    assert one != empty and any(made.path.name in (entry[2] if len(entry) > 2 else ()) for entry in one)
    _bump(made.path.parent)                             # a folder renamed into USER (how Dojang replaces one)
    assert tree_signature(root) != one
    two = tree_signature(root)
    shutil.rmtree(made.path)
    assert tree_signature(root) != two
    # nothing but stat: a folder that is not a certificate layout is not walked deeper than CA/USER
    (root / "junk" / "deep" / "deeper").mkdir(parents=True)
    assert all(e[0].count(os.sep) - str(root).count(os.sep) <= 2 for e in tree_signature(root))


def test_symlinked_folders_are_not_followed(tmp_path):
    root = tmp_path / "NPKI"
    outside = tmp_path / "outside" / "USER"
    outside.mkdir(parents=True)
    root.mkdir()
    (root / "linked").symlink_to(tmp_path / "outside")
    assert [e[0] for e in tree_signature(root)] == [str(root)]


def test_poll_reports_changed_storages_once_and_baselines_new_ones(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    seen = []
    w = StorageWatcher(seen.append, interval=0.05)
    w.set_targets({"hdd": a, "usb": b})
    assert w.poll_once() == []                          # first look: a baseline, not a change
    factory.make_cert(factory.user_dir(b))
    assert w.poll_once() == ["usb"] and seen == ["usb"]
    assert w.poll_once() == []
    w.set_targets({"hdd": a})                          # the stick went: no longer watched
    shutil.rmtree(b)
    assert w.poll_once() == []


def test_thread_calls_back_and_a_failing_callback_does_not_stop_it(tmp_path):
    import threading
    root = tmp_path / "NPKI"
    root.mkdir()
    hit = threading.Event()
    calls = []

    def cb(sid):
        calls.append(sid)
        if len(calls) == 1:
            raise RuntimeError("boom")
        hit.set()
    w = StorageWatcher(cb, interval=0.02)
    w.set_targets({"hdd": root})
    w.start()
    try:
        import time
        time.sleep(0.1)
        factory.make_cert(factory.user_dir(root), name="가")
        time.sleep(0.2)
        factory.make_cert(factory.user_dir(root), name="나", key_index=1)
        assert hit.wait(5)
    finally:
        w.stop()
    assert not w.running
