"""The machinery every certificate-centre flow shares: navigation (steps as data, steps.py), Back
and Cancel, field errors, the identity steps (STEP 1–3 of docs/bank-flows.md "Issuance in four steps") over the bank's
generic channels, the client-side key pair, and the safe save.

A flow is a plain object. Its current step is `flow.step`; each step has a method that takes what
the person entered, checks it, asks the bank and moves on — or raises `FieldError` naming the
field at fault (shown inline by the GUI) / `FlowError` for the page as a whole, and stays where it
is. `back()` returns to the previous step; `cancel()` ends the flow leaving nothing behind. The
order of steps is the flow's `NAV` (steps.py), declared once per flow.

The bank is reached only through `AuthorityClient` (core/authority/client.py).

What is kept between steps is `flow.data`: only non-secret values (certificate type, name, RRN,
account number, chosen channels and storage, agreed terms). Passwords, the account PIN and
one-time codes are passed to the step method that needs them and never stored, so neither Back nor
the history can bring one back (docs/bank-flows.md "Nothing secret in the history"). The RRN and account number are kept so
that Back restores the form, and are masked in every repr.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import threading
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from cryptography.hazmat.primitives.asymmetric import rsa

from ..authority import errors as AE
from ..authority.channels import MEDIA, PHONE, Challenge, ChannelSpec
from ..authority.client import AuthorityClient
from ..authority.identity import Session
from ..authority.issuance import IssuedCert
from ..authority.products import Product
from ..authority.proof import make_csr
from ..authority.timeutil import system_clock
from ..errors import Cancelled, DojangError
from ..npki import builder, keyfile
from ..npki.certfolder import SIGN_CERT, SIGN_KEY, CertFolder, read_cert_folder
from ..npki.certificate import KST, parse_certificate
from ..npki.foldername import sanitize
from ..storage import operations as ops
from ..storage import safewrite, switch
from ..storage.base import PHONE as PHONE_STORAGE
from ..storage.base import Storage, drive_lock
from ..validation import numbers
from ..validation.password import PasswordResult, PersonalInfo, check_password, passwords_match
from ..validation.result import Problem
from .interfaces import NoNotices, Notices, Progress, Text
from .journal import Journal
from .steps import CANCELLED, CUSTOMER, DONE, FIRST_FACTOR, SECOND_FACTOR, TERMS, Navigation, Stage

log = logging.getLogger("dojang.flows")

Clock = Callable[[], dt.datetime]
KeyFactory = Callable[[], rsa.RSAPrivateKey]

ARS, SMS = "ars", "sms"
CARD, OTP = "card", "otp"
FACTOR_OF_STEP = {FIRST_FACTOR: PHONE, SECOND_FACTOR: MEDIA}
STEP_OF_FACTOR = {PHONE: FIRST_FACTOR, MEDIA: SECOND_FACTOR}
CHOICE_KEY = {PHONE: "first_channel", MEDIA: "second_kind"}     # where flow.data keeps the chosen channel


# --- errors ------------------------------------------------------------------------------------

class FlowError(DojangError):
    """A step refused what was entered (or the bank refused it). The flow stays on its step."""
    code = "flow_error"

    def __init__(self, ko: str | None = None, en: str | None = None, *, cause: DojangError | None = None,
                 field: str | None = None, remaining: int | None = None):
        if cause is not None:
            ko = ko or cause.ko
            en = en or cause.en
        super().__init__(ko, en)
        self.cause = cause
        self.field = field
        self.remaining = remaining if remaining is not None else getattr(cause, "remaining", None)
        self.code = getattr(cause, "code", None) or self.code

    @classmethod
    def wrap(cls, exc: DojangError, field: str | None = None) -> "FlowError":
        return exc if isinstance(exc, FlowError) else cls(cause=exc, field=field)


class FieldError(FlowError):
    """One input field is wrong; `field` names it, `problem` says why (ko/en)."""
    code = "field_error"

    def __init__(self, field: str, problem: Problem | DojangError):
        if isinstance(problem, Problem):
            super().__init__(problem.ko, problem.en, field=field)
            self.code = problem.code
        else:
            super().__init__(cause=problem, field=field)


class StepOrderError(RuntimeError):
    """A programming error: a step method called while the flow is on another step."""


# --- flow data (non-secret) ----------------------------------------------------------------------

class FlowData(dict):
    """The non-secret form values; masks the RRN and account number in its repr."""

    def __repr__(self) -> str:
        shown = dict(self)
        if shown.get("rrn"):
            shown["rrn"] = numbers.mask_rrn(shown["rrn"])
        if shown.get("account"):
            shown["account"] = numbers.mask_account(shown["account"])
        return f"FlowData({shown!r})"

    __str__ = __repr__


# --- the client-side key pair ----------------------------------------------------------------------

def _rsa2048() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(65537, 2048)


class KeyMaker:
    """Generates the new RSA-2048 key pair on the client.

    With an `executor` the key is started in the background as soon as the flow begins (the
    person is typing meanwhile) — the caller chooses the thread. Without one, `take()` generates
    it on the calling thread. The key lives only in memory; `discard()` drops it (Cancel)."""

    def __init__(self, factory: KeyFactory | None = None, executor: Executor | None = None):
        self._factory = factory or _rsa2048
        self._executor = executor
        self._future: Future | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        with self._lock:
            if self._executor is not None and self._future is None:
                self._future = self._executor.submit(self._factory)

    def take(self) -> rsa.RSAPrivateKey:
        """The key (waits for a background one); the next call makes a fresh one."""
        with self._lock:
            future, self._future = self._future, None
        return future.result() if future is not None else self._factory()

    def discard(self) -> None:
        with self._lock:
            future, self._future = self._future, None
        if future is not None:
            future.cancel()


# --- results -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Completion:
    """What the completion page shows (docs/bank-flows.md "The completion page")."""
    kind: str                      # issue / reissue / renew / register / revoke
    storage: Storage | None
    path: Path | None              # the saved certificate folder
    cert_type: str | None          # policies.GENERAL / BANKING
    serial: int | None
    not_before: dt.datetime | None
    not_after: dt.datetime | None
    fee: int = 0
    subject: str = ""
    removed: tuple[Path, ...] = ()            # old copies deleted (reissue / renew / revoke)
    kept: tuple[tuple[Path, str], ...] = ()   # old copies that could not be deleted, with why (en)
    notes: tuple[Text, ...] = ()


# --- the base flow ---------------------------------------------------------------------------------

class Flow:
    """Navigation shared by all flows: the declared steps (`NAV`), visited history, Back and Cancel."""

    kind = "flow"
    NAV: Navigation

    def __init__(self, authority: AuthorityClient, *, storages: Callable[[], list[Storage]] | None = None,
                 clock: Clock | None = None, keys: KeyMaker | None = None, notices: Notices | None = None,
                 journal: Journal | None = None):
        self.bank = authority
        self._storages = storages
        self.clock: Clock = clock or authority.now or system_clock
        self.keys = keys or KeyMaker()
        self.notices: Notices = notices or NoNotices()
        self.journal = journal or Journal()
        self.data = FlowData()
        self.step = self.NAV.first
        self._history: list[str] = []
        self.result: Completion | None = None
        self.busy = False

    # navigation --------------------------------------------------------------------------------

    def steps(self) -> list[str]:
        """Every step this flow can show, in order, DONE last."""
        return self.NAV.step_ids()

    def stages(self) -> list[Stage]:
        return self.NAV.stages()

    @property
    def stage(self) -> int:
        """Index of the current step's stage in `stages()`."""
        return self.NAV.stage_index(self.step)

    @property
    def finished(self) -> bool:
        return self.step in (DONE, CANCELLED)

    def _expect(self, *steps: str) -> None:
        if self.step not in steps:
            raise StepOrderError(f"{self.kind}: on step {self.step!r}, not {steps!r}")

    def _go(self, step: str) -> None:
        self._history.append(self.step)
        self.step = step
        self._entered(step)

    def advance(self) -> None:
        """On to the step the navigation map names after this one."""
        self._go(self.NAV.next(self, self.step))

    def _finish(self, result: "Completion") -> "Completion":
        self.result = result
        self._history.clear()
        self.step = DONE
        return result

    def _entered(self, step: str) -> None:
        """Hook: reset per-step state when a step is (re-)entered."""

    def can_back(self) -> bool:
        return bool(self._history) and not self.finished and not self.busy

    def back(self) -> str:
        """Return to the previous step. Form values in `data` stay; secrets were never kept."""
        if not self.can_back():
            raise StepOrderError("cannot go back")
        self.step = self._history.pop()
        self._entered(self.step)
        return self.step

    def cancel(self) -> None:
        """Stop here: no key, no certificate record, no file, no debit."""
        if self.step == DONE:
            return
        self.keys.discard()
        self._end_session()
        self.step = CANCELLED

    def pin_feedback(self, pin, repeat=None) -> Problem | None:
        """Why a new PIN would be refused (docs/bank-flows.md "금융인증서"), or None."""
        from ..authority.cloud import pin_problem    # a product's PIN (금융인증서): issue and PIN 재설정
        if repeat is not None and str(pin) != str(repeat):
            reason = "mismatch"
        else:
            rrn = self.data.get("rrn") or ""
            reason = pin_problem(pin, rrn[:6] if len(rrn) >= 6 else None)
        if reason is None:
            return None
        exc = AE.PinRejected(reason)
        return Problem(f"pin_{reason}", exc.ko, exc.en)

    def _end_session(self) -> None:
        pass

    # products ----------------------------------------------------------------------------------

    def products(self) -> list[Product]:
        return self.bank.products()

    def product_of(self, product_id: str | None) -> Product | None:
        return next((p for p in self.products() if p.id == product_id), None)

    # storages ----------------------------------------------------------------------------------

    def storages(self) -> list[Storage]:
        """Every storage a certificate can be saved to right now (present and writable)."""
        return [s for s in self.all_storages() if not s.read_only and s.present()]

    def all_storages(self) -> list[Storage]:
        if self._storages is None:
            from ..storage.registry import all_storages
            return all_storages()
        return list(self._storages())

    def now(self) -> dt.datetime:
        return self.clock()

    def _intent(self, kind: str, **data):
        """Record an operation's intent before it acts (docs/bank-core.md "Crash recovery"). If even
        that cannot be written (the data folder is full or read-only) nothing is done."""
        try:
            return self.journal.begin(kind, **data)
        except DojangError as exc:
            raise FlowError.wrap(exc) from None


