"""The certificate-centre flows (docs/bank-flows.md "The certificate centre"): issue, reissue, renew, register, revoke.

Each flow's steps are declared once, in its `NAV` (steps.py). `finish()` / the last step does the
slow part (key generation, signing, saving); call it on the thread you choose.

Saving is two-phase with the bank, and journaled (journal.py): the intent is recorded first, the
certificate is signed *pending*, written as one unit, then confirmed (activation, fee, retiring the
old one). If the write fails the pending certificate is cancelled; if the confirmation fails the
written folder is removed again; if the process dies, the next start finishes or undoes it — so a
failure, a Cancel or a kill leaves no file of an unconfirmed certificate, no active certificate
without its files and no debit. A renewal keeps the old folder until the bank confirmed the new one.
"""
from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass
from datetime import date

from cryptography.hazmat.primitives.serialization import load_der_private_key

from ..authority import errors as AE
from ..authority.products import KEY_CLOUD, KEY_FILE, Product
from ..authority.proof import sign_possession
from ..errors import Cancelled, DojangError, MissingRandomNum, StorageError, WrongPassword
from ..npki import keyfile
from ..npki.certfolder import CertFolder
from ..npki.certificate import KST
from ..storage import operations as ops
from ..storage.base import Storage
from ..storage.safewrite import KEEP_PREFIX
from ..validation.result import Problem
from .base import (Completion, FieldError, Flow, FlowError, IdentityFlow, Swap, check_new_password, delete_copies,
                   finish_swap, local_copies, new_key_material, remove_saved, require_new_password, save_issued,
                   stage_and_swap, undo_swap)
from .cloud import ResetPinFlow
from .interfaces import NoProgress, Progress, Text
from .steps import (CERT_PASSWORD, CONFIRM_REISSUE, CUSTOMER, FIRST_FACTOR, PICK_CERT, PIN, SAVE, SECOND_FACTOR,
                    STAGE_CHECK, STAGE_CUSTOMER, STAGE_NEW_PASSWORD, STAGE_PICK, STAGE_REVOKE, STAGE_PIN, STAGE_SAVE, STAGE_TERMS,
                    STAGE_TYPE, STAGE_VERIFY, TERMS, TYPE, Navigation, Step, identity_steps)


@dataclass(frozen=True)
class Candidate:
    """A certificate offered on a PICK_CERT step; `reason` says why it cannot be chosen."""
    storage: Storage
    cert: CertFolder
    reason: Text | None = None

    @property
    def eligible(self) -> bool:
        return self.reason is None


def _warn_kept(notices, kept) -> None:
    for path, why in kept:
        notices.notice("warning", Text(f"이전 인증서를 지우지 못했습니다: {path} ({why}) — 인증서 관리에서 직접 삭제하세요.",
                                       f"An old copy could not be deleted: {path} ({why}) — delete it in the manager."))


def _wipe(password) -> None:
    if isinstance(password, bytearray):
        keyfile.wipe(password)


def _decrypt(cert: CertFolder, password) -> bytes:
    try:
        return cert.check_password(password)
    except WrongPassword as exc:
        raise FieldError("cert_password", exc) from None
    except DojangError as exc:
        raise FieldError("cert_password", exc) from None


def _bank_error(exc: BaseException, *, storage_field: bool = True):
    """The error a failed save shows: storage problems next to the storage, the bank's on the page."""
    if isinstance(exc, StorageError) and storage_field:
        return FieldError("storage", exc)
    if isinstance(exc, DojangError) and not isinstance(exc, Cancelled):
        return FlowError.wrap(exc)
    return None


def _request_id() -> str:
    return secrets.token_hex(12)


# --- issue and reissue ---------------------------------------------------------------------------------

def _key_step(flow) -> str:
    """After 본인인증: a file certificate is saved with a password (SAVE); a cloud one gets a PIN (PIN)."""
    product = flow.product
    return PIN if product is not None and product.key_home == KEY_CLOUD else SAVE


