"""Certificate and storage commands of the CLI (`python main.py <command>`).

    storages [--json]                         every storage: id, kind, label, presence, free space
    list [--storage ID] [--json]              certificates (and broken entries with a reason)
    show CERT [--json]                        details of one certificate
    check-password CERT                       is the password right? (asked, never an argument)
    change-password CERT                      asks the current and the new password
    copy CERT --to STORAGE [--on-conflict replace|keep-both|cancel]
    move CERT --to STORAGE [--on-conflict …]  copy, verify, then delete the original
    delete CERT [--yes]                       asks for confirmation unless --yes
    export-pfx CERT FILE [--flavour legacy|modern] [--force]
    import-pfx FILE --to STORAGE [--on-conflict …]
    verify-owner CERT                         본인확인: asks the password and the 주민등록번호

CERT is the short id printed by `list` (a unique prefix of 4+ characters works) or a certificate
folder path; STORAGE is an id printed by `storages` (`hdd` is the hard disk). Passwords and
주민등록번호 are read from the terminal without echo, or line by line from standard input when
it is not a terminal — never from arguments. Exit status: 0 success, 1 failure (one-line reason),
2 bad usage.
"""
from __future__ import annotations

import datetime as dt
import gc
import json
import getpass
import os
import sys
import unicodedata
from pathlib import Path

from ..errors import Cancelled, DojangError
from ..i18n import current_language, pick
from ..npki.certfolder import SIGN_CERT, SIGN_KEY, BrokenFolder, CertFolder, verify_key
from ..npki.certificate import KST
from ..npki import policies
from ..npki.secret import password_bytes, wipe
from ..storage import registry
from ..storage.base import Storage
from ..storage.scan import verify_keys
from ..textsafe import is_clean, raw_b64, visible, visible_tree
from .console import is_utf8, print_json, say

# = [c.value for c in operations.ConflictChoice], written out so that registering the commands does not
# load the operations (tests/cli/test_command_table.py checks they agree)
CONFLICT_CHOICES = ["replace", "keep-both", "cancel"]


# --- input ----------------------------------------------------------------------------------------

def stdin_is_tty() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def no_answer(prompt: str):
    """Standard input closed (`<&-`), empty or at its end while a value was expected: exit 2 saying
    what was expected (docs/hostile-input.md)."""
    from . import UsageError
    what = prompt.strip().rstrip(":?").strip() or "?"
    raise UsageError(pick(f"입력이 없습니다: 표준 입력이 닫혔거나 끝났습니다 (기다린 값: {what}).",
                          f"No answer: standard input is closed or at its end (expected: {what})."))


def stdin_line(prompt: str) -> str:
    """One line of a non-terminal standard input, without its line end; no line → no_answer."""
    stream = sys.stdin
    try:
        line = stream.readline() if stream is not None else ""
    except (OSError, ValueError, UnicodeDecodeError):
        line = ""
    if not line:
        no_answer(prompt)
    return line.rstrip("\r\n")


def tty_read(read, prompt: str) -> str:
    try:
        return read(prompt)
    except EOFError:            # Ctrl-D at the prompt
        no_answer(prompt)


def read_secret(prompt: str) -> bytearray:
    """A secret from the terminal (no echo) or one line of standard input. Never from argv."""
    text = tty_read(getpass.getpass, prompt) if stdin_is_tty() else stdin_line(prompt)
    return password_bytes(text)


def read_line(prompt: str) -> str:
    if stdin_is_tty():
        return tty_read(input, prompt)
    print(prompt, end="", file=sys.stderr, flush=True)
    return stdin_line(prompt)