# --- STEP 1–3: identity ------------------------------------------------------------------------------

class IdentityFlow(Flow):
    """고객정보 → 약관동의 → 본인인증 (a phone channel, then a security-media channel).

    The channels come from the bank (`channels(session, factor)`), restricted by the product being
    issued (`Product.channels`) and by the client (`allowed_channels`: e.g. the phone app cannot
    take an ARS call on itself). The generic calls — `channel_options`, `choose_channel`,
    `start_channel`, `answer_channel`, `poll_channel` — serve every channel, a new one included;
    `start_ars`, `send_sms`, `submit_card`… are their names for the built-in channels."""

    def __init__(self, authority, *, allowed_channels: Iterable[str] | None = None, **kw):
        super().__init__(authority, **kw)
        self.session: Session | None = None
        self.allowed_channels = frozenset(allowed_channels) if allowed_channels is not None else None
        self.challenges: dict[int, Challenge] = {}
        self._specs: dict[int, list[ChannelSpec]] = {}

    @property
    def product(self) -> Product | None:
        """The product being issued (None: any channel of the bank will do)."""
        return None

    def _entered(self, step: str) -> None:
        factor = FACTOR_OF_STEP.get(step)
        if factor is not None:
            self.challenges.pop(factor, None)

    def _end_session(self) -> None:
        if self.session is not None:
            try:
                self.bank.end_session(self.session)
            except DojangError:
                pass
            self.session = None

    # STEP 1 ----------------------------------------------------------------------------------------

    def submit_customer(self, name: str, rrn: str, account: str, account_password: str) -> None:
        """Check the fields, then ask the bank. Errors name the field (name/rrn/account/account_password)."""
        self._expect(CUSTOMER)
        today = self.now().astimezone(KST).date()
        checks = (("name", numbers.validate_name(name)), ("rrn", numbers.validate_rrn(rrn, today)),
                  ("account", numbers.validate_account(account)),
                  ("account_password", numbers.validate_account_password(account_password)))
        for fname, res in checks:
            if not res.ok:
                raise FieldError(fname, next(p for p in res.problems if p.hard))
        values = {f: r.value for f, r in checks}
        self.data.update(name=values["name"], rrn=values["rrn"], account=values["account"])
        self._end_session()  # a second pass through STEP 1 starts a new session
        try:
            session = self.bank.verify_customer(values["name"], values["rrn"], values["account"],
                                                values["account_password"])
        except AE.WrongAccountPassword as exc:
            raise FieldError("account_password", exc) from None
        except AE.AccountLocked as exc:
            raise FlowError(cause=exc, field="account_password") from None
        except DojangError as exc:
            raise FlowError.wrap(exc) from None
        self.session = session
        self._specs.clear()
        try:
            self._precheck()
            for factor in self.factors():
                if not self.channel_options(factor):
                    raise FlowError(*NO_CHANNEL.get(factor, NO_CHANNEL[MEDIA]))
        except BaseException:
            self._end_session()
            raise
        for factor in self.factors():
            options = [c.id for c in self.channel_options(factor)]
            if self.data.get(CHOICE_KEY[factor]) not in options:
                self.data[CHOICE_KEY[factor]] = options[0]
        self.advance()

    def _precheck(self) -> None:
        """Hook: what the bank can refuse now, before any channel is used (refuse early)."""

    # STEP 2 ----------------------------------------------------------------------------------------

    def terms(self):
        return self.bank.terms()

    def submit_terms(self, agreed: Iterable[str]) -> None:
        """`agreed`: the ids of the terms the person ticked. Every required one is needed."""
        self._expect(TERMS)
        agreed = set(agreed)
        current = self.terms()
        missing = [t for t in current if t.required and t.id not in agreed]
        self.data["terms"] = sorted(agreed)
        if missing:
            raise FieldError("terms", Problem(
                "terms_missing",
                "필수 약관에 모두 동의해야 다음으로 넘어갈 수 있습니다: " + ", ".join(t.title_ko for t in missing),
                "All required terms must be agreed to continue: " + ", ".join(t.title_en for t in missing)))
        try:
            self.bank.agree_terms(self.session, {t.id: t.version for t in current if t.id in agreed})
        except DojangError as exc:
            raise FlowError.wrap(exc, "terms") from None
        self.advance()

    # STEP 3: the channels, generically --------------------------------------------------------------

    def factors(self) -> tuple[int, ...]:
        product = self.product
        return product.factors if product is not None else (PHONE, MEDIA)

    def channel_options(self, factor: int) -> list[ChannelSpec]:
        """The channels of `factor` this customer can use here (the bank's, the product's, the client's)."""
        if self.session is None:
            return []
        if factor not in self._specs:
            try:
                offered = self.bank.channels(self.session, factor)
            except DojangError as exc:
                raise FlowError.wrap(exc) from None
            product = self.product
            self._specs[factor] = [c for c in offered
                                   if (product is None or product.allows(c.id))
                                   and (self.allowed_channels is None or c.id in self.allowed_channels)]
        return list(self._specs[factor])

    def channel(self, factor: int) -> ChannelSpec:
        """The chosen channel of `factor`."""
        chosen = self.data.get(CHOICE_KEY[factor])
        for spec in self.channel_options(factor):
            if spec.id == chosen:
                return spec
        raise StepOrderError(f"no channel chosen for factor {factor}")

    def _factor_here(self) -> int:
        factor = FACTOR_OF_STEP.get(self.step)
        if factor is None:
            raise StepOrderError(f"{self.kind}: on step {self.step!r}, not a verification step")
        return factor

    def choose_channel(self, channel_id: str) -> None:
        factor = self._factor_here()
        if channel_id not in [c.id for c in self.channel_options(factor)]:
            raise ValueError(channel_id)
        if self.data.get(CHOICE_KEY[factor]) != channel_id:
            self.challenges.pop(factor, None)
        self.data[CHOICE_KEY[factor]] = channel_id

    def challenge(self, factor: int | None = None) -> Challenge | None:
        return self.challenges.get(factor if factor is not None else self._factor_here())

    def start_channel(self, channel_id: str | None = None) -> Challenge:
        """Ask the bank to start the chosen channel (call, send the code, pick the card cells)."""
        factor = self._factor_here()
        if channel_id is not None:
            self.choose_channel(channel_id)
        spec = self.channel(factor)
        try:
            self.challenges[factor] = self.bank.start_channel(self.session, spec.id)
        except DojangError as exc:
            raise FlowError.wrap(exc, spec.field) from None
        return self.challenges[factor]

    def answer_channel(self, answer: str) -> None:
        """Check what the person typed for the chosen channel; on to the next step when right."""
        factor = self._factor_here()
        spec = self.channel(factor)
        if spec.needs_start and factor not in self.challenges:
            raise FieldError(spec.field, Problem("not_started", "먼저 인증을 요청하세요.", "Request verification first."))
        digits = numbers.normalise_code(answer or "")
        if spec.answer_digits is not None and (digits is None or len(digits) != spec.answer_digits):
            raise FieldError(spec.field, Problem(
                "format", f"{spec.label.ko} {spec.answer_digits}자리 숫자를 입력하세요.",
                f"Enter the {spec.answer_digits}-digit {spec.label.en} answer."))
        try:
            self.bank.answer_channel(self.session, spec.id, digits if digits is not None else answer)
        except DojangError as exc:
            if spec.fresh_after_wrong or isinstance(exc, (AE.CodeExpired, AE.TooManyAttempts, AE.NoChallenge)):
                self.challenges.pop(factor, None)      # a new challenge must be requested
            raise FieldError(spec.field, exc) from None
        self._factor_done(factor)

    def poll_channel(self) -> bool:
        """For a channel answered elsewhere (the ARS call): True — and on — once it is done."""
        factor = self._factor_here()
        spec = self.channel(factor)
        if factor not in self.challenges:
            raise StepOrderError("start the channel first")
        try:
            done = self.bank.poll_channel(self.session, spec.id)
        except (AE.CodeExpired, AE.CallDeclined, AE.TooManyAttempts, AE.FactorLocked) as exc:
            self.challenges.pop(factor, None)
            raise FlowError(cause=exc, field=spec.field) from None
        except DojangError as exc:
            raise FlowError.wrap(exc, spec.field) from None
        if done:
            self._factor_done(factor)
        return done

    def _factor_done(self, factor: int) -> None:
        factors = self.factors()
        if factor == factors[-1]:
            self._after_identity()
        else:
            self.advance()

    def seconds_left(self) -> int | None:
        """Time left for the open challenge of this step (for the countdown)."""
        factor = FACTOR_OF_STEP.get(self.step)
        target = self.challenges.get(factor) if factor is not None else None
        if target is None or target.expires_at is None:
            return None
        return max(0, int((target.expires_at - self.now()).total_seconds()))

    def _after_identity(self) -> None:
        self.advance()

    # STEP 3: the built-in channels by name -----------------------------------------------------------

    @property
    def ars(self):
        c = self.challenges.get(PHONE)
        return c if c is not None and c.channel == ARS else None

    @property
    def sms(self):
        c = self.challenges.get(PHONE)
        return c if c is not None and c.channel == SMS else None

    @property
    def card(self):
        c = self.challenges.get(MEDIA)
        return c if c is not None and c.channel == CARD else None

    def choose_first(self, channel: str) -> None:
        self._expect(FIRST_FACTOR)
        self.choose_channel(channel)

    def start_ars(self):
        """Show the returned 2-digit code; the bank calls the registered phone."""
        self._expect(FIRST_FACTOR)
        return self.start_channel(ARS)

    def poll_ars(self) -> bool:
        self._expect(FIRST_FACTOR)
        return self.poll_channel()

    def send_sms(self):
        """Send (or resend) the 6-digit code to the registered phone."""
        self._expect(FIRST_FACTOR)
        return self.start_channel(SMS)

    def submit_sms(self, code: str) -> None:
        self._expect(FIRST_FACTOR)
        self.answer_channel(code)

    @property
    def second_options(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.channel_options(MEDIA))

    def choose_second(self, kind: str) -> None:
        self._expect(SECOND_FACTOR)
        self.choose_channel(kind)
        self.challenges.pop(MEDIA, None)

    def card_challenge(self):
        """The two cells to read (asked once per visit; a wrong answer asks for new cells)."""
        self._expect(SECOND_FACTOR)
        self.choose_channel(CARD)
        return self.challenges.get(MEDIA) or self.start_channel()

    def submit_card(self, answer: str) -> None:
        self._expect(SECOND_FACTOR)
        if self.card is None:
            raise StepOrderError("card_challenge first")
        self.answer_channel(answer)

    def submit_otp(self, code: str) -> None:
        self._expect(SECOND_FACTOR)
        self.choose_channel(OTP)
        self.answer_channel(code)


    # the customer's phone -------------------------------------------------------------------------

    def is_customer_phone(self, storage: Storage) -> bool:
        """Whether `storage` is the mock phone registered to the customer being served (after STEP 1).

        The bank tells the client only the masked number (010-****-3333), so the first three and last
        four digits must match, and a phone labelled with an owner must be labelled with this customer."""
        if self.session is None or storage.kind != PHONE_STORAGE:
            return False
        masked = self.session.phone_masked
        if "*" not in masked:
            return False
        head = "".join(ch for ch in masked.split("*", 1)[0] if ch.isdigit())
        tail = "".join(ch for ch in masked.rsplit("*", 1)[-1] if ch.isdigit())
        number = str(storage.meta.get("number") or (storage.mount.name if storage.mount else ""))
        digits = "".join(ch for ch in number if ch in "0123456789")
        if not head or not tail or len(digits) < len(head) + len(tail):
            return False
        if not (digits.startswith(head) and digits.endswith(tail)):
            return False
        owner = str(storage.meta.get("owner") or "")
        return not owner or owner == self.session.customer_name

    # the new certificate's password -----------------------------------------------------------------

    def personal_info(self) -> PersonalInfo:
        """What a new password must not contain: the customer's RRN, account and (visible) phone digits."""
        # Only the last four digits of the registered phone are known to the client (masked number).
        phone = self.session.phone_masked.rsplit("-", 1)[-1] if self.session else None
        return PersonalInfo(rrn=self.data.get("rrn"), account=self.data.get("account"), phone=phone)


