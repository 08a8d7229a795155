"""Folder names from subject DNs, and containment of hostile names."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.x509.oid import NameOID
from hypothesis import given, settings, strategies as st

from core.errors import UnsafeFolderName
from core.npki.foldername import contained, folder_name_for, safe_folder_name, sanitize


def _name(*pairs):
    return x509.Name([x509.NameAttribute(oid, value) for oid, value in pairs])


def test_real_software_format():
    subject = _name((NameOID.COUNTRY_NAME, "kr"), (NameOID.ORGANIZATION_NAME, "yessign"),
                    (NameOID.ORGANIZATIONAL_UNIT_NAME, "personal4IB"), (NameOID.ORGANIZATIONAL_UNIT_NAME, "SHB"),
                    (NameOID.COMMON_NAME, "김혜원()008804520190315188002010"))
    assert folder_name_for(subject) == "cn=김혜원()008804520190315188002010,ou=SHB,ou=personal4IB,o=yessign,c=kr"
    subject = _name((NameOID.COUNTRY_NAME, "KR"), (NameOID.ORGANIZATION_NAME, "SignKorea"),
                    (NameOID.ORGANIZATIONAL_UNIT_NAME, "LicensedCA"), (NameOID.ORGANIZATIONAL_UNIT_NAME, "KOSCOM"),
                    (NameOID.COMMON_NAME, "김흥재_0000033643"))
    assert safe_folder_name(subject) == "cn=김흥재_0000033643,ou=KOSCOM,ou=LicensedCA,o=SignKorea,c=KR"


def test_no_rfc4514_escaping_of_spaces_and_plus():
    subject = _name((NameOID.COUNTRY_NAME, "KR"), (NameOID.COMMON_NAME, "Hong Gil+Dong "))
    assert folder_name_for(subject) == "cn=Hong Gil+Dong ,c=KR"


@pytest.mark.parametrize("hostile", ["../../etc", "..", ".", "a/b", "a\\b", "CON", "nul.txt", "COM1",
                                     "x\x00y", "dots...", "  ", "", "a:b", "line\nbreak", "é" * 400])
def test_sanitize_never_produces_structure(tmp_path, hostile):
    name = sanitize(hostile)
    assert name and "/" not in name and "\\" not in name and "\x00" not in name
    assert name not in (".", "..") and not name.endswith((" ", "."))
    assert len(name.encode()) <= 240
    assert contained(tmp_path, name).parent == tmp_path


def test_contained_rejects_escapes_and_symlinks(tmp_path):
    base = tmp_path / "USER"
    base.mkdir()
    for bad in ("..", "../x", "a/b", "."):
        with pytest.raises(UnsafeFolderName):
            contained(base, bad)
    outside = tmp_path / "outside"
    outside.mkdir()
    os.symlink(outside, base / "link")
    with pytest.raises(UnsafeFolderName):
        contained(base, "link")


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=300))
def test_sanitised_name_never_escapes_base(tmp_path_factory, text):
    base = tmp_path_factory.mktemp("base")
    target = contained(base, sanitize(text))
    assert Path(os.path.realpath(target)).parent == Path(os.path.realpath(base))