def read_rrn(prompt: str) -> str:
    """주민등록번호: NFKC-normalised, then 13 ASCII digits (hyphen optional). Never echoed back."""
    from . import UsageError

    text = tty_read(getpass.getpass, prompt) if stdin_is_tty() else stdin_line(prompt)
    text = unicodedata.normalize("NFKC", text).strip()
    digits = text.replace("-", "")
    if len(digits) != 13 or any(ch not in "0123456789" for ch in digits) or text.count("-") > 1:
        raise UsageError(pick("주민등록번호는 숫자 13자리로 입력하세요 (예: 900101-1******).",
                              "Enter the resident registration number as 13 digits (e.g. 900101-1******)."))
    return digits


# --- formatting ---------------------------------------------------------------------------------------

def _status(entry, now: dt.datetime, bank: dict | None = None) -> str:
    if isinstance(entry, BrokenFolder):
        return "broken"
    info = entry.info
    if bank:
        said = bank.get(format(info.serial, "x"))
        if said is not None and said != "active":
            return said      # the bank that issued it says it cannot be used (docs/bank-core.md)
    if now >= info.not_after:           # = info.is_expired(now)
        return "expired"
    if now < info.not_before:           # = info.is_not_yet_valid(now)
        return "not_yet_valid"
    return "ok"


# = core.authority.status.CA_ORG, written here so a listing without any of the bank's certificates
# does not load core.authority (about 40 ms); tests/storage/test_cli_speed.py checks they agree.


BANK_ORG = policies.DOJANG_CA_ORG     # the simulated bank's certificates (core/authority/status.py)


def bank_statuses(entries) -> dict:
    """The simulated bank's word on the certificates it issued among `entries` (read-only, cheap)."""
    ours = [(e.info.serial_hex, e.info.der) for e in entries
            if isinstance(e, CertFolder) and e.info.issuer_o == BANK_ORG]
    if not ours:
        return {}
    from ..authority.status import read_statuses
    return read_statuses(ours)


def cert_json(storage: Storage, entry, now: dt.datetime, bank: dict | None = None,
              lang: str | None = None) -> dict:
    # Strings are made visible when printed (console.print_json); the *_raw_b64 fields keep the
    # exact bytes of the folder name and path so a script can still address them (docs/hostile-input.md).
    # Written for a listing of thousands of rows: no Path objects, each field read once.
    path = getattr(entry, "location", None) or str(entry.path)
    name = entry.name
    out = {"id": storage.cert_id(entry), "storage": storage.id, "storage_kind": storage.kind,
           "path": path, "path_raw_b64": raw_b64(path), "folder": name,
           "folder_raw_b64": raw_b64(name), "ca_folder": entry.ca_folder,
           "status": _status(entry, now, bank)}
    if isinstance(entry, BrokenFolder):
        out["reason"] = entry.reason(lang)
        out["error"] = entry.error.code
        return out
    info = entry.info
    usage = info.usage
    not_after = info.not_after
    key_size = info.key_size
    out["name"] = info.display_name
    out["cn"] = info.cn
    out["subject"] = info.subject
    out["usage"] = usage.label(lang)
    out["usage_kind"] = usage.kind
    out["issuer"] = info.issuer_o
    out["issuer_cn"] = info.issuer_cn
    out["serial"] = info.serial_hex
    out["not_before"] = info.not_before.isoformat()
    out["not_after"] = not_after.isoformat()
    out["days_left"] = (not_after.date() - now.astimezone(KST).date()).days     # = info.days_left(now)
    out["sha256"] = info.sha256_fingerprint
    out["key"] = f"{info.key_algorithm} {key_size}" if key_size else info.key_algorithm
    out["signature_algorithm"] = info.signature_algorithm
    out["has_km"] = entry.has_km
    out["has_vid"] = info.has_identify_data
    out["extra_files"] = entry.extra_files
    return out


def _status_text(status: str, days: int | None) -> str:
    return {"ok": pick(f"정상 (D-{days})", f"valid ({days} days left)"),
            "expired": pick("만료됨", "expired"),
            "not_yet_valid": pick("아직 유효하지 않음", "not yet valid"),
            "broken": pick("손상됨", "broken"),
            "revoked": pick("폐지됨", "revoked"),
            "superseded": pick("새 인증서로 바뀜", "replaced by a newer certificate"),
            "cancelled": pick("발급 취소됨", "issuance cancelled"),
            "pending": pick("발급 미완료", "issuance not finished")}[status]