class IssueFlow(IdentityFlow):
    """종류 선택 → 1 고객정보 → 2 약관동의 → 3 본인인증 → 4 저장 및 비밀번호 (or the cloud's PIN) → 완료."""
    kind = "issue"
    NAV = Navigation(
        Step(TYPE, STAGE_TYPE, CUSTOMER),
        *identity_steps(_key_step),
        Step(SAVE, STAGE_SAVE),
        Step(PIN, STAGE_SAVE),
    )
    KEY_HOMES = (KEY_FILE, KEY_CLOUD)

    def __init__(self, authority, *, device: tuple[str, str] | None = None, **kw):
        super().__init__(authority, **kw)
        self.device = device        # (id, name) of the device a cloud certificate connects; None: this PC
        self.keys.start()   # the key pair is made in the background while the person types

    # TYPE ---------------------------------------------------------------------------------------

    def issuable(self) -> list[Product]:
        """The products this flow can issue: file certificates saved to a storage and, for issue,
        금융인증서 kept in the cloud."""
        return [p for p in self.products() if p.key_home in self.KEY_HOMES]

    def choose_type(self, product_id: str) -> None:
        self._expect(TYPE)
        if product_id not in [p.id for p in self.issuable()]:
            raise FieldError("cert_type", Problem("cert_type", "인증서 종류를 선택하세요.", "Choose a certificate type."))
        self.data["cert_type"] = product_id
        if self.fee:
            self.notices.notice("info", Text(f"{self.product.name.ko} 인증서 발급 수수료 {self.fee:,}원은 발급이 끝날 때 "
                                             "계좌에서 출금됩니다.",
                                             f"The {self.fee:,} KRW fee for a {self.product.name.en} certificate is "
                                             "debited from the account when issuance completes."))
        self.advance()

    @property
    def product(self) -> Product | None:
        return self.product_of(self.data.get("cert_type"))

    def stages(self, product: Product | None = None):
        """The fourth chip names what the product (default: the chosen one) ends with: a PIN for a
        cloud product."""
        stages = super().stages()
        product = product or self.product
        if product is not None and product.key_home == KEY_CLOUD:
            stages = [STAGE_PIN if s is STAGE_SAVE else s for s in stages]
        return stages

    @property
    def fee(self) -> int:
        product = self.product
        return product.fee if product is not None else 0

    def _precheck(self) -> None:
        try:
            self.bank.precheck(self.session, self.kind, self.data["cert_type"])
        except DojangError as exc:
            raise FlowError.wrap(exc) from None

    # SAVE ---------------------------------------------------------------------------------------

    def password_feedback(self, password: str, repeat: str | None = None):
        return check_new_password(password, repeat, self.personal_info())

    def _bank_call(self, csr: bytes, r: bytes, request_id: str):
        return self.bank.issue(self.session, csr, r, self.data["cert_type"], request_id=request_id)

    def _old_copies(self) -> list[tuple[Storage, CertFolder]]:
        return []

    def finish(self, storage: Storage | None, password, repeat, progress: Progress | None = None) -> Completion:
        """Generate the key pair, have it signed, save it to `storage`, confirm. Consumes `password`
        (a bytearray is wiped). Field errors: storage, password, password_repeat."""
        self._expect(SAVE)
        progress = progress or NoProgress()
        try:
            if storage is None:
                raise FieldError("storage", Problem("no_storage", "저장할 위치를 선택하세요.", "Choose where to save."))
            try:
                storage.require_writable()
            except DojangError as exc:
                raise FieldError("storage", exc) from None
            require_new_password(password, repeat, self.personal_info())
            self.busy = True
            return self._issue_and_save(storage, password, progress)
        finally:
            self.busy = False
            _wipe(password)
            _wipe(repeat)

    # PIN (a cloud product) ----------------------------------------------------------------------------

    def finish_cloud(self, pin, repeat, progress: Progress | None = None) -> Completion:
        """The cloud makes and keeps the key pair, the bank signs the certificate, this device is
        connected. Consumes `pin` and `repeat` (bytearrays are wiped). Field errors: pin, pin_repeat."""
        self._expect(PIN)
        progress = progress or NoProgress()
        try:
            if self.device is None:
                self.device = (self.bank.this_device(), "이 PC")
            progress.update(0.3, Text("금융결제원 클라우드에 인증서를 만드는 중입니다…",
                                      "Creating the certificate in the cloud…"))
            self.busy = True
            request_id = _request_id()
            intent = self._intent(self.kind, request_id=request_id, cloud=True)
            try:
                issued = self.bank.cloud_issue(self.session, pin, repeat, self.data["cert_type"], *self.device,
                                               request_id=request_id, operation=self.kind)
            except AE.PinRejected as exc:
                raise FieldError("pin_repeat" if exc.reason == "mismatch" else "pin", exc) from None
            except DojangError as exc:
                raise FlowError.wrap(exc) from None
            finally:
                intent.finish()
        finally:
            self.busy = False
            _wipe(pin)
            _wipe(repeat)
        self._end_session()
        progress.update(1.0, Text("발급이 끝났습니다.", "Issued."))
        return self._finish(Completion(self.kind, None, None, issued.cert_type, issued.serial,
                                       issued.not_before.astimezone(KST), issued.not_after.astimezone(KST),
                                       issued.fee, issued.folder_name,
                                       notes=(Text("금융인증서는 금융결제원 클라우드(모의)에 보관됩니다. 이 기기는 "
                                                   "이용 기기로 연결되었습니다.",
                                                   "The finance certificate is kept in the (simulated) cloud; this "
                                                   "device is connected to it."),)))

    def _issue_and_save(self, storage: Storage, password, progress: Progress) -> Completion:
        old = self._old_copies()
        key, csr, r = new_key_material(self.keys, progress)
        progress.update(0.4, Text("은행에 인증서 발급을 요청하는 중입니다…", "Asking the bank to sign the certificate…"))
        request_id = _request_id()
        intent = self._intent(self.kind, request_id=request_id,
                                    retire=[[str(c.path), c.info.sha256_fingerprint] for _, c in old])
        try:
            issued = self._bank_call(csr, r, request_id)
        except BaseException as exc:
            intent.finish()
            raise _bank_error(exc, storage_field=False) or exc from None
        path = None
        try:
            user_dir = ops.ensure_user_dir(storage.root, issued.ca_folder)
            from ..npki.certificate import parse_certificate
            intent.update(user_dir=str(user_dir), fingerprint=parse_certificate(issued.cert_der).sha256_fingerprint)
            path = save_issued(issued, key, r, password, storage, progress, user_dir=user_dir)
            if progress.cancelled():
                raise Cancelled()
            progress.update(0.9, Text("발급을 완료하는 중입니다…", "Completing the issuance…"))
            issued = self.bank.confirm_delivery(issued.serial)
        except BaseException as exc:
            remove_saved(path, storage)
            try:
                self.bank.cancel_pending(issued.serial)
            except DojangError:
                pass
            intent.finish()
            raise _bank_error(exc) or exc from None
        removed, kept = self._retire(old)
        intent.finish()
        _warn_kept(self.notices, kept)
        self._end_session()
        progress.update(1.0, Text("발급이 끝났습니다.", "Issued."))
        return self._finish(Completion(self.kind, storage, path, issued.cert_type, issued.serial,
                                       issued.not_before.astimezone(KST), issued.not_after.astimezone(KST),
                                       issued.fee, path.name if path else "", removed, kept))

    def _retire(self, old):
        return (), ()


