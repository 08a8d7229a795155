"""Errors of the simulated bank (the authority). Messages never carry secrets.

Every refusal says what happened and, where it helps, how many attempts remain — never which digit
was wrong (docs/bank-flows.md "Limits").
"""
from __future__ import annotations

from ..errors import DojangError


class AuthorityError(DojangError):
    code = "authority_error"
    ko = "인증센터 처리 중 오류가 발생했습니다."
    en = "The certificate centre could not complete the request."


class MasterKeyError(AuthorityError):
    code = "master_key_error"
    ko = ("모의 은행의 마스터 키를 읽을 수 없거나 데이터베이스와 맞지 않습니다. 키링 또는 키 파일이 "
          "바뀌었을 수 있습니다. 모의 은행 데이터 폴더를 지우면 새로 시작합니다.")
    en = ("The simulated bank's master key cannot be read or does not match its database. The keyring "
          "or key file may have changed; deleting the simulated bank's data folder starts afresh.")


class PortableKeyMissing(MasterKeyError):
    code = "portable_key_missing"
    ko = ("이 휴대용 모의 은행은 이전 버전이 다른 컴퓨터의 키링에 마스터 키를 두었습니다. 그 컴퓨터에서 한 번 "
          "열면 키가 데이터 폴더로 옮겨지고, 그 뒤로는 어느 컴퓨터에서나 열립니다. 인증서와 설정은 그대로입니다.")
    en = ("An earlier version kept this portable simulated bank's master key in another computer's keyring. "
          "Open it once on that computer: the key then moves into the data folder and the bank opens "
          "anywhere. Certificates and settings are not affected.")


class CustomerNotFound(AuthorityError):
    code = "customer_not_found"
    ko = "입력하신 고객정보(성명, 주민등록번호, 계좌번호)가 일치하지 않습니다. 다시 확인해 주세요."
    en = "The customer details (name, resident registration number, account number) do not match."


class InvalidInput(AuthorityError):
    code = "invalid_input"
    ko = "입력값의 형식이 올바르지 않습니다."
    en = "The input is not in the expected format."


def attempts_left(n: int) -> str:
    return f"{n} attempt left" if n == 1 else f"{n} attempts left"


class _Remaining(AuthorityError):
    def __init__(self, remaining: int, ko: str, en: str):
        self.remaining = remaining
        super().__init__(ko, en)


class AccountLocked(AuthorityError):
    code = "account_locked"
    remaining = 0
    ko = ("계좌 비밀번호 오류 횟수를 초과하여 인증서 업무가 제한되었습니다. 영업점(창구)에서 잠금을 "
          "해제하세요. (모의: python main.py bank unlock)")
    en = ("Too many wrong account passwords: certificate services are locked for this account. A teller "
          "must unlock it (demo: python main.py bank unlock).")


class WrongAccountPassword(_Remaining):
    code = "wrong_account_password"

    def __init__(self, remaining: int):
        super().__init__(remaining, f"계좌 비밀번호가 올바르지 않습니다. (남은 횟수 {remaining}회)",
                         f"The account password is incorrect ({attempts_left(remaining)}).")


# What a channel is called in messages; a channel not listed here is named by its id.
CHANNEL_NAMES = {"card": ("보안카드", "security card"), "otp": ("OTP", "OTP"),
                 "mobile_otp": ("모바일 OTP", "mobile OTP"),
                 "sms": ("SMS 인증", "SMS verification"), "ars": ("ARS 인증", "ARS verification")}


class FactorLocked(AuthorityError):
    code = "factor_locked"
    remaining = 0

    def __init__(self, factor: str):
        self.factor = factor
        label_ko, label_en = CHANNEL_NAMES.get(factor, (factor, factor))
        super().__init__(f"{label_ko} 오류 횟수를 초과하여 사용이 제한되었습니다. 영업점에서 해제하세요.",
                         f"Too many wrong {label_en} answers: it is locked. A teller must unlock it.")


