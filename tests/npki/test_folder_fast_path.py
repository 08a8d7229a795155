"""read_cert_folder's quick path (one listdir, no DirEntry objects) answers exactly like the careful
scandir path, for ordinary folders and for every odd one (docs/npki-codec.md "Listing speed")."""
from __future__ import annotations

import os

import pytest

from core.npki import certfolder
from core.npki.certfolder import BrokenFolder, CertFolder, read_cert_folder
from tests import factory


def _careful(folder, check_key):
    saved = certfolder.read_plain_folder
    certfolder.read_plain_folder = lambda *a: None
    try:
        return read_cert_folder(folder, "yessign", check_key=check_key)
    finally:
        certfolder.read_plain_folder = saved


def _same(a, b) -> None:
    assert type(a) is type(b)
    if isinstance(a, CertFolder):
        assert a == b and a.file_names == b.file_names and list(a.file_names) == list(b.file_names)
        assert a.info.trailing_bytes == b.info.trailing_bytes
    else:
        assert (a.path, a.ca_folder, a.error.code, a.reason("en")) == (b.path, b.ca_folder, b.error.code,
                                                                       b.reason("en"))


def _mkfifo(path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(path)


LAYOUTS = {
    "plain": lambda f: None,
    "km": lambda f: ((f / "kmCert.der").write_bytes((f / "signCert.der").read_bytes()),
                     (f / "kmPri.key").write_bytes((f / "signPri.key").read_bytes())),
    "extra file": lambda f: (f / "backup.pfx").write_bytes(b"x"),
    "sub-folder": lambda f: (f / "sub").mkdir(),
    "upper-case names": lambda f: ((f / "signCert.der").rename(f / "SIGNCERT.DER"),
                                   (f / "signPri.key").rename(f / "SignPri.Key")),
    "cert is a folder": lambda f: ((f / "signCert.der").unlink(), (f / "signCert.der").mkdir()),
    "key is a folder": lambda f: ((f / "signPri.key").unlink(), (f / "signPri.key").mkdir()),
    "km is a folder": lambda f: ((f / "kmPri.key").mkdir(), (f / "kmCert.der").write_bytes(b"0")),
    "cert is a link": lambda f: ((f / "signCert.der").rename(f / "real.der"),
                                 (f / "signCert.der").symlink_to("real.der")),
    "key is a link": lambda f: ((f / "signPri.key").rename(f / "real.key"),
                                (f / "signPri.key").symlink_to("real.key")),
    "extra link": lambda f: (f / "link").symlink_to("signCert.der"),
    "key is a fifo": lambda f: ((f / "signPri.key").unlink(), _mkfifo(f / "signPri.key")),
    "empty key": lambda f: (f / "signPri.key").write_bytes(b""),
    "garbage key": lambda f: (f / "signPri.key").write_bytes(b"\x30\x03\x02\x01\x00"),
    "unknown key algorithm": lambda f: (f / "signPri.key").write_bytes(bytes.fromhex("300a3006060455aa0102") + b"\x04\x00"),
    "garbage cert": lambda f: (f / "signCert.der").write_bytes(b"\x30\x03\x02\x01\x00"),
    "empty cert": lambda f: (f / "signCert.der").write_bytes(b""),
    "cert with trailer": lambda f: (f / "signCert.der").write_bytes((f / "signCert.der").read_bytes() + b"\0" * 46),
    "huge cert": lambda f: (f / "signCert.der").write_bytes(b"\x30" * (certfolder.MAX_FILE + 1)),
    "huge key": lambda f: (f / "signPri.key").write_bytes(b"\x30" * (certfolder.MAX_FILE + 1)),
    "no key": lambda f: (f / "signPri.key").unlink(),
    "no cert": lambda f: (f / "signCert.der").unlink(),
    "neither": lambda f: ((f / "signPri.key").unlink(), (f / "signCert.der").unlink()),
    "both spellings": lambda f: (f / "SIGNCERT.DER").write_bytes(b"not the one"),
}


@pytest.mark.parametrize("check_key", [True, False])
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_quick_and_careful_paths_agree(tmp_path, layout, check_key):
    made = factory.make_cert(factory.user_dir(tmp_path / "NPKI"))
    LAYOUTS[layout](made.path)
    quick = read_cert_folder(made.path, "yessign", check_key=check_key)
    _same(quick, _careful(made.path, check_key))
    if layout == "plain":
        assert isinstance(quick, CertFolder)
    if layout in ("garbage key", "unknown key algorithm") and check_key:
        assert isinstance(quick, BrokenFolder)


def test_quick_path_takes_the_common_case(tmp_path, monkeypatch):
    made = factory.make_cert(factory.user_dir(tmp_path / "NPKI"), with_km=True)
    calls = []
    monkeypatch.setattr(certfolder, "find_file_names", lambda *a: calls.append(a) or {})
    entry = read_cert_folder(made.path, "yessign", check_key=True)
    assert isinstance(entry, CertFolder) and entry.has_km and not calls


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_lazy_key_check_gives_the_eager_answer(tmp_path, layout):
    """A listing reads no key files (check_key=False) and checks them after (verify_key): the two
    steps together answer exactly like the eager read, for every odd layout."""
    made = factory.make_cert(factory.user_dir(tmp_path / "NPKI"))
    LAYOUTS[layout](made.path)
    lazy = read_cert_folder(made.path, "yessign", check_key=False)
    _same(certfolder.verify_key(lazy), read_cert_folder(made.path, "yessign", check_key=True))
    if layout in ("empty key", "huge key", "garbage key", "unknown key algorithm"):
        assert isinstance(lazy, CertFolder)             # not read yet: looks fine
        assert isinstance(certfolder.verify_key(lazy), BrokenFolder)


def test_lazy_listing_opens_no_key_file(tmp_path, monkeypatch):
    made = factory.make_cert(factory.user_dir(tmp_path / "NPKI"), with_km=True)
    opened = []
    real_open = os.open
    monkeypatch.setattr(certfolder.os, "open", lambda path, *a, **kw: opened.append(str(path)) or real_open(path, *a, **kw))
    entry = read_cert_folder(made.path, "yessign", check_key=False)
    assert isinstance(entry, CertFolder) and entry.has_km
    assert [os.path.basename(p) for p in opened] == ["signCert.der"]
    assert certfolder.verify_key(entry) is entry
    assert os.path.basename(opened[-1]) == "signPri.key"
