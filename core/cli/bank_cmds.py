"""`python main.py bank …`: the simulated bank's teller / admin commands.

Exit status: 0 done, 1 refused or failed (message on stderr), 2 usage error.
"""
from __future__ import annotations

import getpass
import json
import sys
from pathlib import Path

from ..i18n import pick
from . import argtypes
from .customers import customer_ref, warn_secret_argument
from .console import need_subcommand, print_json, say


def register(sub) -> None:
    bank = sub.add_parser("bank", help=pick("모의 은행(인증센터) 관리 — 창구 업무", "simulated bank: teller commands"),
                          description=pick("모의 은행의 창구/관리자 명령입니다.", "Teller / admin commands of the simulated bank."))
    cmds = bank.add_subparsers(dest="bank_command", metavar="BANK_COMMAND", parser_class=sub._parser_class)

    p = cmds.add_parser("customers", help=pick("고객 목록", "list customers"))
    p.add_argument("--json", action="store_true", help=pick("JSON으로 출력", "print JSON"))
    p.set_defaults(func=cmd_customers)

    p = cmds.add_parser("add-customer", help=pick("고객 추가 (주민등록번호·계좌번호·계좌 비밀번호는 입력 또는 표준입력으로)",
                                                   "add a customer (RRN, account number and account password "
                                                   "from the terminal or stdin)"),
                        description=pick("주민등록번호, 계좌번호, 계좌 비밀번호를 차례로 묻습니다 (화면에 보이지 않음; "
                                         "표준 입력이 터미널이 아니면 한 줄씩 이 순서로).",
                                         "Asks for the resident registration number, the account number and the "
                                         "account password, in that order (not echoed; one line each from standard "
                                         "input when it is not a terminal)."))
    p.add_argument("--name", required=True)
    p.add_argument("--phone", required=True, help=pick("휴대폰 번호 (010-1234-5678)", "mobile number"))
    # kept for old scripts, with a warning: a command line is visible to every user (docs/hostile-input.md)
    p.add_argument("--rrn", help=pick("(안전하지 않음: ps로 보임) 주민등록번호", "(unsafe: visible in ps) RRN"))
    p.add_argument("--account", help=pick("(안전하지 않음: ps로 보임) 계좌번호", "(unsafe: visible in ps) account number"))
    p.add_argument("--balance", type=argtypes.balance, default=100_000, help=pick("잔액(원)", "balance (KRW)"))
    p.add_argument("--card", action="store_true", help=pick("보안카드도 발급", "also issue a security card"))
    p.add_argument("--otp", action="store_true", help=pick("OTP도 발급", "also issue an OTP device"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_add_customer)

    p = cmds.add_parser("unlock", help=pick("잠금 해제", "unlock an account / card / OTP"))
    p.add_argument("customer", help=pick("고객 번호, 이름 또는 가린 번호 (bank customers)",
                                         "customer id, name or masked number (see bank customers)"))
    p.add_argument("--factor", choices=("all", "account", "card", "otp", "mobile_otp"), default="all")
    p.set_defaults(func=cmd_unlock)

    p = cmds.add_parser("issue-card", help=pick("보안카드 발급 (이전 카드는 사용 중지)", "issue a security card"))
    p.add_argument("customer")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_issue_card)

    p = cmds.add_parser("issue-otp", help=pick("OTP 발급 (이전 OTP는 사용 중지)", "issue an OTP device"))
    p.add_argument("customer")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_issue_otp)

    p = cmds.add_parser("issue-mobile-otp", help=pick("모바일 OTP 발급: 고객 휴대폰(모의)의 은행 앱에 등록",
                                                      "issue a mobile OTP in the bank app of the customer's mock phone"))
    p.add_argument("customer")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_issue_mobile_otp)

    p = cmds.add_parser("ca-chain", help=pick("CA 인증서 체인을 PEM 파일로 저장", "save the CA chain (PEM)"))
    p.add_argument("file")
    p.set_defaults(func=cmd_ca_chain)

    p = cmds.add_parser("crl", help=pick("인증서 폐지목록(CRL) 저장", "save the CRL"))
    p.add_argument("file")
    p.add_argument("--pem", action="store_true", help=pick("PEM으로 저장 (기본 DER)", "write PEM (default DER)"))
    p.set_defaults(func=cmd_crl)

    p = cmds.add_parser("audit", help=pick("감사 기록", "audit log"))
    p.add_argument("--limit", type=argtypes.audit_limit, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_audit)

    p = cmds.add_parser("certs", help=pick("발급한 인증서 목록", "issued certificates"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_certs)

    p = cmds.add_parser("demo", help=pick("데모 고객 정보 (모든 절차를 끝내는 데 필요한 값)",
                                           "demo customers (every value needed to finish each flow)"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_demo)

    p = cmds.add_parser("reset", help=pick("모의 은행 데이터를 옆에 보관하고 새로 시작 (손상·새 버전일 때)",
                                            "keep the simulated bank's data aside and start afresh (damaged or newer)"),
                        description=pick("모의 은행을 열지 않고 데이터 폴더를 authority.backup-<시각>으로 옮깁니다. "
                                         "아무것도 지우지 않습니다.",
                                         "Moves the bank's folder to authority.backup-<time> without opening the "
                                         "bank. Nothing is deleted."))
    p.add_argument("--keep-backup", action="store_true", required=True,
                   help=pick("필수: 지우지 않고 옆에 보관", "required: keep the old data aside, never delete it"))
    p.set_defaults(func=cmd_reset)

    bank.set_defaults(func=need_subcommand(bank))


def open_bank():
    from ..authority import Authority
    from ..flows.journal import recover
    authority = Authority.open()
    recover(authority)          # finish or undo what a killed Dojang left half done (docs/bank-core.md)
    notice = authority.master_key_notice_text()
    if notice:
        print(notice, file=sys.stderr)
    return authority


def _print_json(value) -> None:
    print_json(value, default=str)


def _yes_no(flag: bool) -> str:
    return pick("예", "yes") if flag else pick("아니오", "no")


def cmd_customers(args) -> int:
    with open_bank() as a:
        rows = a.teller().customers()
    if args.json:
        _print_json([r.as_dict() for r in rows])
        return 0
    if not rows:
        print(pick("고객이 없습니다.", "No customers."))
        return 0
    for r in rows:
        acct = r.accounts[0] if r.accounts else {}
        lock = pick("잠김", "LOCKED") if acct.get("locked") else pick(f"오류 {acct.get('failures', 0)}회",
                                                                       f"{acct.get('failures', 0)} wrong")
        devices = []
        if r.card:
            devices.append(pick("보안카드", "card") + f" {r.card['serial']}" + (pick("(잠김)", "(locked)") if r.card["locked"] else ""))
        if r.otp:
            devices.append(f"OTP {r.otp['serial']}" + (pick("(잠김)", "(locked)") if r.otp["locked"] else ""))
        certs = ", ".join(f"{c['type']}:{c['status']}" for c in r.certificates) or "-"
        say(f"[{r.id}] {r.name}  {r.rrn_masked}  {r.phone}  {acct.get('number', '-')}  "
              f"{acct.get('balance', 0):,}{pick('원', ' KRW')}  {lock}  {' / '.join(devices) or '-'}  "
              f"{pick('인증서', 'certs')}: {certs}")
    return 0


def _read_account_password() -> str:
    from .storage_cmds import stdin_is_tty, stdin_line, tty_read
    prompt = pick("계좌 비밀번호(4자리): ", "Account password (4 digits): ")
    if stdin_is_tty():
        first = tty_read(getpass.getpass, prompt)
        second = tty_read(getpass.getpass, pick("다시 입력: ", "Again: "))
        if first != second:
            from ..authority.errors import InvalidInput
            raise InvalidInput("두 번 입력한 비밀번호가 다릅니다.", "The two entries differ.")
        return first
    return stdin_line(prompt)


def _read_hidden(prompt: str) -> str:
    """A value that must not be in argv or on screen: the terminal without echo, or one line of stdin."""
    from .storage_cmds import stdin_is_tty, stdin_line, tty_read
    return tty_read(getpass.getpass, prompt) if stdin_is_tty() else stdin_line(prompt)


def _print_card(serial: str, cells: dict[int, str]) -> None:
    print(pick(f"보안카드 일련번호 {serial}", f"Security card {serial}"))
    items = [f"{i:>2}: {cells[i]}" for i in sorted(cells)]
    for k in range(0, len(items), 5):
        print("   ".join(items[k:k + 5]))


def _print_otp(serial: str, secret: str) -> None:
    import pyotp
    print(pick(f"OTP 일련번호 {serial}", f"OTP device {serial}"))
    print(pick("비밀키(OTP 앱에 등록 가능, 60초 주기): ", "Secret (for an authenticator app, 60-second step): ") + secret)
    print(pyotp.TOTP(secret, interval=60).provisioning_uri(name=serial, issuer_name="Dojang"))


def cmd_add_customer(args) -> int:
    """Order of the questions (README): 주민등록번호, 계좌번호, 계좌 비밀번호 — each skipped only when
    its (unsafe, warned) option was given."""
    if args.rrn is not None:
        warn_secret_argument("--rrn")
    if args.account is not None:
        warn_secret_argument("--account")
    rrn = args.rrn if args.rrn is not None else _read_hidden(pick("주민등록번호 (13자리): ",
                                                                  "Resident registration number (13 digits): "))
    account = args.account if args.account is not None else _read_hidden(pick("계좌번호 (10~14자리): ",
                                                                              "Account number (10-14 digits): "))
    password = _read_account_password()
    with open_bank() as a:
        t = a.teller()
        cid = t.add_customer(name=args.name, rrn=rrn, phone=args.phone, account=account,
                             account_password=password, balance=args.balance)
        out = {"id": cid}
        if args.card:
            out["card_serial"], out["card_cells"] = t.issue_card(cid)
        if args.otp:
            out["otp_serial"], out["otp_secret"] = t.issue_otp(cid)
    if args.json:
        _print_json(out)
        return 0
    print(pick(f"고객 {cid}번을 추가했습니다.", f"Added customer {cid}."))
    if args.card:
        _print_card(out["card_serial"], out["card_cells"])
    if args.otp:
        _print_otp(out["otp_serial"], out["otp_secret"])
    return 0


def cmd_unlock(args) -> int:
    with open_bank() as a:
        done = a.teller().unlock(customer_ref(a, args.customer, "CUSTOMER"), args.factor)
    cid = done.customer_id
    if done.unlocked:
        print(pick(f"고객 {cid}번: 잠금을 풀고 오류 횟수를 초기화했습니다 — " + ", ".join(t.ko for t in done.unlocked),
                   f"Customer {cid}: unlocked and reset — " + ", ".join(t.en for t in done.unlocked)))
    else:
        print(pick(f"고객 {cid}번: 잠기거나 오류가 남은 항목이 없습니다 (확인: " + ", ".join(t.ko for t in done.checked) + ")",
                   f"Customer {cid}: nothing was locked or had failures (checked: "
                   + ", ".join(t.en for t in done.checked) + ")"))
    return 0


def cmd_issue_card(args) -> int:
    with open_bank() as a:
        serial, cells = a.teller().issue_card(customer_ref(a, args.customer, "CUSTOMER"))
    if args.json:
        _print_json({"serial": serial, "cells": cells})
    else:
        _print_card(serial, cells)
    return 0


def cmd_issue_otp(args) -> int:
    with open_bank() as a:
        serial, secret = a.teller().issue_otp(customer_ref(a, args.customer, "CUSTOMER"))
    if args.json:
        _print_json({"serial": serial, "secret": secret})
    else:
        _print_otp(serial, secret)
    return 0


def cmd_issue_mobile_otp(args) -> int:
    from ..authority.phones import mask_number
    with open_bank() as a:
        cid = customer_ref(a, args.customer, "CUSTOMER")
        serial = a.teller().issue_mobile_otp(cid)
        phone = a.teller().identity_of(cid)[3]
    if args.json:
        _print_json({"serial": serial, "phone": mask_number(phone)})
    else:
        print(pick(f"모바일 OTP를 발급했습니다 ({serial}). 휴대폰 {mask_number(phone)}의 은행 앱에서 번호를 봅니다.",
                   f"Mobile OTP issued ({serial}); the bank app of the phone {mask_number(phone)} shows its codes."))
    return 0


def _write(path: str, data: bytes) -> int:
    from ..storage.safewrite import write_file_atomic
    from ..errors import StorageError
    target = Path(path)
    try:
        write_file_atomic(target.resolve(), data)
    except StorageError as exc:
        print(exc.message(), file=sys.stderr)
        return 1
    print(pick(f"저장했습니다: {target}", f"Saved: {target}"))
    return 0


def cmd_ca_chain(args) -> int:
    with open_bank() as a:
        data = a.ca_chain_pem()
    return _write(args.file, data)


def cmd_crl(args) -> int:
    with open_bank() as a:
        data = a.crl_der()
    if args.pem:
        from cryptography import x509
        from cryptography.hazmat.primitives.serialization import Encoding
        data = x509.load_der_x509_crl(data).public_bytes(Encoding.PEM)
    return _write(args.file, data)


def cmd_audit(args) -> int:
    with open_bank() as a:
        rows = a.teller().audit(args.limit)
    if args.json:
        _print_json(rows)
        return 0
    for r in rows:
        detail = json.dumps(r["detail"], ensure_ascii=False) if r["detail"] else ""
        who = f"#{r['customer_id']}" if r["customer_id"] else "-"
        say(f"{r['at']}  {who:>4}  {r['action']:<22} {r['outcome']:<12} {detail}")
    return 0


def cmd_certs(args) -> int:
    with open_bank() as a:
        rows = a.teller().certificates()
    if args.json:
        _print_json(rows)
        return 0
    for r in rows:
        say(f"{r['serial']}  #{r['customer_id']}  {r['type']:<8} {r['status']:<10} {r['not_after'][:10]}  {r['subject']}")
    return 0


def cmd_demo(args) -> int:
    from ..authority.demo import demo_info
    with open_bank() as a:
        rows = demo_info(a)
    if args.json:
        _print_json(rows)
        return 0
    for d in rows:
        say(f"■ {d['name']}  — {pick(d['note_ko'], d['note_en'])}")
        print(f"  {pick('주민등록번호', 'RRN')}: {d['rrn']}   {pick('계좌', 'account')}: {d['account']}   "
              f"{pick('계좌 비밀번호', 'account password')}: {d['account_password']}   "
              f"{pick('휴대폰', 'phone')}: {d['phone']}   {pick('잔액', 'balance')}: {d['balance']:,}"
              f"{pick('원', ' KRW')}   {pick('잠김', 'locked')}: {_yes_no(d['locked'])}")
        if d["card_cells"]:
            _print_card(d["card_serial"], d["card_cells"])
        if d["otp_serial"]:
            print(pick(f"  OTP {d['otp_serial']} 현재 번호: {d['otp_code']}", f"  OTP {d['otp_serial']} code now: {d['otp_code']}"))
        for cert in d["certificates"]:
            if cert["password"]:
                print(pick(f"  인증서: {cert['path']} (비밀번호 {cert['password']})",
                           f"  certificate: {cert['path']} (password {cert['password']})"))
            else:
                print(pick(f"  인증서: {cert['path']} (비밀번호: 갱신·재발급할 때 정한 비밀번호)",
                           f"  certificate: {cert['path']} (password: the one chosen at renewal or reissue)"))
        print()
    return 0


def cmd_reset(args) -> int:
    """Move `<data>/authority` aside as `authority.backup-<time>` without opening the bank (it may be
    unreadable). The master key stays where it is (keyring or the key file moved with the folder), so
    moving the backup back restores the old bank. Refused while another Dojang is starting the bank."""
    import datetime as dt
    import os
    from ..errors import DojangError
    from ..locations import BANK_FOLDER, app_home
    from ..oslock import try_lock
    from ..textsafe import visible
    from .console import say
    folder = app_home() / BANK_FOLDER
    if not folder.is_dir():
        say(pick(f"모의 은행 데이터가 없습니다: {folder}", f"There is no simulated bank data: {folder}"))
        return 0
    fd = try_lock(folder / ".open.lock")
    if fd is None:
        raise DojangError("다른 도장이 모의 은행을 쓰고 있습니다. 닫은 뒤 다시 시도하세요.",
                          "Another Dojang is using the simulated bank; close it and try again.")
    backup = folder.with_name(f"{BANK_FOLDER}.backup-{dt.datetime.now():%Y%m%d-%H%M%S}")
    n = 1
    while backup.exists():
        n += 1
        backup = backup.with_name(f"{backup.name.split('~')[0]}~{n}")
    try:
        os.replace(folder, backup)
    except OSError as exc:
        raise DojangError(f"모의 은행 폴더를 옮기지 못했습니다 ({visible(exc.strerror or exc)}): {folder}",
                          f"Could not move the bank's folder aside ({visible(exc.strerror or exc)}): {folder}") from None
    finally:
        os.close(fd)
    say(pick(f"모의 은행 데이터를 옆에 보관했습니다: {backup}", f"The simulated bank's data was kept aside: {backup}"))
    say(pick("다음에 열 때 새 모의 은행이 만들어집니다 (데모 고객 포함). 되돌리려면 이 폴더를 다시 authority로 옮기세요.",
             "A new simulated bank is created on the next start (with the demo customers). To go back, move "
             "that folder back to 'authority'."))
    return 0
