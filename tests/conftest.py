import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DOJANG_LANG", "en")


@pytest.fixture(autouse=True)
def _isolated_locations(tmp_path, monkeypatch):
    """Every test gets its own NPKI root and DOJANG_HOME; nothing touches the real home."""
    monkeypatch.setenv("DOJANG_NPKI_ROOT", str(tmp_path / "hdd" / "NPKI"))
    monkeypatch.setenv("DOJANG_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("DOJANG_FAKE_REMOVABLE", raising=False)
    # core messages start "automatic" (DOJANG_LANG=en above) and a test that picks a language
    # (the GUI does, through set_language) cannot leak it into the next test
    import core.i18n
    monkeypatch.setattr(core.i18n, "_chosen", None)


@pytest.fixture
def npki_root(tmp_path):
    root = tmp_path / "hdd" / "NPKI"
    root.mkdir(parents=True, exist_ok=True)
    return root
