"""The storage commands of the CLI, in process: core.cli.main(argv) with stdin fed line by line."""
from __future__ import annotations

import io
import json

import pytest

from core.cli import main
from core.npki.certfolder import CertFolder, read_cert_folder
from core.storage import registry
from tests import factory
from tests.storage.conftest import folder_bytes

NEW_PW = "new-password!42"


@pytest.fixture
def run(monkeypatch, capsys):
    """run(argv, stdin_text) -> (exit code, stdout, stderr)."""
    def _run(argv, stdin: str = ""):
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse usage errors
            code = exc.code
        out, err = capsys.readouterr()
        return code, out, err
    return _run


@pytest.fixture
def cert_id(made, hdd):
    return hdd.cert_id(hdd.certificates()[0])


def test_storages_text_and_json(run, hdd, usb, phone):
    code, out, _ = run(["storages"])
    assert code == 0 and "hdd" in out and usb.id in out and phone.id in out
    code, out, _ = run(["storages", "--json"])
    data = json.loads(out)
    assert code == 0 and [s["kind"] for s in data] == ["hdd", "removable", "phone"]
    assert all({"id", "label", "present", "free_bytes", "root"} <= s.keys() for s in data)


def test_list_and_json(run, made, cert_id, usb, npki_root):
    broken = factory.user_dir(npki_root) / "half"
    broken.mkdir()
    (broken / "signCert.der").write_bytes(b"x")
    code, out, _ = run(["list"])
    assert code == 0 and cert_id in out and "홍길동" in out and "broken" in out
    code, out, _ = run(["list", "--json"])
    rows = json.loads(out)
    good = next(r for r in rows if r["id"] == cert_id)
    assert good["status"] == "ok" and good["name"] == "홍길동" and good["has_km"] is True
    bad = next(r for r in rows if r["folder"] == "half")
    assert bad["status"] == "broken" and bad["reason"]
    code, out, _ = run(["list", "--storage", usb.id, "--json"])
    assert code == 0 and json.loads(out) == []


def test_list_missing_drive(run, usb, usb_mount):
    usb_mount.rmdir()
    code, out, err = run(["list", "--storage", usb.id])
    assert code == 1 and "No such storage" in err and err.count("\n") == 1


def test_show(run, cert_id, made):
    code, out, _ = run(["show", cert_id])
    assert code == 0 and "홍길동" in out and "seedCBCWithSHA1" in out
    code, out, _ = run(["show", cert_id, "--json"])
    data = json.loads(out)
    assert data["id"] == cert_id and data["sha256"] and data["not_after"].endswith("+09:00")
    code, out, _ = run(["show", str(made.path), "--json"])
    assert code == 0 and json.loads(out)["id"] == cert_id


def test_missing_certificate(run, made):
    code, _, err = run(["show", "deadbeef"])
    assert code == 1 and "No such certificate" in err
    code, _, err = run(["check-password", "/nonexistent/folder"], "x\n")
    assert code == 1


def test_check_password(run, cert_id):
    assert run(["check-password", cert_id], factory.PASSWORD + "\n")[0] == 0
    code, out, err = run(["check-password", cert_id], "wrong-password\n")
    assert code == 1 and "incorrect" in err and "wrong-password" not in out + err
    code, _, err = run(["check-password", cert_id], "비밀번호\n")
    assert code == 1 and "Hangul" in err
    code, _, err = run(["check-password", cert_id], "")   # nothing on stdin: bad usage
    assert code == 2


def test_password_is_never_an_argument(run, cert_id):
    code, _, _ = run(["check-password", cert_id, "--password", factory.PASSWORD])
    assert code == 2


def test_change_password(run, cert_id, made):
    code, _, err = run(["change-password", cert_id], f"wrong\n{NEW_PW}\n")
    assert code == 1 and "incorrect" in err
    code, out, _ = run(["change-password", cert_id], f"{factory.PASSWORD}\n{NEW_PW}\n")
    assert code == 0
    assert run(["check-password", cert_id], NEW_PW + "\n")[0] == 0
    assert run(["check-password", cert_id], factory.PASSWORD + "\n")[0] == 1


def test_copy_move_delete(run, made, cert_id, usb, phone):
    original = folder_bytes(made.path)
    code, out, _ = run(["copy", cert_id, "--to", usb.id])
    assert code == 0 and "Copied" in out
    code, out, _ = run(["copy", cert_id, "--to", usb.id])
    assert code == 0 and "already there" in out
    usb_id = usb.cert_id(usb.certificates()[0])
    code, out, _ = run(["move", usb_id, "--to", phone.id])
    assert code == 0 and "Moved" in out and usb.certificates() == []
    on_phone = phone.certificates()[0]
    assert folder_bytes(on_phone.path) == original
    phone_id = phone.cert_id(on_phone)
    code, _, err = run(["delete", phone_id], "n\n")
    assert code == 1 and "Cancelled" in err and phone.certificates()
    code, out, _ = run(["delete", phone_id], "y\n")
    assert code == 0 and phone.certificates() == []
    code, out, _ = run(["delete", cert_id, "--yes"])
    assert code == 0 and not made.path.exists()


