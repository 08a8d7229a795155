"""A vendor's files with extra bytes after the DER list as good certificates; `show` notes them."""
from __future__ import annotations

import io
import json

from core.cli import main
from core.npki.certfolder import CertFolder
from core.storage import operations as ops
from tests import factory


def _vendor_cert(npki_root):
    m = factory.make_cert(factory.user_dir(npki_root), with_km=True)
    (m.path / "signCert.der").write_bytes(m.sign_cert + b"\x00" * 46)
    (m.path / "signPri.key").write_bytes(m.sign_key + b"\r\n-- trailer --\r\n")
    return m


def test_listed_good_opens_and_changes_password(npki_root, hdd):
    m = _vendor_cert(npki_root)
    [entry] = hdd.scan()
    assert isinstance(entry, CertFolder)
    assert entry.info.trailing_bytes == 46
    assert entry.check_password(factory.PASSWORD)
    ops.change_password(entry, factory.PASSWORD, "new-Pass!2026", hdd)
    [entry] = hdd.scan()
    assert entry.check_password("new-Pass!2026")
    # the certificate file itself is left as the vendor wrote it
    assert (m.path / "signCert.der").read_bytes() == m.sign_cert + b"\x00" * 46


def test_show_reports_trailing_bytes_as_a_note(npki_root, hdd, monkeypatch, capsys):
    _vendor_cert(npki_root)
    cid = hdd.cert_id(hdd.scan()[0])
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["show", cid, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["status"] == "ok"
    assert len(data["notes"]) == 2 and "46" in data["notes"][0]
    assert main(["show", cid]) == 0
    out = capsys.readouterr().out
    assert "46" in out and ("not damage" in out or "손상이 아닙니다" in out)
    assert main(["list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["status"] == "ok"
