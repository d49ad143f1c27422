"""Child process for test_crash: starts a large receipt and dies in the middle of it.

usage: crash_receiver.py DB_URL MARKER_FILE self|external

It writes MARKER_FILE once the first chunk of serials is inserted (inside the
open transaction); then it either SIGKILLs itself ("self") or sleeps so the
parent can kill it ("external").
"""

import os
import signal
import sys
import time
from pathlib import Path

from snapp.db.engine import Database
from snapp.domain.capture import serial_range
from snapp.services.base import Context
from snapp.services.receiving import receive

RANGE = "SN000001..SN100000"


def main() -> None:
    url, marker, mode = sys.argv[1:4]
    ctx = Context(Database(url), "admin")

    def die_midway(done: int, total: int) -> None:
        if done >= 10_000:
            Path(marker).write_text(f"{done} of {total}")
            if mode == "self":
                os.kill(os.getpid(), signal.SIGKILL)
            time.sleep(60)  # the parent kills us during this

    po = sys.argv[4]
    receive(ctx, po, "LAP", [serial_range(RANGE)], location="WH-A", progress=die_midway)
    sys.exit("the receipt finished: the kill never happened")


if __name__ == "__main__":
    main()
