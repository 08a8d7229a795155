"""`dojang sync`: old copies of renewed or reissued certificates, and replacing them (docs/copies.md).

    dojang sync                      list every certificate with old copies somewhere
    dojang sync CERT                 replace every old copy of CERT's certificate with the new one
        --include-different          also replace old copies whose password differs (asked otherwise: no)
        --dry-run                    only say what would be done
    dojang sync --json               the list as JSON

The password of the new certificate is read from the terminal (no echo) or one line of standard
input — never from argv. Nothing is written unless every storage to write is there, writable and has
room; old copies with another password are named and left alone unless --include-different.
"""
from __future__ import annotations

import sys

from ..errors import DojangError
from ..i18n import pick
from ..npki.secret import wipe
from ..storage import copies, registry
from .console import print_json
from .storage_cmds import read_secret


def _bank_status():
    """The simulated bank's view of a certificate, when a bank exists (never creates one)."""
    from ..locations import bank_exists
    if not bank_exists():
        return None
    try:
        from ..authority import Authority
        authority = Authority.open()
    except DojangError as exc:
        print(pick(f"은행 기록을 읽지 못해 날짜로만 판단합니다: {exc.message()}",
                   f"The bank's records could not be read; judging by dates only: {exc.message()}"),
              file=sys.stderr)
        return None
    return authority.certificate_status


def _groups():
    located = []
    for storage in registry.all_storages():
        if not storage.present():
            continue
        located.extend((storage, c) for c in storage.scan_report().good)
    return copies.group_copies(located, _bank_status())


def _where(m: copies.Located) -> str:
    return f"{m.storage.label()} · {m.cert.path}"


def _bank_word(group: copies.CertGroup, serial: int) -> str:
    status = group.bank.get(serial)
    words = {"superseded": pick("은행: 갱신·재발급으로 대체됨", "bank: superseded"),
             "revoked": pick("은행: 폐기됨", "bank: revoked"), "cancelled": pick("은행: 취소됨", "bank: cancelled")}
    return f" ({words[status]})" if status in words else ""


def _group_json(g: copies.CertGroup) -> dict:
    def one(m: copies.Located) -> dict:
        return {"storage": m.storage.id, "path": str(m.cert.path), "serial": m.cert.info.serial_hex,
                "bank_status": g.bank.get(m.serial)}
    return {"name": g.name, "subject": g.subject, "issuer": g.issuer,
            "current": [one(m) for m in g.current], "outdated": [one(m) for m in g.outdated]}


def cmd_sync(args) -> int:
    if not args.cert:
        stale = [g for g in _groups() if g.outdated]
        if args.json:
            print_json([_group_json(g) for g in stale])
            return 0
        if not stale:
            print(pick("모든 사본이 최신 인증서입니다.", "Every copy is the current certificate."))
            return 0
        for g in stale:
            print(pick(f"{g.name}: 이전 인증서 {len(g.outdated)}개", f"{g.name}: {len(g.outdated)} old copies"))
            for m in g.current:
                print("  " + pick("새 인증서: ", "current: ") + _where(m))
            for m in g.outdated:
                print("  " + pick("이전 인증서: ", "old: ") + _where(m) + _bank_word(g, m.serial))
            if not g.current:
                print("  " + pick("새 인증서가 어느 저장매체에도 없어 바꿀 수 없습니다.",
                                  "No storage holds a newer certificate, so nothing can replace them."))
        print(pick("바꾸려면: dojang sync <인증서>", "To replace them: dojang sync <certificate>"))
        return 0

    _storage, entry = registry.resolve_cert(args.cert)
    group = copies.group_of(_groups(), entry)
    if group is None or not group.outdated:
        print(pick("이 인증서에는 바꿀 이전 사본이 없습니다.", "This certificate has no old copies to replace."))
        return 0
    if not group.current:
        raise DojangError("새 인증서가 어느 저장매체에도 없어 이전 사본을 바꿀 수 없습니다.",
                          "No storage holds a newer certificate, so the old copies cannot be replaced.")
    pw = read_secret(pick("새 인증서의 비밀번호: ", "Password of the current certificate: "))
    try:
        include = [str(m.cert.path) for m in group.outdated] if args.include_different else []
        plan = copies.plan_sync(group, pw, include=include)
        for m in plan.different_password:
            print(pick(f"비밀번호가 달라 그대로 둡니다 (바꾸려면 --include-different): {_where(m)}",
                       f"Left alone, its password differs (use --include-different to replace it): {_where(m)}"))
        if args.dry_run:
            for m in plan.targets:
                print(pick("바꿀 사본: ", "would replace: ") + _where(m))
            return 0
        result = copies.run_sync(plan)
    finally:
        wipe(pw)
    for m in result.replaced:
        print(pick("새 인증서로 바꿈: ", "replaced: ") + _where(m))
    for m in result.removed:
        print(pick("이전 사본 삭제 (새 인증서가 이미 있음): ", "old copy deleted (the new one is there): ") + _where(m))
    print(pick(f"{len(result.replaced) + len(result.removed)}개를 바꿨습니다. 그대로 둔 사본 {len(result.left)}개.",
               f"{len(result.replaced) + len(result.removed)} replaced, {len(result.left)} left alone."))
    return 0


def register(sub) -> None:
    p = sub.add_parser("sync", help=pick("이전 인증서 사본을 새 인증서로 바꾸기", "Replace old copies with the current certificate"),
                       description=pick("갱신·재발급 뒤 다른 저장매체에 남은 이전 인증서를 찾아 새 인증서로 바꿉니다.",
                                        "Finds copies of a certificate left on other storages after a renewal or "
                                        "reissue and replaces them with the current one."))
    p.add_argument("cert", metavar="CERT", nargs="?")
    p.add_argument("--include-different", action="store_true",
                   help=pick("비밀번호가 다른 사본도 바꾸기", "also replace copies whose password differs"))
    p.add_argument("--dry-run", action="store_true", help=pick("바꾸지 않고 할 일만 보이기", "only show what would be done"))
    p.add_argument("--json", action="store_true", help=pick("JSON으로 출력", "print JSON"))
    p.set_defaults(func=cmd_sync)
