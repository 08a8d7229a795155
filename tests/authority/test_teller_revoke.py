"""Teller.revoke: revoke an issued certificate at the counter; the CRL lists it."""
import pytest
from cryptography import x509

from core.authority import errors as E
from core.authority.demo import DEMO_CUSTOMERS

from .conftest import open_bank


@pytest.fixture
def demo_bank(home, clock, memory_keyring):
    a = open_bank(home, clock, memory_keyring, seed_demo=True)
    yield a
    a.close()


def test_teller_revokes_an_active_certificate(demo_bank):
    teller = demo_bank.teller()
    expiring = next(c for c in DEMO_CUSTOMERS if c.certificate == "expiring")
    cid = teller.find_customer(expiring.name)
    cert = next(c for c in teller.certificates() if c["customer_id"] == cid)
    assert cert["status"] == "active"
    teller.revoke(cert["serial"], "key_compromise")
    assert next(c for c in teller.certificates() if c["serial"] == cert["serial"])["status"] == "revoked"
    crl = x509.load_der_x509_crl(demo_bank.crl_der())
    assert crl.get_revoked_certificate_by_serial_number(int(cert["serial"], 16)) is not None
    audit = teller.audit()[-1]
    assert audit["action"] == "teller.revoke" and audit["detail"]["serial"] == cert["serial"]
    with pytest.raises(E.NotActive):
        teller.revoke(cert["serial"])
    with pytest.raises(E.CertificateUnknown):
        teller.revoke("abcdef")
    with pytest.raises(E.InvalidInput):
        teller.revoke(cert["serial"], "because")
