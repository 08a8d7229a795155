"""The client's journal of operations in progress, and their recovery (docs/bank-core.md "Crash
recovery").

An operation that changes both the bank and files (issue, reissue, renew, revoke) records its intent
here BEFORE it acts and updates it as it goes: the request id it gave the bank, the certificate's
fingerprint, the folders it is about to move. It finishes by removing the entry. If the process
dies in between, the next Dojang to start (window or command line) finds the entry and completes or
rolls back the operation, asking the bank what it holds for the request id:

- the bank activated the new certificate → keep it, finish what was left (delete the old copies,
  drop the kept old folder of a renewal);
- otherwise → cancel the request at the bank, remove the new certificate's files, put a renewal's
  old folder back.

So after a kill at any point the customer still has a usable certificate if they had one, and no
certificate the bank cancelled stays on disk as if valid.

Each entry is `<id>.json` (written atomically) beside `<id>.lock`, which the live owner keeps
locked: recovery only touches entries whose lock it can take, so it never undoes the work of a
Dojang that is still running. The lock dies with its process.
"""
from __future__ import annotations

import base64
import json
import logging
import os
import secrets
from pathlib import Path
from typing import Callable

from ..oslock import try_lock
from ..errors import DojangError
from ..fsperm import ensure_private_dir
from ..locations import app_home
from ..npki.certfolder import CertFolder, read_cert_folder
from ..storage import operations as ops
from ..storage import safewrite
from ..storage.safewrite import KEEP_PREFIX

log = logging.getLogger("dojang.flows")

JOURNAL_DIR = "operations"


class Intent:
    """One operation in progress; `data` is what recovery needs (no secrets: ids, paths, DER)."""

    def __init__(self, journal: "Journal", op_id: str, kind: str, data: dict, lock_fd: int | None):
        self.journal, self.id, self.kind, self.data = journal, op_id, kind, data
        self._lock_fd = lock_fd

    def update(self, **data) -> None:
        self.data.update(data)
        self.journal.write(self)

    def finish(self) -> None:
        """The operation completed or was undone in process: forget it."""
        self.journal.remove(self)


class Journal:
    def __init__(self, home: Path | None = None):
        self.dir = (home or app_home()) / JOURNAL_DIR

    # --- the owner's side -----------------------------------------------------------------------
    def begin(self, kind: str, **data) -> Intent:
        ensure_private_dir(self.dir)
        op_id = secrets.token_hex(8)
        fd = try_lock(self.dir / f"{op_id}.lock")
        intent = Intent(self, op_id, kind, dict(data), fd)
        self.write(intent)
        return intent

    def write(self, intent: Intent) -> None:
        body = json.dumps({"id": intent.id, "kind": intent.kind, "data": intent.data}).encode("utf-8")
        safewrite.write_file_atomic(self.dir / f"{intent.id}.json", body)

    def release(self, intent: Intent) -> None:
        """Let go of the entry without removing it (recovery could not finish it now: try again later)."""
        if intent._lock_fd is not None:
            os.close(intent._lock_fd)
            intent._lock_fd = None

    def remove(self, intent: Intent) -> None:
        try:
            os.unlink(self.dir / f"{intent.id}.json")
        except FileNotFoundError:
            pass
        if intent._lock_fd is not None:
            os.close(intent._lock_fd)
            intent._lock_fd = None
        try:
            os.unlink(self.dir / f"{intent.id}.lock")
        except OSError:
            pass

    # --- recovery ---------------------------------------------------------------------------------
    def pending(self) -> bool:
        """Cheap: is there anything in the journal at all? (No bank needed to ask.)"""
        try:
            return any(name.endswith(".json") for name in os.listdir(self.dir))
        except OSError:
            return False

    def abandoned(self) -> list[Intent]:
        """Entries whose owner is gone (their lock could be taken; the caller finishes them)."""
        out = []
        try:
            names = sorted(os.listdir(self.dir))
        except OSError:
            return out
        for name in names:
            if not name.endswith(".json"):
                continue
            op_id = name[:-5]
            fd = try_lock(self.dir / f"{op_id}.lock")
            if fd is None:
                continue              # its owner is still running
            try:
                entry = json.loads((self.dir / name).read_text("utf-8"))
                out.append(Intent(self, op_id, entry["kind"], entry["data"], fd))
            except (OSError, ValueError, KeyError):
                log.warning("an unreadable operation journal entry was dropped")
                self.remove(Intent(self, op_id, "?", {}, fd))
        return out


