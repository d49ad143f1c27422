"""The command line's whole-process times: `snapp --version`, `snapp --help` and a look-up (`snapp serial show`).

Each is the best of RUNS process starts, timed from before the start to its
exit, beside the bare interpreter starting and exiting (`python -c pass`) in
the same run: what SNApp adds is the ratio's numerator less its denominator.
The look-up logs in (argon2, as every command but `init`) against the
benchmark's database of --serials units, so it is shown beside a bare
interpreter importing SQLAlchemy's ORM (which every command that reads the
database needs first) and beside the same login and look-up made inside one
already running process.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

from snapp.app.session import log_in, open_db
from snapp.db.engine import Database
from snapp.services.lookup import find_serial
from tests.benchmarks.cli_receive import PASSWORD, USER

RUNS = 10
SERIAL = "F000000001"


def startup(name: str, db: Database) -> list[tuple[str, str, str, str]]:
    url = db.url.render_as_string(hide_password=False)
    env = {**os.environ, "SNAPP_DB": url, "SNAPP_USER": USER, "SNAPP_PASSWORD": PASSWORD}
    # As installed, SNApp's modules are read from their compiled bytecode: let the first start write it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    bare = _best([sys.executable, "-c", "pass"], env)
    orm = _best([sys.executable, "-c", "import sqlalchemy.orm"], env)  # the floor of any command that reads the database
    script = [sys.executable, "-c", "import sys; from snapp.cli import main; sys.exit(main())"]
    version, help_, show = (_best([*script, *words], env) for words in (["--version"], ["--help"], ["serial", "show", SERIAL]))
    inside = _in_process(url)
    print(f"{name}: --version {version:.3f} s, --help {help_:.3f} s, serial show {show:.3f} s; "
          f"python -c pass {bare:.3f} s, import sqlalchemy.orm {orm:.3f} s; log in + look up inside a process {inside:.3f} s")  # fmt: skip
    return [
        (f"`snapp --version` / `snapp --help`, whole process, best of {RUNS}", f"{version:.3f} s / {help_:.3f} s",
         f"`python -c pass` {bare:.3f} s", f"{version / bare:.1f}x / {help_ / bare:.1f}x"),
        (f"`snapp serial show` among the database's units, {name}, whole process (login included), best of {RUNS}",
         f"{show:.3f} s", f"`python -c 'import sqlalchemy.orm'` {orm:.3f} s; the same login + look-up in a running "
         f"process {inside:.3f} s", f"{show / orm:.1f}x"),
    ]  # fmt: skip


def _best(command: list[str], env: dict[str, str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return min(times)


def _in_process(url: str) -> float:
    db = open_db(url)
    try:
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            find_serial(log_in(db, USER, lambda: PASSWORD), SERIAL)
            times.append(time.perf_counter() - start)
        return min(times)
    finally:
        db.dispose()