def _print_json(data) -> None:
    print_json(data)


_str = json.encoder.encode_basestring      # what json.dumps(ensure_ascii=False) writes for a str
_LITERALS = {True: "true", False: "false", None: "null"}


def _value(v) -> str:
    return _str(v) if type(v) is str else _LITERALS[v] if v is None or type(v) is bool else repr(v)


def row_line(storage: Storage, entry, now: dt.datetime, bank: dict | None = None, lang: str | None = None) -> str:
    """One `list --json` row: exactly `_row_json(cert_json(...), False)` (tests/cli/test_row_json.py
    compares them), but a good entry's line is written straight from its fields — no dict, no
    generic encoder: with thousands of rows both showed. Rows with anything to make visible, and
    broken entries, go the general way."""
    if not isinstance(entry, CertFolder):
        return _row_json(cert_json(storage, entry, now, bank, lang), False)
    path = entry.location
    name = entry.name
    info = entry.info
    usage = info.usage
    not_after = info.not_after
    key_size = info.key_size
    extra = entry.extra_files
    line = (
        f'{{"id": {_str(storage.cert_id(entry))}, "storage": {_str(storage.id)}, '
        f'"storage_kind": {_str(storage.kind)}, "path": {_str(path)}, "path_raw_b64": "{raw_b64(path)}", '
        f'"folder": {_str(name)}, "folder_raw_b64": "{raw_b64(name)}", "ca_folder": {_str(entry.ca_folder)}, '
        f'"status": {_str(_status(entry, now, bank))}, "name": {_str(info.display_name)}, '
        f'"cn": {_str(info.cn)}, "subject": {_str(info.subject)}, "usage": {_str(usage.label(lang))}, '
        f'"usage_kind": {_value(usage.kind)}, "issuer": {_value(info.issuer_o)}, '
        f'"issuer_cn": {_value(info.issuer_cn)}, "serial": {_str(info.serial_hex)}, '
        f'"not_before": "{info.not_before.isoformat()}", "not_after": "{not_after.isoformat()}", '
        f'"days_left": {(not_after.date() - now.astimezone(KST).date()).days!r}, '
        f'"sha256": {_str(info.sha256_fingerprint)}, '
        f'"key": {_str(f"{info.key_algorithm} {key_size}" if key_size else info.key_algorithm)}, '
        f'"signature_algorithm": {_str(info.signature_algorithm)}, "has_km": {_value(entry.has_km)}, '
        f'"has_vid": {_value(info.has_identify_data)}, '
        f'"extra_files": [{", ".join(map(_str, extra))}]}}')
    if "\\" not in line and is_clean(line):
        return line
    return _row_json(cert_json(storage, entry, now, bank, lang), False)


def _print_lines(lines: list[str]) -> None:
    print("[\n" + ",\n".join("  " + line for line in lines) + "\n]" if lines else "[]")


def _print_json_rows(rows: list[dict]) -> None:
    """Like console.print_json (every string made visible), but one object per line: as readable as
    indented output for a list, and written by json's C encoder (indenting switches to the
    pure-Python one, slow for 2,000 rows)."""
    if not rows:
        print("[]")
        return
    ascii_only = not is_utf8(sys.stdout)
    print("[\n" + ",\n".join("  " + _row_json(row, ascii_only) for row in rows) + "\n]")


# json.dumps with ensure_ascii=False builds a new encoder per call; one made once is the same C encoder
_UTF8_JSON = json.JSONEncoder(ensure_ascii=False).encode


