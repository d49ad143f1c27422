"""The command line: the scriptable twin of the desktop app.

Thin by design: parse, call a service, print. Exit 0 on success, 2 when the
input is refused (every reason on stderr), 3 when a check found a problem, 1
on a bug.

Every command but ``init`` logs in first: the user from ``--user`` or
``SNAPP_USER`` (else the login name), the password from ``SNAPP_PASSWORD``,
else stdin with ``--password-stdin``, else a prompt. With ``--password-stdin``
each password or passphrase a command needs comes from its own line of stdin,
in the order the command asks for them (the login first).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from snapp import __version__
from snapp.db.engine import Database, default_url
from snapp.db.schema import current_revision, head_revision, open_database
from snapp.domain.capture import combine, paste, scans, serial_range
from snapp.domain.items import TRACKING_MODES
from snapp.domain.lifecycle import TRANSITIONS, Action
from snapp.domain.permissions import Role
from snapp.domain.scan import ScannerProfile
from snapp.app.errors import error_json, language
from snapp.errors import Problem, SnappError, ValidationError, said
from snapp.io.masterdata_files import LAYOUTS, read_masterdata
from snapp.io.output import output_target
from snapp.io.serial_files import read_serial_file
from snapp.io.templates import KINDS, write_template
from snapp.services import (
    audit,
    auth,
    backup,
    exceptions,
    exports,
    imports,
    lifecycle,
    lookup,
    masterdata,
    printing,
    purchasing,
    receiving,
    reconciliation,
    stocktake,
    users,
    verification,
)
from snapp.services.base import Context

EXIT_REFUSED = 2
EXIT_CHECK_FAILED = 3


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # Not parser defaults: the common options' actions are shared with every
    # subcommand, and a default would overwrite a value given before it.
    for name, default in (("db", None), ("user", None), ("json", False), ("password_stdin", False)):
        if not hasattr(args, name):
            setattr(args, name, default)
    if not hasattr(args, "run"):
        return start_desktop(args)
    try:
        return args.run(args) or 0
    except SnappError as err:
        _refuse(args, err)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("snapp: interrupted; nothing half-done was saved", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (`| head`) went away: stop quietly, as other command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _refuse(args: argparse.Namespace, err: SnappError) -> None:
    """A refusal: with --json one object on stdout, else every reason on stderr, in the user's language."""
    lang = language()
    if args.json:
        print(json.dumps(error_json(err, lang), ensure_ascii=False))
    elif isinstance(err, ValidationError):
        print(f"snapp: {said(err.summary, lang)}", file=sys.stderr)
        for line in err.lines(lang):
            print(f"  {line}", file=sys.stderr)
    else:
        print(f"snapp: {err.say(lang)}", file=sys.stderr)


def start_desktop(args: argparse.Namespace) -> int:
    from snapp.gui.app import run  # Qt loads only for the desktop app, never for a command

    return run(args.db, args.user)


# --- plumbing ----------------------------------------------------------------


def _database(args: argparse.Namespace, *, migrate: bool = False) -> Database:
    return open_database(args.db or default_url(), migrate=migrate)


def _user_name(args: argparse.Namespace) -> str:
    return args.user or os.environ.get("SNAPP_USER") or getpass.getuser()


def _context(args: argparse.Namespace, *, migrate: bool = False) -> Context:
    """Log in: the only way the command line gets a Context."""
    db = _database(args, migrate=migrate)
    name = _user_name(args)
    if auth.needs_first_run(db):
        raise SnappError(f"{db.display} has no user yet; create its first admin with "
                         "`snapp user add NAME --role admin --password-stdin`")  # fmt: skip
    password = os.environ.get("SNAPP_PASSWORD")
    if password is None:
        password = _secret(args, f"SNApp password for {name}: ")
    return auth.login(db, name, password)


def _secret(args: argparse.Namespace, prompt: str, *, confirm: bool = False, stdin: bool | None = None) -> str:
    """The next line of stdin when asked to (default: --password-stdin), else typed at a prompt (twice when ``confirm``)."""
    what = prompt.strip(": ")
    if args.password_stdin if stdin is None else stdin:
        line = sys.stdin.readline()
        if not line:
            raise SnappError(f"stdin ended before the {what}")
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise SnappError(f"{what} needed: give it on stdin (--password-stdin, --passphrase-stdin) or, to log in, "
                         "in SNAPP_PASSWORD")  # fmt: skip
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("Again: ") != value:
        raise SnappError("the two entries differ; nothing was changed")
    return value


