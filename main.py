"""Dojang entry point: `python main.py` opens the window; `python main.py <command>` is the CLI."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from core.logsafe import configure_logging
    configure_logging()
    if argv and argv[0] in ("--version", "-V"):
        from core import __version__
        print(f"Dojang {__version__}")
        return 0
    if argv and not argv[0].startswith("-psn_"):  # macOS Finder passes -psn_…; that is a GUI start
        from core.cli import main as cli_main
        return cli_main(argv)
    from gui.app import run
    return run()


if __name__ == "__main__":
    sys.exit(main())
