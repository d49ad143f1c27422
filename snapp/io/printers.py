"""Label printers: where one is, what it speaks, and sending it a job.

A printer is an address and a language: ``HOST:PORT`` (or ``HOST``, port
9100) is the printer's raw port on the network, where ZPL and TSPL printers
take a job as it is; ``queue:NAME`` is a printer queue of this computer,
given the job with CUPS' ``lp -d NAME -o raw`` (Linux, macOS). Windows has no
``lp``; its label printers are reached by their network address.

The job is written to a temporary file before the first byte leaves, so a
label that cannot be made stops the job before anything is printed, and a
printer that stops taking it is named with the number of labels it took.
Every failure is one sentence (a ``SnappError``), never a traceback.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import IO

from snapp.errors import Problem, SnappError, Text, ValidationError
from snapp.reports.thermal import Language, check_dpi

RAW_PORT = 9100
TIMEOUT = 10.0  # seconds to connect, and for each label to leave
QUEUE = "queue:"


@dataclass(frozen=True)
class Printer:
    """A label printer: its address, its language, its resolution, and the template of the labels loaded in it."""

    address: str
    language: Language
    dpi: int
    template: str

    @classmethod
    def of(cls, address: str, language: str, dpi: int | str, template: str) -> Printer:
        """A printer from what a user typed or saved, each value checked."""
        address = address.strip()
        target(address)
        if language not in set(Language):
            raise ValidationError(
                Problem("language", language, "language", Text("printer.language", languages=", ".join(Language)))
            )
        return cls(address, Language(language), check_dpi(dpi), template)


def target(address: str) -> tuple[str, int] | str:
    """(host, port) of a network printer, or the name of a queue; refuses anything else."""
    if address.startswith(QUEUE) and address[len(QUEUE) :].strip():
        return address[len(QUEUE) :].strip()
    host, port = address, str(RAW_PORT)
    if address.startswith("["):  # [IPv6]:port
        host, _, rest = address[1:].partition("]")
        port = rest[1:] if rest.startswith(":") else (port if not rest else "")
    elif address.count(":") == 1:
        host, port = address.split(":")
    bare_colon = ":" in host and not address.startswith("[")  # an IPv6 address goes in brackets
    if not host or bare_colon or any(c.isspace() for c in host) or not port.isdigit() or not 0 < int(port) < 65536:
        raise SnappError("printer.address", field="printer", address=address)
    return host, int(port)


Progress = Callable[[int, int], None]  # (labels sent, labels in the job); raising in it stops the job


def send(
    address: str,
    chunks: Iterable[bytes],
    *,
    title: str = "SNApp labels",
    timeout: float = TIMEOUT,
    progress: Progress | None = None,
) -> int:
    """Send a job, one chunk per label, to the printer at ``address``; returns the labels sent."""
    where = target(address)
    with tempfile.TemporaryFile() as spool:
        sizes = [spool.write(chunk) for chunk in chunks]
        spool.seek(0)
        if isinstance(where, str):
            _to_queue(where, spool, title, timeout)
        else:
            _to_socket(address, *where, spool, sizes, timeout, progress or (lambda sent, total: None))
    return len(sizes)


def _to_socket(
    address: str, host: str, port: int, spool: IO[bytes], sizes: list[int], timeout: float, progress: Progress
) -> None:
    try:
        connection = socket.create_connection((host, port), timeout=timeout)
    except ConnectionRefusedError:
        raise SnappError("printer.refused", field="printer", address=address, port=port) from None
    except socket.gaierror:
        raise SnappError("printer.unknown_host", field="printer", host=host) from None
    except TimeoutError:
        raise SnappError("printer.no_answer", field="printer", address=address, seconds=timeout) from None
    except OSError as err:
        raise SnappError("printer.unreachable", field="printer", address=address, why=err.strerror or str(err)) from None
    sent = 0
    with connection:
        try:
            for size in sizes:
                connection.sendall(spool.read(size))
                sent += 1
                progress(sent, len(sizes))
            connection.shutdown(socket.SHUT_WR)
        except TimeoutError:
            raise SnappError("printer.stalled", field="printer", address=address, sent=sent) from None
        except OSError as err:
            raise SnappError("printer.unreachable", field="printer", address=address, why=err.strerror or str(err)) from None


def _to_queue(queue: str, spool: IO[bytes], title: str, timeout: float) -> None:
    if sys.platform == "win32":
        raise SnappError("printer.queue_windows", field="printer")
    try:
        done = subprocess.run(
            ["lp", "-d", queue, "-o", "raw", "-t", title], stdin=spool, capture_output=True, timeout=timeout, check=False
        )
    except FileNotFoundError:
        raise SnappError("printer.no_lp", field="printer", queue=queue) from None
    except subprocess.TimeoutExpired:
        raise SnappError("printer.queue_timeout", field="printer", queue=queue, seconds=timeout) from None
    if done.returncode != 0:
        why = (done.stderr or done.stdout).decode(errors="replace").strip().splitlines()
        raise SnappError("printer.queue_refused", field="printer", queue=queue, why=why[0] if why else f"lp exit {done.returncode}")