NO_CHANNEL = {
    PHONE: ("등록된 휴대폰으로 본인인증을 할 수 없습니다. 영업점에서 휴대폰 번호를 확인하세요.",
            "Identity cannot be verified with the registered phone. Check the number at a branch."),
    MEDIA: ("등록된 보안카드나 OTP가 없어 본인인증을 할 수 없습니다. 영업점에서 보안카드 또는 OTP를 발급받으세요.",
            "No security card or OTP device is registered, so identity cannot be verified. "
            "Get one at a branch (demo: the teller panel)."),
}


def check_new_password(password: str, repeat: str | None, personal: PersonalInfo | None) -> PasswordResult:
    """Live feedback for the password fields (policy + strength; match when `repeat` is given)."""
    result = check_password(password, personal)
    if repeat is not None and password and repeat:
        match = passwords_match(password, repeat)
        if not match.ok:
            return PasswordResult(value="", problems=result.problems + match.problems, score=result.score,
                                  feedback=result.feedback)
    return result


def require_new_password(password, repeat, personal: PersonalInfo | None) -> None:
    """Raise FieldError("password"/"password_repeat") unless the pair is acceptable."""
    pw = _as_str(password)
    rep = _as_str(repeat)
    if not pw:
        raise FieldError("password", Problem("empty", "인증서 비밀번호를 입력하세요.", "Enter a certificate password."))
    result = check_password(pw, personal)
    if not result.ok:
        raise FieldError("password", next(p for p in result.problems if p.hard))
    match = passwords_match(pw, rep)
    if not match.ok:
        raise FieldError("password_repeat", next(p for p in match.problems if p.hard))