def _emit(args: argparse.Namespace, records: Any, table: Callable[[Any], None]) -> None:
    if args.json:
        print(json.dumps(_plain(records), ensure_ascii=False, indent=2))
    else:
        table(records)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _table(rows: list[Sequence[Any]], headers: Sequence[str]) -> None:
    text = [[_cell(c) for c in row] for row in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in text]) for i, h in enumerate(headers)]
    for row in [list(headers), *text]:
        print("  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True)).rstrip())


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, dt.datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    return str(value)


def _width(text: str) -> int:
    # CJK characters take two columns in a terminal.
    return sum(2 if "\u1100" <= c and (c <= "\u115f" or "\u2e80" <= c <= "\ua4cf" or "\uac00" <= c <= "\ud7a3"
               or "\uf900" <= c <= "\ufaff" or "\ufe30" <= c <= "\ufe4f" or "\uff00" <= c <= "\uff60") else 1
               for c in text)  # fmt: skip


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


# --- commands ----------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> None:
    db = _database(args, migrate=True)  # no login: a new database has no user yet
    print(f"{db.display}: schema {head_revision()}, ready")


def cmd_demo(args: argparse.Namespace) -> None:
    from snapp.services.demo import build_demo

    db = _database(args, migrate=True)
    if auth.needs_first_run(db):
        name = _user_name(args)
        password = os.environ.get("SNAPP_PASSWORD") or _secret(args, f"new password for {name}, the admin: ", confirm=True)
        ctx = auth.create_first_admin(db, name, password)
    else:
        ctx = _context(args)
        password = None
    summary = build_demo(ctx, serials=args.serials, progress=_progress_printer() if not args.json else None,
                         team_password=password)  # fmt: skip
    _emit(args, summary, lambda s: print(f"\rdemo company ready in {ctx.db.display}: {s}"
                                         + ("; its people log in with your password" if password else "")))


def _progress_printer(what: str = "serials") -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{done:,} / {total:,} {what}", end="", file=sys.stderr, flush=True)

    return show


def cmd_supplier_add(args: argparse.Namespace) -> None:
    record = masterdata.SupplierRecord(args.code, args.name, args.contact, args.phone, args.email, args.address)
    _emit(args, masterdata.add_supplier(_context(args), record), lambda r: print(f"supplier {r.code} added"))


def cmd_supplier_list(args: argparse.Namespace) -> None:
    rows = masterdata.list_suppliers(_context(args))
    _emit(args, rows, lambda rs: _table([(r.code, r.name, r.contact, r.phone, r.email) for r in rs],
                                        ["CODE", "NAME", "CONTACT", "PHONE", "EMAIL"]))  # fmt: skip


def cmd_item_add(args: argparse.Namespace) -> None:
    record = masterdata.ItemRecord(
        args.sku, args.name, args.gtin, args.tracking, args.pattern, args.min_length, args.max_length, args.case,
        args.warranty_months, args.supplier,
    )  # fmt: skip
    _emit(args, masterdata.add_item(_context(args), record), lambda r: print(f"item {r.sku} added"))


def cmd_item_list(args: argparse.Namespace) -> None:
    rows = masterdata.list_items(_context(args))
    _emit(args, rows, lambda rs: _table(
        [(r.sku, r.name, r.gtin, r.tracking, r.serial_pattern, f"{r.serial_min_length}-{r.serial_max_length}",
          r.serial_case, r.warranty_months, r.supplier) for r in rs],
        ["SKU", "NAME", "GTIN", "TRACKING", "PATTERN", "LENGTH", "CASE", "WARRANTY", "SUPPLIER"]))  # fmt: skip


def cmd_location_add(args: argparse.Namespace) -> None:
    record = masterdata.LocationRecord(args.code, args.name)
    _emit(args, masterdata.add_location(_context(args), record), lambda r: print(f"location {r.code} added"))


def cmd_location_list(args: argparse.Namespace) -> None:
    rows = masterdata.list_locations(_context(args))
    _emit(args, rows, lambda rs: _table([(r.code, r.name) for r in rs], ["CODE", "NAME"]))


def cmd_user_add(args: argparse.Namespace) -> None:
    db = _database(args)
    if auth.needs_first_run(db):
        if args.role != "admin":
            raise SnappError("the first user of a database must be its admin: --role admin")
        password = _secret(args, f"new password for {args.name}: ", confirm=True)
        admin = auth.create_first_admin(db, args.name, password)
        record = users.UserRecord(admin.user, "admin", True, True)
    else:
        ctx = _context(args)
        password = _secret(args, f"new password for {args.name}: ", confirm=True)
        record = users.add_user(ctx, args.name, args.role, password)
    _emit(args, record, lambda r: print(f"user {r.name} ({r.role}) added"))


def cmd_user_list(args: argparse.Namespace) -> None:
    rows = users.list_users(_context(args))
    _emit(args, rows, lambda rs: _table(
        [(r.name, r.role, "yes" if r.active else "no", "yes" if r.locked else "no", r.failed_logins,
          "yes" if r.has_password else "no") for r in rs],
        ["NAME", "ROLE", "ACTIVE", "LOCKED", "FAILED LOGINS", "PASSWORD"]))  # fmt: skip


def cmd_user_passwd(args: argparse.Namespace) -> None:
    ctx = _context(args)
    name = args.name or ctx.user
    record = users.set_password(ctx, name, _secret(args, f"new password for {name}: ", confirm=True))
    _emit(args, record, lambda r: print(f"password of {r.name} changed"))


def cmd_user_change(args: argparse.Namespace) -> None:
    ctx = _context(args)
    change = {
        "disable": lambda: users.set_active(ctx, args.name, False),
        "enable": lambda: users.set_active(ctx, args.name, True),
        "unlock": lambda: users.unlock(ctx, args.name),
        "role": lambda: users.set_role(ctx, args.name, args.role),
    }
    record = change[args.change]()
    _emit(args, record, lambda r: print(f"user {r.name}: {r.role}, {'active' if r.active else 'disabled'}"
                                        f"{', locked' if r.locked else ''}"))  # fmt: skip


def cmd_grant(args: argparse.Namespace) -> None:
    statements = users.grant_server_role(_context(args), args.role)
    _emit(args, statements, lambda ss: print(";\n".join(ss) + ";"))


def cmd_audit_list(args: argparse.Namespace) -> None:
    where = audit.AuditFilter(args.by, args.action, args.entity, args.key, _midnight(args.since),
                              _midnight(args.until + dt.timedelta(days=1)) if args.until else None)  # fmt: skip
    rows = audit.list_entries(_context(args), where, limit=args.limit, offset=args.offset, newest_first=not args.asc)
    _emit(args, rows, lambda rs: _table(
        [(r.seq, r.at, r.user, r.action, r.entity, r.key, _brief(r.before), _brief(r.after)) for r in rs],
        ["#", "WHEN", "WHO", "ACTION", "ENTITY", "KEY", "BEFORE", "AFTER"]))  # fmt: skip


def _midnight(day: dt.date | None) -> dt.datetime | None:
    return dt.datetime.combine(day, dt.time()).astimezone() if day else None


def _brief(value: Any) -> str | None:
    if value is None:
        return None
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= 60 else text[:59] + "…"


def cmd_audit_verify(args: argparse.Namespace) -> int:
    report = audit.verify_chain(_context(args), args.head)
    _emit(args, report, _print_chain)
    return 0 if report.ok else EXIT_CHECK_FAILED


def _print_chain(report) -> None:
    if report.ok:
        print(f"audit trail intact: {report.entries:,} entries")
    else:
        print(f"audit trail NOT intact: {report.first_bad}")
    print(f"head: #{report.head_seq} {report.head_hash}")


def cmd_backup(args: argparse.Namespace) -> None:
    ctx = _context(args)
    passphrase = _secret(args, "backup passphrase: ", stdin=True) if args.passphrase_stdin else None
    record = backup.backup(ctx, args.out, passphrase)
    _emit(args, record, lambda r: print(f"backup written to {r.path} ({r.size:,} bytes{', sealed' if r.sealed else ''})"))


def cmd_restore(args: argparse.Namespace) -> None:
    from snapp.db.sealed import is_sealed

    db = Database(args.db or default_url())
    in_use = current_revision(db) is not None and not auth.needs_first_run(db)
    by = _context(args) if in_use else Context(db, _user_name(args))
    sealed = os.path.isfile(args.file) and is_sealed(args.file)
    passphrase = _secret(args, "backup passphrase: ", stdin=args.passphrase_stdin) if sealed else None
    record = backup.restore(db, args.file, by=by, passphrase=passphrase)
    _emit(args, record, lambda r: (print(f"{db.display} restored from {r.path} (schema {r.revision})"),
                                   _print_chain(r.chain)))  # fmt: skip


def cmd_check(args: argparse.Namespace) -> int:
    report = backup.check(_context(args))

    def show(r: backup.CheckReport) -> None:
        print("integrity: " + ("ok" if not r.integrity else "; ".join(r.integrity)))
        print(f"schema: {r.revision}" + ("" if r.revision == r.head else f" (this SNApp needs {r.head})"))
        _print_chain(r.chain)

    _emit(args, report, show)
    return 0 if report.ok else EXIT_CHECK_FAILED


def cmd_po_create(args: argparse.Namespace) -> None:
    lines = [purchasing.LineSpec.parse(text) for text in args.line]
    po = purchasing.create_po(_context(args), args.supplier, lines, args.note)
    _emit(args, po, lambda p: print(p.number))


def cmd_po_move(args: argparse.Namespace) -> None:
    verb = {"approve": purchasing.approve_po, "cancel": purchasing.cancel_po, "close": purchasing.close_po}
    po = verb[args.verb](_context(args), args.number)
    _emit(args, po, lambda p: print(f"{p.number}: {p.status}"))


def cmd_po_show(args: argparse.Namespace) -> None:
    po = purchasing.get_po(_context(args), args.number)
    _emit(args, po, _print_po)


def _print_po(po: purchasing.PORecord) -> None:
    print(f"{po.number}  {po.status}  supplier {po.supplier} {po.supplier_name}")
    print(f"created {_cell(po.created_at)} by {po.created_by}" + (f"; note: {po.note}" if po.note else ""))
    _table([(line.line_no, line.sku, line.item_name, line.quantity, line.received, line.remaining, line.unit_price)
            for line in po.lines], ["LINE", "SKU", "ITEM", "ORDERED", "RECEIVED", "OPEN", "PRICE"])  # fmt: skip


def cmd_po_list(args: argparse.Namespace) -> None:
    rows = purchasing.list_pos(_context(args), args.status, args.supplier, args.limit, args.offset)
    _emit(args, rows, lambda rs: _table([(r.number, r.supplier, r.status, r.created_at, r.ordered, r.received)
                                         for r in rs], ["PO", "SUPPLIER", "STATUS", "CREATED", "ORDERED", "RECEIVED"]))  # fmt: skip


def cmd_receive(args: argparse.Namespace) -> None:
    sources = []
    if args.serial:
        sources.append(scans(args.serial))
    sources += [serial_range(spec) for spec in args.range]
    sources += [read_serial_file(path) for path in args.file]
    if args.paste:
        sources.append(_pasted(args.paste))
    record = receiving.receive(
        _context(args),
        args.po,
        args.sku,
        sources,
        quantity=args.qty,
        location=args.location,
        expected=args.expect,
        note=args.note,
        progress=_progress_printer() if not args.json else None,
    )
    _emit(args, record, lambda r: print(f"\r{r.number}: {r.quantity} × {r.sku} received on {r.po} line {r.line_no} into {r.location}"))


def _pasted(where: str):
    """``--paste FILE`` or ``--paste -`` (standard input)."""
    if where == "-":
        return paste(sys.stdin.read())
    with open(where, encoding="utf-8") as file:
        return paste(file.read())


def cmd_serial_show(args: argparse.Namespace) -> None:
    _emit(args, lookup.find_serial(_context(args), args.serial), _print_cards)


def _print_cards(cards: list[lookup.SerialCard]) -> None:
    for card in cards:
        where = f" at {card.location} {card.location_name}" if card.location else ""
        print(f"{card.serial}  {card.sku} {card.item_name}" + (f"  GTIN {card.gtin}" if card.gtin else ""))
        print(f"  status      {card.status}{where}")
        print(f"  supplier    {card.supplier} {card.supplier_name}")
        print(f"  received    {_cell(card.received_at)} on {card.po}, receipt {card.receipt}")
        if card.warranty_end:
            left = card.warranty_days_left()
            state = f"{left} days left" if left >= 0 else f"expired {-left} days ago"
            print(f"  warranty    until {card.warranty_end} ({state})")
        else:
            print("  warranty    none recorded")
        if card.batch or card.expiry:
            print(f"  batch       {card.batch or '-'}  expiry {card.expiry or '-'}")
        print(f"  can         {', '.join(card.allowed) or 'nothing (final status)'}")
        _table([(e.at, e.user, e.action, e.from_status, e.to_status, e.from_location, e.to_location, e.ref, e.note)
                for e in card.history], ["WHEN", "WHO", "ACTION", "FROM", "TO", "FROM LOC", "TO LOC", "REF", "NOTE"])  # fmt: skip
        print()


def _serial_filter(args: argparse.Namespace) -> lookup.SerialFilter:
    return lookup.SerialFilter(args.status, args.sku, args.location, args.supplier, args.po, args.date_from,
                               args.date_to, args.prefix)  # fmt: skip


def cmd_serial_list(args: argparse.Namespace) -> None:
    page = lookup.list_serials(
        _context(args), _serial_filter(args), sort=args.sort, descending=not args.asc, limit=args.limit, offset=args.offset,
        with_total=args.total,
    )  # fmt: skip

    def show(p: lookup.Page) -> None:
        _table([(r.serial, r.sku, r.item_name, r.status, r.location, r.supplier, r.po, r.received_at) for r in p.rows],
               ["SERIAL", "SKU", "ITEM", "STATUS", "LOCATION", "SUPPLIER", "PO", "RECEIVED"])  # fmt: skip
        if p.total is not None:
            print(f"{len(p.rows)} shown of {p.total:,}")

    _emit(args, page, show)


def cmd_serial_move(args: argparse.Namespace) -> None:
    result = lifecycle.move(_context(args), args.action, args.serials, sku=args.sku, to=args.to, ref=args.ref,
                            note=args.note)  # fmt: skip
    where = f" at {result.to_location}" if result.to_location else ""
    _emit(args, result, lambda r: print(f"{r.count} unit(s) {r.action}: now {r.to_status}{where}"))


def cmd_labels(args: argparse.Namespace) -> None:
    from snapp.reports.labels import list_templates, load_template, render_labels, sample_label

    if args.templates:
        rows = list_templates()
        _emit(args, rows, lambda ts: _table(
            [(t.name, f"{t.width:g} × {t.height:g} mm", f"{t.sheet.columns} × {t.sheet.rows}" if t.sheet else "roll",
              ", ".join(sorted({f.kind for f in t.fields} - {"text"})), t.description) for t in ts],
            ["NAME", "LABEL", "SHEET", "BARCODES", "DESCRIPTION"]))  # fmt: skip
        return
    if not args.template or not args.out:
        raise ValidationError(Problem("labels", "", "arguments", "give --template NAME and --out FILE.pdf"))
    if args.sample:
        render_labels(load_template(args.template), [sample_label()], output_target(args.out), title="Sample label")
        print(f"{args.out}: a sample {args.template} label")
        return
    sources = [serial_range(spec) for spec in args.range] + [read_serial_file(path) for path in args.file]
    if args.serial:
        sources.insert(0, scans(args.serial))
    selection = combine(sources) if sources else None
    source = printing.LabelSource(receipt=args.receipt, po=args.po, serials=selection, sku=args.sku)
    result = printing.print_labels(_context(args), source, args.template, args.out, start=args.start)
    _emit(args, result, lambda r: print(f"{r.out}: {r.count} label(s), template {args.template}"))


def cmd_report(args: argparse.Namespace) -> None:
    ctx = _context(args)
    if args.document == "po":
        result = printing.print_po(ctx, args.number, args.out)
    elif args.document == "receipt":
        result = printing.print_receipt(ctx, args.number, args.out)
    elif args.document == "serial":
        result = printing.print_serial_history(ctx, args.serial, args.out, sku=args.sku)
    else:
        result = printing.print_audit_report(ctx, args.month, args.out, company=args.company)
    _emit(args, result, lambda r: print(f"{r.out}: {r.document}, {r.count} page(s)"))


# --- verify, count, exceptions, reconciliation -----------------------------------------

EXIT_NOT_PASSED = 3
GS_SETTINGS = {"gs": "\x1d", "none": ""}


def _profile(args: argparse.Namespace) -> ScannerProfile:
    return ScannerProfile(gs=GS_SETTINGS.get(args.gs, args.gs), prefix=args.prefix, suffix="")


def cmd_verify(args: argparse.Namespace) -> int:
    results = verification.verify(_context(args), args.codes, profile=_profile(args), sku=args.sku)

    def show(rs: list[verification.VerificationResult]) -> None:
        for r in rs:
            mark = "ok  " if r.passed else "FAIL"
            print(f"{mark} {r.verdict:<22} {r.raw}")
            print(f"     {r.message}")
            for warning in r.warnings:
                print(f"     warning: {warning}")
            if r.exception_id:
                print(f"     exception #{r.exception_id} opened")

    _emit(args, results, show)
    return 0 if all(r.passed for r in results) else EXIT_NOT_PASSED


def cmd_count_start(args: argparse.Namespace) -> None:
    count = stocktake.start_count(_context(args), args.location, args.note)
    _emit(args, count, lambda c: print(f"{c.number}: counting {c.location or 'every location'}"))


def cmd_count_scan(args: argparse.Namespace) -> None:
    sources = [scans(args.codes)] if args.codes else []
    sources += [read_serial_file(path) for path in args.file]
    if args.paste:
        sources.append(_pasted(args.paste))
    batch = stocktake.scan(_context(args), args.number, sources, profile=_profile(args))

    def show(b: stocktake.ScanBatch) -> None:
        print(f"{b.accepted} scan(s) counted, {b.repeated} of units already scanned, {len(b.problems)} refused")
        for problem in b.problems:
            print(f"  refused {problem}")
        for warning in b.warnings:
            print(f"  warning: {warning}")

    _emit(args, batch, show)


def cmd_count_close(args: argparse.Namespace) -> None:
    _emit(args, stocktake.close_count(_context(args), args.number), _print_count)


def cmd_count_report(args: argparse.Namespace) -> None:
    report = stocktake.count_report(_context(args), args.number)
    if args.json:
        print(json.dumps({**_plain(report), "figures": report.figures}, ensure_ascii=False, indent=2))
    else:
        _print_count(report)


def _print_count(report: stocktake.CountReport) -> None:
    accuracy = "-" if report.accuracy is None else f"{report.accuracy:.1%}"
    print(f"{report.number}  {report.location or 'every location'}  {report.status}  accuracy {accuracy}")
    for name in ("matched", "missing", "unexpected", "unknown", "scanned_twice"):
        lines = getattr(report, name)
        print(f"\n{name.replace('_', ' ')}: {len(lines)}")
        if lines and name != "matched":
            _table([(x.serial, x.sku, x.recorded_status, x.recorded_location, x.scans) for x in lines],
                   ["SERIAL", "SKU", "RECORDED STATUS", "RECORDED AT", "SCANS"])  # fmt: skip


def cmd_count_apply(args: argparse.Namespace) -> None:
    result = stocktake.apply_count(_context(args), args.number)

    def show(r: stocktake.ApplyResult) -> None:
        print(f"{r.number} applied: {r.transferred} moved here, {r.found} found, {r.lost} marked lost")
        for line in r.left:
            print(f"  left for a person: {line.serial} ({line.sku}) is {line.recorded_status}")

    _emit(args, result, show)


def cmd_count_list(args: argparse.Namespace) -> None:
    rows = stocktake.list_counts(_context(args), args.status)
    _emit(args, rows, lambda rs: _table([(r.number, r.location or "(all)", r.status, r.started_at, r.started_by,
                                          r.units_scanned, r.scans) for r in rs],
                                        ["COUNT", "LOCATION", "STATUS", "STARTED", "BY", "UNITS", "SCANS"]))  # fmt: skip


def cmd_exception_list(args: argparse.Namespace) -> None:
    rows = exceptions.list_exceptions(_context(args), None if args.status == "all" else args.status, args.kind,
                                      limit=args.limit)  # fmt: skip
    _emit(args, rows, lambda rs: _table([(r.id, r.kind, r.status, r.opened_at, r.subject, r.detail, r.resolved_by,
                                          r.resolution) for r in rs],
                                        ["ID", "KIND", "STATUS", "OPENED", "SUBJECT", "DETAIL", "RESOLVED BY", "HOW"]))  # fmt: skip


def cmd_exception_resolve(args: argparse.Namespace) -> None:
    record = exceptions.resolve_exception(_context(args), args.id, args.resolution)
    _emit(args, record, lambda r: print(f"exception #{r.id} resolved by {r.resolved_by}"))


def cmd_reconcile(args: argparse.Namespace) -> None:
    ctx = _context(args)
    rows = reconciliation.reconcile_suppliers(ctx) if args.by == "supplier" else reconciliation.reconcile_pos(ctx)
    _emit(args, rows, lambda rs: _table([(r.key, r.supplier, r.ordered, r.received, r.serials, r.in_stock, r.returned,
                                          r.unrecorded) for r in rs],
                                        [args.by.upper(), "SUPPLIER", "ORDERED", "RECEIVED", "SERIALS", "IN STOCK",
                                         "RETURNED", "UNRECORDED"]))  # fmt: skip


def cmd_accuracy(args: argparse.Namespace) -> None:
    figure = reconciliation.serial_accuracy(_context(args), args.month)
    shown = "no count closed that month" if figure.accuracy is None else f"{figure.accuracy:.1%}"
    _emit(args, figure, lambda f: print(f"{f.month}: serial reconciliation accuracy {shown} "
                                        f"({f.agreeing} of {f.units} units; counts {', '.join(f.counts) or '-'})"))  # fmt: skip


def _month(text: str) -> dt.date:
    try:
        return dt.datetime.strptime(text, "%Y-%m").date()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a month (YYYY-MM)") from None


def _scanner_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gs", default="gs", help="what the scanner sends for GS: gs (ASCII 29), none, or a literal such as 029 or ^]")
    parser.add_argument("--prefix", action="store_true", help="the scanner sends a symbology identifier (]d2, ]C1, ]Q3) first")


