"""PIN 재설정 of a 금융인증서 as a flow (docs/bank-flows.md "금융인증서"): the bank's identity steps
(고객정보 → 약관동의 → 본인인증), then the new PIN twice; the cloud sets it and lifts the lock."""
from __future__ import annotations

from ..authority import errors as AE
from ..errors import DojangError
from .base import Completion, FieldError, FlowError, IdentityFlow
from .interfaces import NoProgress, Progress, Text
from ..npki import keyfile
from .steps import DONE, PIN, STAGE_PIN, Navigation, Step, identity_steps


def _wipe(secret) -> None:
    if isinstance(secret, bytearray):
        keyfile.wipe(secret)


class ResetPinFlow(IdentityFlow):
    kind = "reset_pin"
    NAV = Navigation(*identity_steps(PIN), Step(PIN, STAGE_PIN))

    def _precheck(self) -> None:
        """No 금융인증서 in the cloud: said after 고객정보, before any code is sent."""
        try:
            self.bank.precheck(self.session, self.kind, None)
        except DojangError as exc:
            raise FlowError.wrap(exc) from None

    def finish(self, pin, repeat) -> int:
        """Set the new PIN (consumes `pin` and `repeat`); the certificate's serial."""
        self._expect(PIN)
        try:
            serial = self.bank.cloud_reset_pin(self.session, pin, repeat)
        except AE.PinRejected as exc:
            raise FieldError("pin_repeat" if exc.reason == "mismatch" else "pin", exc) from None
        except DojangError as exc:
            raise FlowError.wrap(exc) from None
        finally:
            _wipe(pin)
            _wipe(repeat)
        self._end_session()
        self.notices.notice("info", Text("금융인증서 PIN을 재설정했습니다.", "The finance certificate PIN was reset."))
        self._history.clear()
        self.step = DONE
        return serial

    def finish_cloud(self, pin, repeat, progress: Progress | None = None) -> Completion:
        """`finish` as the wizard's PIN page calls it (the same page as a 금융인증서's issue): what the
        completion page shows. Field errors: pin, pin_repeat."""
        (progress or NoProgress()).update(0.3, Text("PIN을 재설정하는 중입니다…", "Resetting the PIN…"))
        serial = self.finish(pin, repeat)
        self.result = Completion(self.kind, None, None, None, serial, None, None)
        return self.result


__all__ = ["ResetPinFlow"]
