"""`python main.py <command>`: the command-line interface (same process as the app, no Qt)."""
from __future__ import annotations

import argparse
import sys

from .. import __version__
from ..errors import DojangError
from ..i18n import pick
# Each module adds its sub-commands; see the README for the reference. A command line naming a
# command loads only the module that has it (`list` needs neither the bank nor the phone relay);
# help and unknown words load them all. tests/cli/test_command_table.py keeps the table in step.
COMMAND_MODULE_NAMES = ("storage_cmds", "bank_cmds", "flow_cmds", "cloud_cmds", "login_cmds", "phone_cmds",
                        "sync_cmds")
COMMAND_TABLE = {
    **dict.fromkeys(("storages", "add-folder", "remove-folder", "list", "show", "check-password",
                     "change-password", "copy", "move", "delete", "export-pfx", "import-pfx",
                     "verify-owner"), "storage_cmds"),
    "bank": "bank_cmds", "issue": "flow_cmds", "reissue": "flow_cmds", "renew": "flow_cmds",
    "register": "flow_cmds", "revoke": "flow_cmds", "cloud": "cloud_cmds", "login": "login_cmds",
    "phone": "phone_cmds", "sync": "sync_cmds",
}


def command_modules(names=COMMAND_MODULE_NAMES) -> list:
    from importlib import import_module
    return [import_module(f"{__name__}.{name}") for name in names]


class UsageError(Exception):
    """Bad usage: exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # exit 2 as argparse does, but one line in our words (docs/hostile-input.md)
        print(pick(f"사용법 오류: {message} (도움말: {self.prog} --help)",
                   f"usage error: {message} (see: {self.prog} --help)"), file=sys.stderr)
        raise SystemExit(2)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with `command` (a word from COMMAND_TABLE) only that command's module."""
    parser = _Parser(prog="dojang", description=pick(
        "도장 — 공동인증서 관리 및 모의 발급 센터", "Dojang — Korean certificate manager and simulated issuance centre"))
    parser.add_argument("--version", action="version", version=f"Dojang {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    module = COMMAND_TABLE.get(command) if command else None
    for mod in command_modules((module,) if module else COMMAND_MODULE_NAMES):
        mod.register(sub)
    return parser


def main(argv: list[str]) -> int:
    from . import console
    from ..textsafe import visible
    console.configure()         # any terminal encoding: never a UnicodeEncodeError (docs/hostile-input.md)
    parser = build_parser(argv[0] if argv else None)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        print(pick("사용법 오류: 명령이 필요합니다.", "usage error: a command is required."), file=sys.stderr)
        return 2
    try:
        from ..locations import check_app_home
        check_app_home()        # a bad DOJANG_HOME: one line naming it, before any command runs
        return int(args.func(args) or 0)
    except UsageError as exc:
        print(visible(str(exc)), file=sys.stderr)
        return 2
    except DojangError as exc:  # every failure is one line; a message may carry a name from media
        print(visible(exc.message()), file=sys.stderr)
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
    except Exception as exc:  # noqa: BLE001 - unexpected: one line + a report without secrets
        from ..crashreport import write_report
        where = write_report(exc, " ".join(argv[:2]))   # the command's name only: argv may hold ids
        print(pick(f"예기치 않은 오류가 발생했습니다 ({type(exc).__name__}). 자세한 보고서: {where or '-'}",
                   f"Unexpected error ({type(exc).__name__}). Full report: {where or '-'}"), file=sys.stderr)
        return 1
