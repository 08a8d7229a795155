"""The machinery every certificate-centre flow shares: steps, Back/Cancel, field errors, the
identity steps (STEP 1–3 of bank-flows.md §3), the client-side key pair, and the safe save.

A flow is a plain object. Its current step is `flow.step`; each step has a method that takes what
the person entered, checks it, asks the authority and moves on — or raises `FieldError` naming the
field at fault (shown inline by the GUI) / `FlowError` for the page as a whole, and stays where it
is. `back()` returns to the previous step; `cancel()` ends the flow leaving nothing behind.

What is kept between steps is `flow.data`: only non-secret values (certificate type, name, RRN,
account number, chosen channels and storage, agreed terms). Passwords, the account PIN and
one-time codes are passed to the step method that needs them and never stored, so neither Back nor
the history can bring one back (architecture.md practice 1). The RRN and account number are kept so
that Back restores the form, and are masked in every repr.
"""
from __future__ import annotations

import datetime as dt
import logging
import threading
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from cryptography.hazmat.primitives.asymmetric import rsa

from ..authority import api as bank_api
from ..authority import errors as AE
from ..authority.proof import make_csr
from ..errors import Cancelled, DojangError
from ..npki import builder, keyfile
from ..npki.certfolder import SIGN_CERT, SIGN_KEY, CertFolder, read_cert_folder
from ..npki.certificate import KST, parse_certificate
from ..npki.foldername import sanitize
from ..storage import operations as ops
from ..storage.base import PHONE, Storage, drive_lock
from ..validation import numbers
from ..validation.password import PasswordResult, PersonalInfo, check_password, passwords_match
from ..validation.result import Problem
from .interfaces import NoNotices, NoProgress, Notices, Progress, Text

log = logging.getLogger("dojang.flows")

Clock = Callable[[], dt.datetime]
KeyFactory = Callable[[], rsa.RSAPrivateKey]

# Step ids. The GUI maps each to a page; `STAGES` gives the step indicator number (1–4, 5 = 완료).
TYPE = "type"
CUSTOMER = "customer"
TERMS = "terms"
FIRST_FACTOR = "first_factor"
SECOND_FACTOR = "second_factor"
CONFIRM_REISSUE = "confirm_reissue"
SAVE = "save"
PICK_CERT = "pick_cert"
CERT_PASSWORD = "cert_password"
DONE = "done"
CANCELLED = "cancelled"

STAGES = {TYPE: 0, CUSTOMER: 1, TERMS: 2, FIRST_FACTOR: 3, SECOND_FACTOR: 3, CONFIRM_REISSUE: 4, SAVE: 4,
          PICK_CERT: 1, CERT_PASSWORD: 2, DONE: 5, CANCELLED: 5}

ARS, SMS = "ars", "sms"
CARD, OTP = "card", "otp"


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
    """What the completion page shows (bank-flows.md §3, after STEP 4)."""
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
    """Navigation shared by all flows: a linear list of visited steps, Back and Cancel."""

    kind = "flow"
    first_step = CUSTOMER

    def __init__(self, authority: bank_api.AuthorityClient, *, storages: Callable[[], list[Storage]] | None = None,
                 clock: Clock | None = None, keys: KeyMaker | None = None, notices: Notices | None = None):
        self.bank = authority
        self._storages = storages
        self.clock: Clock = clock or getattr(authority, "now", None) or bank_api.system_clock
        self.keys = keys or KeyMaker()
        self.notices: Notices = notices or NoNotices()
        self.data = FlowData()
        self.step = self.first_step
        self._history: list[str] = []
        self.result: Completion | None = None
        self.busy = False

    # navigation --------------------------------------------------------------------------------

    @property
    def stage(self) -> int:
        return STAGES.get(self.step, 0)

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

    def _end_session(self) -> None:
        pass

    # storages ----------------------------------------------------------------------------------

    def storages(self) -> list[Storage]:
        """Every storage a certificate can be saved to right now (present and writable)."""
        if self._storages is None:
            from ..storage.registry import all_storages
            found = all_storages()
        else:
            found = self._storages()
        return [s for s in found if not s.read_only and s.present()]

    def all_storages(self) -> list[Storage]:
        if self._storages is None:
            from ..storage.registry import all_storages
            return all_storages()
        return list(self._storages())

    def now(self) -> dt.datetime:
        return self.clock()


# --- STEP 1–3: identity ------------------------------------------------------------------------------