def _row_json(row: dict, ascii_only: bool) -> str:
    """One row as JSON with every string made visible. Most rows need no change: dump first and
    check the line once (json escapes C0 controls as \\n, \\r, \\u00XX…, so any backslash sends the
    row the slow way, as does anything is_clean flags); only such rows walk the structure."""
    if not ascii_only:
        line = _UTF8_JSON(row)
        if "\\" not in line and is_clean(line):
            return line
    return json.dumps(visible_tree(row), ensure_ascii=ascii_only)


def _now() -> dt.datetime:
    return dt.datetime.now(KST)


def resolve_ref(ref: str):
    return registry.resolve_cert(ref)


def good_cert(entry) -> CertFolder:
    entry = verify_key(entry)        # a listing checks keys lazily; a command that uses one, now
    if isinstance(entry, BrokenFolder):
        raise entry.error
    return entry


def conflict_resolver(choice: str | None):
    """--on-conflict, or an interactive question on a terminal, or None (→ Conflict error)."""
    from ..storage import operations as ops
    if choice:
        return lambda _info: ops.ConflictChoice(choice)
    if not stdin_is_tty():
        return None

    def ask(info: ops.ConflictInfo) -> ops.ConflictChoice:
        name = visible(info.target.name)
        answer = read_line(pick(f"'{name}' 이름으로 다른 인증서가 이미 있습니다. "
                                "[r] 바꾸기 / [k] 둘 다 두기 / [c] 취소: ",
                                f"A different certificate named '{name}' is already there. "
                                "[r]eplace / [k]eep both / [c]ancel: ")).strip().lower()
        return {"r": ops.ConflictChoice.REPLACE, "k": ops.ConflictChoice.KEEP_BOTH}.get(
            answer[:1], ops.ConflictChoice.CANCEL)
    return ask


def _say_result(result: ops.OpResult) -> None:
    texts = {
        "copied": ("복사했습니다", "Copied"), "moved": ("옮겼습니다", "Moved"),
        "already_there": ("같은 인증서가 이미 있습니다", "The same certificate is already there"),
        "replaced": ("기존 인증서를 바꿨습니다", "Replaced the existing certificate"),
        "kept_both": ("다른 이름으로 함께 저장했습니다", "Saved next to the existing one under another name"),
        "deleted": ("삭제했습니다", "Deleted"), "imported": ("가져왔습니다", "Imported"),
        "exported": ("내보냈습니다", "Exported"),
    }
    ko, en = texts.get(result.status, (result.status, result.status))
    say(pick(f"{ko}: {result.path}", f"{en}: {result.path}"))
    if "no_random_num" in result.notes:
        print(pick("참고: 개인키에 본인확인 정보(randomNum)가 없어 본인확인은 할 수 없습니다.",
                   "Note: the key carries no randomNum, so ownership checks will not be possible."))


# --- commands -------------------------------------------------------------------------------------

def cmd_storages(args) -> int:
    storages = registry.all_storages()
    if args.json:
        _print_json([{**s.to_json(), "root_raw_b64": raw_b64(s.root)} for s in storages])
        return 0
    for s in storages:
        free = s.free_space()
        free_text = f"{free / 1e9:.1f} GB" if free is not None else "—"
        state = pick("연결됨", "present") if s.present() else pick("없음", "absent")
        say(f"{s.id:<16} {s.label():<40} {state:<8} {free_text:>10}  {s.root}")
    return 0


def cmd_add_folder(args) -> int:
    if not Path(args.path).is_dir():
        raise DojangError("그런 폴더가 없습니다.", "No such folder.", path=args.path)
    storage = registry.add_folder(Path(args.path))
    say(pick(f"폴더를 저장 위치로 추가했습니다: {storage.id}  {storage.root}",
               f"Folder added as a storage: {storage.id}  {storage.root}"))
    return 0


def cmd_remove_folder(args) -> int:
    ref = args.folder
    registry.remove_folder(str(Path(ref).absolute()) if os.sep in ref else ref)
    print(pick("저장 위치 목록에서 뺐습니다 (폴더와 인증서는 그대로 있습니다).",
               "Removed from the storage list (the folder and its certificates stay on disk)."))
    return 0


