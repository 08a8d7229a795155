"""CLI commands (filled in by their own issue)."""


def register(sub) -> None:
    pass