def _as_str(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "replace")
    return str(value)


# --- saving a newly issued certificate ---------------------------------------------------------------

def new_key_material(keys: KeyMaker, progress: Progress) -> tuple[rsa.RSAPrivateKey, bytes, bytes]:
    """(private key, CSR DER, R). The key comes from the KeyMaker (possibly already generated)."""
    progress.update(0.1, Text("키 쌍을 만드는 중입니다 (RSA-2048)…", "Generating the key pair (RSA-2048)…"))
    key = keys.take()
    if progress.cancelled():
        raise Cancelled()
    return key, make_csr(key), builder.new_random_num()


def _issued_files(issued: IssuedCert, key: rsa.RSAPrivateKey, r: bytes, password, progress: Progress) -> dict:
    """signCert.der and signPri.key (variant A, the classic format) of a newly issued certificate."""
    progress.update(0.6, Text("개인키를 암호화하는 중입니다…", "Encrypting the private key…"))
    plain = keyfile.build_private_key_info(key, r)
    try:
        enc = keyfile.encrypt_key(plain, password, "A")
    finally:
        del plain
    progress.update(0.75, Text("인증서를 저장하는 중입니다…", "Saving the certificate…"))
    return {SIGN_CERT: bytes(issued.cert_der), SIGN_KEY: enc}


