"""The label printer: which one this computer prints to (the desktop's Settings choose the same), and a test label."""

from __future__ import annotations

import argparse

from snapp.cli.common import emit


def _describe(printer) -> str:
    return f"{printer.address}: {printer.language}, {printer.dpi} dpi, template {printer.template}"


def cmd_show(args: argparse.Namespace) -> None:
    from snapp.app.settings import saved_printer

    printer = saved_printer()
    emit(args, printer, lambda p: print(_describe(p) if p else "no label printer: labels go to a PDF"))


def cmd_set(args: argparse.Namespace) -> None:
    from snapp.app.printers import chosen_printer
    from snapp.app.settings import save_printer

    printer = chosen_printer(args.address, language=args.language, dpi=args.dpi, template=args.template)
    save_printer(printer)
    emit(args, printer, lambda p: print(f"label printer set: {_describe(p)}"))


def cmd_clear(args: argparse.Namespace) -> None:
    from snapp.app.settings import save_printer

    save_printer(None)
    print("no label printer: labels go to a PDF")


def cmd_test(args: argparse.Namespace) -> None:
    from snapp.app.printers import chosen_printer, print_test_label

    printer = chosen_printer(args.printer, language=args.language, dpi=args.dpi, template=args.template)
    print_test_label(printer)
    emit(args, printer, lambda p: print(f"test label sent to {_describe(p)}"))


def language_and_dpi(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--language", choices=["zpl", "tspl"], help="zpl (Zebra) or tspl (TSC, Gprinter, Xprinter)")
    parser.add_argument("--dpi", type=int, choices=[203, 300], help="the printer's resolution")


def _choices(parser: argparse.ArgumentParser) -> None:
    language_and_dpi(parser)
    parser.add_argument("--template", help="the labels loaded in it (`snapp labels templates` lists them)")


def build(cli, name: str) -> None:
    printer = cli.group(name)
    cli.command(printer, "show", cmd_show, "the label printer this computer prints to")
    chosen = cli.command(printer, "set", cmd_set, "choose the label printer (the desktop's Settings show the same)")
    chosen.add_argument("address", metavar="ADDRESS", help="HOST[:PORT] (raw, port 9100) or queue:NAME (CUPS lp)")
    _choices(chosen)
    cli.command(printer, "clear", cmd_clear, "no label printer: labels go to a PDF")
    test = cli.command(printer, "test", cmd_test, "print a test label: the sample label of its template")
    test.add_argument("--printer", metavar="ADDRESS", help="another printer than the one chosen")
    _choices(test)