def cmd_list(args) -> int:
    # A listing builds thousands of objects and frees none before it ends: the cycle collector's
    # passes over them find nothing (about 4% of a 2,000-certificate list), so it is paused.
    gc.disable()
    try:
        return _list(args)
    finally:
        gc.enable()


def _list(args) -> int:
    storages = [registry.find_storage(args.storage)] if args.storage else registry.all_storages()
    if args.storage:
        storages[0].require_present()
    now = _now()
    # the scan lists; the keys are checked here, before anything is printed (docs/npki-codec.md)
    rows = [(s, e) for s in storages for e in verify_keys(s.scan())]
    bank = bank_statuses(e for _, e in rows)
    if args.json:
        lang = current_language()
        if is_utf8(sys.stdout):
            _print_lines([row_line(s, e, now, bank, lang) for s, e in rows])
        else:
            _print_json_rows([cert_json(s, e, now, bank, lang) for s, e in rows])
        return 0
    if not rows:
        print(pick("인증서가 없습니다.", "No certificates."))
    for s, e in rows:
        cid = s.cert_id(e)
        if isinstance(e, BrokenFolder):
            say(f"{cid}  {s.id:<14} {'—':<10} {e.name}  [{_status_text('broken', None)}: {e.reason()}]")
            continue
        info = e.info
        status = _status(e, now, bank)
        say(f"{cid}  {s.id:<14} {info.usage.label():<10} {info.display_name}  "
              f"{info.issuer_o or e.ca_folder}  {info.not_after:%Y-%m-%d}  "
              f"[{_status_text(status, info.days_left(now))}]")
    return 0


def cmd_show(args) -> int:
    storage, entry = resolve_ref(args.cert)
    entry = verify_key(entry)
    data = cert_json(storage, entry, _now(), bank_statuses([entry]))
    if isinstance(entry, CertFolder):
        notes = []
        try:
            key_file = entry.key_file()
            data["key_encryption"] = key_file.encryption.describe()
            if key_file.trailing_bytes:
                notes.append(_trailing_note(SIGN_KEY, key_file.trailing_bytes))
        except DojangError as exc:
            data["key_encryption"] = exc.message()
        if entry.info.trailing_bytes:
            notes.insert(0, _trailing_note(SIGN_CERT, entry.info.trailing_bytes))
        if notes:
            data["notes"] = notes
    if args.json:
        _print_json(data)
        return 0
    labels = {"id": ("ID", "ID"), "storage": ("저장매체", "Storage"), "name": ("사용자", "Name"),
              "usage": ("구분", "Usage"), "issuer": ("발급기관", "Issuer"), "serial": ("일련번호", "Serial"),
              "not_before": ("발급일", "Valid from"), "not_after": ("만료일", "Valid until"),
              "status": ("상태", "Status"), "reason": ("사유", "Reason"), "subject": ("주체", "Subject"),
              "key": ("공개키", "Public key"), "key_encryption": ("개인키 암호화", "Key encryption"),
              "sha256": ("SHA-256 지문", "SHA-256 fingerprint"), "has_km": ("암호화용 키쌍", "KM pair"),
              "has_vid": ("본인확인 정보", "Identity data (VID)"), "path": ("경로", "Path"),
              "notes": ("참고", "Note")}
    for key, (ko, en) in labels.items():
        if key in data:
            value = data[key]
            if isinstance(value, list):
                value = "; ".join(value)
            if isinstance(value, bool):
                value = pick("있음", "yes") if value else pick("없음", "no")
            say(f"{pick(ko, en)}: {value}")
    return 0


def _trailing_note(name: str, count: int) -> str:
    """Extra bytes after the DER are a vendor trailer, not damage (docs/npki-codec.md)."""
    return pick(f"{name} 파일 끝에 인증서 데이터 외의 {count}바이트가 더 있습니다 (무시하며, 손상이 아닙니다).",
                f"{name} has {count} extra bytes after its data (ignored; this is not damage).")


