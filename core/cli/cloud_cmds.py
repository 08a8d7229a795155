"""`python main.py cloud list|connect|disconnect|change-pin|reset-pin|renew|auto-renew|revoke`: the 금융인증서 in the
simulated 금융결제원 cloud (docs/bank-flows.md "금융인증서").

A device must be connected (이용 기기 지정) before it sees a customer's 금융인증서: `connect` sends a
code by SMS to the customer's registered (mock) phone, and the script reads it from there as the
customer would. `--device` is this PC (default), `phone` (the customer's own mock phone) or a device
id from `cloud list`. PINs are read like passwords: terminal without echo, or one line each from
standard input — never from the command line.

Exit status: 0 done, 1 refused or failed (message on stderr), 2 usage error.
"""
from __future__ import annotations

from ..i18n import pick
from .customers import customer_ref

PIN_PROMPT = ("pin", "금융인증서 PIN(6자리)", "Finance certificate PIN (6 digits)")
NEW_PIN = ("new_pin", "새 PIN(숫자 6자리)", "New PIN (6 digits)")
PIN_AGAIN = ("new_pin", "새 PIN 다시 입력", "New PIN again")


def register(sub) -> None:
    p = sub.add_parser("cloud", help=pick("금융인증서 클라우드: 목록, 기기 연결·해제, PIN 변경·재설정, 갱신, 폐기",
                                          "finance certificate cloud: list, connect/disconnect devices, PIN, "
                                          "renew, revoke"))
    cs = p.add_subparsers(dest="cloud_command", metavar="ACTION")

    def who(q, required=True):
        q.add_argument("--customer", required=required,
                       help=pick("고객: 데모 고객 이름/키, 고객 번호 또는 가린 번호",
                                 "customer: demo name/key, customer id or masked number"))
        q.add_argument("--device", default="pc",
                       help=pick("기기: pc(이 PC, 기본), phone(고객의 모의 휴대폰) 또는 기기 ID",
                                 "device: pc (this PC, default), phone (the customer's mock phone) or a device id"))
        q.add_argument("--json", action="store_true")

    q = cs.add_parser("list", help=pick("이 기기가 연결된 금융인증서", "the finance certificates this device sees"))
    who(q, required=False)
    q.set_defaults(func=cmd_list)
    q = cs.add_parser("connect", help=pick("이용 기기 지정 (휴대폰 문자 인증)", "connect this device (SMS code)"))
    who(q)
    q.add_argument("--name", default=None, help=pick("기기 이름", "device name"))
    q.set_defaults(func=cmd_connect)
    q = cs.add_parser("disconnect", help=pick("기기 연결 해제", "disconnect the device"))
    who(q)
    q.set_defaults(func=cmd_disconnect)
    q = cs.add_parser("change-pin", help=pick("PIN 변경 (현재 PIN, 새 PIN 두 번)", "change the PIN (current, new twice)"))
    who(q)
    q.set_defaults(func=cmd_change_pin)
    q = cs.add_parser("reset-pin", help=pick("PIN 재설정: 본인확인 후 새 PIN (잠금 해제)",
                                             "reset the PIN after verifying identity (unlocks)"))
    who(q)
    q.add_argument("--first", choices=("sms", "ars"), default="sms")
    q.add_argument("--second", choices=("auto", "card", "otp", "mobile_otp"), default="auto")
    q.set_defaults(func=cmd_reset_pin)
    q = cs.add_parser("renew", help=pick("금융인증서 갱신 (만료 30일 전부터, PIN)", "renew (from 30 days before expiry)"))
    who(q)
    q.set_defaults(func=cmd_renew)
    q = cs.add_parser("auto-renew", help=pick("자동갱신 동의(on) 또는 철회(off) (PIN)",
                                              "agree to (on) or withdraw (off) automatic renewal (PIN)"))
    q.add_argument("state", choices=("on", "off"))
    who(q)
    q.set_defaults(func=cmd_auto_renew)
    q = cs.add_parser("revoke", help=pick("금융인증서 폐기 (PIN)", "revoke (PIN)"))
    who(q)
    q.add_argument("--yes", action="store_true", help=pick("확인을 묻지 않음", "do not ask to confirm"))
    q.set_defaults(func=cmd_revoke)
    p.set_defaults(func=lambda args: _usage(p))