def save_issued(issued: IssuedCert, key: rsa.RSAPrivateKey, r: bytes, password, storage: Storage,
                progress: Progress, *, user_dir: Path | None = None) -> Path:
    """Encrypt the key and write the certificate folder as one unit (a new name beside any
    other). Raises a DojangError when the storage cannot take it; then nothing was written."""
    files = _issued_files(issued, key, r, password, progress)
    info = parse_certificate(issued.cert_der)
    storage.require_writable()
    with drive_lock(storage):
        target_dir = user_dir or ops.ensure_user_dir(storage.root, issued.ca_folder)
        name = sanitize(info.subject) or issued.folder_name
        result = ops.place_folder(target_dir, name, files, info, verify=storage.verify_writes,
                                  on_conflict=lambda _c: ops.ConflictChoice.KEEP_BOTH, free=storage.free_space())
    return result.path


def remove_saved(path: Path | None, storage: Storage | None) -> None:
    """Undo a save whose confirmation failed (best effort; the certificate never became active)."""
    if path is None:
        return
    entry = read_cert_folder(path, path.parent.parent.name)
    try:
        ops.delete_cert(entry, storage)
    except DojangError as exc:
        log.warning("could not remove an unconfirmed certificate folder (%s)", type(exc).__name__)


def local_copies(storages: Iterable[Storage], predicate: Callable[[CertFolder], bool]) -> list[tuple[Storage, CertFolder]]:
    """Certificates on the given storages for which `predicate` holds (unreadable storages skipped)."""
    found = []
    for storage in storages:
        if storage.read_only:
            continue
        try:
            entries = storage.certificates()
        except DojangError:
            continue
        for cert in entries:
            try:
                if predicate(cert):
                    found.append((storage, cert))
            except DojangError:
                continue
    return found