def cmd_check_password(args) -> int:
    _storage, entry = resolve_ref(args.cert)
    cert = good_cert(entry)
    pw = read_secret(pick("인증서 비밀번호: ", "Certificate password: "))
    try:
        cert.check_password(pw)
    finally:
        wipe(pw)
    print(pick("비밀번호가 맞습니다.", "The password is correct."))
    return 0


def cmd_change_password(args) -> int:
    from ..storage import operations as ops
    storage, entry = resolve_ref(args.cert)
    cert = good_cert(entry)
    old = read_secret(pick("현재 비밀번호: ", "Current password: "))
    new = confirm = None
    try:
        cert.check_password(old)  # fail early, before asking for the new one
        new = read_secret(pick("새 비밀번호: ", "New password: "))
        if stdin_is_tty():
            confirm = read_secret(pick("새 비밀번호 확인: ", "New password again: "))
            if confirm != new:
                raise DojangError("새 비밀번호가 서로 다릅니다.", "The new passwords do not match.")
        if not new:
            raise DojangError("새 비밀번호가 비어 있습니다.", "The new password is empty.")
        ops.change_password(cert, old, new, storage)
    finally:
        for buf in (old, new, confirm):
            wipe(buf)
    print(pick("비밀번호를 바꿨습니다.", "The password was changed."))
    return 0


def _copy_or_move(args, move: bool) -> int:
    from ..storage import operations as ops
    source, entry = resolve_ref(args.cert)
    dest = registry.find_storage(args.to)
    dest.require_present()
    if move:
        result = ops.move_cert(entry, source, dest, on_conflict=conflict_resolver(args.on_conflict))
    else:
        result = ops.copy_cert(entry, dest, source=source, on_conflict=conflict_resolver(args.on_conflict))
    _say_result(result)
    return 0


def cmd_copy(args) -> int:
    return _copy_or_move(args, move=False)


def cmd_move(args) -> int:
    return _copy_or_move(args, move=True)


def cmd_delete(args) -> int:
    from ..storage import operations as ops
    storage, entry = resolve_ref(args.cert)
    if not args.yes:
        what = visible(entry.info.display_name if isinstance(entry, CertFolder) else entry.name, 120)
        answer = read_line(pick(f"'{what}' 인증서를 {visible(storage.label())}에서 삭제할까요? [y/N] ",
                                f"Delete the certificate '{what}' from {visible(storage.label())}? [y/N] "))
        if answer.strip().lower() not in ("y", "yes", "예", "네", "ㅇ"):
            raise Cancelled()
    _say_result(ops.delete_cert(entry, storage))
    return 0


def cmd_export_pfx(args) -> int:
    from ..storage import operations as ops
    _storage, entry = resolve_ref(args.cert)
    cert = good_cert(entry)
    pw = read_secret(pick("인증서 비밀번호: ", "Certificate password: "))
    try:
        result = ops.export_pfx(cert, pw, Path(args.file), flavour=args.flavour, overwrite=args.force)
    finally:
        wipe(pw)
    _say_result(result)
    return 0


def cmd_import_pfx(args) -> int:
    from ..storage import operations as ops
    dest = registry.find_storage(args.to)
    dest.require_present()
    if not Path(args.file).is_file():
        raise DojangError("PFX 파일을 찾을 수 없습니다.", "The PFX file was not found.")
    pw = read_secret(pick("PFX 비밀번호: ", "PFX password: "))
    try:
        result = ops.import_pfx(Path(args.file), pw, dest, on_conflict=conflict_resolver(args.on_conflict))
    finally:
        wipe(pw)
    _say_result(result)
    return 0


