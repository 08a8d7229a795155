"""core.cli.COMMAND_TABLE (which module a command word loads) agrees with what the modules register,
and a command line loads only its own module."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from core import cli

ROOT = Path(__file__).resolve().parents[2]


def test_the_table_names_every_command_of_every_module_and_nothing_else():
    registered = {}
    for module in cli.command_modules():
        parser = cli._Parser(prog="x")
        sub = parser.add_subparsers(dest="command", parser_class=cli._Parser)
        module.register(sub)
        for name in sub.choices:
            assert name not in registered, name
            registered[name] = module.__name__.rsplit(".", 1)[1]
    assert registered == cli.COMMAND_TABLE


def test_the_full_parser_and_a_one_command_parser_agree_on_that_command():
    full = cli.build_parser()
    for word in ("list", "bank", "phone", "sync"):
        one = cli.build_parser(word)
        sub_full = full._subparsers._group_actions[0].choices[word]
        sub_one = one._subparsers._group_actions[0].choices[word]
        assert sub_full.format_help() == sub_one.format_help()
    assert set(full._subparsers._group_actions[0].choices) == set(cli.COMMAND_TABLE)


def test_list_loads_no_other_command_module(tmp_path):
    code = ("import sys, io, contextlib\nfrom core.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n    main(['list', '--json'])\n"
            "print(sorted(m for m in sys.modules if m.startswith('core.cli.')))")
    env = dict(os.environ, DOJANG_NPKI_ROOT=str(tmp_path / "NPKI"), DOJANG_HOME=str(tmp_path / "home"),
               PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT,
                         check=True).stdout
    assert eval(out) == ["core.cli.console", "core.cli.storage_cmds"]  # noqa: S307 - our child's list


def test_conflict_choices_written_out_agree_with_the_operations():
    from core.cli.storage_cmds import CONFLICT_CHOICES
    from core.storage.operations import ConflictChoice
    assert CONFLICT_CHOICES == [c.value for c in ConflictChoice]
