"""The mock phones (docs/bank-flows.md "Mock phones"): `window` — the phone window and the registry
of open windows; `watcher` — pops a phone's window when the bank calls or texts it; `transfer` — the
PC side of a certificate transfer with a 12-digit code; `common` — the look and small helpers."""
from .common import ARS_SCRIPT_KO, POLL_MS, call_script, lock_date_text
from .transfer import PcTransferWindow, show_pc_transfer
from .watcher import PhoneWatcher, ensure_phone_windows
from .window import PhoneWindow, close_phone_windows, phone_window_for, show_phone_window

__all__ = ["ARS_SCRIPT_KO", "POLL_MS", "PcTransferWindow", "PhoneWatcher", "PhoneWindow", "call_script",
           "close_phone_windows", "ensure_phone_windows", "lock_date_text", "phone_window_for", "show_pc_transfer",
           "show_phone_window"]
