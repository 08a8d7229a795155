"""What keeps `list` quick stays true: the commands load only what they need."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bank_org_constant_agrees_with_the_bank():
    from core.authority.status import CA_ORG
    from core.cli.storage_cmds import BANK_ORG
    assert BANK_ORG == CA_ORG


def test_list_loads_neither_the_phone_relay_nor_pkcs12_nor_the_bank(npki_root, tmp_path):
    from tests import factory
    factory.make_cert(factory.user_dir(npki_root))
    code = ("import sys, io, contextlib\nfrom core.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n    rc = main(['list', '--json'])\n"
            "print(rc, sorted(m for m in sys.modules if m.startswith(('core.', 'asn1crypto', 'pypinksign'))))")
    env = dict(os.environ, DOJANG_NPKI_ROOT=str(npki_root), DOJANG_HOME=str(tmp_path / "home"),
               PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT,
                         check=True).stdout
    rc, _, mods = out.partition(" ")
    loaded = set(eval(mods))  # noqa: S307 - our own child's repr of a list of names
    assert rc == "0"
    for heavy in ("core.storage.phone_transfer", "core.npki.pfx", "core.npki.keyfile", "core.authority",
                  "asn1crypto.core"):
        assert heavy not in loaded, heavy


def test_list_json_is_one_object_per_line_and_valid(npki_root, tmp_path):
    from tests import factory
    ud = factory.user_dir(npki_root)
    factory.make_cert(ud, name="홍길동")
    factory.make_cert(ud, name="김철수", key_index=1)
    env = dict(os.environ, DOJANG_NPKI_ROOT=str(npki_root), DOJANG_HOME=str(tmp_path / "home"))
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "list", "--json"], env=env,
                         capture_output=True, text=True, check=True).stdout
    rows = json.loads(out)
    assert len(rows) == 2 and out.count("\n") == 4
    assert {r["name"] for r in rows} == {"홍길동", "김철수"}
