"""A stocktake's report on paper: its facts and figures, the discrepancies first, then (unless left out) the matches."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from snapp import messages
from snapp.messages import name_of
from snapp.reports.document import Column, Document
from snapp.reports.documents import Output, shown_time

if TYPE_CHECKING:
    from snapp.services.stocktake import StocktakeLine, StocktakeReport, Outcome

COLUMNS = (("column.outcome", 0.14), ("column.serial", 0.25), ("column.sku", 0.16), ("column.recorded_status", 0.17),
           ("column.recorded_at", 0.18), ("column.scans", 0.10))  # fmt: skip


def stocktake_report(
    report: StocktakeReport, out: Output, *, author: str, generated_at: dt.datetime, lang: str = "en",
    discrepancies_only: bool = False,
) -> int:  # fmt: skip
    """The report in ``lang``; returns the number of pages."""

    def say(code: str, **values: object) -> str:
        return messages.say(code, values, lang)

    def when_by(when: dt.datetime | None, who: str | None) -> str:
        return say("stocktake_doc.when_by", when=shown_time(when), who=who) if when else say("stocktake_doc.not_yet")

    title = say("stocktake_doc.title", number=report.number)
    doc = Document(out, title=title, author=author, subject=say("stocktake_doc.subject"), heading=report.number,
                   generated_at=generated_at)  # fmt: skip
    doc.title_block(title, name_of("stocktake_status", report.status, lang))
    figures = report.figures
    accuracy = "—" if report.accuracy is None else f"{report.accuracy:.1%}"
    doc.fields([
        (say("stocktake_doc.location"), report.location or say("stocktake_doc.every_location")),
        (say("stocktake_doc.started"), when_by(report.started_at, report.started_by)),
        (say("stocktake_doc.closed"), when_by(report.closed_at, report.closed_by)),
        (say("stocktake_doc.applied"), when_by(report.applied_at, report.applied_by)),
        (say("stocktake_doc.figures"), say("stocktake_doc.figures_are", matched=figures["matched"], missing=figures["missing"],
                                       unexpected=figures["unexpected"], unknown=figures["unknown"],
                                       twice=figures["scanned_twice"])),
        (say("stocktake_doc.accuracy"), accuracy),
    ])  # fmt: skip
    if report.status == "open":
        doc.paragraph(say("stocktake_doc.provisional"), size=10)
    columns = [Column(say(code), width, "right" if code == "column.scans" else "left") for code, width in COLUMNS]
    discrepancies = report.listed(discrepancies_only=True)
    doc.section(say("stocktake_doc.discrepancies", n=f"{len(discrepancies):,}"))
    if discrepancies:
        doc.table(columns, _rows(discrepancies, lang), size=8)
    else:
        doc.paragraph(say("stocktake_doc.no_discrepancy"))
    matched = [("matched", line) for line in report.matched]
    if discrepancies_only:
        if matched:
            doc.paragraph(say("stocktake_doc.matches_left_out", n=f"{len(matched):,}"))
    elif matched:
        doc.section(say("stocktake_doc.matched", n=f"{len(matched):,}"))
        doc.table(columns, _rows(matched, lang), size=8)
    return doc.close()


def _rows(lines: list[tuple[Outcome | str, StocktakeLine]], lang: str):
    for outcome, line in lines:
        status = name_of("status", line.recorded_status, lang) if line.recorded_status else "—"
        yield (name_of("outcome", outcome, lang), line.serial, line.sku or "—", status, line.recorded_location or "—",
               f"{line.scans:,}")  # fmt: skip
