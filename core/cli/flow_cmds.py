"""`python main.py issue | reissue | renew | register | revoke`: scripted runs of the certificate-centre flows.

The same flow objects as the wizard (core/flows). Passwords come from the terminal (no echo) or, when
standard input is not a terminal, one per line in the order the command asks for them — never from
the command line. The verification channels are answered from the customer's simulated devices.

Exit status: 0 done, 1 refused or failed (message on stderr), 2 usage error.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from ..i18n import pick
from .customers import customer_ref, refuse_if_locked


def register(sub) -> None:
    def common_identity(p):
        p.add_argument("--customer", required=True,
                       help=pick("고객: 데모 고객 이름/키(예: 김보안, card), 고객 번호(bank customers) 또는 "
                                 "가린 번호(예: 850315-1******)",
                                 "customer: demo name/key (e.g. 김보안, card), customer id (bank customers) or "
                                 "masked number (e.g. 850315-1******)"))
        p.add_argument("--first", choices=("sms", "ars"), default="sms",
                       help=pick("1차 인증 (기본 sms)", "first factor (default sms)"))
        p.add_argument("--second", choices=("auto", "card", "otp", "mobile_otp"), default="auto",
                       help=pick("2차 인증: 보안카드, OTP 또는 모바일 OTP (기본: 고객이 가진 것)",
                                 "second factor: card, otp or mobile_otp (default: what the customer has)"))

    def common_save(p):
        p.add_argument("--type", default="일반용", help=pick("인증서 종류: 일반용, 범용 또는 금융인증서(기본 일반용)",
                                                             "certificate type: 일반용 (banking), 범용 (general) or "
                                                             "금융인증서 (finance)"))
        p.add_argument("--to", default="hdd", metavar="STORAGE",
                       help=pick("저장 위치: hdd, usb(이동식디스크가 하나일 때), phone(고객의 모의 휴대폰) 또는 "
                                 "storages 명령의 ID", "where to save: hdd, usb (when there is one removable drive), "
                                 "phone (the customer's mock phone) or an id from `storages`"))

    p = sub.add_parser("issue", help=pick("인증서 발급 (스크립트; 테스트 인증서 만들기)",
                                          "issue a certificate (scripted; makes test certificates)"),
                       description=pick("계좌 비밀번호와 새 인증서 비밀번호를 차례로 묻습니다 (표준 입력이면 한 줄씩).",
                                        "Asks for the account password, then the new certificate password "
                                        "(one line each when standard input is not a terminal)."))
    common_identity(p)
    common_save(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_issue, kind="issue")

    p = sub.add_parser("reissue", help=pick("인증서 재발급 (기존 인증서는 폐기·삭제)",
                                            "reissue (the old certificate is revoked and deleted)"))
    common_identity(p)
    common_save(p)
    p.add_argument("--yes", action="store_true", help=pick("폐기·삭제 확인을 묻지 않음", "do not ask to confirm"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_issue, kind="reissue")

    p = sub.add_parser("renew", help=pick("인증서 갱신 (만료 30일 전부터)", "renew (from 30 days before expiry)"),
                       description=pick("현재 비밀번호와 새 비밀번호를 차례로 묻습니다.",
                                        "Asks for the current password, then the new one."))
    p.add_argument("cert", help=pick("인증서 ID 또는 폴더 경로 (list 명령)", "certificate id or folder path (see `list`)"))
    p.add_argument("--same-password", action="store_true",
                   help=pick("새 인증서에도 지금 비밀번호를 씀 (정책에 맞을 때)",
                             "keep the current password for the new certificate (if it meets the policy)"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_renew)

    p = sub.add_parser("register", help=pick("타기관 인증서 등록", "register another institution's certificate"),
                       description=pick("계좌 비밀번호와 인증서 비밀번호를 차례로 묻습니다.",
                                        "Asks for the account password, then the certificate password."))
    p.add_argument("cert", help=pick("인증서 ID 또는 폴더 경로", "certificate id or folder path"))
    common_identity(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_register)

    p = sub.add_parser("revoke", help=pick("인증서 폐기", "revoke a certificate"))
    p.add_argument("cert", help=pick("인증서 ID 또는 폴더 경로", "certificate id or folder path"))
    p.add_argument("--keep-files", action="store_true", help=pick("파일은 지우지 않음", "do not delete the files"))
    p.add_argument("--yes", action="store_true", help=pick("확인을 묻지 않음", "do not ask to confirm"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_revoke)


# --- helpers --------------------------------------------------------------------------------------------

def tell(ko: str, en: str) -> None:
    from .console import warn
    warn(pick(ko, en))       # may carry a certificate's name or path: made visible


def _open():
    from .bank_cmds import open_bank
    return open_bank()


def _cert_type(text: str, kind: str = "issue") -> str:
    """--type: a product of the bank's registry by id or name (core/authority/products.py) that
    this flow issues (issue and reissue: file products and 금융인증서)."""
    from ..authority.products import find_product
    from ..flows import FLOWS
    from . import UsageError
    homes = FLOWS[kind].KEY_HOMES
    found = find_product(text)
    if found is None or found.key_home not in homes:
        from ..authority.products import products
        names = ", ".join(f"{p.name.ko} ({p.name.en})" for p in products() if p.key_home in homes)
        raise UsageError(pick(f"--type은 다음 중 하나입니다: {names}", f"--type is one of: {names}"))
    return found.id


def _bank_preconditions(bank, persona, cert_type: str, kind: str) -> None:
    """Refuse early: what the bank can refuse before the customer is asked for anything (an existing
    certificate of that type, a locked account, a balance below the fee)."""
    bank.teller().precheck(persona.rrn, kind, cert_type)


def _storage(ref: str, persona, flow):
    """--to: hdd / usb / phone / a storage id."""
    from ..errors import UnknownStorage
    from ..storage import registry
    from . import UsageError
    available = flow.storages()
    ref = ref.strip()
    if ref == "phone":
        return registry.phone_storage(persona.phone) or registry.create_phone(persona.phone, persona.name)
    if ref in ("usb", "removable"):
        drives = [s for s in available if s.kind == "removable"]
        if len(drives) == 1:
            return drives[0]
        raise UsageError(pick("이동식디스크가 없거나 여러 개입니다. storages 명령의 ID로 지정하세요.",
                              "No removable drive, or several: name one by its id from `storages`."))
    try:
        return registry.find_storage(ref, available)
    except UnknownStorage:
        ids = ", ".join(s.id for s in available) or "-"
        raise UsageError(pick(f"저장 위치 '{ref}'를 찾을 수 없습니다. 사용 가능: {ids}",
                              f"No storage '{ref}'. Available: {ids}")) from None


def confirm(args, question_ko: str, question_en: str) -> bool:
    from . import UsageError
    from .storage_cmds import stdin_is_tty, read_line
    if args.yes:
        return True
    if not stdin_is_tty():
        raise UsageError(pick("표준 입력이 터미널이 아니면 --yes로 확인하세요.",
                              "Standard input is not a terminal: confirm with --yes."))
    return read_line(pick(f"{question_ko} [y/N] ", f"{question_en} [y/N] ")).strip().lower() in ("y", "yes", "예")


def _report(done, args) -> int:
    from ..npki.policies import USAGE_LABELS
    data = {"operation": done.kind, "storage": done.storage.id if done.storage else None,
            "path": str(done.path) if done.path else None, "type": done.cert_type,
            "serial": format(done.serial, "X") if done.serial is not None else None,
            "not_before": done.not_before.isoformat() if done.not_before else None,
            "not_after": done.not_after.isoformat() if done.not_after else None, "fee": done.fee,
            "removed": [str(p) for p in done.removed], "not_removed": [[str(p), why] for p, why in done.kept]}
    from .console import print_json, say
    if args.json:
        print_json(data)
        return 0
    kind_ko = {"issue": "발급", "reissue": "재발급", "renew": "갱신", "register": "등록", "revoke": "폐기"}[done.kind]
    print(pick(f"인증서 {kind_ko}이 끝났습니다.", f"Certificate {done.kind} complete."))
    if done.path:
        say(pick(f"  위치: {done.storage.label() if done.storage else ''} — {done.path}",
                   f"  Where: {done.storage.label() if done.storage else ''} — {done.path}"))
    if done.cert_type in USAGE_LABELS:
        print(pick(f"  종류: {USAGE_LABELS[done.cert_type][0]}", f"  Type: {USAGE_LABELS[done.cert_type][1]}"))
    if done.not_before and done.kind != "revoke":
        print(pick(f"  유효기간: {done.not_before:%Y-%m-%d} ~ {done.not_after:%Y-%m-%d}",
                   f"  Valid: {done.not_before:%Y-%m-%d} to {done.not_after:%Y-%m-%d}"))
    if done.fee:
        print(pick(f"  수수료: {done.fee:,}원 (계좌에서 출금)", f"  Fee: {done.fee:,} KRW (debited)"))
    if done.kind == "renew":
        print(pick("  이전 인증서는 같은 폴더에서 새 인증서로 바뀌었습니다 (은행에서는 대체됨으로 기록).",
                   "  The old certificate in this folder was replaced (recorded as superseded by the bank)."))
    for p in done.removed:
        say(pick(f"  삭제한 이전 인증서: {p}", f"  Old copy deleted: {p}"))
    if done.storage is None and done.kind == "issue":
        print(pick("  보관: 금융결제원 클라우드(모의) — 이 PC는 이용 기기로 연결되었습니다. PIN을 5번 틀리면 잠깁니다.",
                   "  Kept in the (simulated) cloud; this PC is connected. 5 wrong PINs lock it."))
    elif done.kind in ("issue", "reissue", "renew"):
        print(pick("  비밀번호를 잊으면 찾을 수 없습니다: 삭제 후 재발급해야 합니다.",
                   "  A forgotten password cannot be recovered: delete and reissue."))
    return 0


def _run_flow(kind: str, args, build) -> int:
    """Open the bank, run `build(bank, new_flow)` (the key pair is generated in the background
    while the steps run), report. `build` cancels its flow on any failure."""
    from ..flows import start_flow
    from ..flows.base import KeyMaker
    with _open() as bank, ThreadPoolExecutor(1, thread_name_prefix="keygen") as pool:
        _flow, done = build(bank, lambda: start_flow(kind, bank, keys=KeyMaker(executor=pool),
                                                     notices=TerminalNotices()))
    return _report(done, args)


class TerminalProgress:
    """core.flows.Progress on the terminal (stderr)."""

    def update(self, fraction, text) -> None:
        tell(text.ko, text.en)

    def cancelled(self) -> bool:
        return False


class TerminalNotices:
    """core.flows.Notices on the terminal (stderr)."""

    def notice(self, level: str, text) -> None:
        mark = pick("주의: ", "Warning: ") if level == "warning" else ""
        tell(mark + text.ko, mark + text.en)


class TerminalPrompt:
    """core.flows.PasswordPrompt on the terminal: no echo; one line per secret from a pipe.

    With `confirm`, a terminal asks twice; a pipe gives the secret once (scripts don't mistype)."""

    def ask(self, purpose: str, prompt, *, confirm: bool = False) -> bytearray | None:
        """Read one secret; None never happens on a terminal (Ctrl-C raises)."""
        from .storage_cmds import read_secret
        first = read_secret(prompt.message() + ": ")
        if confirm and _interactive():
            second = read_secret(pick("다시 입력: ", "Again: "))
            if second != first:
                from ..flows.base import FieldError
                from ..validation.result import Problem
                raise FieldError("password_repeat", Problem("mismatch", "두 번 입력한 비밀번호가 다릅니다.",
                                                            "The two passwords differ."))
        return first


ACCOUNT_PW = ("account_password", "계좌 비밀번호(4자리)", "Account password (4 digits)")
NEW_PIN = ("new_pin", "금융인증서 PIN(숫자 6자리)", "Finance certificate PIN (6 digits)")
PIN_AGAIN = ("new_pin", "PIN 다시 입력", "PIN again")
NEW_PW = ("new_password", "새 인증서 비밀번호", "New certificate password")
CURRENT_PW = ("cert_password", "현재 인증서 비밀번호", "Current certificate password")
CERT_PW = ("cert_password", "인증서 비밀번호", "Certificate password")


def ask_secret(what, *, confirm: bool = False) -> bytearray:
    from ..errors import Cancelled
    from ..flows.interfaces import Text
    purpose, ko, en = what
    value = TerminalPrompt().ask(purpose, Text(ko, en), confirm=confirm)
    if value is None:
        raise Cancelled()
    return value


# --- commands ------------------------------------------------------------------------------------------

def cmd_issue(args) -> int:
    from ..authority.products import KEY_CLOUD, product
    from ..flows.scripted import SimulatedCustomer, persona_for
    cert_type = _cert_type(args.type, args.kind)
    cloud = product(cert_type).key_home == KEY_CLOUD

    def build(bank, new_flow):
        flow = new_flow()
        try:
            persona = persona_for(bank, customer_ref(bank, args.customer))
            customer = SimulatedCustomer(bank, persona, say=tell)
            flow.choose_type(cert_type)
            _bank_preconditions(bank, persona, cert_type, args.kind)
            # an absent target is refused before any question; a 금융인증서 goes to the cloud
            storage = None if cloud else _storage(args.to, persona, flow)
            account_pw = ask_secret(ACCOUNT_PW)
            try:
                customer.verify(flow, account_pw, first=args.first, second=args.second)
            finally:
                account_pw[:] = bytes(len(account_pw))
            if args.kind == "reissue":
                targets = flow.reissue_targets()
                for storage, cert in targets:
                    tell(f"폐기·삭제될 인증서: {cert.info.display_name} ({storage.label()}) {cert.path}",
                         f"Will be revoked and deleted: {cert.info.display_name} ({storage.label('en')}) {cert.path}")
                if not confirm(args, "기존 인증서는 폐기되고 삭제되며 되돌릴 수 없습니다. 계속할까요?",
                                "The old certificate will be revoked and deleted; this cannot be undone. Go on?"):
                    from ..errors import Cancelled
                    raise Cancelled()
                flow.confirm_reissue(True)
            if cloud:       # the PIN twice (the cloud compares them), read like passwords
                pin, again = ask_secret(NEW_PIN), ask_secret(PIN_AGAIN)
                return flow, flow.finish_cloud(pin, again, TerminalProgress())
            password = ask_secret(NEW_PW, confirm=True)
            return flow, flow.finish(storage, password, bytearray(password), TerminalProgress())
        except BaseException:
            flow.cancel()
            raise
    return _run_flow(args.kind, args, build)


def _interactive() -> bool:
    from .storage_cmds import stdin_is_tty
    return stdin_is_tty()


def _picked(ref: str):
    from ..errors import BrokenEntry
    from ..npki.certfolder import BrokenFolder
    from ..storage import registry
    storage, entry = registry.resolve_cert(ref)
    if isinstance(entry, BrokenFolder):
        raise BrokenEntry(entry.error.ko, entry.error.en)
    return storage, entry


def cmd_renew(args) -> int:
    storage, cert = _picked(args.cert)

    def build(bank, new_flow):
        flow = new_flow()
        try:
            flow.pick(storage, cert)
            current = ask_secret(CURRENT_PW)
            keep = bytearray(current) if args.same_password else None
            flow.submit_cert_password(current)
            if keep is not None:
                password, repeat = keep, bytearray(keep)
            else:
                password = ask_secret(NEW_PW, confirm=True)
                repeat = bytearray(password)
            return flow, flow.finish(password, repeat, TerminalProgress())
        except BaseException:
            flow.cancel()
            raise
    return _run_flow("renew", args, build)


def cmd_register(args) -> int:
    from ..flows.scripted import SimulatedCustomer, persona_for
    storage, cert = _picked(args.cert)

    def build(bank, new_flow):
        flow = new_flow()
        try:
            persona = persona_for(bank, customer_ref(bank, args.customer))
            refuse_if_locked(bank, persona.rrn)             # before the account password is asked
            account_pw = ask_secret(ACCOUNT_PW)
            try:
                SimulatedCustomer(bank, persona, say=tell).verify(flow, account_pw, first=args.first,
                                                                  second=args.second)
            finally:
                account_pw[:] = bytes(len(account_pw))
            flow.pick(storage, cert)
            password = ask_secret(CERT_PW)
            return flow, flow.submit_cert_password(password)
        except BaseException:
            flow.cancel()
            raise
    return _run_flow("register", args, build)


def cmd_revoke(args) -> int:
    from ..errors import Cancelled
    storage, cert = _picked(args.cert)

    def build(bank, new_flow):
        flow = new_flow()
        try:
            flow.pick(storage, cert)
            if not confirm(args, "폐기한 인증서는 다시 쓸 수 없습니다. 폐기할까요?",
                            "A revoked certificate can never be used again. Revoke it?"):
                raise Cancelled()
            password = ask_secret(CERT_PW)
            return flow, flow.submit_cert_password(password, confirmed=True, delete_files=not args.keep_files)
        except BaseException:
            flow.cancel()
            raise
    return _run_flow("revoke", args, build)