class ReissueFlow(IssueFlow):
    """Same identity steps; the person confirms that the old certificate is revoked and deleted."""
    kind = "reissue"
    NAV = Navigation(
        Step(TYPE, STAGE_TYPE, CUSTOMER),
        *identity_steps(CONFIRM_REISSUE),
        Step(CONFIRM_REISSUE, STAGE_SAVE, _key_step),
        Step(SAVE, STAGE_SAVE),
        Step(PIN, STAGE_SAVE),
    )

    def _is_old_copy(self, cert: CertFolder) -> bool:
        info = cert.info
        if info.usage.kind != self.data.get("cert_type") or not info.usage.is_test:
            return False
        if self.session is None or info.display_name != self.session.customer_name:
            return False
        try:
            status = self.bank.certificate_status(info.der)
        except AE.CertificateUnknown:
            return False
        return status in ("active", "expired")

    def reissue_targets(self) -> list[tuple[Storage, CertFolder]]:
        """This customer's certificates of this type from this bank, on any storage: they are
        revoked by the bank and deleted here once the new one is saved."""
        return local_copies(self.all_storages(), self._is_old_copy)

    def confirm_reissue(self, confirmed: bool) -> None:
        self._expect(CONFIRM_REISSUE)
        if not confirmed:
            raise FieldError("confirm", Problem(
                "not_confirmed",
                "재발급하면 기존 인증서는 폐기되고 삭제되며 되돌릴 수 없습니다. 동의해야 계속할 수 있습니다.",
                "Reissuing revokes and deletes the old certificate and cannot be undone. Confirm to continue."))
        self.data["confirmed"] = True
        self.advance()

    def _bank_call(self, csr: bytes, r: bytes, request_id: str):
        return self.bank.reissue(self.session, csr, r, self.data["cert_type"], request_id=request_id)

    def _old_copies(self):
        return self.reissue_targets()

    def _retire(self, old):
        # Only what the bank no longer considers usable is deleted (it revoked the active ones).
        gone = []
        for storage, cert in old:
            try:
                status = self.bank.certificate_status(cert.info.der)
            except DojangError:
                continue
            if status != "active":
                gone.append((storage, cert))
        return delete_copies(gone)


