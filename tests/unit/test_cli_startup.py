"""The command line parses first and loads only what the chosen command needs."""

from __future__ import annotations

import subprocess
import sys

import pytest

from snapp.cli import ALIASES, COMMANDS, build_parser, chosen_command

HEAVY = ("sqlalchemy", "alembic", "snapp.services", "snapp.db", "reportlab", "openpyxl", "PySide6")


def modules_after(*argv: str) -> set[str]:
    """Every module a command line loaded, from a fresh interpreter."""
    code = (
        "import sys\nfrom snapp.cli import main\n"
        f"try:\n    main({list(argv)!r})\nexcept SystemExit:\n    pass\n"
        "print(sorted(sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(eval(out.strip().splitlines()[-1]))  # a list of names printed by the line above


def loaded_after(*argv: str) -> set[str]:
    """The packages loaded (snapp's by their first two parts)."""
    return {m.split(".")[0] if not m.startswith("snapp.") else ".".join(m.split(".")[:2]) for m in modules_after(*argv)}


@pytest.mark.parametrize("argv", [("--version",), ("--help",), ("serial", "--help"), ("user", "add", "--help")])
def test_help_and_version_load_no_database_code(argv):
    assert loaded_after(*argv) & set(HEAVY) == set()


def test_a_lookup_loads_no_pdf_excel_or_qt(tmp_path):
    loaded = loaded_after("--db", f"sqlite:///{tmp_path}/x.db", "serial", "show", "X")
    assert "sqlalchemy" in loaded
    assert loaded & {"reportlab", "openpyxl", "PySide6", "snapp.gui", "snapp.reports"} == set()


def test_a_lookup_of_a_plain_serial_in_a_current_database_loads_no_migrations_gs1_parser_or_postgresql(
    tmp_path, monkeypatch
):
    url = f"sqlite:///{tmp_path}/x.db"
    monkeypatch.setenv("SNAPP_PASSWORD", "demo-password-1")
    made = subprocess.run([sys.executable, "-m", "snapp.cli", "--db", url, "demo"], capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    shown = subprocess.run(
        [sys.executable, "-m", "snapp.cli", "--db", url, "serial", "show", "XC00000500"], capture_output=True, text=True
    )
    assert shown.returncode == 0 and "XC00000500" in shown.stdout, shown.stderr  # found: the whole path ran
    loaded = modules_after("--db", url, "serial", "show", "XC00000500")
    assert "snapp.services.lookup" in loaded
    assert {m for m in loaded if m.split(".")[0] in ("alembic", "biip")} == set()
    assert "sqlalchemy.dialects.postgresql" not in loaded


def test_the_head_written_down_is_alembics_own():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from snapp.db.schema import HEAD, MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_heads() == [HEAD]


def test_the_command_is_found_past_the_options_and_their_values():
    assert chosen_command(["--db", "serial", "--user", "po", "--json", "receive", "PO-1"]) == "receive"
    assert chosen_command(["--help"]) is None
    assert chosen_command(["nonsense", "serial"]) is None
    assert chosen_command(["--json", "count", "start"]) == "stocktake"  # the names scripts used before
    assert chosen_command(["report", "po", "PO-1"]) == "document"


def subcommands(parser):
    return parser._subparsers._group_actions[0].choices  # argparse keeps no public list of subcommands


def test_every_command_builds_and_is_listed():
    listed = subcommands(build_parser())
    assert [name for name in listed if name not in ALIASES] == list(COMMANDS)
    assert all(listed[old] is listed[new] for old, new in ALIASES.items())  # an old name is the same command
    for name in COMMANDS:  # each command alone, as main builds it: runnable, or a group of runnable commands
        built = subcommands(build_parser([name]))[name]
        runs = [built] if built._subparsers is None else list(subcommands(built).values())
        assert runs and all(callable(sub._defaults.get("run")) for sub in runs), name