class IdentityFlow(Flow):
    """고객정보 → 약관동의 → 본인인증 (ARS/SMS, then 보안카드/OTP)."""

    def __init__(self, authority, **kw):
        super().__init__(authority, **kw)
        self.session: bank_api.Session | None = None
        self.ars: bank_api.ArsStarted | None = None
        self.sms: bank_api.SmsSent | None = None
        self.card: bank_api.CardChallenge | None = None

    def _entered(self, step: str) -> None:
        if step == FIRST_FACTOR:
            self.ars = self.sms = None
        elif step == SECOND_FACTOR:
            self.card = None

    def _end_session(self) -> None:
        if self.session is not None:
            end = getattr(self.bank, "end_session", None)
            if end is not None:
                try:
                    end(self.session)
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
        except AE.CustomerNotFound as exc:
            raise FlowError(cause=exc) from None
        except DojangError as exc:
            raise FlowError.wrap(exc) from None
        if not (session.has_card or session.has_otp):
            self.bank_end(session)
            raise FlowError("등록된 보안카드나 OTP가 없어 본인인증을 할 수 없습니다. 영업점에서 보안카드 또는 "
                            "OTP를 발급받으세요.",
                            "No security card or OTP device is registered, so identity cannot be verified. "
                            "Get one at a branch (demo: the teller panel).")
        self.session = session
        self.data.setdefault("second_kind", CARD if session.has_card else OTP)
        if self.data["second_kind"] == CARD and not session.has_card:
            self.data["second_kind"] = OTP
        if self.data["second_kind"] == OTP and not session.has_otp:
            self.data["second_kind"] = CARD
        self._go(TERMS)

    def bank_end(self, session) -> None:
        end = getattr(self.bank, "end_session", None)
        if end is not None:
            try:
                end(session)
            except DojangError:
                pass

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
        self._go(FIRST_FACTOR)

    # STEP 3a: ARS or SMS ---------------------------------------------------------------------------

    def choose_first(self, channel: str) -> None:
        self._expect(FIRST_FACTOR)
        if channel not in (ARS, SMS):
            raise ValueError(channel)
        if self.data.get("first_channel") != channel:
            self.ars = self.sms = None
        self.data["first_channel"] = channel

    def start_ars(self) -> bank_api.ArsStarted:
        """Show the returned 2-digit code; the bank calls the registered phone."""
        self._expect(FIRST_FACTOR)
        self.choose_first(ARS)
        try:
            self.ars = self.bank.start_ars(self.session)
        except DojangError as exc:
            raise FlowError.wrap(exc, "ars") from None
        return self.ars

    def poll_ars(self) -> bool:
        """True (and on to the second factor) once the code was keyed on the phone."""
        self._expect(FIRST_FACTOR)
        if self.ars is None:
            raise StepOrderError("start_ars first")
        try:
            done = self.bank.check_ars(self.session)
        except (AE.CodeExpired, AE.CallDeclined, AE.TooManyAttempts) as exc:
            self.ars = None
            raise FlowError(cause=exc, field="ars") from None
        except DojangError as exc:
            raise FlowError.wrap(exc, "ars") from None
        if done:
            self._go(SECOND_FACTOR)
        return done

    def send_sms(self) -> bank_api.SmsSent:
        """Send (or resend) the 6-digit code to the registered phone."""
        self._expect(FIRST_FACTOR)
        self.choose_first(SMS)
        try:
            self.sms = self.bank.send_sms(self.session)
        except DojangError as exc:
            raise FlowError.wrap(exc, "sms_code") from None
        return self.sms

    def submit_sms(self, code: str) -> None:
        self._expect(FIRST_FACTOR)
        if self.sms is None:
            raise FieldError("sms_code", Problem("not_sent", "먼저 인증번호를 요청하세요.", "Request a code first."))
        digits = numbers.normalise_code(code)
        if digits is None or len(digits) != 6:
            raise FieldError("sms_code", Problem("format", "인증번호 6자리 숫자를 입력하세요.", "Enter the 6-digit code."))
        try:
            self.bank.check_sms(self.session, digits)
        except (AE.CodeExpired, AE.TooManyAttempts) as exc:
            self.sms = None  # a new code must be requested
            raise FieldError("sms_code", exc) from None
        except DojangError as exc:
            raise FieldError("sms_code", exc) from None
        self._go(SECOND_FACTOR)

    def seconds_left(self) -> int | None:
        """Time left for the open ARS call or SMS code (for the countdown)."""
        target = self.ars or self.sms
        if target is None:
            return None
        return max(0, int((target.expires_at - self.now()).total_seconds()))

    # STEP 3b: 보안카드 or OTP ------------------------------------------------------------------------

    @property
    def second_options(self) -> tuple[str, ...]:
        if self.session is None:
            return ()
        return tuple(k for k, has in ((CARD, self.session.has_card), (OTP, self.session.has_otp)) if has)

    def choose_second(self, kind: str) -> None:
        self._expect(SECOND_FACTOR)
        if kind not in self.second_options:
            raise ValueError(kind)
        self.data["second_kind"] = kind
        self.card = None

    def card_challenge(self) -> bank_api.CardChallenge:
        """The two cells to read (asked once per visit; a wrong answer asks for new cells)."""
        self._expect(SECOND_FACTOR)
        if self.card is None:
            try:
                self.card = self.bank.card_challenge(self.session)
            except DojangError as exc:
                raise FlowError.wrap(exc, "card_answer") from None
        return self.card

    def submit_card(self, answer: str) -> None:
        self._expect(SECOND_FACTOR)
        if self.card is None:
            raise StepOrderError("card_challenge first")
        digits = numbers.normalise_code(answer)
        if digits is None or len(digits) != 4:
            raise FieldError("card_answer", Problem("format", "보안카드 번호 4자리 숫자를 입력하세요.",
                                                     "Enter the 4 security-card digits."))
        try:
            self.bank.check_card(self.session, digits)
        except DojangError as exc:
            self.card = None  # the bank asks for two new cells after a wrong answer
            raise FieldError("card_answer", exc) from None
        self._after_identity()

    def submit_otp(self, code: str) -> None:
        self._expect(SECOND_FACTOR)
        digits = numbers.normalise_code(code)
        if digits is None or len(digits) != 6:
            raise FieldError("otp_code", Problem("format", "OTP 번호 6자리 숫자를 입력하세요.", "Enter the 6-digit OTP code."))
        try:
            self.bank.check_otp(self.session, digits)
        except DojangError as exc:
            raise FieldError("otp_code", exc) from None
        self._after_identity()

    def _after_identity(self) -> None:
        raise NotImplementedError

    # the customer's phone -------------------------------------------------------------------------

    def is_customer_phone(self, storage: Storage) -> bool:
        """Whether `storage` is the mock phone registered to the customer being served (after STEP 1).

        The bank tells the client only the masked number (010-****-3333), so the first three and last
        four digits must match, and a phone labelled with an owner must be labelled with this customer."""
        if self.session is None or storage.kind != PHONE:
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