# --- certificate pickers -----------------------------------------------------------------------------

class PickCertMixin:
    """PICK_CERT: choose a certificate from any storage; `reason_for` says which are not eligible."""

    def candidates(self) -> list[Candidate]:
        out = []
        for storage, cert in local_copies(self.all_storages(), lambda c: True):
            out.append(Candidate(storage, cert, self.reason_for(cert)))
        out.sort(key=lambda c: (not c.eligible, c.cert.info.not_after))
        return out

    def reason_for(self, cert: CertFolder) -> Text | None:
        return None

    def pick(self, storage: Storage, cert: CertFolder) -> None:
        self._expect(PICK_CERT)
        reason = self.reason_for(cert)
        if reason is not None:
            raise FieldError("certificate", Problem("not_eligible", reason.ko, reason.en))
        self.picked = (storage, cert)
        self.data["picked"] = str(cert.path)
        self.advance()

    def _bank_status(self, cert: CertFolder) -> str | None:
        try:
            return self.bank.certificate_status(cert.info.der)
        except AE.CertificateUnknown:
            return None


_STATUS_TEXT = {
    "revoked": Text("폐기된 인증서입니다.", "This certificate was revoked."),
    "superseded": Text("이미 갱신되어 대체된 인증서입니다.", "This certificate was already replaced by a renewal."),
    "pending": Text("발급이 끝나지 않은 인증서입니다.", "This certificate's issuance was not completed."),
    "cancelled": Text("발급이 취소된 인증서입니다.", "This certificate's issuance was cancelled."),
}


# --- renew -----------------------------------------------------------------------------------------------