def delete_copies(copies: Iterable[tuple[Storage, CertFolder]]) -> tuple[tuple[Path, ...], tuple[tuple[Path, str], ...]]:
    removed, kept = [], []
    for storage, cert in copies:
        try:
            ops.delete_cert(cert, storage)
            removed.append(cert.path)
        except DojangError as exc:
            kept.append((cert.path, exc.en))
    return tuple(removed), tuple(kept)


# --- renewal: the new pair takes the old one's folder, the old one kept until the bank confirms --------

@dataclass
class Swap:
    """Where a renewal's folders are: `target` (the certificate's folder), `keep` (the old folder,
    hidden, until the bank confirms), `staged` (the new folder before it is swapped in)."""
    target: Path
    keep: Path
    staged: Path | None = None


def stage_and_swap(issued: IssuedCert, key: rsa.RSAPrivateKey, r: bytes, password, storage: Storage,
                   swap: Swap, progress: Progress) -> None:
    """Build the complete new folder beside the old one, then two renames: old → `keep`, new →
    `target`. The old key is not destroyed: `finish_swap` removes it after the bank confirmed,
    `undo_swap` (or journal recovery after a kill) puts it back otherwise (docs/bank-core.md
    "Crash recovery")."""
    files = _issued_files(issued, key, r, password, progress)
    storage.require_writable()
    user_dir = swap.target.parent
    with drive_lock(storage):
        ops.check_space(storage.free_space(), files, user_dir)
        # the folder switch of core.storage.switch; the journal, not a switch record, recovers it
        swap.staged = switch.stage(user_dir, files, verify=storage.verify_writes)
        switch.exchange(swap.staged, swap.target, swap.keep)


def undo_swap(swap: Swap) -> None:
    """Put the old folder back (the bank did not confirm); best effort — recovery finishes it."""
    try:
        if swap.keep.is_dir():
            if swap.target.is_dir():
                safewrite.remove_folder_files(swap.target, [e.name for e in os.scandir(swap.target)])
            if not os.path.lexists(swap.target):
                safewrite.ops.rename(swap.keep, swap.target)
        if swap.staged is not None and swap.staged.is_dir():
            safewrite.remove_folder_files(swap.staged, [e.name for e in os.scandir(swap.staged)])
    except OSError as exc:
        log.warning("a renewal could not be undone now (%s); the next start finishes it", exc)


def finish_swap(swap: Swap) -> None:
    """The bank confirmed: the kept old folder goes (private key first)."""
    if swap.keep.is_dir():
        ops.remove_hidden(swap.keep, [e.name for e in os.scandir(swap.keep)])