def save_issued(issued: bank_api.IssuedCert, key: rsa.RSAPrivateKey, r: bytes, password, storage: Storage,
                progress: Progress, *, user_dir: Path | None = None, replace: Path | None = None) -> Path:
    """Encrypt the key (variant A, the classic format) and write the certificate folder as one unit.

    `replace`: an existing certificate folder the new pair takes the place of (renewal), swapped
    atomically. Raises a DojangError when the storage cannot take it; then nothing was written."""
    progress.update(0.6, Text("개인키를 암호화하는 중입니다…", "Encrypting the private key…"))
    plain = keyfile.build_private_key_info(key, r)
    try:
        enc = keyfile.encrypt_key(plain, password, "A")
    finally:
        del plain
    info = parse_certificate(issued.cert_der)
    files = {SIGN_CERT: bytes(issued.cert_der), SIGN_KEY: enc}
    progress.update(0.75, Text("인증서를 저장하는 중입니다…", "Saving the certificate…"))
    storage.require_writable()
    with drive_lock(storage):
        target_dir = user_dir or ops.ensure_user_dir(storage.root, issued.ca_folder)
        name = replace.name if replace is not None else (sanitize(info.subject) or issued.folder_name)
        choice = ops.ConflictChoice.REPLACE if replace is not None else ops.ConflictChoice.KEEP_BOTH
        result = ops.place_folder(target_dir, name, files, info, verify=storage.verify_writes,
                                  on_conflict=lambda _c: choice, free=storage.free_space())
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


def fee_of(cert_type: str | None, authority) -> int:
    config = getattr(authority, "config", None)
    from ..npki import policies
    if cert_type == policies.GENERAL:
        return getattr(config, "general_fee", 4400)
    return 0


def describe(value: Any) -> str:  # pragma: no cover - debugging aid that never shows secrets
    return repr(value)