class RenewFlow(PickCertMixin, Flow):
    """갱신: pick a certificate of this bank inside its renewal window, prove possession with its
    password, set the new certificate's password; the new one replaces the old one in its folder."""
    kind = "renew"
    NAV = Navigation(
        Step(PICK_CERT, STAGE_PICK, CERT_PASSWORD),
        Step(CERT_PASSWORD, STAGE_CHECK, SAVE),
        Step(SAVE, STAGE_NEW_PASSWORD),
    )

    def __init__(self, authority, *, cert: tuple[Storage, CertFolder] | None = None, **kw):
        super().__init__(authority, **kw)
        self.keys.start()
        self.picked: tuple[Storage, CertFolder] | None = None
        self._old_key = None
        if cert is not None:
            self.pick(*cert)

    def window(self, cert: CertFolder | None = None) -> int:
        """Days before expiry the renewal of this certificate (its product) opens."""
        cert = cert or (self.picked[1] if self.picked else None)
        product = self.product_of(cert.info.usage.kind) if cert is not None else None
        return product.renewal_window_days if product is not None else 30

    def reason_for(self, cert: CertFolder) -> Text | None:
        info = cert.info
        status = self._bank_status(cert)
        if status is None:
            issuer = info.issuer_o or "?"
            return Text(f"다른 기관({issuer})에서 발급한 인증서입니다. 발급한 기관에서 갱신하세요.",
                        f"Issued by another institution ({issuer}); renew it there.")
        if status == "expired" or info.is_expired(self.now()):
            return Text("만료된 인증서는 갱신할 수 없습니다. 재발급을 이용하세요.",
                        "An expired certificate cannot be renewed; use reissue.")
        if status != "active":
            return _STATUS_TEXT.get(status, Text("사용할 수 없는 인증서입니다.", "This certificate cannot be used."))
        left = info.days_left(self.now())
        window = self.window(cert)
        if left > window:
            day = date.fromordinal(info.not_after.astimezone(KST).date().toordinal() - window).isoformat()
            return Text(f"갱신은 만료 {window}일 전부터 할 수 있습니다 (만료까지 {left}일, {day}부터 갱신 가능).",
                        f"Renewal opens {window} days before expiry ({left} days left; from {day}).")
        return None

    def _entered(self, step: str) -> None:
        if step in (PICK_CERT, CERT_PASSWORD):
            self._old_key = None   # a decrypted key never outlives its step

    def submit_cert_password(self, password) -> None:
        """Prove possession: the password must open the chosen certificate's private key."""
        self._expect(CERT_PASSWORD)
        try:
            plain = _decrypt(self.picked[1], password)
        finally:
            _wipe(password)
        self._old_key = load_der_private_key(plain, None)
        self.advance()

    def password_feedback(self, password: str, repeat: str | None = None):
        return check_new_password(password, repeat, None)

    def finish(self, password, repeat, progress: Progress | None = None) -> Completion:
        """New key pair, signed by the bank, swapped in for the old certificate in its folder."""
        self._expect(SAVE)
        progress = progress or NoProgress()
        storage, old = self.picked
        try:
            try:
                storage.require_writable()
            except DojangError as exc:
                raise FieldError("storage", exc) from None
            require_new_password(password, repeat, None)
            self.busy = True
            return self._renew(storage, old, password, progress)
        finally:
            self.busy = False
            _wipe(password)
            _wipe(repeat)

    def _renew(self, storage: Storage, old: CertFolder, password, progress: Progress) -> Completion:
        key, csr, r = new_key_material(self.keys, progress)
        signature = sign_possession(self._old_key, "renew", old.info.der, csr)
        progress.update(0.4, Text("은행에 갱신을 요청하는 중입니다…", "Asking the bank to renew…"))
        request_id = _request_id()
        intent = self._intent("renew", request_id=request_id, target=str(old.path))
        swap = Swap(old.path, old.path.parent / f"{KEEP_PREFIX}{intent.id}")
        intent.update(keep=str(swap.keep))
        try:
            issued = self.bank.renew(old.info.der, csr, r, signature, request_id=request_id)
        except BaseException as exc:
            intent.finish()
            raise _bank_error(exc, storage_field=False) or exc from None
        try:
            from ..npki.certificate import parse_certificate
            intent.update(fingerprint=parse_certificate(issued.cert_der).sha256_fingerprint)
            stage_and_swap(issued, key, r, password, storage, swap, progress)
            if progress.cancelled():
                raise Cancelled()
            progress.update(0.9, Text("갱신을 완료하는 중입니다…", "Completing the renewal…"))
            issued = self.bank.confirm_delivery(issued.serial)
        except BaseException as exc:
            undo_swap(swap)
            try:
                self.bank.cancel_pending(issued.serial)
            except DojangError:
                pass
            intent.finish()
            raise _bank_error(exc) or exc from None
        try:
            finish_swap(swap)
        except (OSError, DojangError):
            pass        # the new certificate is in place; recovery removes the old folder later
        else:
            intent.finish()
        self._old_key = None
        progress.update(1.0, Text("갱신이 끝났습니다.", "Renewed."))
        return self._finish(Completion(self.kind, storage, swap.target, issued.cert_type, issued.serial,
                                       issued.not_before.astimezone(KST), issued.not_after.astimezone(KST),
                                       issued.fee, swap.target.name))

    def cancel(self) -> None:
        self._old_key = None
        super().cancel()


# --- register another institution's certificate ------------------------------------------------------

class RegisterFlow(PickCertMixin, IdentityFlow):
    """타기관 인증서 등록: identity steps, then a certificate and its password; the VID must match."""
    kind = "register"
    NAV = Navigation(
        *identity_steps(PICK_CERT),
        Step(PICK_CERT, STAGE_PICK, CERT_PASSWORD),
        Step(CERT_PASSWORD, STAGE_PICK),
    )

    def __init__(self, authority, **kw):
        super().__init__(authority, **kw)
        self.picked: tuple[Storage, CertFolder] | None = None

    def reason_for(self, cert: CertFolder) -> Text | None:
        info = cert.info
        if info.is_expired(self.now()):
            return Text("만료된 인증서는 등록할 수 없습니다.", "An expired certificate cannot be registered.")
        if self._bank_status(cert) is not None:
            return Text("이 은행에서 발급한 인증서라 따로 등록할 필요가 없습니다.",
                        "This bank issued this certificate; it needs no registration.")
        if not info.has_identify_data:
            return Text("본인확인 정보(VID)가 없는 인증서라 등록할 수 없습니다.",
                        "This certificate has no identity data (VID) and cannot be registered.")
        return None

    def submit_cert_password(self, password) -> Completion:
        self._expect(CERT_PASSWORD)
        storage, cert = self.picked
        try:
            plain = _decrypt(cert, password)
        finally:
            _wipe(password)
        try:
            r = keyfile.random_num(plain)
        except MissingRandomNum as exc:
            raise FlowError(cause=exc) from None
        finally:
            del plain
        try:
            reg = self.bank.register(self.session, cert.info.der, r)
        except AE.VidMismatch as exc:
            raise FlowError(cause=exc, field="certificate") from None
        except DojangError as exc:
            raise FlowError.wrap(exc) from None
        self._end_session()
        return self._finish(Completion(self.kind, storage, cert.path, cert.info.usage.kind, reg.serial,
                                       cert.info.not_before, reg.not_after.astimezone(KST), 0, cert.name))


