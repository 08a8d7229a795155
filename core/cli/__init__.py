"""`python main.py <command>`: the command-line interface (same process as the app, no Qt)."""
from __future__ import annotations

import argparse
import sys

from .. import __version__
from ..errors import DojangError
from ..i18n import pick
from . import bank_cmds, flow_cmds, phone_cmds, storage_cmds, sync_cmds

# Each module adds its sub-commands; see the README for the reference.
COMMAND_MODULES = (storage_cmds, bank_cmds, flow_cmds, phone_cmds, sync_cmds)


class UsageError(Exception):
    """Bad usage: exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse prints usage and exits 2: keep that, but in our words
        self.print_usage(sys.stderr)
        print(pick(f"사용법 오류: {message}", f"usage error: {message}"), file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="dojang", description=pick(
        "도장 — 공동인증서 관리 및 모의 발급 센터", "Dojang — Korean certificate manager and simulated issuance centre"))
    parser.add_argument("--version", action="version", version=f"Dojang {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except DojangError as exc:
        print(exc.message(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(pick("취소되었습니다.", "Cancelled."), file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (`dojang list | head`): stop quietly, as command-line tools do.
        import os
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
