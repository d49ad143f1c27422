"""Excel: import templates, imports of master data, exports."""

from __future__ import annotations

import argparse

from snapp.cli import common
from snapp.cli.common import emit


def cmd_template(args: argparse.Namespace) -> None:
    from snapp.io.templates import write_template

    defs = []
    if args.sku:
        from snapp.services import fields

        defs = [f.definition for f in fields.list_fields(common.context(args), args.sku)]
    path = write_template(args.kind, args.out, defs)
    print(f"{path}: {args.kind} template; its code and serial columns are Text"
          + (f"; with the fields of {args.sku}: {', '.join(d.name for d in defs)}" if defs else ""))  # fmt: skip


def cmd_import(args: argparse.Namespace) -> None:
    from snapp.io.masterdata_files import read_masterdata
    from snapp.services import imports

    result = imports.import_masterdata(common.context(args), read_masterdata(args.file, args.kind))
    emit(args, result, lambda r: print(f"{r.count} {r.kind} imported from {r.file}"))


def cmd_export(args: argparse.Namespace) -> None:
    from snapp.app.dispatch import export

    ctx = common.context(args)
    given = {k: getattr(args, k) for k in ("serial", "status", "supplier", "po", "sku", "by", "action") if hasattr(args, k)}
    if args.kind == "serials":
        from snapp.cli.serial import serial_filter

        given = {"where": serial_filter(args), "sort": args.sort, "descending": not args.asc}
    record = export(ctx, args.kind, args.out, progress=common.progress_printer(args, "rows"),
                    date_from=getattr(args, "date_from", None), date_to=getattr(args, "date_to", None), **given)  # fmt: skip
    emit(args, record, lambda r: print(f"\r{r.rows:,} rows written to {r.path}"))


def build(cli, name: str) -> None:
    if name == "template":
        from snapp.io.templates import KINDS

        template = cli.command(None, "template", cmd_template)
        template.add_argument("kind", choices=KINDS)
        template.add_argument("--out", required=True, metavar="FILE.xlsx")
        template.add_argument("--sku", help="serials: add a column for each custom field of this item")
    elif name == "import":
        from snapp.io.masterdata_files import LAYOUTS

        importing = cli.command(None, "import", cmd_import)
        importing.add_argument("kind", choices=sorted(LAYOUTS))
        importing.add_argument("file")
    else:
        _exports(cli)


def _exports(cli) -> None:
    from snapp.cli.serial import serial_filter_options

    kinds = cli.group("export")

    def export(kind: str, help: str) -> argparse.ArgumentParser:
        sub = cli.command(kinds, kind, cmd_export, help)
        sub.add_argument("--out", required=True, metavar="FILE.xlsx")
        sub.set_defaults(kind=kind)
        return sub

    serial_filter_options(export("serials", "the serial register, with the filters of `serial list`"))
    export("history", "one serial's full history").add_argument("serial")
    pos = export("pos", "purchase orders, one row per line")
    pos.add_argument("--status")
    pos.add_argument("--supplier")
    common.date_range(pos, "created")
    receipts = export("receipts", "goods receipts, one row per line")
    receipts.add_argument("--po")
    receipts.add_argument("--supplier")
    receipts.add_argument("--sku")
    common.date_range(receipts, "received")
    audit = export("audit", "the audit log")
    audit.add_argument("--by", metavar="USER", help="entries by this user")
    audit.add_argument("--action", help="an action (po.approve) or a family (po)")
    common.date_range(audit, "written")
