"""The project's typed errors. Each carries a short Korean and English message for users.

Messages never contain secrets (passwords, RRNs, account data, key material).
"""
from __future__ import annotations

from .i18n import pick


class DojangError(Exception):
    """Base of every error Dojang reports to a user."""

    code = "error"
    ko = "알 수 없는 오류가 발생했습니다."
    en = "An unknown error occurred."

    def __init__(self, ko: str | None = None, en: str | None = None, *, path: str | None = None):
        if ko is not None:
            self.ko = ko
        if en is not None:
            self.en = en
        self.path = path
        super().__init__(self.en)

    def message(self, lang: str | None = None) -> str:
        return pick(self.ko, self.en, lang)

    def __str__(self) -> str:  # English for logs and tracebacks
        return self.en


# --- NPKI format -------------------------------------------------------------------------

class WrongPassword(DojangError):
    code = "wrong_password"
    ko = "인증서 암호가 올바르지 않습니다."
    en = "The certificate password is incorrect."


class NonAsciiPassword(DojangError):
    code = "non_ascii_password"
    ko = ("비밀번호에 영문·숫자·특수문자 외의 글자가 있습니다. 한/영 키가 한글 입력 상태인지 "
          "확인한 뒤 영문 상태에서 다시 입력하세요.")
    en = ("The password contains characters other than English letters, digits and symbols. "
          "Check that the keyboard is not in Hangul input mode (한/영 key) and type it again.")


class UnsupportedKeyEncryption(DojangError):
    code = "unsupported_key_encryption"

    def __init__(self, oid: str, **kw):
        self.oid = oid
        super().__init__(f"지원하지 않는 개인키 암호화 방식입니다 (OID {oid}).",
                         f"Unsupported private-key encryption (OID {oid}).", **kw)


class SeedUnavailable(DojangError):
    code = "seed_unavailable"
    ko = ("이 시스템의 암호 라이브러리에서 SEED 알고리즘을 사용할 수 없습니다. "
          "OpenSSL legacy provider가 포함된 cryptography 패키지가 필요합니다.")
    en = ("The SEED cipher is not available in this system's crypto library; a cryptography build "
          "with OpenSSL's legacy provider is required.")


class MalformedCertificate(DojangError):
    code = "malformed_certificate"
    ko = "인증서 파일(signCert.der)이 손상되었거나 인증서가 아닙니다."
    en = "The certificate file (signCert.der) is damaged or is not a certificate."


class MalformedKey(DojangError):
    code = "malformed_key"
    ko = "개인키 파일(signPri.key)이 손상되었거나 개인키 파일이 아닙니다."
    en = "The private-key file (signPri.key) is damaged or is not a private key."


class KeyMismatch(DojangError):
    code = "key_mismatch"
    ko = "개인키가 이 인증서의 것이 아닙니다."
    en = "The private key does not belong to this certificate."


class FileTooLarge(DojangError):
    code = "file_too_large"

    def __init__(self, name: str, size: int, limit: int, **kw):
        self.size, self.limit = size, limit
        super().__init__(f"{name} 파일이 너무 큽니다 ({size:,}바이트, 최대 {limit:,}바이트). 인증서 파일이 아닙니다.",
                         f"{name} is too large ({size:,} bytes, at most {limit:,}); it is not a certificate file.",
                         **kw)


class BrokenEntry(DojangError):
    code = "broken_entry"
    ko = "인증서 폴더가 불완전합니다."
    en = "The certificate folder is incomplete."


class MissingRandomNum(DojangError):
    code = "missing_random_num"
    ko = "개인키에 본인확인 정보(randomNum)가 없어 본인확인을 할 수 없습니다."
    en = "The private key holds no identity data (randomNum); ownership cannot be verified."


class NoIdentifyData(DojangError):
    code = "no_identify_data"
    ko = "인증서에 본인확인 정보(VID)가 없습니다."
    en = "The certificate carries no identity data (VID)."


class UnsafeFolderName(DojangError):
    code = "unsafe_folder_name"
    ko = "인증서 폴더 이름이 안전하지 않아 사용할 수 없습니다."
    en = "The certificate folder name is unsafe and cannot be used."


class MalformedPfx(DojangError):
    code = "malformed_pfx"
    ko = "PFX(PKCS#12) 파일이 손상되었거나 지원하지 않는 형식입니다."
    en = "The PFX (PKCS#12) file is damaged or in an unsupported format."


class PfxWrongPassword(WrongPassword):
    code = "pfx_wrong_password"
    ko = "PFX 파일의 암호가 올바르지 않습니다."
    en = "The PFX file password is incorrect."


# --- storage -----------------------------------------------------------------------------

class StorageError(DojangError):
    code = "storage_error"
    ko = "저장매체에 쓰거나 읽는 중 오류가 발생했습니다. 원본 인증서는 그대로입니다."
    en = "An error occurred while reading or writing the storage. The original certificate is untouched."


class StorageFull(StorageError):
    code = "storage_full"
    ko = "저장 공간이 부족합니다. 공간을 확보한 뒤 다시 시도하세요. 원본 인증서는 그대로입니다."
    en = "The storage is full. Free some space and try again. The original certificate is untouched."


class StorageGone(StorageError):
    code = "storage_gone"
    ko = "저장매체가 분리되었거나 찾을 수 없습니다. 다시 연결한 뒤 시도하세요."
    en = "The storage was removed or cannot be found. Reconnect it and try again."


class ReadOnlyStorage(StorageError):
    code = "read_only_storage"
    ko = "이 저장매체는 읽기 전용입니다."
    en = "This storage is read-only."


class AlreadyExists(StorageError):
    code = "already_exists"
    ko = "같은 인증서가 이미 있습니다."
    en = "The same certificate is already there."


class Conflict(StorageError):
    code = "conflict"
    ko = "같은 이름의 다른 인증서가 이미 있습니다."
    en = "A different certificate with the same name is already there."


class Cancelled(DojangError):
    code = "cancelled"
    ko = "취소되었습니다."
    en = "Cancelled."


# --- storage manager (core/storage) ------------------------------------------------------------

class SymlinkNotFollowed(BrokenEntry):
    code = "symlink_not_followed"
    ko = "바로가기(심볼릭 링크)입니다. 저장매체 밖을 가리킬 수 있어 따라가지 않습니다."
    en = "This is a symbolic link; it may point outside the storage, so it is not followed."


class TooManyEntries(BrokenEntry):
    code = "too_many_entries"
    ko = "폴더에 항목이 너무 많아 일부만 확인했습니다."
    en = "The folder holds too many entries; only part of it was examined."


class UnknownStorage(StorageGone):
    code = "unknown_storage"
    ko = "해당 저장매체를 찾을 수 없습니다. 분리되었거나 ID가 잘못되었습니다 ('storages' 명령으로 확인)."
    en = "No such storage: it was removed or the ID is wrong (see the 'storages' command)."


class UnknownCertificate(DojangError):
    code = "unknown_certificate"
    ko = "해당 인증서를 찾을 수 없습니다 ('list' 명령으로 ID를 확인하세요)."
    en = "No such certificate (see the 'list' command for IDs)."


class AmbiguousCertificate(DojangError):
    code = "ambiguous_certificate"
    ko = "ID에 해당하는 인증서가 여러 개입니다. 더 긴 ID를 입력하세요."
    en = "The ID matches several certificates; give a longer ID."
