"""인증서 로그인, the client's side (docs/bank-flows.md "Certificate login").

Open the key with the certificate's password (a wrong one never reaches the bank), ask the bank for
a fresh challenge, sign it with the key, and send the certificate, the signature and R (for the
identity check). The bank decides; its refusal says why in its own words. A 금융인증서 is signed by
the cloud after its PIN (docs/bank-flows.md "금융인증서")."""
from __future__ import annotations

from cryptography.hazmat.primitives.serialization import load_der_private_key

from ..authority.client import AuthorityClient
from ..authority.login import LoginResult
from ..authority.proof import sign_possession
from ..npki import keyfile
from ..npki.certfolder import CertFolder


def login_with_certificate(bank: AuthorityClient, cert: CertFolder, password) -> LoginResult:
    plain = bytearray(cert.check_password(password))       # WrongPassword / KeyMismatch: nothing sent
    try:
        key = load_der_private_key(bytes(plain), None)
        r = keyfile.random_num(bytes(plain))
    finally:
        keyfile.wipe(plain)
    challenge = bank.login_challenge()
    signature = sign_possession(key, "login", cert.info.der, challenge.nonce)
    return bank.login(challenge.id, cert.info.der, r, signature)


def login_with_cloud(bank: AuthorityClient, device: str, serial: int, pin) -> LoginResult:
    """The same login with a 금융인증서: the cloud checks that `device` is connected and the PIN (a
    wrong one counts toward its lock), then signs the bank's fresh challenge; the bank checks the
    signature, the certificate, the VID and the status as for any certificate."""
    challenge = bank.login_challenge()
    signed = bank.cloud_sign(device, serial, pin, "login", challenge.nonce)
    return bank.login(challenge.id, signed.cert_der, signed.r, signed.signature)


__all__ = ["login_with_certificate", "login_with_cloud"]
