"""The label printer every front end prints to: the one chosen, or one given, and its test label."""

from __future__ import annotations

from pathlib import Path

from snapp.app.settings import PRINTER_DEFAULTS, saved_printer
from snapp.errors import SnappError
from snapp.io.printers import TIMEOUT, Printer, send
from snapp.reports.labels import load_template, sample_label
from snapp.reports.thermal import render_job


def chosen_printer(
    address: str | None = None,
    *,
    language: str | None = None,
    dpi: int | str | None = None,
    template: str | None = None,
    settings: Path | None = None,
) -> Printer:
    """The printer given (an address), else the one saved; each value given replaces the saved one."""
    saved = saved_printer(path=settings)
    if not address and saved is None:
        raise SnappError("printer.not_set", field="printer")
    base = {"address": saved.address, "language": str(saved.language), "dpi": saved.dpi, "template": saved.template} if saved else PRINTER_DEFAULTS
    given = {"address": address, "language": language, "dpi": dpi, "template": template}
    values = {key: given[key] or base[key] for key in given}
    load_template(values["template"])  # an unknown template is refused now, naming the ones there are
    return Printer.of(**values)


def print_test_label(printer: Printer, *, timeout: float = TIMEOUT) -> None:
    """One sample label on ``printer``, its template at its resolution: what Settings' "Print a test label" sends."""
    job = render_job(load_template(printer.template), [sample_label()], printer.language, printer.dpi)
    send(printer.address, job, title="SNApp test label", timeout=timeout)
