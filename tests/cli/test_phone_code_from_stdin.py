"""`phone import NUMBER` and `phone receive` without CODE: the code is read first (stdin here), then the
password — the code never has to be in the process list (docs/hostile-input.md)."""
from __future__ import annotations

import io
import re

from core.cli import main as cli_main
from core.storage import registry
from tests import factory


def run(monkeypatch, capsys, argv, stdin=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    try:
        code = cli_main(argv)
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def transfer_code(out: str) -> str:
    return re.search(r"Code: ([0-9 -]+)", out).group(1).strip()


def test_pc_to_phone_and_back_with_the_code_on_stdin(monkeypatch, capsys, npki_root):
    made = factory.make_cert(factory.user_dir(npki_root))
    registry.create_phone("010-1234-5678", "홍길동")
    hdd_id = registry.find_storage("hdd").cert_id(registry.find_storage("hdd").certificates()[0])
    code, out, err = run(monkeypatch, capsys, ["phone", "export", hdd_id, "--to", "010-1234-5678"],
                         f"{factory.PASSWORD}\n")
    assert code == 0, err
    code, out, err = run(monkeypatch, capsys, ["phone", "import", "010-1234-5678"],
                         f"{transfer_code(out)}\n{factory.PASSWORD}\n")
    assert code == 0 and "Imported" in out, err
    phone = registry.phone_storage("010-1234-5678")
    assert [c.path.name for c in phone.certificates()] == [made.folder_name]

    (made.path / "signCert.der").unlink()                         # the PC loses its copy …
    (made.path / "signPri.key").unlink()
    made.path.rmdir()
    code, out, err = run(monkeypatch, capsys, ["phone", "send", "010-1234-5678", phone.cert_id(phone.certificates()[0])],
                         f"{factory.PASSWORD}\n")
    assert code == 0, err
    code, out, err = run(monkeypatch, capsys, ["phone", "receive", "--to", "hdd"],
                         f"{transfer_code(out)}\n{factory.PASSWORD}\n")   # … and gets it back from the phone
    assert code == 0 and "Imported" in out, err
    assert (made.path / "signCert.der").read_bytes() == made.sign_cert


def test_no_code_and_closed_stdin_asks_for_the_code_first(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", None)
    try:
        code = cli_main(["phone", "receive"])
    except SystemExit as exc:
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2 and "Transfer code" in err and len(err.strip().splitlines()) == 1
