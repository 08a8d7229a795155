"""The step indicator: one chip per stage of the flow, read from the flow's own declaration of its
steps (`flow.stages()`, docs/bank-core.md "Steps as data") — the wizard lists no steps of its own.

    [종류 선택 ›] 1 고객정보 › 2 약관동의 › 3 본인인증 › 4 저장 및 비밀번호 › 완료

The bank's numbered steps are stepChip_1…N, 완료 is stepChip_{N+1}; an unnumbered leading chip
(the type choice) is stepChip_type."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication as Q
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from .common import make_label, ui_lang


class StepIndicator(QWidget):
    def __init__(self, flow, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stepIndicator")
        self.flow = flow
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        self.chips: list[QLabel] = []
        self.texts: list[str] = []
        stages = flow.stages()
        for i, (chip_name, text) in enumerate(self._chips(stages)):
            last = i == len(stages) - 1
            self.texts.append(text)
            chip = make_label(text, self, name=chip_name, cls="stepChip", wrap=False)
            self.chips.append(chip)
            lay.addWidget(chip)
            if not last:
                lay.addWidget(make_label("›", self, cls="stepArrow", wrap=False))
        lay.addStretch(1)
        self.current = -1

    @staticmethod
    def _chips(stages) -> list[tuple[str, str]]:
        """(object name, text) of each chip."""
        out, number = [], 0
        for i, stage in enumerate(stages):
            last = i == len(stages) - 1
            name = stage.label.message(ui_lang())
            if stage.numbered or last:
                number += 1
                out.append((f"stepChip_{number}", name if last else f"{number}  {name}"))
            else:
                out.append((f"stepChip_{stage.id}", name))
        return out

    def follow(self, product=None) -> None:
        """Highlight the stage of the flow's current step; a chip's name may follow a choice made on
        the way (the product: 저장 및 비밀번호 or PIN 설정; `product` previews one not chosen yet)."""
        chips = self._chips(self.flow.stages(product) if product is not None else self.flow.stages())
        if len(chips) == len(self.chips):
            self.texts = [text for _name, text in chips]
        self.set_stage(self.flow.stage)

    def set_stage(self, index: int) -> None:
        self.current = index
        for i, chip in enumerate(self.chips):
            state = "current" if i == index else ("done" if i < index else "todo")
            chip.setProperty("state", state)
            chip.setText(("✔ " if state == "done" else "") + self.texts[i])
            chip.setAccessibleDescription({"current": Q.translate("Wizard", "현재 단계"),
                                           "done": Q.translate("Wizard", "끝난 단계"),
                                           "todo": Q.translate("Wizard", "남은 단계")}[state])
            chip.style().unpolish(chip)
            chip.style().polish(chip)

    def current_text(self) -> str:
        return self.chips[self.current].text() if 0 <= self.current < len(self.chips) else ""