def cmd_verify_owner(args) -> int:
    from ..storage import operations as ops
    _storage, entry = resolve_ref(args.cert)
    cert = good_cert(entry)
    pw = read_secret(pick("인증서 비밀번호: ", "Certificate password: "))
    try:
        cert.check_password(pw)  # fail early, before asking for the number
        rrn = read_rrn(pick("주민등록번호 (13자리): ", "Resident registration number (13 digits): "))
        matches = ops.verify_owner(cert, pw, rrn)
    finally:
        wipe(pw)
    if not matches:
        raise DojangError("입력한 주민등록번호는 이 인증서의 본인 정보와 일치하지 않습니다.",
                          "The resident registration number does not match this certificate's owner.")
    print(pick("본인 확인 완료: 이 인증서의 소유자가 맞습니다.", "Ownership verified: the number matches this certificate."))
    return 0


# --- registration ---------------------------------------------------------------------------------

def register(sub) -> None:
    def add(name: str, func, ko: str, en: str):
        p = sub.add_parser(name, help=pick(ko, en), description=pick(ko, en))
        p.set_defaults(func=func)
        return p

    p = add("storages", cmd_storages, "저장매체 목록", "List storages")
    p.add_argument("--json", action="store_true", help=pick("JSON으로 출력", "print JSON"))

    p = add("add-folder", cmd_add_folder, "폴더를 저장 위치로 추가 (예: 백업, 네트워크의 NPKI 폴더)",
            "Add a folder as a storage (a backup, an NPKI folder on a share)")
    p.add_argument("path", metavar="PATH")
    p = add("remove-folder", cmd_remove_folder, "추가한 폴더를 목록에서 빼기 (파일은 그대로)",
            "Remove an added folder from the list (files stay)")
    p.add_argument("folder", metavar="ID_OR_PATH")

    p = add("list", cmd_list, "인증서 목록", "List certificates")
    p.add_argument("--storage", metavar="ID", help=pick("이 저장매체만", "only this storage"))
    p.add_argument("--json", action="store_true", help=pick("JSON으로 출력", "print JSON"))

    p = add("show", cmd_show, "인증서 상세 정보", "Show one certificate")
    p.add_argument("cert", metavar="CERT")
    p.add_argument("--json", action="store_true", help=pick("JSON으로 출력", "print JSON"))

    p = add("check-password", cmd_check_password, "비밀번호 확인", "Check a certificate password")
    p.add_argument("cert", metavar="CERT")

    p = add("change-password", cmd_change_password, "비밀번호 변경", "Change a certificate password")
    p.add_argument("cert", metavar="CERT")

    for name, func, ko, en in (("copy", cmd_copy, "인증서 복사", "Copy a certificate"),
                               ("move", cmd_move, "인증서 이동 (복사·확인 후 원본 삭제)",
                                "Move a certificate (copy, verify, delete the original)")):
        p = add(name, func, ko, en)
        p.add_argument("cert", metavar="CERT")
        p.add_argument("--to", required=True, metavar="STORAGE")
        p.add_argument("--on-conflict", choices=CONFLICT_CHOICES)

    p = add("delete", cmd_delete, "인증서 삭제", "Delete a certificate")
    p.add_argument("cert", metavar="CERT")
    p.add_argument("--yes", action="store_true", help=pick("확인 없이 삭제", "do not ask for confirmation"))

    p = add("export-pfx", cmd_export_pfx, "PFX(PKCS#12)로 내보내기", "Export as PFX (PKCS#12)")
    p.add_argument("cert", metavar="CERT")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--flavour", choices=["legacy", "modern"], default="legacy")
    p.add_argument("--force", action="store_true", help=pick("기존 파일 덮어쓰기", "overwrite an existing file"))

    p = add("import-pfx", cmd_import_pfx, "PFX 가져오기", "Import a PFX file")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--to", required=True, metavar="STORAGE")
    p.add_argument("--on-conflict", choices=CONFLICT_CHOICES)

    p = add("verify-owner", cmd_verify_owner, "본인확인 (주민등록번호 대조)", "Verify the owner (VID check)")
    p.add_argument("cert", metavar="CERT")