def _usage(p) -> int:
    p.print_help()
    return 2


def _open():
    from .bank_cmds import open_bank
    return open_bank()


def _ask(what) -> bytearray:
    from .flow_cmds import ask_secret as ask
    return ask(what)


def device_of(bank, text: str, phone: str | None = None) -> str:
    """--device: pc → this PC; phone → the customer's mock phone; anything else as given."""
    from ..authority.phones import digits_of
    t = (text or "pc").strip()
    if t == "pc":
        return bank.this_device()
    if t == "phone":
        if phone is None:
            from . import UsageError
            raise UsageError(pick("--device phone에는 --customer가 필요합니다.", "--device phone needs --customer."))
        return "phone:" + digits_of(phone)
    return t


def _customer(bank, args):
    from ..flows.scripted import persona_for
    ref = customer_ref(bank, args.customer)
    persona = persona_for(bank, ref)
    return bank.teller().find_customer(persona.rrn), persona


def cloud_certificate(bank, args):
    """(device, account) of --customer as --device sees it; DeviceNotConnected / NoCloudCertificate."""
    from ..authority import errors as AE
    cid, persona = _customer(bank, args)
    device = device_of(bank, args.device, persona.phone)
    account = next((a for a in bank.cloud_accounts(device) if a.customer_id == cid), None)
    if account is None:
        raise AE.DeviceNotConnected()
    if account.certificate is None:
        raise AE.NoCloudCertificate()
    return device, account


def _row(a) -> dict:
    c = a.certificate
    return {"customer": a.customer_name, "customer_id": a.customer_id, "phone": a.phone_masked,
            "device_name": a.device_name, "connected_at": a.connected_at.isoformat(),
            "certificate": None if c is None else {
                "serial": format(c.serial, "X"), "status": c.status, "not_before": c.not_before.isoformat(),
                "not_after": c.not_after.isoformat(), "locked": c.locked, "wrong_pins": c.failures,
                "auto_renew": c.auto_renew}}


def cmd_list(args) -> int:
    from ..textsafe import visible
    from .console import print_json
    with _open() as bank:
        phone = _customer(bank, args)[1].phone if args.customer else None
        device = device_of(bank, args.device, phone)
        rows = [_row(a) for a in bank.cloud_accounts(device)]
    if args.json:
        print_json({"device": device, "accounts": rows})
        return 0
    print(pick(f"기기 {device}", f"Device {device}"))
    if not rows:
        print(pick("  연결된 금융인증서 클라우드가 없습니다 (cloud connect).",
                   "  Not connected to any finance certificate cloud (cloud connect)."))
    for r in rows:
        c = r["certificate"]
        what = pick("금융인증서 없음", "no finance certificate") if c is None else (
            f"{c['serial']} {c['status']} ~{c['not_after'][:10]}" + (pick(" 잠김", " locked") if c["locked"] else ""))
        print(f"  {visible(r['customer'])} ({r['phone']}): {what}")
    return 0


def cmd_connect(args) -> int:
    from ..flows.scripted import SimulatedCustomer
    from .console import print_json, warn
    with _open() as bank:
        _cid, persona = _customer(bank, args)
        device = device_of(bank, args.device, persona.phone)
        name = args.name or (pick("휴대폰", "Phone") if device.startswith("phone:") else pick("이 PC", "This PC"))
        sent = bank.cloud_connect(persona.name, persona.phone, device, name)
        warn(pick(f"휴대폰(모의) {sent.phone_masked}로 받은 인증번호를 입력합니다.",
                  f"Entering the code received on the mock phone {sent.phone_masked}."))
        bank.cloud_confirm_connect(sent.id, SimulatedCustomer(bank, persona).sms_code())
    if args.json:
        print_json({"result": "connected", "device": device})
    else:
        print(pick(f"이용 기기로 연결했습니다: {device}", f"Connected: {device}"))
    return 0


def cmd_disconnect(args) -> int:
    from .console import print_json
    with _open() as bank:
        cid, persona = _customer(bank, args)
        device = device_of(bank, args.device, persona.phone)
        n = bank.cloud_disconnect(device, cid)
    if args.json:
        print_json({"result": "disconnected" if n else "not_connected", "device": device})
    else:
        print(pick(f"연결을 해제했습니다: {device}", f"Disconnected: {device}") if n
              else pick("연결되어 있지 않았습니다.", "It was not connected."))
    return 0


