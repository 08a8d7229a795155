"""본인확인: VID computed from RRN + R, checked against the certificate."""
from __future__ import annotations

import pytest
from cryptography import x509

from core.errors import NoIdentifyData
from core.npki import keyfile, vid
from tests import factory


@pytest.fixture(scope="module")
def issued(tmp_path_factory):
    root = tmp_path_factory.mktemp("npki")
    made = factory.make_cert(factory.user_dir(root))
    cert = x509.load_der_x509_certificate(made.sign_cert)
    r = keyfile.random_num(keyfile.check_password(made.sign_key, cert, factory.PASSWORD))
    return cert, r


def test_vid_verifies_for_the_right_rrn(issued):
    cert, r = issued
    assert vid.verify_vid(cert, r, factory.RRN)
    assert vid.verify_vid(cert, r, "900101-1234567")  # hyphenated input


def test_vid_fails_for_another_rrn_or_another_r(issued):
    cert, r = issued
    assert not vid.verify_vid(cert, r, "9001011234568")
    assert not vid.verify_vid(cert, bytes(20), factory.RRN)
    assert not vid.verify_vid(cert, r[:-1] + bytes([r[-1] ^ 1]), factory.RRN)


def test_identify_data_structure(issued):
    cert, r = issued
    data = vid.read_identify_data(cert)
    assert data.real_name == "홍길동" and data.hash_name == "sha256" and len(data.vid) == 32
    assert data.vid == vid.compute_vid(factory.RRN, r)


def test_vid_formula_is_double_hash_of_der():
    import hashlib
    r = bytes(range(20))
    der = bytes.fromhex("3026") + b"\x13\x0d" + b"8001011234567" + b"\x03\x15\x00" + r
    assert len(der) == 2 + 0x26
    assert vid.compute_vid("8001011234567", r) == hashlib.sha256(hashlib.sha256(der).digest()).digest()


def test_certificate_without_identify_data(tmp_path):
    ca = factory.test_issuer()
    with pytest.raises(NoIdentifyData):
        vid.read_identify_data(ca.certificate)
