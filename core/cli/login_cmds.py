"""`python main.py login CERT`: 인증서 로그인 at the simulated bank (docs/bank-flows.md "Certificate login").
The password is read like every other (terminal without echo, or one line of standard input)."""
from __future__ import annotations

from ..i18n import pick


def register(sub) -> None:
    p = sub.add_parser("login", help=pick("인증서로 모의 은행에 로그인", "log in to the simulated bank with a certificate"),
                       description=pick("인증서 비밀번호를 묻고, 은행이 받아들이는지 또는 거절하는 이유를 보여 줍니다.",
                                        "Asks for the certificate password; shows whether the bank accepts the "
                                        "certificate, or why it refuses it."))
    p.add_argument("cert", help=pick("인증서 ID 또는 폴더 경로 (list 명령)", "certificate id or folder path (see `list`)"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_login)


def cmd_login(args) -> int:
    from ..flows.login import login_with_certificate
    from ..npki.keyfile import wipe
    from ..textsafe import visible
    from .bank_cmds import _open
    from .console import print_json
    from .storage_cmds import _good, _resolve, read_secret
    _storage, entry = _resolve(args.cert)
    cert = _good(entry)
    password = read_secret(pick("인증서 비밀번호: ", "Certificate password: "))
    try:
        with _open() as bank:
            result = login_with_certificate(bank, cert, password)
    finally:
        wipe(password)
    if args.json:
        print_json({"result": "ok", "customer": result.customer_name, "serial": format(result.serial, "X"),
                    "kind": result.kind, "product": result.product_id})
    else:
        print(pick(f"로그인했습니다: {visible(result.customer_name)} 님", f"Logged in: {visible(result.customer_name)}"))
    return 0
