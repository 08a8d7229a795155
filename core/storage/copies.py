"""Every copy of a certificate in step (docs/copies.md).

Dojang sees every storage at once, so it can tell that the certificate on the USB stick is an older
one than the hard disk's — renewed or reissued since — and fail at the bank. This module (no Qt):

- `group_copies(located, bank_status)`: the certificates of all storages grouped by identity
  (subject + issuing organisation). Inside a group the same serial is a *copy*; a newer certificate
  (later start, then larger serial) is the *current* one, and every other serial is *outdated*
  ("이전 인증서"). Where the bank knows a certificate (`bank_status(der)` → 'active', 'superseded',
  'revoked', …; None when unknown) a revoked/superseded/cancelled serial is outdated even when no newer
  copy is on a storage, and is never chosen as the current one.
- `plan_sync(group, password)`: what "모두 새 인증서로 바꾸기" will do, checked before anything is written:
  the new certificate's password must open it; each outdated copy whose key the same password does
  NOT open has a different password and is only touched when the caller says so (`include`), never
  silently; every storage to write must be there, writable and have room. Any problem → an error,
  nothing written (all or nothing).
- `run_sync(plan)`: per outdated copy, one atomic step — replace in place (same folder name: the
  renewal case, `operations` swaps the folder), or write the new folder and then delete the old one
  (reissue: the new folder name differs); a storage that already holds the new certificate only loses
  the old one. A run killed part-way leaves every storage with a complete certificate (old or new),
  and running the sync again finishes it (tests/crash/sync_scenarios.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..errors import DojangError, StorageGone, WrongPassword
from ..npki.secret import wipe
from ..npki.certfolder import CertFolder
from . import operations as ops
from .base import Storage, drive_lock

OUTDATED_BY_BANK = frozenset({"superseded", "revoked", "cancelled"})

BankStatus = Callable[[bytes], "str | None"]


@dataclass(frozen=True)
class Located:
    storage: Storage
    cert: CertFolder

    @property
    def serial(self) -> int:
        return self.cert.info.serial


def identity(cert: CertFolder) -> tuple[str, str]:
    info = cert.info
    return info.subject_rfc4514, (info.issuer_o or info.issuer_cn or "")


@dataclass
class CertGroup:
    subject: str
    issuer: str
    members: list[Located]
    bank: dict[int, str] = field(default_factory=dict)      # serial -> the bank's status (when known)
    current_serial: int | None = None

    def copies(self, serial: int) -> list[Located]:
        return [m for m in self.members if m.serial == serial]

    @property
    def current(self) -> list[Located]:
        return self.copies(self.current_serial) if self.current_serial is not None else []

    @property
    def outdated(self) -> list[Located]:
        return [m for m in self.members if self.is_outdated(m.serial)]

    def is_outdated(self, serial: int) -> bool:
        if self.bank.get(serial) in OUTDATED_BY_BANK:
            return True
        return self.current_serial is not None and serial != self.current_serial

    @property
    def can_sync(self) -> bool:
        """There is a newer certificate and at least one older copy to replace with it."""
        return bool(self.current) and bool(self.outdated)

    @property
    def name(self) -> str:
        return self.members[0].cert.info.display_name if self.members else ""


def _status(bank_status: BankStatus | None, der: bytes) -> str | None:
    if bank_status is None:
        return None
    try:
        return bank_status(der)
    except DojangError:          # not this bank's certificate, or the bank cannot say: unknown
        return None


def group_copies(located: Iterable[tuple[Storage, CertFolder]],
                 bank_status: BankStatus | None = None) -> list[CertGroup]:
    """Group every certificate by identity; decide the current serial of each group."""
    groups: dict[tuple[str, str], CertGroup] = {}
    # copies of one certificate have the same DER: its subject is turned into text once, not per copy
    # (the RFC 4514 text costs ~60 µs, 2,000 listed copies were a tenth of a second)
    known: dict[bytes, tuple[str, str]] = {}
    for storage, cert in located:
        if not isinstance(cert, CertFolder):
            continue
        der = cert.info.der
        key = known.get(der)
        if key is None:
            key = known[der] = identity(cert)
        subject, issuer = key
        g = groups.setdefault((subject, issuer), CertGroup(subject, issuer, []))
        g.members.append(Located(storage, cert))
    for g in groups.values():
        seen: dict[int, CertFolder] = {}
        for m in g.members:
            seen.setdefault(m.serial, m.cert)
        for serial, cert in seen.items():
            status = _status(bank_status, cert.info.der)
            if status is not None:
                g.bank[serial] = status
        usable = [c for s, c in seen.items() if g.bank.get(s) not in OUTDATED_BY_BANK]
        if usable:
            newest = max(usable, key=lambda c: (c.info.not_before, c.info.serial))
            g.current_serial = newest.info.serial
    return sorted(groups.values(), key=lambda g: (g.name, g.subject))


def group_of(groups: Iterable[CertGroup], cert: CertFolder) -> CertGroup | None:
    key = identity(cert)
    return next((g for g in groups if (g.subject, g.issuer) == key), None)


# --- the sync -------------------------------------------------------------------------------------------

@dataclass
class SyncPlan:
    group: CertGroup
    source: Located                                          # a copy of the current certificate
    targets: list[Located]                                   # outdated copies that will be replaced
    different_password: list[Located] = field(default_factory=list)   # left alone unless included

    @property
    def storages(self) -> list[Storage]:
        return list({t.storage.id: t.storage for t in self.targets}.values())


def _opens(cert: CertFolder, password) -> bool:
    try:
        cert.check_password(password)
        return True
    except WrongPassword:
        return False


def plan_sync(group: CertGroup, password, *, include: Iterable[str] = ()) -> SyncPlan:
    """Check everything a sync needs before it writes anything. `password`: the new certificate's.
    `include`: paths (str) of outdated copies with a different password the person agreed to replace.
    Raises WrongPassword (not the new certificate's password), StorageGone / ReadOnlyStorage /
    StorageFull (a target cannot be written); nothing is written in either case."""
    if not group.current:
        raise DojangError("바꿀 새 인증서가 없습니다.", "There is no newer certificate to copy.")
    source = next((m for m in group.current if m.storage.present() and m.cert.path.is_dir()), None)
    if source is None:
        raise StorageGone(path=str(group.current[0].cert.path))
    source.cert.check_password(password)            # WrongPassword: said before anything else
    include = set(include)
    targets: list[Located] = []
    different: list[Located] = []
    for m in group.outdated:
        if not m.storage.present() or not m.cert.path.is_dir():
            raise StorageGone(path=str(m.cert.path))
        if not _opens(m.cert, password) and str(m.cert.path) not in include:
            different.append(m)
            continue
        targets.append(m)
    files = ops.snapshot(source.cert)
    for storage in {t.storage.id: t.storage for t in targets}.values():
        if not storage.present():
            raise StorageGone(path=str(storage.root))
        storage.require_writable()
        already = any(m.storage.id == storage.id for m in group.current)
        if not already:
            ops.check_space(storage.free_space(), files)
    return SyncPlan(group, source, targets, different)


@dataclass
class SyncResult:
    replaced: list[Located] = field(default_factory=list)    # old copies now holding the new certificate
    removed: list[Located] = field(default_factory=list)     # old copies deleted (the storage had the new one)
    left: list[Located] = field(default_factory=list)        # different password, not included


def run_sync(plan: SyncPlan, *, verify: bool = True) -> SyncResult:
    """Replace every target of `plan` with the current certificate (see the module docstring)."""
    result = SyncResult(left=list(plan.different_password))
    source = plan.source
    files = ops.snapshot(source.cert)
    info = source.cert.info
    has_new = {m.storage.id for m in plan.group.current}
    try:
        for target in plan.targets:
            storage = target.storage
            with drive_lock(storage, source.storage):
                if storage.id in has_new:
                    ops.delete_cert(target.cert, storage)
                    result.removed.append(target)
                    continue
                # same folder name (a renewal): the folder is swapped atomically; another name (a
                # reissue): the new folder is complete before the old one is deleted
                ops.place_folder(target.cert.path.parent, source.cert.name, files, info, verify=verify,
                                 on_conflict=lambda _i: ops.ConflictChoice.REPLACE, source=source.cert.path)
                if target.cert.path.name != source.cert.path.name:
                    ops.delete_cert(target.cert, storage)
                has_new.add(storage.id)
                result.replaced.append(target)
    finally:
        for b in files.values():
            if isinstance(b, bytearray):
                wipe(b)
    return result


__all__ = ["CertGroup", "Located", "OUTDATED_BY_BANK", "SyncPlan", "SyncResult", "group_copies", "group_of",
           "identity", "plan_sync", "run_sync"]