class WrongFactorAnswer(_Remaining):
    code = "wrong_factor_answer"

    def __init__(self, factor: str, remaining: int):
        self.factor = factor
        label_ko = {"card": "보안카드 번호", "otp": "OTP 번호", "mobile_otp": "모바일 OTP 번호", "sms": "인증번호",
                    "ars": "ARS 인증번호"}.get(factor, factor)
        label_en = {"card": "security-card number", "otp": "OTP code", "mobile_otp": "mobile OTP code",
                    "sms": "verification code", "ars": "ARS code"}.get(factor, factor)
        super().__init__(remaining, f"{label_ko}가 올바르지 않습니다. (남은 횟수 {remaining}회)",
                         f"The {label_en} is incorrect ({attempts_left(remaining)}).")


class CodeMismatch(WrongFactorAnswer):
    code = "code_mismatch"

    def __init__(self, remaining: int, factor: str = "sms"):
        super().__init__(factor, remaining)


class CodeExpired(AuthorityError):
    code = "code_expired"
    ko = "인증 시간이 초과되었습니다. 인증번호를 다시 요청하세요."
    en = "The time limit has passed. Request a new code."


class TooManyAttempts(AuthorityError):
    code = "too_many_attempts"
    remaining = 0
    ko = "입력 오류 횟수를 초과했습니다. 인증번호를 다시 요청하세요."
    en = "Too many wrong entries. Request a new code."


class ResendLimit(AuthorityError):
    code = "resend_limit"
    ko = "인증번호 재전송 횟수를 초과했습니다. 처음부터 다시 진행하세요."
    en = "The code cannot be resent any more. Start again from the beginning."


class OtpReplay(_Remaining):
    code = "otp_replay"

    def __init__(self, remaining: int):
        super().__init__(remaining, f"이미 사용한 OTP 번호입니다. 새 번호가 표시되면 입력하세요. (남은 횟수 {remaining}회)",
                         f"This OTP code was already used; wait for the next one ({attempts_left(remaining)}).")


class NoDevice(AuthorityError):
    code = "no_device"

    def __init__(self, factor: str):
        self.factor = factor
        super().__init__(
            {"card": "등록된 보안카드가 없습니다.", "otp": "등록된 OTP가 없습니다.",
             "phone": "등록된 휴대폰 번호가 없습니다."}.get(factor, "등록된 인증수단이 없습니다."),
            {"card": "No security card is registered.", "otp": "No OTP device is registered.",
             "phone": "No phone number is registered."}.get(factor, "No such verification device."))


class NoChallenge(AuthorityError):
    code = "no_challenge"
    ko = "진행 중인 인증 요청이 없습니다. 인증을 다시 요청하세요."
    en = "There is no verification in progress. Request one first."


class SessionInvalid(AuthorityError):
    code = "session_invalid"
    ko = "본인확인 세션이 만료되었거나 올바르지 않습니다. 처음부터 다시 진행하세요."
    en = "The identification session has expired or is not valid. Start again."


class StepMissing(AuthorityError):
    code = "step_missing"

    def __init__(self, step: str):
        self.step = step
        names = {"terms": ("약관동의", "agreeing to the terms"),
                 "first_factor": ("ARS 또는 SMS 인증", "ARS or SMS verification"),
                 "second_factor": ("보안카드 또는 OTP 인증", "security card or OTP verification")}
        ko, en = names.get(step, (step, step))
        super().__init__(f"{ko} 단계를 먼저 완료하세요.", f"Complete {en} first.")


class TermsNotAgreed(AuthorityError):
    code = "terms_not_agreed"

    def __init__(self, missing: list[str]):
        self.missing = list(missing)
        super().__init__("필수 약관에 모두 동의해야 합니다.", "All required terms must be agreed to.")


class InsufficientBalance(AuthorityError):
    code = "insufficient_balance"

    def __init__(self, fee: int, balance: int | None = None):
        self.fee = fee
        super().__init__(f"계좌 잔액이 부족하여 범용 인증서 수수료({fee:,}원)를 출금할 수 없습니다.",
                         f"The account balance is too low for the general-purpose certificate fee ({fee:,} KRW).")