def _wipe(*secrets) -> None:
    for s in secrets:
        if isinstance(s, bytearray):
            s[:] = bytes(len(s))


def cmd_change_pin(args) -> int:
    from .console import print_json
    with _open() as bank:
        device, account = cloud_certificate(bank, args)
        pin = _ask(PIN_PROMPT)
        new, again = _ask(NEW_PIN), _ask(PIN_AGAIN)
        try:
            bank.cloud_change_pin(device, account.certificate.serial, pin, new, again)
        finally:
            _wipe(pin, new, again)
    if args.json:
        print_json({"result": "pin_changed"})
    else:
        print(pick("PIN을 변경했습니다.", "PIN changed."))
    return 0


def cmd_reset_pin(args) -> int:
    from ..flows.cloud import ResetPinFlow
    from ..flows.scripted import SimulatedCustomer
    from .console import print_json
    from .flow_cmds import ACCOUNT_PW, TerminalNotices, tell
    with _open() as bank:
        _cid, persona = _customer(bank, args)
        flow = ResetPinFlow(bank, notices=TerminalNotices())
        try:
            account_pw = _ask(ACCOUNT_PW)
            try:
                SimulatedCustomer(bank, persona, say=tell).verify(flow, account_pw, first=args.first,
                                                                  second=args.second)
            finally:
                _wipe(account_pw)
            new, again = _ask(NEW_PIN), _ask(PIN_AGAIN)
            serial = flow.finish(new, again)
        except BaseException:
            flow.cancel()
            raise
    if args.json:
        print_json({"result": "pin_reset", "serial": format(serial, "X")})
    else:
        print(pick("PIN을 재설정했습니다. 잠금도 풀렸습니다.", "PIN reset; the certificate is unlocked."))
    return 0


def cmd_renew(args) -> int:
    from .console import print_json
    with _open() as bank:
        device, account = cloud_certificate(bank, args)
        pin = _ask(PIN_PROMPT)
        try:
            issued = bank.cloud_renew(device, account.certificate.serial, pin)
        finally:
            _wipe(pin)
    if args.json:
        print_json({"result": "renewed", "serial": format(issued.serial, "X"),
                    "not_after": issued.not_after.isoformat()})
    else:
        print(pick(f"금융인증서를 갱신했습니다. 유효기간 ~ {issued.not_after:%Y-%m-%d} (PIN은 그대로)",
                   f"Finance certificate renewed, valid to {issued.not_after:%Y-%m-%d} (same PIN)."))
    return 0


def cmd_auto_renew(args) -> int:
    from .console import print_json
    on = args.state == "on"
    with _open() as bank:
        device, account = cloud_certificate(bank, args)
        pin = _ask(PIN_PROMPT)
        try:
            bank.cloud_auto_renew(device, account.certificate.serial, pin, on)
        finally:
            _wipe(pin)
    if args.json:
        print_json({"result": "auto_renew_on" if on else "auto_renew_off"})
    else:
        print(pick("자동갱신에 동의했습니다: 갱신 기간에 쓰면 그 자리에서 갱신됩니다." if on else "자동갱신을 철회했습니다.",
                   "Automatic renewal on: used inside the renewal window, it is renewed in place." if on
                   else "Automatic renewal off."))
    return 0


def cmd_revoke(args) -> int:
    from ..errors import Cancelled
    from .console import print_json
    from .flow_cmds import confirm
    with _open() as bank:
        device, account = cloud_certificate(bank, args)
        if not confirm(args, "폐기한 인증서는 다시 쓸 수 없습니다. 폐기할까요?",
                        "A revoked certificate can never be used again. Revoke it?"):
            raise Cancelled()
        pin = _ask(PIN_PROMPT)
        try:
            bank.cloud_revoke(device, account.certificate.serial, pin)
        finally:
            _wipe(pin)
    if args.json:
        print_json({"result": "revoked"})
    else:
        print(pick("금융인증서를 폐기했습니다. 클라우드의 키도 지웠습니다.",
                   "Finance certificate revoked; its key was deleted from the cloud."))
    return 0
