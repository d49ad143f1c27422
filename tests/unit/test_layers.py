"""The core never imports Qt: only snapp.gui may, so the CLI and the services run without a display."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import snapp

CORE = sorted(
    ".".join(path.relative_to(Path(snapp.__file__).parents[1]).with_suffix("").parts)
    for path in Path(snapp.__file__).parent.rglob("*.py")
    if "gui" not in path.parts and "migrations" not in path.parts
)


def test_the_core_imports_no_qt():
    code = "import sys\n" + "".join(f"import {m}\n" for m in CORE) + "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert len(CORE) > 20
    assert out.strip() == "[]"


def test_a_command_runs_without_loading_qt(tmp_path):
    code = (
        "import sys; from snapp import cli\n"
        f"assert cli.main(['--db', 'sqlite:///{tmp_path}/x.db', 'init']) == 0\n"
        "print([m for m in sys.modules if m.startswith('PySide6')])"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.splitlines()[-1] == "[]"
