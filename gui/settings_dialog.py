"""설정: the language (automatic / 한국어 / English), applied at once (windows retranslate live)."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from . import i18n
from .settings import settings


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None, ctx):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.ctx = ctx
        self.setWindowTitle(self.tr("설정"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language = QComboBox(self)
        self.language.setObjectName("languageCombo")
        self.language.addItem(self.tr("자동 (시스템 언어)"), "")
        self.language.addItem("한국어", "ko")
        self.language.addItem("English", "en")
        current = str(settings().value(i18n.SETTING, "") or "")
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        label = QLabel(self.tr("언어(&L)"), self)
        label.setBuddy(self.language)
        form.addRow(label, self.language)
        layout.addLayout(form)
        note = QLabel(self.tr("바꾼 언어는 바로 적용됩니다."), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.setObjectName("settingsButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(360)

    def accept(self) -> None:
        self.apply()
        super().accept()

    def apply(self) -> str:
        """Save the choice and switch to it now; returns the language in use."""
        value = self.language.currentData() or ""
        store = settings()
        store.setValue(i18n.SETTING, value)
        store.sync()
        lang = i18n.choose_language(store)
        if lang != self.ctx.language:
            i18n.apply_language(lang, self.ctx)
        return lang
