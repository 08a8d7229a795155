"""The customers' physical devices, simulated: the printed security card and the OTP token.

Not part of the client interface: the demo customers panel, the card and token windows and scripted
issuance read them, as a customer would look at their own card or token. On the channels' public
methods only."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from .channels import REGISTRY

if TYPE_CHECKING:
    from .api import Authority


class SimulatedDevices:
    def __init__(self, authority: "Authority"):
        self.a = authority
        self.env = authority.channel_env

    def card_cells(self, serial: str) -> dict[int, str]:
        return REGISTRY.get("card").cells(self.env, serial)

    def card_answer(self, serial: str, first: int, second: int) -> str:
        cells = self.card_cells(serial)
        return cells[first][:2] + cells[second][2:]

    def otp_code(self, serial: str, at: dt.datetime | None = None) -> str:
        """What the OTP token shows at `at` (default: the bank's clock)."""
        return REGISTRY.get("otp").code_at(self.env, serial, at)

    def mobile_otp_code(self, phone: str, at: dt.datetime | None = None) -> str | None:
        """What the bank app of `phone` shows as its 모바일 OTP (None: none registered there)."""
        channel = REGISTRY.get("mobile_otp")
        dev = channel.on_phone(self.env, phone)
        return None if dev is None else channel.code_at(self.env, dev["serial"], at)

    def card_serial_of(self, ref: str | int) -> str | None:
        card = REGISTRY.get("card").active_device(self.env, self.a.teller().find_customer(ref))
        return card["serial"] if card else None

    def otp_serial_of(self, ref: str | int) -> str | None:
        dev = REGISTRY.get("otp").active_device(self.env, self.a.teller().find_customer(ref))
        return dev["serial"] if dev else None

    def owner_of(self, serial: str) -> str:
        """The name of the customer a card or token belongs to ('' when unknown)."""
        for table in ("cards", "otp_devices", "mobile_otp_devices"):
            row = self.a.store.one(f"SELECT c.name FROM {table} d JOIN customers c ON c.id = d.customer_id "
                                   "WHERE d.serial = ?", (serial,))
            if row:
                return row["name"]
        return ""


__all__ = ["SimulatedDevices"]
