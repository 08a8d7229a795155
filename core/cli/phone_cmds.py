"""`python main.py phone …`: the mock phones — certificate transfer with a 12-digit code, SMS inbox.

PC → phone:  `phone export CERT --to NUMBER` prints the code; `phone import NUMBER [CODE]` types it on
the phone. Phone → PC: `phone send NUMBER CERT` prints the code; `phone receive [CODE] --to STORAGE`.
The certificate password is read from the terminal (or one line of stdin), never from argv; the code
too when CODE is omitted (first the code, then the password).
"""
from __future__ import annotations


from ..i18n import pick
from ..npki.secret import wipe
from ..storage import registry
from .console import need_subcommand, print_json, say
from .storage_cmds import good_cert, resolve_ref, conflict_resolver, read_secret


def register(sub) -> None:
    phone = sub.add_parser("phone", help=pick("모의 휴대폰: 인증서 이동(12자리 인증번호), 문자함",
                                              "simulated phones: certificate transfer (12-digit code), SMS inbox"))
    cmds = phone.add_subparsers(dest="phone_command", metavar="PHONE_COMMAND", parser_class=sub._parser_class)

    p = cmds.add_parser("list", help=pick("모의 휴대폰 목록", "list the simulated phones"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = cmds.add_parser("export", help=pick("PC → 휴대폰: 인증번호를 표시", "PC → phone: show the code"))
    p.add_argument("cert", metavar="CERT")
    p.add_argument("--to", required=True, metavar="NUMBER", help=pick("휴대폰 번호", "phone number"))
    p.set_defaults(func=cmd_export)

    p = cmds.add_parser("import", help=pick("PC → 휴대폰: 휴대폰에서 인증번호 입력", "PC → phone: type the code on the phone"))
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("code", metavar="CODE", nargs="?", help=pick("생략하면 입력받음 (ps에 보이지 않게)",
                                                                "asked when omitted (keeps it out of ps)"))
    p.add_argument("--on-conflict", choices=("replace", "keep-both", "cancel"))
    p.set_defaults(func=cmd_import)

    p = cmds.add_parser("send", help=pick("휴대폰 → PC: 휴대폰에서 인증번호를 표시", "phone → PC: the phone shows the code"))
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("cert", metavar="CERT")
    p.set_defaults(func=cmd_send)

    p = cmds.add_parser("receive", help=pick("휴대폰 → PC: PC에서 인증번호 입력", "phone → PC: type the code on the PC"))
    p.add_argument("code", metavar="CODE", nargs="?", help=pick("생략하면 입력받음 (ps에 보이지 않게)",
                                                                "asked when omitted (keeps it out of ps)"))
    p.add_argument("--to", default="hdd", metavar="STORAGE", help=pick("저장할 곳 (기본 hdd)", "destination (default hdd)"))
    p.add_argument("--on-conflict", choices=("replace", "keep-both", "cancel"))
    p.set_defaults(func=cmd_receive)

    p = cmds.add_parser("messages", help=pick("휴대폰 문자함", "the phone's SMS inbox"))
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_messages)

    phone.set_defaults(func=need_subcommand(phone))


def _say_offer(offer: pt.Offer, where: str) -> None:
    from ..storage import phone_transfer as pt  # imported by the commands that use it (fast CLI start)
    minutes = max(1, round((offer.expires_at - pt._system_clock()).total_seconds() / 60))
    print(pick(f"인증번호: {offer.formatted}", f"Code: {offer.formatted}"))
    print(pick(f"{where}에서 {minutes}분 안에 이 번호와 인증서 비밀번호를 입력하세요.",
               f"Type this code and the certificate password on {where} within {minutes} minutes."))


def cmd_list(args) -> int:
    phones = registry.list_phones()
    if args.json:
        print_json([{"id": p.id, "number": p.meta.get("number"), "owner": p.meta.get("owner"),
                     "certificates": len(p.certificates())} for p in phones])
        return 0
    if not phones:
        print(pick("모의 휴대폰이 없습니다.", "No simulated phones."))
    for p in phones:
        n = len(p.certificates())
        say(f"{p.id}  {p.meta.get('number')}  {p.meta.get('owner') or ''}  "
            + pick(f"인증서 {n}개", f"{n} certificate" if n == 1 else f"{n} certificates"))
    return 0


def cmd_export(args) -> int:
    from ..storage import phone_transfer as pt  # imported by the commands that use it (fast CLI start)
    cert = good_cert(resolve_ref(args.cert)[1])
    number = registry.normalise_phone_number(args.to)
    pw = read_secret(pick("인증서 비밀번호: ", "Certificate password: "))
    try:
        offer = pt.Relay().export_to_phone(cert, pw, number)
    finally:
        wipe(pw)
    _say_offer(offer, pick(f"휴대폰({registry.format_phone_number(number)})",
                           f"the phone ({registry.format_phone_number(number)})"))
    return 0


def cmd_send(args) -> int:
    from ..storage import phone_transfer as pt  # imported by the commands that use it (fast CLI start)
    number = registry.normalise_phone_number(args.number)
    phone = registry.phone_storage(number)
    if phone is None:
        from ..errors import UnknownStorage
        raise UnknownStorage()
    cert = good_cert(resolve_ref(args.cert)[1])
    pw = read_secret(pick("인증서 비밀번호: ", "Certificate password: "))
    try:
        offer = pt.Relay().export_from_phone(number, cert, pw)
    finally:
        wipe(pw)
    _say_offer(offer, "PC")
    return 0


def _say_received(got: pt.Received) -> None:
    say(pick(f"가져왔습니다: {got.subject} → {got.storage.label()}", f"Imported: {got.subject} → {got.storage.label()}"))
    if not got.random_num_kept:
        print(pick("주의: 본인확인 정보(randomNum)가 없는 인증서입니다.", "Note: the key carries no identity data (randomNum)."))


def _code(args) -> str:
    """The 12-digit transfer code: the argument, or asked first (no echo; one line of stdin) so a
    script can keep it out of the process list (docs/hostile-input.md)."""
    if args.code is not None:
        return args.code
    import getpass
    from .storage_cmds import stdin_is_tty, stdin_line, tty_read
    prompt = pick("인증번호 (12자리): ", "Transfer code (12 digits): ")
    return tty_read(getpass.getpass, prompt) if stdin_is_tty() else stdin_line(prompt)


def cmd_import(args) -> int:
    from ..storage import phone_transfer as pt  # imported by the commands that use it (fast CLI start)
    code = _code(args)
    pw = read_secret(pick("인증서 비밀번호 (보내는 쪽에서 입력한 것): ", "Certificate password (as typed on the sending side): "))
    try:
        got = pt.Relay().import_on_phone(args.number, code, pw, on_conflict=conflict_resolver(args.on_conflict))
    finally:
        wipe(pw)
    _say_received(got)
    return 0


def cmd_receive(args) -> int:
    from ..storage import phone_transfer as pt  # imported by the commands that use it (fast CLI start)
    dest = registry.find_storage(args.to)
    code = _code(args)
    pw = read_secret(pick("인증서 비밀번호 (휴대폰에서 입력한 것): ", "Certificate password (as typed on the phone): "))
    try:
        got = pt.Relay().import_on_pc(code, pw, dest, on_conflict=conflict_resolver(args.on_conflict))
    finally:
        wipe(pw)
    _say_received(got)
    return 0


def cmd_messages(args) -> int:
    from ..authority import phones
    msgs = phones.list_messages(registry.normalise_phone_number(args.number))
    if args.json:
        print_json([{"from": m.sender, "at": m.at.isoformat(), "text": m.text} for m in msgs])
        return 0
    if not msgs:
        print(pick("받은 문자가 없습니다.", "No messages."))
    for m in msgs:
        say(f"{m.at.astimezone().strftime('%m-%d %H:%M')}  {m.sender}  {m.text}")
    return 0
