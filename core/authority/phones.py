"""Mock phones, the bank-facing side: SMS inbox and the ARS call, one folder per registered number.

Layout under the app data folder (the phone's certificate storage `sdcard/NPKI` sits beside these
files and belongs to the storage layer):

    phones/<digits of the number>/phone.json   {"number": "010-1234-5678", "owner": "홍길동"}
                                  inbox.json   [{"id", "from", "text", "at"}, ...]   newest last
                                  call.json    {"state", "from", "text", "challenge", "started", "expires", ...}

Files are written atomically (temporary file, fsync, rename). Reading functions here need no
authority; answering a call goes through `Authority.answer_call`, which checks the keyed code.
Call states: "ringing", "completed", "failed", "expired", "declined".
"""
from __future__ import annotations

import datetime as dt
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from ..fsperm import ensure_private_dir
from ..locations import app_home

BANK_CALLER = "1588-0000"          # the bank's ARS number as shown on the phone
BANK_SMS_SENDER = "1588-0000"


def digits_of(number: str) -> str:
    return "".join(ch for ch in number if ch in "0123456789")


def phones_root(home: Path | None = None) -> Path:
    return (home or app_home()) / "phones"


def phone_dir(number: str, home: Path | None = None) -> Path:
    d = digits_of(number)
    if not 10 <= len(d) <= 11:
        raise ValueError("not a mobile number")
    return phones_root(home) / d


def _write_json(path: Path, value) -> None:
    ensure_private_dir(path.parent)
    data = json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8")
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _read_json(path: Path, default):
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return default


def format_number(number: str) -> str:
    d = digits_of(number)
    if len(d) == 11:
        return f"{d[:3]}-{d[3:7]}-{d[7:]}"
    if len(d) == 10:
        return f"{d[:3]}-{d[3:6]}-{d[6:]}"
    return number


def mask_number(number: str) -> str:
    d = digits_of(number)
    return f"{d[:3]}-****-{d[-4:]}" if len(d) >= 10 else "***"


def ensure_phone(number: str, owner: str, home: Path | None = None) -> Path:
    """Create the phone's folder (with an empty `sdcard/NPKI`) if it does not exist yet."""
    d = phone_dir(number, home)
    ensure_private_dir(d / "sdcard" / "NPKI")
    if not (d / "phone.json").exists():
        _write_json(d / "phone.json", {"number": format_number(number), "owner": owner})
    return d


def list_phones(home: Path | None = None) -> list[dict]:
    root = phones_root(home)
    out = []
    if root.is_dir():
        for p in sorted(root.iterdir()):
            info = _read_json(p / "phone.json", None)
            if isinstance(info, dict):
                out.append({"id": p.name, **info})
    return out


@dataclass(frozen=True)
class Message:
    id: str
    sender: str
    text: str
    at: dt.datetime


def list_messages(number: str, home: Path | None = None) -> list[Message]:
    """The phone's SMS inbox, oldest first."""
    items = _read_json(phone_dir(number, home) / "inbox.json", [])
    out = []
    for m in items if isinstance(items, list) else []:
        try:
            out.append(Message(m["id"], m["from"], m["text"], dt.datetime.fromisoformat(m["at"])))
        except (KeyError, TypeError, ValueError):
            continue
    return out


def deliver_sms(number: str, text: str, now: dt.datetime, home: Path | None = None) -> Message:
    path = phone_dir(number, home) / "inbox.json"
    items = _read_json(path, [])
    if not isinstance(items, list):
        items = []
    msg = {"id": secrets.token_hex(6), "from": BANK_SMS_SENDER, "text": text, "at": now.isoformat()}
    items.append(msg)
    _write_json(path, items[-200:])
    return Message(msg["id"], msg["from"], text, now)


@dataclass(frozen=True)
class Call:
    state: str
    caller: str
    text: str
    started: dt.datetime
    expires: dt.datetime
    challenge: int
    keyed_wrong: int = 0

    @property
    def ringing(self) -> bool:
        return self.state == "ringing"


def _load_call(number: str, home: Path | None) -> dict | None:
    data = _read_json(phone_dir(number, home) / "call.json", None)
    return data if isinstance(data, dict) and data.get("state") else None


def current_call(number: str, now: dt.datetime | None = None, home: Path | None = None) -> Call | None:
    """The phone's latest call as it looks at `now` (a ringing call past its limit shows as expired)."""
    data = _load_call(number, home)
    if not data:
        return None
    try:
        call = Call(data["state"], data["from"], data["text"], dt.datetime.fromisoformat(data["started"]),
                    dt.datetime.fromisoformat(data["expires"]), int(data["challenge"]), int(data.get("wrong", 0)))
    except (KeyError, TypeError, ValueError):
        return None
    now = now or dt.datetime.now(dt.timezone.utc)
    if call.state == "ringing" and now >= call.expires:
        return Call("expired", call.caller, call.text, call.started, call.expires, call.challenge, call.keyed_wrong)
    return call


def incoming_call(number: str, now: dt.datetime | None = None, home: Path | None = None) -> Call | None:
    """The call ringing now, if any."""
    call = current_call(number, now, home)
    return call if call and call.ringing else None


def place_call(number: str, challenge: int, text: str, now: dt.datetime, expires: dt.datetime,
               home: Path | None = None) -> None:
    _write_json(phone_dir(number, home) / "call.json", {
        "state": "ringing", "from": BANK_CALLER, "text": text, "challenge": challenge,
        "started": now.isoformat(), "expires": expires.isoformat(), "wrong": 0})


def set_call_state(number: str, state: str, home: Path | None = None, *, wrong: int | None = None) -> None:
    path = phone_dir(number, home) / "call.json"
    data = _read_json(path, None)
    if not isinstance(data, dict):
        return
    data["state"] = state
    if wrong is not None:
        data["wrong"] = wrong
    _write_json(path, data)
