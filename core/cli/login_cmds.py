"""`python main.py login CERT`: 인증서 로그인 at the simulated bank (docs/bank-flows.md "Certificate login").
The password is read like every other (terminal without echo, or one line of standard input)."""
from __future__ import annotations

from ..i18n import pick


def register(sub) -> None:
    p = sub.add_parser("login", help=pick("인증서로 모의 은행에 로그인", "log in to the simulated bank with a certificate"),
                       description=pick("인증서 비밀번호를 묻고, 은행이 받아들이는지 또는 거절하는 이유를 보여 줍니다.",
                                        "Asks for the certificate password; shows whether the bank accepts the "
                                        "certificate, or why it refuses it."))
    p.add_argument("cert", nargs="?", help=pick("인증서 ID 또는 폴더 경로 (list 명령)",
                                                "certificate id or folder path (see `list`)"))
    p.add_argument("--cloud", metavar="WHO", help=pick("이 고객의 금융인증서(클라우드)로 로그인 — PIN을 묻습니다",
                                                       "log in with this customer's finance certificate (cloud); "
                                                       "asks for the PIN"))
    p.add_argument("--device", default="pc", help=pick("--cloud의 기기: pc(기본), phone 또는 기기 ID",
                                                       "device for --cloud: pc (default), phone or a device id"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_login)


def cmd_login(args) -> int:
    from ..flows.login import login_with_certificate, login_with_cloud
    from ..npki.keyfile import wipe
    from ..textsafe import visible
    from . import UsageError
    from .bank_cmds import open_bank
    from .console import print_json
    from .storage_cmds import good_cert, resolve_ref, read_secret
    if (args.cert is None) == (args.cloud is None):
        raise UsageError(pick("인증서(CERT) 또는 --cloud WHO 중 하나를 지정하세요.",
                              "Give either a certificate (CERT) or --cloud WHO."))
    if args.cloud is not None:
        from .cloud_cmds import cloud_certificate
        args.customer = args.cloud
        with open_bank() as bank:
            device, account = cloud_certificate(bank, args)     # refused before the PIN is asked
            pin = read_secret(pick("금융인증서 PIN: ", "Finance certificate PIN: "))
            try:
                result = login_with_cloud(bank, device, account.certificate.serial, pin)
            finally:
                wipe(pin)
    else:
        _storage, entry = resolve_ref(args.cert)
        cert = good_cert(entry)
        password = read_secret(pick("인증서 비밀번호: ", "Certificate password: "))
        try:
            with open_bank() as bank:
                result = login_with_certificate(bank, cert, password)
        finally:
            wipe(password)
    if args.json:
        print_json({"result": "ok", "customer": result.customer_name, "serial": format(result.serial, "X"),
                    "kind": result.kind, "product": result.product_id})
    else:
        print(pick(f"로그인했습니다: {visible(result.customer_name)} 님", f"Logged in: {visible(result.customer_name)}"))
    return 0
