"""Serial labels, to a PDF or straight to a label printer; the PDF documents (purchase order, goods receipt,
serial history, monthly audit report)."""

from __future__ import annotations

import argparse
import os

from snapp.cli import common
from snapp.cli.common import emit, table
from snapp.cli.printers import language_and_dpi


def cmd_labels(args: argparse.Namespace) -> None:
    from snapp.reports.labels import list_templates, load_template, render_labels, sample_label

    if args.templates:
        rows = list_templates()
        emit(args, rows, lambda ts: table(
            [(t.name, f"{t.width:g} × {t.height:g} mm", f"{t.sheet.columns} × {t.sheet.rows}" if t.sheet else "roll",
              ", ".join(sorted({f.kind for f in t.fields} - {"text"})), t.description) for t in ts],
            ["NAME", "LABEL", "SHEET", "BARCODES", "DESCRIPTION"]))  # fmt: skip
        return
    if args.printer is not None:
        return _to_printer(args)
    if not args.template or not args.out:
        from snapp.errors import Problem, Text, ValidationError

        raise ValidationError(Problem("labels", "", "arguments", Text("cli.labels_arguments")))
    if args.sample:
        from snapp.io.output import output_target

        render_labels(load_template(args.template), [sample_label()], output_target(args.out), title="Sample label")
        print(f"{args.out}: a sample {args.template} label")
        return
    from snapp.services import printing

    result = printing.print_labels(common.context(args), _source(args), args.template, args.out, start=args.start)
    emit(args, result, lambda r: print(f"{r.out}: {r.count} label(s), template {args.template}"))


def _source(args: argparse.Namespace):
    from snapp.app.sources import selection
    from snapp.services.printing import LabelSource

    chosen = selection(scanned=args.serial, ranges=args.range, files=args.file)
    return LabelSource(receipt=args.receipt, po=args.po, serials=chosen, sku=args.sku)


def _to_printer(args: argparse.Namespace) -> None:
    """--printer: the labels, or with --sample the test label, straight to the label printer."""
    from snapp.app.printers import chosen_printer
    from snapp.cli.printers import cmd_test

    if args.sample:
        return cmd_test(args)
    printer = chosen_printer(args.printer, language=args.language, dpi=args.dpi, template=args.template)
    from snapp.services import printing

    result = printing.send_labels(common.context(args), _source(args), printer)
    emit(args, result, lambda r: print(f"{r.out}: {r.count} label(s) sent, template {printer.template} "
                                       f"({printer.language}, {printer.dpi} dpi)"))  # fmt: skip


def cmd_document(args: argparse.Namespace) -> None:
    from snapp.app.dispatch import print_document

    given = {k: getattr(args, k) for k in ("number", "serial", "sku", "month", "company", "lang") if hasattr(args, k)}
    result = print_document(common.context(args), args.document, args.out, **given)
    emit(args, result, lambda r: print(f"{r.out}: {r.document}, {r.count} page(s)"))


def build(cli, name: str) -> None:
    if name == "labels":
        labels = cli.command(None, "labels", cmd_labels)
        labels.add_argument("templates", nargs="?", choices=["templates"], help="list the label templates")
        what = labels.add_mutually_exclusive_group()
        what.add_argument("--receipt", help="every unit of a goods receipt")
        what.add_argument("--po", help="every unit received on a PO")
        what.add_argument("--sample", action="store_true", help="one sample label, to check a template")
        labels.add_argument("--serial", nargs="+", default=[], metavar="SN", help="these serials")
        labels.add_argument("--range", action="append", default=[], metavar="FIRST..LAST", help="serials already received")
        labels.add_argument("--file", action="append", default=[], help=".xlsx or .csv with a serial column")
        labels.add_argument("--sku", help="the item, when several items have a serial")
        labels.add_argument("--template", help="template name (`snapp labels templates` lists them)")
        labels.add_argument("--out", help="the PDF to write")
        labels.add_argument("--printer", nargs="?", const="", metavar="ADDRESS",
                            help="straight to a label printer: HOST[:PORT] (raw, port 9100) or queue:NAME (CUPS); "
                                 "alone, the one chosen in Settings or with `snapp printer set`")  # fmt: skip
        language_and_dpi(labels)
        labels.add_argument("--start", type=int, default=1, help="first free position on a half-used sheet (1 = top-left)")
        return
    documents = cli.group("document")
    for document, help in (("po", "a purchase order for the supplier"), ("receipt", "a goods-receipt note with its serials")):
        sub = cli.command(documents, document, cmd_document, help)
        sub.add_argument("number")
        sub.add_argument("--out", required=True, help="the PDF to write")
        sub.set_defaults(document=document)
        if document == "po":
            sub.add_argument("--lang", choices=("en", "zh"), help="the language of the PO (default: the reader's, SNAPP_LANG or the locale)")
    sub = cli.command(documents, "serial", cmd_document, "one unit's card and history, for a warranty claim")
    sub.add_argument("serial")
    sub.add_argument("--sku", help="the item, when several items have the serial")
    sub.add_argument("--out", required=True, help="the PDF to write")
    sub.set_defaults(document="serial")
    sub = cli.command(documents, "audit", cmd_document, "the monthly audit report")
    sub.add_argument("--month", required=True, metavar="YYYY-MM")
    sub.add_argument("--company", default=os.environ.get("SNAPP_COMPANY", ""), help="shown on the report (default: $SNAPP_COMPANY)")
    sub.add_argument("--out", required=True, help="the PDF to write")
    sub.set_defaults(document="audit")