class AlreadyIssued(AuthorityError):
    code = "already_issued"
    ko = "이미 같은 종류의 유효한 인증서가 있습니다. 분실·비밀번호 분실 시 재발급을 이용하세요."
    en = "A valid certificate of this type already exists. Use reissue if it was lost or its password forgotten."


class BadRequest(AuthorityError):
    code = "bad_request"
    ko = "인증서 발급 요청이 올바르지 않습니다."
    en = "The certificate request is not valid."


class CertificateUnknown(AuthorityError):
    code = "certificate_unknown"
    ko = "이 인증센터에서 발급한 인증서가 아닙니다."
    en = "This certificate was not issued by this certificate centre."


class NotActive(AuthorityError):
    code = "not_active"

    def __init__(self, status: str):
        self.status = status
        ko = {"revoked": "폐기된", "superseded": "갱신되어 대체된", "pending": "아직 발급이 완료되지 않은",
              "cancelled": "발급이 취소된", "expired": "만료된"}.get(status, status)
        super().__init__(f"{ko} 인증서입니다.", f"The certificate is {status}.")


class RenewalNotAllowed(AuthorityError):
    code = "renewal_not_allowed"

    def __init__(self, days_left: int, window: int = 30):
        self.days_left = days_left
        super().__init__(
            f"갱신은 만료 {window}일 전부터 가능합니다. (만료까지 {days_left}일 남음)",
            f"Renewal is possible from {window} days before expiry ({days_left} days left).")


class PossessionFailed(AuthorityError):
    code = "possession_failed"
    ko = "인증서의 개인키로 서명한 요청이 아닙니다."
    en = "The request is not signed with the certificate's private key."


class VidMismatch(AuthorityError):
    code = "vid_mismatch"
    ko = "이 인증서는 고객님의 주민등록번호로 발급된 인증서가 아닙니다(본인확인 실패)."
    en = "This certificate was not issued for this customer's resident registration number (identity check failed)."


class NotOwner(AuthorityError):
    code = "not_owner"
    ko = "본인의 인증서가 아닙니다."
    en = "The certificate does not belong to this customer."


class CallDeclined(AuthorityError):
    code = "call_declined"
    ko = "ARS 전화가 종료되었습니다. 인증을 다시 요청하세요."
    en = "The ARS call ended. Request verification again."


class BankDataProblem(AuthorityError):
    """The bank's data file cannot be used as it is. Nothing is deleted: the way out is the same
    whatever the reason, keeping the file aside."""
    what_ko = what_en = ""

    def __init__(self, path):
        super().__init__(f"{self.what_ko}: {path}. python main.py bank reset --keep-backup 으로 옆에 보관하고 "
                         "새로 시작할 수 있습니다.",
                         f"{self.what_en}: {path}. `python main.py bank reset --keep-backup` keeps it aside and "
                         "starts afresh.", path=str(path))


class BankDataUnreadable(BankDataProblem):
    code = "bank_data_unreadable"
    what_ko = "모의 은행 데이터 파일을 읽을 수 없습니다(손상되었거나 데이터베이스가 아님)"
    what_en = "The simulated bank's data file cannot be read (damaged or not a database)"


class BankDataNewer(BankDataProblem):
    code = "bank_data_newer"
    what_ko = "이 모의 은행 데이터는 더 새로운 버전의 도장이 만든 것입니다(그 버전으로 열 수 있습니다)"
    what_en = "The simulated bank's data was made by a newer Dojang version (that version opens it)"


class UnknownProduct(InvalidInput):
    code = "unknown_product"

    def __init__(self, product_id: str):
        self.product_id = product_id
        super().__init__(f"이 은행에서 발급하지 않는 인증서 종류입니다: {product_id}",
                         f"This bank does not issue that kind of certificate: {product_id}")


class LoginChallengeInvalid(AuthorityError):
    code = "login_challenge_invalid"
    ko = "로그인 요청이 만료되었거나 이미 쓰였습니다. 다시 로그인하세요."
    en = "The login request has expired or was already used. Log in again."


