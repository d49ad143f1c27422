"""The README's "Try it" walkthrough, run as written, each block on a fresh database of its own.

The blocks are read from README.md and run by bash with the installed `snapp`
on PATH, in an empty home whose desktop settings and data folder are the
test's; SNAPP_PASSWORD is set, as a reader who exported it would have it.
A reader has files the README names (a first password, a supplier's
delivery.xlsx, made from `snapp template serials`) and a clipboard; the test
makes them. The few lines a script cannot run as printed are listed in
ADAPTED with what runs instead, and the test fails once the README changes
them, so the list never outlives its reason.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

README = Path(__file__).resolve().parents[2] / "README.md"
PASSWORD = "walkthrough password"
DELIVERY = [f"PF{n:08d}" for n in range(201, 211)]  # what the supplier's file lists
CLIPBOARD = [f"PF{n:08d}" for n in range(301, 306)]

# Written in the README → run instead: nothing now; a line a script cannot run as printed goes here.
ADAPTED: dict[str, str] = {}


def walkthrough() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Try it\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)```", section, re.S)


def test_the_walkthrough_has_its_blocks():
    blocks = walkthrough()
    assert len(blocks) >= 2 and all("snapp " in block for block in blocks)
    written = "".join(blocks)
    assert [line for line in ADAPTED if line not in written] == []


@pytest.mark.slow
@pytest.mark.parametrize("number", range(len(walkthrough())))
def test_a_walkthrough_block_runs_as_written(number, tmp_path):
    block = walkthrough()[number]
    for written, run_as in ADAPTED.items():
        block = block.replace(written, run_as)
    home, tools = tmp_path / "home", tmp_path / "bin"
    home.mkdir()
    tools.mkdir()
    (home / "first-password.txt").write_text(PASSWORD + "\n", encoding="utf-8")
    (home / "li.na-password.txt").write_text("li.na password\n", encoding="utf-8")
    clipboard = tools / "pbpaste"
    clipboard.write_text("#!/bin/sh\nprintf '%s\\n' " + " ".join(CLIPBOARD) + "\n", encoding="utf-8")
    clipboard.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SNAPP_") or k == "SNAPP_INSECURE_FAST_PASSWORD_HASHING"}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"),
               PATH=os.pathsep.join([str(Path(sys.executable).parent), str(tools), env.get("PATH", "")]),
               SNAPP_PASSWORD=PASSWORD, SNAPP_LANG="en")  # fmt: skip
    snapp = [str(Path(sys.executable).parent / "snapp")]
    subprocess.run([*snapp, "template", "serials", "--out", "delivery.xlsx"], cwd=home, env=env, check=True)
    book = openpyxl.load_workbook(home / "delivery.xlsx")
    for row, serial in enumerate(DELIVERY, start=2):
        book["Serials"].cell(row, 1, serial)
    book.save(home / "delivery.xlsx")

    run = subprocess.run(["bash", "-euo", "pipefail", "-c", block], cwd=home, env=env, capture_output=True, text=True,
                         stdin=subprocess.DEVNULL, timeout=600)  # fmt: skip
    assert run.returncode == 0, f"{block}\n--- stdout\n{run.stdout}\n--- stderr\n{run.stderr}"
    assert not (home / "snapp.db").exists()  # the database went to the data folder, not the working folder
    if "serial show PF00000007 --json" in block:  # the last command: its JSON follows the earlier commands' lines
        [card] = json.loads(run.stdout[run.stdout.rindex("\n[") + 1 :])
        assert (card["serial"], card["status"], card["history"][-1]["ref"]) == ("PF00000007", "issued", "WO-42")
    if "--file delivery.xlsx" in block:
        listed = subprocess.run([*snapp, "--user", "wang.fang", "serial", "list", "--json", "--limit", "1000"], cwd=home,
                                env=env, capture_output=True, text=True, check=True).stdout  # fmt: skip
        received = {row["serial"] for row in json.loads(listed)["rows"]}
        assert set(DELIVERY) | set(CLIPBOARD) <= received and len(received) == 200 + len(DELIVERY) + len(CLIPBOARD)