# --- revoke -----------------------------------------------------------------------------------------

class RevokeFlow(PickCertMixin, Flow):
    """인증서 폐기: pick one of this bank's certificates, its password, an explicit confirmation."""
    kind = "revoke"
    NAV = Navigation(
        Step(PICK_CERT, STAGE_PICK, CERT_PASSWORD),
        Step(CERT_PASSWORD, STAGE_REVOKE),
    )

    def __init__(self, authority, *, cert: tuple[Storage, CertFolder] | None = None, **kw):
        super().__init__(authority, **kw)
        self.picked: tuple[Storage, CertFolder] | None = None
        if cert is not None:
            self.pick(*cert)

    def reason_for(self, cert: CertFolder) -> Text | None:
        status = self._bank_status(cert)
        if status is None:
            issuer = cert.info.issuer_o or "?"
            return Text(f"다른 기관({issuer})에서 발급한 인증서입니다. 발급한 기관에서 폐기하세요.",
                        f"Issued by another institution ({issuer}); revoke it there.")
        if status == "expired":
            return Text("만료된 인증서는 폐기할 필요가 없습니다. 삭제만 하면 됩니다.",
                        "An expired certificate needs no revocation; just delete it.")
        if status != "active":
            return _STATUS_TEXT.get(status, Text("사용할 수 없는 인증서입니다.", "This certificate cannot be used."))
        return None

    def submit_cert_password(self, password, *, confirmed: bool, delete_files: bool = True) -> Completion:
        self._expect(CERT_PASSWORD)
        storage, cert = self.picked
        if not confirmed:
            _wipe(password)
            raise FieldError("confirm", Problem(
                "not_confirmed", "폐기한 인증서는 다시 쓸 수 없습니다. 동의해야 계속할 수 있습니다.",
                "A revoked certificate can never be used again. Confirm to continue."))
        try:
            plain = _decrypt(cert, password)
        finally:
            _wipe(password)
        key = load_der_private_key(plain, None)
        del plain
        fp = cert.info.sha256_fingerprint
        copies = local_copies(self.all_storages(), lambda c: c.info.sha256_fingerprint == fp) if delete_files else []
        intent = self._intent("revoke", cert=base64.b64encode(cert.info.der).decode("ascii"), fingerprint=fp,
                                    copies=[str(c.path) for _, c in copies])
        try:
            self.bank.revoke(cert.info.der, signature=sign_possession(key, "revoke", cert.info.der),
                             reason="unspecified")
        except DojangError as exc:
            intent.finish()
            raise FlowError.wrap(exc) from None
        removed, kept = delete_copies(copies)
        intent.finish()
        _warn_kept(self.notices, kept)
        return self._finish(Completion(self.kind, storage, cert.path, cert.info.usage.kind, cert.info.serial,
                                       cert.info.not_before, cert.info.not_after, 0, cert.name, removed, kept))


FLOWS = {"issue": IssueFlow, "reissue": ReissueFlow, "renew": RenewFlow, "register": RegisterFlow,
         "revoke": RevokeFlow, "reset_pin": ResetPinFlow}


def start_flow(kind: str, authority, **kw) -> Flow:
    """A new flow of `kind` ("issue", "reissue", "renew", "register", "revoke", "reset_pin")."""
    try:
        cls = FLOWS[kind]
    except KeyError:
        raise ValueError(kind) from None
    return cls(authority, **kw)


__all__ = ["Candidate", "FLOWS", "IssueFlow", "RegisterFlow", "RenewFlow", "ReissueFlow", "RevokeFlow", "start_flow"]