def _add_verify_commands(commands, command: Callable, group: Callable) -> None:
    verify = command(commands, "verify", cmd_verify, "is this unit ours? one verdict per code (exit 3 if any did not pass)")
    verify.add_argument("codes", nargs="+", metavar="CODE", help="a serial, GS1 scan, Digital Link URL, drug code or China UDI")
    verify.add_argument("--sku", help="only units of this item")
    _scanner_options(verify)

    counts = group("count", "stocktake: count a location by scanning")
    start = command(counts, "start", cmd_count_start, "open a count; prints its number")
    start.add_argument("--location", help="location code (default: every location)")
    start.add_argument("--note")
    scan = command(counts, "scan", cmd_count_scan, "add scans to an open count (any PC, any time until it is closed)")
    scan.add_argument("number")
    scan.add_argument("codes", nargs="*", metavar="CODE")
    scan.add_argument("--file", action="append", default=[], help=".xlsx or .csv of scans")
    scan.add_argument("--paste", metavar="FILE|-", help="text with one scan per line")
    _scanner_options(scan)
    for name, run, text in (("close", cmd_count_close, "close a count: matched, missing, unexpected, unknown"),
                            ("apply", cmd_count_apply, "move wrong-location units here, mark missing ones lost"),
                            ("report", cmd_count_report, "a count's figures (provisional while open)")):  # fmt: skip
        command(counts, name, run, text).add_argument("number")
    command(counts, "list", cmd_count_list, "counts, newest first").add_argument("--status", choices=("open", "closed", "applied"))

    desk = group("exception", "the exceptions desk")
    listing = command(desk, "list", cmd_exception_list, "exceptions, newest first")
    listing.add_argument("--status", default="open", choices=("open", "resolved", "all"))
    listing.add_argument("--kind", choices=[k.value for k in exceptions.ExceptionKind])
    listing.add_argument("--limit", type=int, default=100)
    resolve = command(desk, "resolve", cmd_exception_resolve, "resolve an exception, saying how")
    resolve.add_argument("id", type=int)
    resolve.add_argument("resolution", help="what was found and done")

    reconcile = command(commands, "reconcile", cmd_reconcile, "ordered, received, recorded, in stock, returned")
    reconcile.add_argument("--by", default="po", choices=("po", "supplier"))
    accuracy = command(commands, "accuracy", cmd_accuracy, "the month's serial reconciliation accuracy")
    accuracy.add_argument("--month", type=_month, default=dt.date.today(), metavar="YYYY-MM")


