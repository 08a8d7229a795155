"""Steps as data (docs/bank-core.md "Steps as data").

Each flow declares its steps ONCE, as a navigation map: every step names its stage (the chip the
step indicator highlights) and the step that follows it — a step id, or a function of the flow for a
branch. The flow moves with `advance()`, the wizard builds one page per step from its
`{step: page}` map and the step indicator reads `stages()`; nothing else lists the order of steps.
(The shape follows Electrum's wizard, whose navigation map keeps views and `next` rules in one
dictionary.)
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from ..i18n import Text

if TYPE_CHECKING:
    from .base import Flow

# step ids
TYPE = "type"
CUSTOMER = "customer"
TERMS = "terms"
FIRST_FACTOR = "first_factor"
SECOND_FACTOR = "second_factor"
CONFIRM_REISSUE = "confirm_reissue"
SAVE = "save"
PIN = "pin"                      # a cloud product: the 6-digit PIN instead of the storage and password
PICK_CERT = "pick_cert"
CERT_PASSWORD = "cert_password"
DONE = "done"
CANCELLED = "cancelled"


@dataclass(frozen=True)
class Stage:
    """A chip of the step indicator. `numbered`: one of the bank's numbered steps (1 고객정보 …);
    the leading 종류 선택 chip and 완료 are not numbered."""
    id: str
    label: Text
    numbered: bool = True


STAGE_TYPE = Stage("type", Text("종류 선택", "Type"), numbered=False)
STAGE_CUSTOMER = Stage("customer", Text("고객정보", "Customer"))
STAGE_TERMS = Stage("terms", Text("약관동의", "Terms"))
STAGE_VERIFY = Stage("verify", Text("본인인증", "Verification"))
STAGE_SAVE = Stage("save", Text("저장 및 비밀번호", "Save"))
STAGE_PIN = Stage("pin", Text("PIN 설정", "PIN"))        # a cloud product's last step (금융인증서)
STAGE_PICK = Stage("pick", Text("인증서 선택", "Certificate"))
STAGE_CHECK = Stage("check", Text("암호 확인", "Password"))
STAGE_NEW_PASSWORD = Stage("new_password", Text("새 암호", "New password"))
STAGE_REVOKE = Stage("revoke", Text("암호 확인 및 폐기", "Revoke"))
STAGE_DONE = Stage("done", Text("완료", "Done"), numbered=False)

Next = str | Callable[["Flow"], str] | None


@dataclass(frozen=True)
class Step:
    id: str
    stage: Stage
    next: Next = None        # None: the step's own method finishes the flow (→ DONE)


def identity_steps(then: Next) -> tuple[Step, ...]:
    """The bank's STEP 1–3 as every identity flow has them (고객정보 → 약관동의 → 본인인증, two
    factors), followed by `then`."""
    return (Step(CUSTOMER, STAGE_CUSTOMER, TERMS), Step(TERMS, STAGE_TERMS, FIRST_FACTOR),
            Step(FIRST_FACTOR, STAGE_VERIFY, SECOND_FACTOR), Step(SECOND_FACTOR, STAGE_VERIFY, then))


class Navigation:
    """The ordered steps of one flow."""

    def __init__(self, *steps: Step):
        self.steps: dict[str, Step] = {s.id: s for s in steps}
        self.first = steps[0].id

    def next(self, flow: "Flow", step: str) -> str:
        rule = self.steps[step].next
        if rule is None:
            return DONE
        return rule(flow) if callable(rule) else rule

    def step_ids(self) -> list[str]:
        """Every step in declaration order, then DONE."""
        return [*self.steps, DONE]

    def stages(self) -> list[Stage]:
        """The indicator's chips in order (each stage once), ending with 완료."""
        out: list[Stage] = []
        for s in self.steps.values():
            if s.stage not in out:
                out.append(s.stage)
        return [*out, STAGE_DONE]

    def stage_index(self, step: str) -> int:
        stages = self.stages()
        if step in (DONE, CANCELLED):
            return len(stages) - 1
        return stages.index(self.steps[step].stage)


__all__ = ["CANCELLED", "CERT_PASSWORD", "CONFIRM_REISSUE", "CUSTOMER", "DONE", "FIRST_FACTOR", "Navigation",
           "PICK_CERT", "PIN", "SAVE", "SECOND_FACTOR", "STAGE_CHECK", "STAGE_CUSTOMER", "STAGE_DONE", "STAGE_NEW_PASSWORD",
           "STAGE_PICK", "STAGE_PIN", "STAGE_REVOKE", "STAGE_SAVE", "STAGE_TERMS", "STAGE_TYPE", "STAGE_VERIFY", "Stage", "Step",
           "TERMS", "TYPE", "identity_steps"]
