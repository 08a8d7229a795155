"""Validation results: a normalised value plus problems, each with a Korean and English reason."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..i18n import pick


@dataclass(frozen=True)
class Problem:
    code: str
    ko: str
    en: str
    hard: bool = True   # False: a hint shown to the user that does not block

    def message(self, lang: str | None = None) -> str:
        return pick(self.ko, self.en, lang)


@dataclass(frozen=True)
class Result:
    value: str = ""                     # the normalised value (never logged for secrets)
    problems: tuple[Problem, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not any(p.hard for p in self.problems)

    @property
    def hints(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.hard)

    def codes(self) -> set[str]:
        return {p.code for p in self.problems}

    def first_message(self, lang: str | None = None) -> str:
        hard = [p for p in self.problems if p.hard]
        return hard[0].message(lang) if hard else ""