# --- the parser --------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help="database URL (default: $SNAPP_DB, else the local SQLite file)")
    common.add_argument("--user", default=argparse.SUPPRESS, help="log in as (default: $SNAPP_USER, else your login name)")
    common.add_argument("--password-stdin", action="store_true", default=argparse.SUPPRESS,
                        help="read passwords from stdin, one a line, login first (default: $SNAPP_PASSWORD, else a prompt)")  # fmt: skip
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print records as JSON")

    parser = argparse.ArgumentParser(
        prog="snapp",
        description="SNApp: serial-number tracking. Without a command, starts the desktop app.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"SNApp {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(parent, name: str, run: Callable, help: str) -> argparse.ArgumentParser:
        sub = parent.add_parser(name, parents=[common], help=help, description=help)
        sub.set_defaults(run=run)
        return sub

    def group(name: str, help: str):
        return commands.add_parser(name, help=help, description=help).add_subparsers(
            title="commands", metavar="COMMAND", required=True
        )

    command(commands, "init", cmd_init, "create the database, or bring an older one to the current schema")
    demo = command(commands, "demo", cmd_demo, "fill the database with a realistic sample company")
    demo.add_argument("--serials", type=int, default=2_000, help="how many units to receive (default 2,000)")

    suppliers = group("supplier", "suppliers")
    add = command(suppliers, "add", cmd_supplier_add, "add a supplier")
    add.add_argument("code")
    add.add_argument("name")
    for option in ("contact", "phone", "email", "address"):
        add.add_argument(f"--{option}")
    command(suppliers, "list", cmd_supplier_list, "list suppliers")

    items = group("item", "items")
    add = command(items, "add", cmd_item_add, "add an item")
    add.add_argument("sku")
    add.add_argument("name")
    add.add_argument("--gtin", help="GTIN-8/12/13/14; the check digit is verified")
    add.add_argument("--tracking", default="serial", choices=TRACKING_MODES)
    add.add_argument("--pattern", help="regular expression every serial must match in full")
    add.add_argument("--min-length", type=int, default=1)
    add.add_argument("--max-length", type=int, default=40)
    add.add_argument("--case", default="keep", choices=("keep", "upper", "lower"), help="case applied to serials")
    add.add_argument("--warranty-months", type=int, default=0, help="supplier warranty from the receipt date")
    add.add_argument("--supplier", help="usual supplier's code")
    command(items, "list", cmd_item_list, "list items")

    locations = group("location", "locations")
    add = command(locations, "add", cmd_location_add, "add a location")
    add.add_argument("code")
    add.add_argument("name")
    command(locations, "list", cmd_location_list, "list locations")

    people = group("user", "users, roles, passwords")
    add = command(people, "add", cmd_user_add, "add a user (admin only; in a database with no user yet, its first admin)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    command(people, "list", cmd_user_list, "list users")
    passwd = command(people, "passwd", cmd_user_passwd, "change your password, or (admin) anyone's")
    passwd.add_argument("name", nargs="?", help="whose (default: yours)")
    for change, text in (("disable", "stop a user from logging in (admin)"), ("enable", "let a disabled user in again"),
                         ("unlock", "lift a lockout after failed logins (admin)"), ("role", "change a user's role (admin)")):  # fmt: skip
        sub = command(people, change, cmd_user_change, text)
        sub.add_argument("name")
        if change == "role":
            sub.add_argument("role", choices=[r.value for r in Role])
        sub.set_defaults(change=change)

    trail = group("audit", "the audit trail")
    listing = command(trail, "list", cmd_audit_list, "audit entries, newest first")
    listing.add_argument("--by", help="user name")
    listing.add_argument("--action", help='e.g. "login.failed", or a prefix ending in "." such as "po."')
    listing.add_argument("--entity", help="supplier, item, location, purchase_order, receipt, serial, user, backup...")
    listing.add_argument("--key", help="the entity's code or number")
    listing.add_argument("--since", type=_date, metavar="YYYY-MM-DD")
    listing.add_argument("--until", type=_date, metavar="YYYY-MM-DD", help="up to and including this day")
    listing.add_argument("--asc", action="store_true", help="oldest first")
    listing.add_argument("--limit", type=int, default=100)
    listing.add_argument("--offset", type=int, default=0)
    verify = command(trail, "verify", cmd_audit_verify,
                     "check the hash chain; names the first entry edited, deleted or inserted, prints the head hash")  # fmt: skip
    verify.add_argument("--head", metavar="HASH", help="a head hash printed earlier (monthly report): must still be there")

    save = command(commands, "backup", cmd_backup, "write a backup file (admin), safe while others work")
    save.add_argument("--out", required=True, metavar="FILE")
    save.add_argument("--passphrase-stdin", action="store_true", help="seal the file with a passphrase read from stdin")
    load = command(commands, "restore", cmd_restore,
                   "replace the database with a backup file; a file that is not a SNApp backup changes nothing")  # fmt: skip
    load.add_argument("file")
    load.add_argument("--passphrase-stdin", action="store_true", help="read a sealed file's passphrase from stdin")
    command(commands, "check", cmd_check, "check the database: integrity, schema version, audit chain")
    grant = command(commands, "grant", cmd_grant,
                    "PostgreSQL: let a server role use SNApp, with the audit trail append-only (admin)")  # fmt: skip
    grant.add_argument("role", help="the application role people's logins are members of")

    pos = group("po", "purchase orders")
    create = command(pos, "create", cmd_po_create, "create a draft PO; prints its number")
    create.add_argument("--supplier", required=True, help="supplier code")
    create.add_argument("--line", action="append", required=True, metavar="SKU:QTY[:PRICE]")
    create.add_argument("--note")
    for verb in ("approve", "cancel", "close"):
        sub = command(pos, verb, cmd_po_move, f"{verb} a PO")
        sub.add_argument("number")
        sub.set_defaults(verb=verb)
    show = command(pos, "show", cmd_po_show, "show a PO with ordered and received per line")
    show.add_argument("number")
    listing = command(pos, "list", cmd_po_list, "list POs, newest first")
    listing.add_argument("--status")
    listing.add_argument("--supplier")
    listing.add_argument("--limit", type=int, default=100)
    listing.add_argument("--offset", type=int, default=0)

    receive = command(commands, "receive", cmd_receive, "receive serials against a PO line, all or nothing")
    receive.add_argument("po", help="PO number")
    receive.add_argument("--sku", required=True)
    receive.add_argument("--serial", action="append", default=[], help="a serial or a GS1 scan (repeatable)")
    receive.add_argument("--range", action="append", default=[], metavar="FIRST..LAST", help="e.g. SN0001..SN0500")
    receive.add_argument("--file", action="append", default=[], help=".xlsx or .csv with a serial column")
    receive.add_argument("--paste", metavar="FILE|-", help="text with serials per line or separated by commas, tabs, spaces")
    receive.add_argument("--location", help="where the units go (default: the only location)")
    receive.add_argument("--expect", type=int, help="refuse unless exactly this many serials are valid")
    receive.add_argument("--qty", type=int, help="quantity, for items not tracked by serial")
    receive.add_argument("--note")

    serials = group("serial", "serial numbers: look up, list, move")
    show = command(serials, "show", cmd_serial_show, "a unit's card and full history")
    show.add_argument("serial")
    listing = command(serials, "list", cmd_serial_list, "the serial register, filtered and sorted")
    _serial_filter_options(listing)
    listing.add_argument("--limit", type=int, default=50)
    listing.add_argument("--offset", type=int, default=0)
    listing.add_argument("--total", action="store_true", help="also count all matching units")
    for action, rule in TRANSITIONS.items():
        sub = command(serials, action.value, cmd_serial_move, f"{rule.label} ({', '.join(sorted(rule.sources))} → {rule.target})")
        sub.add_argument("serials", nargs="+", metavar="SN")
        sub.add_argument("--sku", help="needed when several items have the serial")
        if rule.needs_location:
            sub.add_argument("--to", help="location code (default: the only location)")
        else:
            sub.set_defaults(to=None)
        sub.add_argument("--ref", help="reference document (work order, delivery note, RMA...)")
        sub.add_argument("--note")
        sub.set_defaults(action=Action(action))

    labels = command(commands, "labels", cmd_labels, "print serial labels to a PDF, or list the label templates")
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
    labels.add_argument("--start", type=int, default=1, help="first free position on a half-used sheet (1 = top-left)")

    reports = group("report", "PDF documents: purchase order, goods receipt, serial history, monthly audit report")
    for name, help in (("po", "a purchase order for the supplier"), ("receipt", "a goods-receipt note with its serials")):
        sub = command(reports, name, cmd_report, help)
        sub.add_argument("number")
        sub.add_argument("--out", required=True, help="the PDF to write")
        sub.set_defaults(document=name)
    sub = command(reports, "serial", cmd_report, "one unit's card and history, for a warranty claim")
    sub.add_argument("serial")
    sub.add_argument("--sku", help="the item, when several items have the serial")
    sub.add_argument("--out", required=True, help="the PDF to write")
    sub.set_defaults(document="serial")
    sub = command(reports, "audit", cmd_report, "the monthly audit report")
    sub.add_argument("--month", required=True, metavar="YYYY-MM")
    sub.add_argument("--company", default=os.environ.get("SNAPP_COMPANY", ""), help="shown on the report (default: $SNAPP_COMPANY)")
    sub.add_argument("--out", required=True, help="the PDF to write")
    sub.set_defaults(document="audit")


    _add_verify_commands(commands, command, group)
    _excel_commands(commands, command)
    return parser


def _serial_filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--status")
    parser.add_argument("--sku")
    parser.add_argument("--location")
    parser.add_argument("--supplier")
    parser.add_argument("--po")
    _date_range(parser, "received")
    parser.add_argument("--prefix", help="serials starting with this")
    parser.add_argument("--sort", default="received", choices=sorted(lookup.SORTS))
    parser.add_argument("--asc", action="store_true", help="ascending (default: newest first)")


def _date_range(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--from", dest="date_from", type=_date, metavar="YYYY-MM-DD", help=f"{what} on or after")
    parser.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD", help=f"{what} on or before")


# --- Excel: templates, import, export --------------------------------------------


def cmd_template(args: argparse.Namespace) -> None:
    path = write_template(args.kind, args.out)
    print(f"{path}: {args.kind} template; its code and serial columns are Text")


def cmd_import(args: argparse.Namespace) -> None:
    result = imports.import_masterdata(_context(args), read_masterdata(args.file, args.kind))
    _emit(args, result, lambda r: print(f"{r.count} {r.kind} imported from {r.file}"))


def cmd_export(args: argparse.Namespace) -> None:
    ctx, out = _context(args), args.out
    progress = _progress_printer("rows") if not args.json else None
    if args.kind == "serials":
        record = exports.export_serials(ctx, out, _serial_filter(args), sort=args.sort, descending=not args.asc,
                                        progress=progress)  # fmt: skip
    elif args.kind == "history":
        record = exports.export_history(ctx, out, args.serial, progress=progress)
    elif args.kind == "pos":
        record = exports.export_pos(ctx, out, status=args.status, supplier=args.supplier, created_from=args.date_from,
                                    created_to=args.date_to, progress=progress)  # fmt: skip
    elif args.kind == "receipts":
        record = exports.export_receipts(ctx, out, po=args.po, supplier=args.supplier, sku=args.sku,
                                         received_from=args.date_from, received_to=args.date_to, progress=progress)  # fmt: skip
    else:
        record = exports.export_audit(ctx, out, at_from=args.date_from, at_to=args.date_to, user=args.by,
                                      action=args.action, progress=progress)  # fmt: skip
    _emit(args, record, lambda r: print(f"\r{r.rows:,} rows written to {r.path}"))


def _excel_commands(commands, command: Callable) -> None:
    template = command(commands, "template", cmd_template, "write an import template whose code and serial columns are Text")
    template.add_argument("kind", choices=KINDS)
    template.add_argument("--out", required=True, metavar="FILE.xlsx")

    importing = command(commands, "import", cmd_import, "import suppliers, items or locations from .xlsx or .csv, all or nothing")
    importing.add_argument("kind", choices=sorted(LAYOUTS))
    importing.add_argument("file")

    kinds = commands.add_parser("export", help="export to .xlsx", description="export to .xlsx (serials and codes as text)")
    kinds = kinds.add_subparsers(title="exports", metavar="WHAT", required=True)

    def export(kind: str, help: str) -> argparse.ArgumentParser:
        sub = command(kinds, kind, cmd_export, help)
        sub.add_argument("--out", required=True, metavar="FILE.xlsx")
        sub.set_defaults(kind=kind)
        return sub

    _serial_filter_options(export("serials", "the serial register, with the filters of `serial list`"))
    export("history", "one serial's full history").add_argument("serial")
    pos = export("pos", "purchase orders, one row per line")
    pos.add_argument("--status")
    pos.add_argument("--supplier")
    _date_range(pos, "created")
    receipts = export("receipts", "goods receipts, one row per line")
    receipts.add_argument("--po")
    receipts.add_argument("--supplier")
    receipts.add_argument("--sku")
    _date_range(receipts, "received")
    audit = export("audit", "the audit log")
    audit.add_argument("--by", metavar="USER", help="entries by this user")
    audit.add_argument("--action", help="an action (po.approve) or a family (po)")
    _date_range(audit, "written")


if __name__ == "__main__":
    sys.exit(main())
