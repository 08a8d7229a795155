"""`Authority`: the simulated bank's thin front (docs/bank-flows.md "The simulated bank"; docs/bank-core.md).

It wires the parts together and implements `AuthorityClient`, the interface the flows use:

- `store`     — database, vault, clock, audit (store.py);
- `ca`        — keys, signing, CRL (ca.py);
- `identity`  — STEP 1 and 2: customers, sessions, terms (identity.py);
- channels    — STEP 3: ARS, SMS, security card, OTP, one class each (channels/);
- `issuance`  — issue / reissue / renew / register / revoke, two-phase (issuance.py);
- products    — what kinds of certificate exist (products.py);
- `cloud`     — the simulated 금융결제원 cloud of 금융인증서 keys, PINs and devices (cloud.py).

Two surfaces are deliberately outside the client interface: `teller()` — the bank's back office
(the `bank` CLI and the teller panel) — and `devices` — the customers' simulated card and token
(the demo panel, scripted issuance). The phone side of an ARS call (`answer_call`, `decline_call`)
belongs to the mock phone.

Opening is safe when several processes start at once and after a kill at any point: the whole
start runs under one lock between processes, and each of its steps is idempotent or one
transaction (docs/bank-core.md "First start").
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from ..npki import policies
from . import ca as ca_mod
from . import errors as E
from . import phones
from .ca import CertificateAuthority
from .channels import (MEDIA, PHONE, REGISTRY, ArsChannel, ArsStarted, CardChallenge, Challenge, ChannelEnv,
                       ChannelSpec, SessionInfo, SmsSent)
from .client import AuthorityClient
from .cloud import Cloud, CloudAccount, CloudCode, CloudSignature
from .identity import Identity, Session, SessionStatus
from .issuance import ISSUE, REISSUE, IssuedCert, Issuance, RegisteredCert
from .login import LoginChallenge, LoginResult, LoginService
from .products import Product, products
from .store import Store, bank_home, open_lock
from .terms import Terms
from .timeutil import Clock, system_clock

GENERAL, BANKING = policies.GENERAL, policies.BANKING


@dataclass(frozen=True)
class Config:
    """Limits of the verification channels and the sessions (docs/bank-flows.md "Limits"). All configurable;
    defaults from the spec. Fees, validity and renewal windows belong to the products."""
    account_password_limit: int = 5
    card_limit: int = 5
    otp_limit: int = 10
    sms_ttl: int = 180                # seconds
    sms_wrong_limit: int = 5          # wrong entries per code
    sms_resend_limit: int = 5         # codes sent after the first one, per session
    sms_lock_limit: int = 10          # wrong entries in a row, across codes and sessions: the SMS channel locks
    ars_ttl: int = 120
    ars_wrong_limit: int = 3          # wrong keyings per call
    ars_call_limit: int = 5           # calls placed per session
    ars_lock_limit: int = 10          # wrong keyings in a row, across calls: the ARS channel locks
    session_ttl: int = 30 * 60
    otp_interval: int = 60
    otp_window: int = 1               # steps of clock drift accepted either side
    pending_ttl: int = 24 * 3600      # pending certificates older than this are cancelled


class Authority:
    """The in-process simulated bank. Open with `Authority.open()`; close when done."""

    def __init__(self, store: Store, *, config: Config, key_factory):
        self.store = store
        self.config = config
        self.key_factory = key_factory
        self.channel_env = ChannelEnv(store, config)
        self.identity = Identity(store, self.channel_env)
        self.ca = CertificateAuthority(store, key_factory)
        self.issuance = Issuance(store, self.ca, self.identity, config)
        self.logins = LoginService(store, self.identity, self.issuance)
        self.cloud = Cloud(store, self.identity, self.issuance, key_factory)
        self.demo_seeded_now = False    # True when this open created the demo customers (and their files)

    # --- life cycle ------------------------------------------------------------------------------

    @classmethod
    def open(cls, home: Path | None = None, *, clock: Clock | None = None, config: Config | None = None,
             keyring_backend=None, key_factory=None, seed_demo: bool = True) -> "Authority":
        """Open (and on first start create) the bank under `home` (default: app_home()).

        keyring_backend: a `keyring` backend instead of the default (tests use an in-memory one);
        key_factory: returns RSA-2048 private keys for the CA (and demo certificates)."""
        home, portable = bank_home(home)
        with open_lock(home):
            store = Store.open(home, portable=portable, clock=clock or system_clock, keyring_backend=keyring_backend)
            self = cls(store, config=config or Config(), key_factory=key_factory or ca_mod.default_key_factory)
            try:
                self.ca.ensure()
                self.issuance.sweep_pending()
                if seed_demo:
                    from .demo import seed_demo
                    self.demo_seeded_now = seed_demo(self)
            except BaseException:
                store.close()
                raise
        return self

    def close(self) -> None:
        self.store.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def db(self):
        return self.store.db

    @property
    def home(self) -> Path:
        return self.store.home

    @property
    def clock(self) -> Clock:
        return self.store.clock

    @property
    def master_key_source(self) -> str:
        return self.store.master_key_source

    @property
    def master_key_notice(self) -> tuple[str, str] | None:
        return self.store.master_key_notice

    def now(self) -> dt.datetime:
        return self.store.now()

    def master_key_notice_text(self, lang: str | None = None) -> str | None:
        from ..i18n import pick
        notice = self.master_key_notice
        return pick(*notice, lang) if notice else None

    # --- what the bank offers ----------------------------------------------------------------------

    @staticmethod
    def products() -> list[Product]:
        return products()

    def terms(self) -> list[Terms]:
        return self.identity.terms()

    # --- STEP 1–3 -------------------------------------------------------------------------------------

    def verify_customer(self, name: str, rrn: str, account: str, account_password: str) -> Session:
        return self.identity.verify_customer(name, rrn, account, account_password)

    def end_session(self, session: Session | str) -> None:
        self.identity.end(session)

    def agree_terms(self, session: Session | str, agreed: Mapping[str, str]) -> None:
        self.identity.agree_terms(session, agreed)

    def session_status(self, session: Session | str) -> SessionStatus:
        return self.identity.status(session)

    def channels(self, session: Session | str, factor: int) -> list[ChannelSpec]:
        """The channels of `factor` this session's customer can use."""
        s = self.identity.session(session)
        return [c.spec for c in REGISTRY.of_factor(factor) if c.available(self.channel_env, s.customer_id)]

    def _for_channel(self, session, channel: str):
        s = self.identity.session(session)
        ch = REGISTRY.get(channel)
        for factor in range(PHONE, ch.spec.factor):      # a later factor needs the earlier ones
            if not s.factor_done(factor):
                raise E.StepMissing("first_factor" if factor == PHONE else "second_factor")
        return s, ch

    def start_channel(self, session: Session | str, channel: str) -> Challenge:
        s, ch = self._for_channel(session, channel)
        return ch.start(self.channel_env, s)

    def answer_channel(self, session: Session | str, channel: str, answer: str) -> None:
        s, ch = self._for_channel(session, channel)
        ch.answer(self.channel_env, s, answer)

    def poll_channel(self, session: Session | str, channel: str) -> bool:
        s, ch = self._for_channel(session, channel)
        return ch.poll(self.channel_env, s)

    # conveniences of the built-in channels (CLI, tests, the teller's tools)
    def start_ars(self, session) -> ArsStarted:
        return self.start_channel(session, "ars")

    def check_ars(self, session) -> bool:
        return self.poll_channel(session, "ars")

    def send_sms(self, session) -> SmsSent:
        return self.start_channel(session, "sms")

    def check_sms(self, session, code: str) -> None:
        self.answer_channel(session, "sms", code)

    def card_challenge(self, session) -> CardChallenge:
        return self.start_channel(session, "card")

    def check_card(self, session, answer: str) -> None:
        self.answer_channel(session, "card", answer)

    def check_otp(self, session, code: str) -> None:
        self.answer_channel(session, "otp", code)

    # --- the mock phone's side of an ARS call --------------------------------------------------------

    def _ars(self) -> ArsChannel:
        return REGISTRY.get("ars")

    def incoming_call(self, number: str) -> phones.Call | None:
        """The mock phone's ringing call (by the bank's clock)."""
        return phones.incoming_call(number, self.now(), self.home)

    def phone_messages(self, number: str) -> list[phones.Message]:
        return phones.list_messages(number, self.home)

    def answer_call(self, number: str, digits: str) -> None:
        self._ars().key_on_phone(self.channel_env, number, digits)

    def decline_call(self, number: str) -> None:
        self._ars().decline_on_phone(self.channel_env, number)

    # --- STEP 4 and the other tasks --------------------------------------------------------------------

    def precheck(self, session: Session | str, operation: str, product_id: str | None) -> None:
        """What the bank refuses before any code is sent: an operation of `product_id`, or
        "reset_pin" (the customer has no 금융인증서 in the cloud)."""
        from .products import product
        s = self.identity.session(session)
        if operation == "reset_pin":
            self.cloud.require_certificate(s.customer_id)
            return
        self.issuance.precheck(s.customer_id, operation, product(product_id))

    def issue(self, session: Session | str, csr_der: bytes, r: bytes, product_id: str = BANKING, *,
              request_id: str | None = None) -> IssuedCert:
        """Sign a new certificate for the session's customer; returned *pending* (see confirm_delivery)."""
        return self.issuance.request(session, csr_der, r, product_id, ISSUE, request_id)

    def reissue(self, session: Session | str, csr_der: bytes, r: bytes, product_id: str = BANKING, *,
                request_id: str | None = None) -> IssuedCert:
        """Like issue; on confirm_delivery the customer's active certificates of this kind are revoked."""
        return self.issuance.request(session, csr_der, r, product_id, REISSUE, request_id)

    def renew(self, old_cert_der: bytes, csr_der: bytes, r: bytes, signature: bytes, *,
              request_id: str | None = None) -> IssuedCert:
        return self.issuance.renew(old_cert_der, csr_der, r, signature, request_id)

    def confirm_delivery(self, serial: int) -> IssuedCert:
        return self.issuance.confirm(serial)

    def cancel_pending(self, serial: int) -> None:
        self.issuance.cancel(serial)

    def cancel_request(self, request_id: str) -> int:
        return self.issuance.cancel_request(request_id)

    def request_status(self, request_id: str) -> list[tuple[int, str]]:
        return self.issuance.request_status(request_id)

    def register(self, session: Session | str, cert_der: bytes, r: bytes) -> RegisteredCert:
        return self.issuance.register(session, cert_der, r)

    def registered_certificates(self, session: Session | str) -> list[RegisteredCert]:
        return self.issuance.registered(session)

    def revoke(self, cert_der: bytes, *, signature: bytes | None = None, session: Session | str | None = None,
               reason: str = "unspecified") -> None:
        self.issuance.revoke(cert_der, signature=signature, session=session, reason=reason)

    def certificate_status(self, cert_der: bytes) -> str:
        return self.issuance.status(cert_der)

    # 인증서 로그인 (docs/bank-flows.md "Certificate login")
    def login_challenge(self) -> LoginChallenge:
        return self.logins.challenge()

    def login(self, challenge_id: str, cert_der: bytes, r: bytes, signature: bytes) -> LoginResult:
        return self.logins.login(challenge_id, cert_der, r, signature)

    # the simulated 금융결제원 cloud (docs/bank-flows.md "금융인증서")
    def this_device(self) -> str:
        return self.cloud.this_pc()

    def cloud_connect(self, name: str, phone: str, device: str, device_name: str) -> CloudCode:
        return self.cloud.connect(name, phone, device, device_name)

    def cloud_confirm_connect(self, code_id: int, code: str) -> None:
        self.cloud.confirm_connect(code_id, code)

    def cloud_disconnect(self, device: str, customer_id: int | None = None) -> int:
        return self.cloud.disconnect(device, customer_id)

    def cloud_accounts(self, device: str) -> list[CloudAccount]:
        return self.cloud.accounts(device)

    def cloud_issue(self, session: Session | str, pin, repeat, product_id: str, device: str, device_name: str, *,
                    request_id: str | None = None, operation: str = ISSUE) -> IssuedCert:
        return self.cloud.issue(session, pin, repeat, product_id, device, device_name, request_id=request_id,
                                operation=operation)

    def cloud_sign(self, device: str, serial: int, pin, action: str, payload: bytes = b"") -> CloudSignature:
        return self.cloud.sign(device, serial, pin, action, payload)

    def cloud_change_pin(self, device: str, serial: int, pin, new_pin, repeat=None) -> None:
        self.cloud.change_pin(device, serial, pin, new_pin, repeat)

    def cloud_reset_pin(self, session: Session | str, new_pin, repeat=None) -> int:
        return self.cloud.reset_pin(session, new_pin, repeat)

    def cloud_renew(self, device: str, serial: int, pin, *, request_id: str | None = None) -> IssuedCert:
        return self.cloud.renew(device, serial, pin, request_id=request_id)

    def cloud_revoke(self, device: str, serial: int, pin) -> None:
        self.cloud.revoke(device, serial, pin)

    def cloud_auto_renew(self, device: str, serial: int, pin, on: bool) -> None:
        self.cloud.set_auto_renew(device, serial, pin, on)

    def ca_certificates(self) -> tuple[bytes, bytes]:
        return self.ca.certificates()

    def ca_chain_pem(self) -> bytes:
        return self.ca.chain_pem()

    def crl_der(self) -> bytes:
        return self.ca.crl_der()

    # --- other surfaces ------------------------------------------------------------------------------

    def teller(self):
        from .teller import Teller
        return Teller(self)

    @property
    def devices(self):
        from .devices import SimulatedDevices
        return SimulatedDevices(self)


def _implements(cls) -> None:
    """Fail at import when Authority misses a method of the client interface."""
    missing = [name for name in dir(AuthorityClient) if not name.startswith("_") and not hasattr(cls, name)]
    if missing:
        raise TypeError(f"Authority does not implement {missing}")


_implements(Authority)

__all__ = ["ArsStarted", "Authority", "AuthorityClient", "BANKING", "CardChallenge", "Config", "GENERAL",
           "IssuedCert", "MEDIA", "PHONE", "RegisteredCert", "Session", "SessionInfo", "SessionStatus", "SmsSent",
           "system_clock"]
