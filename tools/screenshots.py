"""`make screenshots`: render every window of Dojang to PNGs (offscreen), for people to look at.

Builds a throw-away world — DOJANG_HOME with the simulated bank and its demo customers, an NPKI
root with a few certificates (one expiring soon, one expired, one broken), a fake USB stick with a
copy, a mock phone — then imports every `tools/shots_*.py` and calls its `shots(out_dir, ctx)`.
Nothing real is touched. `QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py [out_dir] [name…]`
(names pick modules, e.g. `main wizard`).
"""
from __future__ import annotations

import datetime as dt
import importlib
import os
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build_world(tmp: Path) -> dict:
    """Certificates on the hard disk, the stick and the phone; returns where things are."""
    from core.npki import policies
    from core.storage import registry
    from tests import factory

    npki = tmp / "NPKI"
    stick = tmp / "usb" / "SANDISK"
    stick.mkdir(parents=True)
    today = dt.date.today()
    hdd_user = factory.user_dir(npki)
    good = factory.make_cert(hdd_user, name="홍길동", key_index=0, start=today - dt.timedelta(days=120))
    factory.make_cert(hdd_user, name="김민지", idn="9203152234561", usage=policies.GENERAL, key_index=1,
                      start=today - dt.timedelta(days=345))                     # expires in ~3 weeks
    factory.make_cert(factory.user_dir(npki, "KICA"), org="KICA", name="이서준", idn="8507071234568",
                      key_index=2, start=today - dt.timedelta(days=400))        # expired
    broken = factory.make_cert(factory.user_dir(npki, "SignKorea"), org="SignKorea", name="박지훈",
                               usage=policies.SECURITIES, key_index=3)
    (broken.path / "signPri.key").unlink()                                       # broken: no key
    shutil.copytree(good.path, stick / "NPKI" / "yessign" / "USER" / good.folder_name)
    phone = registry.create_phone("010-2345-6789", "홍길동")
    factory.make_cert(Path(phone.root) / "yessign" / "USER", name="홍길동", cn_suffix="phone", key_index=0,
                      start=today - dt.timedelta(days=30))
    return {"npki": npki, "stick": stick}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    out = Path(argv.pop(0) if argv else "screenshots").resolve()
    wanted = set(argv)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="dojang-shots-"))
    os.environ["DOJANG_HOME"] = str(tmp / "home")
    os.environ["DOJANG_NPKI_ROOT"] = str(tmp / "NPKI")
    os.environ["DOJANG_FAKE_REMOVABLE"] = str(tmp / "usb" / "SANDISK")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    import keyring
    from PySide6.QtWidgets import QApplication

    from core.authority import Authority, Config
    from core.locations import app_home
    from core.storage import registry
    from core.storage.discovery import DiscoveryConfig
    from gui import i18n
    from gui.app import create_app
    from gui.context import AppContext
    from tests.authority.conftest import MemoryKeyring, key_factory

    app = create_app(["dojang-shots"])
    app.setStyle("Fusion")
    registry.discovery_config = DiscoveryConfig(include_real=False)   # only the fake stick
    keyring.set_keyring(MemoryKeyring())
    i18n.compile_translations()
    world = build_world(tmp)
    bank = Authority.open(app_home(), config=Config(), key_factory=key_factory())
    ctx = AppContext(open_authority=lambda: bank, clock=bank.now, language="ko")
    ctx.world = world

    modules = sorted(p.stem for p in (ROOT / "tools").glob("shots_*.py"))
    failed = []
    for name in modules:
        if wanted and name.removeprefix("shots_") not in wanted:
            continue
        i18n.apply_language("ko", ctx, app)
        t0 = time.perf_counter()
        try:
            importlib.import_module(f"tools.{name}").shots(out, ctx)
            print(f"{name}: done in {time.perf_counter() - t0:.1f} s")
        except Exception:   # noqa: BLE001 - one broken module must not hide the others' pictures
            traceback.print_exc()
            failed.append(name)
        for w in QApplication.topLevelWidgets():
            w.close()
        app.processEvents()
    bank.close()
    print(f"{len(list(out.glob('*.png')))} screenshots in {out}" + (f"; FAILED: {', '.join(failed)}" if failed else ""))
    shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
