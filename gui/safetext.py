"""Text from media or the bank in widgets (docs/hostile-input.md): shown, never interpreted.

`shown()` is core.textsafe.visible (control characters, bidi overrides and undecodable bytes made
visible); `tip()` also keeps a tooltip from being read as rich text (Qt guesses HTML from a leading
tag, so a folder named `<img src=…>` would otherwise be rendered); labels that show such text use
`plain_label()`."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from core.textsafe import visible


def shown(value, limit: int | None = None) -> str:
    return visible(value, limit)


def tip(value) -> str:
    text = visible(value)
    if "<" in text or "&" in text:
        return "<p style='white-space:pre-wrap'>" + html.escape(text).replace("\n", "<br>") + "</p>"
    return text


def plain_label(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
