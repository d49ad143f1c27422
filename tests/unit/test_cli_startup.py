"""The command line parses first and loads only what the chosen command needs."""

from __future__ import annotations

import subprocess
import sys

import pytest

from snapp.cli import COMMANDS, build_parser, chosen_command

HEAVY = ("sqlalchemy", "alembic", "snapp.services", "snapp.db", "reportlab", "openpyxl", "PySide6")


def loaded_after(*argv: str) -> set[str]:
    code = (
        "import sys\nfrom snapp.cli import main\n"
        f"try:\n    main({list(argv)!r})\nexcept SystemExit:\n    pass\n"
        f"print(sorted({{m.split('.')[0] if not m.startswith('snapp.') else '.'.join(m.split('.')[:2]) for m in sys.modules}}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(eval(out.strip().splitlines()[-1]))  # a list of names printed by the line above


@pytest.mark.parametrize("argv", [("--version",), ("--help",), ("serial", "--help"), ("user", "add", "--help")])
def test_help_and_version_load_no_database_code(argv):
    assert loaded_after(*argv) & set(HEAVY) == set()


def test_a_lookup_loads_no_pdf_excel_or_qt(tmp_path):
    loaded = loaded_after("--db", f"sqlite:///{tmp_path}/x.db", "serial", "show", "X")
    assert "sqlalchemy" in loaded
    assert loaded & {"reportlab", "openpyxl", "PySide6", "snapp.gui", "snapp.reports"} == set()


def test_the_command_is_found_past_the_options_and_their_values():
    assert chosen_command(["--db", "serial", "--user", "po", "--json", "receive", "PO-1"]) == "receive"
    assert chosen_command(["--help"]) is None
    assert chosen_command(["nonsense", "serial"]) is None


def subcommands(parser):
    return parser._subparsers._group_actions[0].choices  # argparse keeps no public list of subcommands


def test_every_command_builds_and_is_listed():
    assert list(subcommands(build_parser())) == list(COMMANDS)
    for name in COMMANDS:  # each command alone, as main builds it: runnable, or a group of runnable commands
        built = subcommands(build_parser([name]))[name]
        runs = [built] if built._subparsers is None else list(subcommands(built).values())
        assert runs and all(callable(sub._defaults.get("run")) for sub in runs), name