# --- what recovery does, per kind ---------------------------------------------------------------------

def _certs_with(folder: Path, fingerprint: str | None) -> list[CertFolder]:
    """Certificate folders directly in `folder` whose certificate has this fingerprint."""
    found = []
    if not fingerprint:
        return found
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return found
    for e in entries:
        if e.name.startswith(".") or not e.is_dir(follow_symlinks=False):
            continue
        entry = read_cert_folder(Path(e.path), folder.parent.name)
        if isinstance(entry, CertFolder) and entry.info.sha256_fingerprint == fingerprint:
            found.append(entry)
    return found


def _delete(entry) -> None:
    try:
        ops.delete_cert(entry)
    except DojangError as exc:
        log.warning("recovery could not remove a folder (%s)", exc.en)


def _remove_tree(path: Path) -> None:
    """A folder Dojang built itself (staged or kept): its files, then the folder."""
    if not path.is_dir() or path.is_symlink():
        return
    safewrite.remove_folder_files(path, [e.name for e in os.scandir(path) if not e.is_dir(follow_symlinks=False)])


def _activated(bank, data: dict) -> bool:
    return any(status == "active" for _, status in bank.request_status(data["request_id"]))


def recover_issue(bank, data: dict) -> None:
    """Issue or reissue: keep a confirmed certificate (and finish retiring the old copies);
    otherwise cancel at the bank and remove the new certificate's folder."""
    if _activated(bank, data):
        for path, fingerprint in data.get("retire", []):
            for entry in _certs_with(Path(path).parent, fingerprint):
                if entry.path == Path(path):
                    try:
                        if bank.certificate_status(entry.info.der) != "active":
                            _delete(entry)
                    except DojangError:
                        continue
        return
    bank.cancel_request(data["request_id"])
    if data.get("user_dir"):
        for entry in _certs_with(Path(data["user_dir"]), data.get("fingerprint")):
            _delete(entry)


def recover_renew(bank, data: dict) -> None:
    """Renewal: the bank decides which certificate the folder holds. Confirmed → the new one stays
    and the kept old folder goes; otherwise the request is cancelled and the old folder returns."""
    target = Path(data["target"])
    keep = Path(data["keep"]) if data.get("keep") else None
    staged = Path(data["staged"]) if data.get("staged") else None
    if _activated(bank, data):
        if not os.path.lexists(target) and staged is not None and staged.is_dir():
            os.rename(staged, target)
        if keep is not None:
            _remove_tree(keep)
        return
    bank.cancel_request(data["request_id"])
    if keep is not None and keep.is_dir():
        if os.path.lexists(target):
            entry = read_cert_folder(target, target.parent.parent.name)
            if isinstance(entry, CertFolder) and entry.info.sha256_fingerprint == data.get("fingerprint"):
                _remove_tree(target)
        if not os.path.lexists(target):
            os.rename(keep, target)
    if staged is not None:
        _remove_tree(staged)


def recover_revoke(bank, data: dict) -> None:
    """Revocation: when the bank revoked it, finish deleting the copies; otherwise nothing changed."""
    der = base64.b64decode(data["cert"])
    try:
        status = bank.certificate_status(der)
    except DojangError:
        return
    if status != "revoked":
        return
    for path in data.get("copies", []):
        for entry in _certs_with(Path(path).parent, data.get("fingerprint")):
            if entry.path == Path(path):
                _delete(entry)


RECOVERY: dict[str, Callable] = {"issue": recover_issue, "reissue": recover_issue, "renew": recover_renew,
                                 "revoke": recover_revoke}


def recover(bank, journal: Journal | None = None) -> int:
    """Finish or undo every abandoned operation; how many. Safe to call at any time: entries of a
    Dojang still running are left alone."""
    journal = journal or Journal()
    done = 0
    for intent in journal.abandoned():
        action = RECOVERY.get(intent.kind)
        try:
            if action is not None:
                action(bank, intent.data)
        except (DojangError, OSError) as exc:
            log.warning("an interrupted %s could not be recovered yet (%s)", intent.kind, exc)
            journal.release(intent)
            continue
        intent.finish()
        done += 1
    return done


__all__ = ["Intent", "Journal", "KEEP_PREFIX", "RECOVERY", "recover"]