# Why the bank refuses a certificate at login, in the bank's words (docs/bank-flows.md "Certificate login").
LOGIN_REFUSALS = {
    "signature": ("인증서의 개인키로 만든 서명이 아닙니다.", "The signature was not made with this certificate's key."),
    "unregistered": ("이 은행에 등록되지 않은 타기관 인증서입니다. 타기관 인증서 등록을 먼저 하세요.",
                     "This is another institution's certificate that is not registered here. Register it first."),
    "vid": ("본인확인(VID)에 실패했습니다. 이 인증서는 등록된 고객의 것이 아닙니다.",
            "The identity check (VID) failed: this certificate does not belong to the registered customer."),
    "not_yet_valid": ("아직 유효기간이 시작되지 않은 인증서입니다.", "This certificate is not valid yet."),
    "expired": ("만료된 인증서입니다. 재발급을 받으세요.", "This certificate has expired. Get it reissued."),
    "revoked": ("폐기된 인증서입니다.", "This certificate has been revoked."),
    "reissued": ("재발급 전 인증서입니다 — 새 인증서를 사용하세요.",
                 "This certificate was replaced by a reissue — use the new one."),
    "renewed": ("갱신 전 인증서입니다 — 새 인증서를 사용하세요.",
                "This certificate was replaced by a renewal — use the new one."),
    "not_issued": ("발급이 끝나지 않은 인증서입니다.", "This certificate's issuance was never completed."),
}


class LoginRefused(AuthorityError):
    """The bank refused the certificate; `reason` is a key of LOGIN_REFUSALS."""

    def __init__(self, reason: str):
        self.reason = reason
        self.code = f"login_{reason}"
        super().__init__(*LOGIN_REFUSALS[reason])


# --- the simulated 금융결제원 cloud (docs/bank-flows.md "금융인증서") ---------------------------------------

class PinRejected(AuthorityError):
    """A new PIN the cloud does not accept; `reason` says which rule."""
    code = "pin_rejected"
    _TEXT = {
        "format": ("PIN은 숫자 6자리입니다.", "The PIN is 6 digits."),
        "same": ("같은 숫자만으로 된 PIN은 쓸 수 없습니다 (예: 111111).", "A PIN of one repeated digit is not allowed."),
        "run": ("연속된 숫자는 PIN으로 쓸 수 없습니다 (예: 123456, 654321).",
                "A straight run of digits is not allowed (123456, 654321)."),
        "birth": ("생년월일은 PIN으로 쓸 수 없습니다.", "The birth date is not allowed as a PIN."),
        "mismatch": ("두 번 입력한 PIN이 다릅니다.", "The two PINs differ."),
    }

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(*self._TEXT[reason])


class WrongPin(_Remaining):
    code = "wrong_pin"

    def __init__(self, remaining: int):
        super().__init__(remaining, f"금융인증서 PIN이 틀렸습니다. ({remaining}회 남음)",
                         f"Wrong finance certificate PIN ({attempts_left(remaining)}).")


class PinLocked(AuthorityError):
    code = "pin_locked"
    remaining = 0
    ko = ("PIN을 5회 잘못 입력하여 금융인증서가 잠겼습니다. 본인확인 후 PIN을 재설정하세요 "
          "(cloud reset-pin).")
    en = ("The finance certificate is locked after 5 wrong PINs. Reset the PIN after verifying your identity "
          "(cloud reset-pin).")


class DeviceNotConnected(AuthorityError):
    code = "device_not_connected"
    ko = "이 기기는 금융인증서 클라우드에 연결되지 않았습니다. 먼저 이용 기기로 지정하세요 (cloud connect)."
    en = "This device is not connected to the finance certificate cloud. Connect it first (cloud connect)."


class NoCloudCertificate(AuthorityError):
    code = "no_cloud_certificate"
    ko = "클라우드에 금융인증서가 없습니다."
    en = "There is no finance certificate in the cloud."


class CloudKeyNotExportable(AuthorityError):
    code = "cloud_key_not_exportable"
    ko = "금융인증서의 개인키는 클라우드 밖으로 나오지 않아 복사하거나 내보낼 수 없습니다."
    en = "A finance certificate's private key never leaves the cloud: it cannot be copied or exported."