def test_copy_conflict_and_missing_drive(run, made, cert_id, usb, usb_mount):
    other = factory.make_cert(factory.user_dir(usb.root), name="김철수")
    other.path.rename(other.path.parent / made.folder_name)
    code, _, err = run(["copy", cert_id, "--to", usb.id])
    assert code == 1 and "different certificate" in err
    code, out, _ = run(["copy", cert_id, "--to", usb.id, "--on-conflict", "keep-both"])
    assert code == 0 and len(usb.certificates()) == 2
    code, _, _ = run(["copy", cert_id, "--to", usb.id, "--on-conflict", "bogus"])
    assert code == 2
    code, _, err = run(["copy", cert_id, "--to", "usb-00000000"])
    assert code == 1 and "No such storage" in err
    code, _, _ = run(["copy", cert_id])  # --to is required
    assert code == 2


def test_verify_owner(run, cert_id):
    code, out, err = run(["verify-owner", cert_id], f"{factory.PASSWORD}\n900101-1234567\n")
    assert code == 0 and "verified" in out
    assert "1234567" not in out + err
    code, out, err = run(["verify-owner", cert_id], f"{factory.PASSWORD}\n８００１０１１２３４５６７\n")
    assert code == 1 and "does not match" in err and "1234567" not in out + err
    code, _, err = run(["verify-owner", cert_id], f"{factory.PASSWORD}\n12345\n")
    assert code == 2
    code, _, err = run(["verify-owner", cert_id], "wrong\n9001011234567\n")
    assert code == 1 and "incorrect" in err


def test_korean_messages(run, monkeypatch, made):
    monkeypatch.setenv("DOJANG_LANG", "ko")
    code, _, err = run(["show", "deadbeef"])
    assert code == 1 and "인증서를 찾을 수 없습니다" in err


def test_export_and_import_pfx(run, made, cert_id, usb, tmp_path):
    pytest.importorskip("core.npki.pfx")
    out_file = tmp_path / "out.pfx"
    code, _, err = run(["export-pfx", cert_id, str(out_file)], "wrong\n")
    assert code == 1 and not out_file.exists()
    for flavour in ("legacy", "modern"):
        target = tmp_path / f"{flavour}.pfx"
        code, out, _ = run(["export-pfx", cert_id, str(target), "--flavour", flavour], factory.PASSWORD + "\n")
        assert code == 0 and target.stat().st_size > 1000
    code, _, err = run(["export-pfx", cert_id, str(tmp_path / "legacy.pfx")], factory.PASSWORD + "\n")
    assert code == 1 and "already exists" in err
    code, _, err = run(["import-pfx", str(tmp_path / "modern.pfx"), "--to", usb.id], "wrong\n")
    assert code == 1 and "incorrect" in err
    code, out, _ = run(["import-pfx", str(tmp_path / "modern.pfx"), "--to", usb.id], factory.PASSWORD + "\n")
    assert code == 0 and "Imported" in out
    (entry,) = usb.certificates()
    assert entry.path.name == made.folder_name and entry.ca_folder == "yessign"
    assert entry.path.joinpath("signCert.der").read_bytes() == made.sign_cert
    entry.check_password(factory.PASSWORD)
    # the randomNum survived the round trip: the owner check still works on the imported copy
    usb_id = usb.cert_id(entry)
    code, out, _ = run(["verify-owner", usb_id], f"{factory.PASSWORD}\n9001011234567\n")
    assert code == 0
    code, out, _ = run(["import-pfx", str(tmp_path / "legacy.pfx"), "--to", usb.id], factory.PASSWORD + "\n")
    assert code == 0 and "already there" in out
    code, _, err = run(["import-pfx", str(tmp_path / "nope.pfx"), "--to", usb.id], "x\n")
    assert code == 1


def test_add_and_remove_a_folder_storage(run, tmp_path):
    backup = tmp_path / "backup" / "NPKI"
    from tests.factory import make_cert
    make_cert(backup / "yessign" / "USER")
    code, out, err = run(["add-folder", str(tmp_path / "nope")])
    assert code == 1
    code, out, err = run(["add-folder", str(backup)])
    assert code == 0, err
    code, out, _ = run(["list", "--json"])
    assert any(c["storage_kind"] == "folder" for c in json.loads(out))
    code, out, err = run(["remove-folder", str(backup)])
    assert code == 0
    code, out, _ = run(["storages", "--json"])
    assert all(s["kind"] != "folder" for s in json.loads(out))
    assert (backup / "yessign" / "USER").is_dir()              # the files stay
