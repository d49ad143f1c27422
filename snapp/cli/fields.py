"""Custom fields: define them per item, list them, set a unit's value, find units by a value."""

from __future__ import annotations

import argparse

from snapp.cli import common
from snapp.cli.common import emit, table


def cmd_field_add(args: argparse.Namespace) -> None:
    from snapp.domain.fields import FieldDef
    from snapp.services import fields

    spec = FieldDef(args.name, args.kind, args.required, args.unique, _choices(args.choices), args.pattern, args.scanned,
                    args.case)  # fmt: skip
    emit(args, fields.define_field(common.context(args), args.sku, spec), _print_field)


def cmd_field_alter(args: argparse.Namespace) -> None:
    from snapp.services import fields

    changes = {name: value for name, value in (("name", args.rename), ("kind", args.kind), ("unique", args.unique),
                                               ("pattern", args.pattern), ("required", args.required),
                                               ("scanned", args.scanned), ("case", args.case)) if value is not None}  # fmt: skip
    if args.choices is not None:
        changes["choices"] = _choices(args.choices)
    emit(args, fields.alter_field(common.context(args), args.sku, args.name, **changes), _print_field)


def cmd_field_list(args: argparse.Namespace) -> None:
    from snapp.services import fields

    records = fields.list_fields(common.context(args), args.sku)
    emit(args, records, lambda rs: table(
        [(r.name, r.kind, "yes" if r.required else "", r.unique, ", ".join(r.choices), r.pattern or "",
          "yes" if r.scanned else "", r.case, r.values) for r in rs],
        ["FIELD", "KIND", "REQUIRED", "UNIQUE", "CHOICES", "PATTERN", "SCANNED", "CASE", "UNITS"]))  # fmt: skip


def cmd_field_set(args: argparse.Namespace) -> None:
    from snapp.services import fields

    change = fields.set_value(common.context(args), args.serial, args.name, args.value, sku=args.sku)
    emit(args, change, lambda c: print(f"{c.serial} ({c.sku}) {c.field}: {c.before or '-'} -> {c.after or '-'}"))


def cmd_field_find(args: argparse.Namespace) -> None:
    from snapp.services import fields

    found = fields.find_by_field(common.context(args), args.value, args.name)
    emit(args, found, lambda ms: table([(m.serial, m.sku, m.field, m.value) for m in ms],
                                       ["SERIAL", "SKU", "FIELD", "VALUE"]))  # fmt: skip


def _print_field(r) -> None:
    print(f"{r.sku} field {r.name}: {r.kind}" + (", required" if r.required else "")
          + (f", unique ({r.unique})" if r.unique != "none" else "") + (f", one of {', '.join(r.choices)}" if r.choices else "")
          + (f", pattern {r.pattern}" if r.pattern else "") + (", scanned after the serial" if r.scanned else "")
          + (f", stored in {r.case} case" if r.case != "exact" else ""))  # fmt: skip


def _choices(text: str | None) -> tuple[str, ...]:
    return tuple(c.strip() for c in text.split(",")) if text else ()


def build(cli, name: str) -> None:
    from snapp.domain.fields import FieldKind, LetterCase, Uniqueness

    group = cli.group(name)
    add = cli.command(group, "add", cmd_field_add, "define a field on an item (admin or master data)")
    alter = cli.command(group, "alter", cmd_field_alter, "change a field; its stored values must fit the change")
    for parser in (add, alter):
        parser.add_argument("sku")
        parser.add_argument("name", help="the field's name, and the heading of its column in a file")
    add.add_argument("--kind", choices=list(FieldKind), default=FieldKind.TEXT.value)
    add.add_argument("--required", action="store_true", help="every unit received needs a value")
    add.add_argument("--unique", choices=list(Uniqueness), default=Uniqueness.NONE.value,
                     help="item: once per item; all: once across every item (an IMEI)")  # fmt: skip
    add.add_argument("--choices", metavar="A,B,C", help="a choice field's choices")
    add.add_argument("--pattern", help="a text field's rule, e.g. \\d{15}")
    add.add_argument("--scanned", action="store_true", help="scanned after each serial at receipt (needs --pattern)")
    add.add_argument("--case", choices=list(LetterCase), default=LetterCase.EXACT.value,
                     help="a text field's letters stored in upper or lower case (a MAC address), or as typed")  # fmt: skip
    alter.add_argument("--rename", metavar="NEW")
    alter.add_argument("--kind", choices=list(FieldKind))
    alter.add_argument("--unique", choices=list(Uniqueness))
    alter.add_argument("--choices", metavar="A,B,C")
    alter.add_argument("--pattern")
    alter.add_argument("--required", action=argparse.BooleanOptionalAction)
    alter.add_argument("--scanned", action=argparse.BooleanOptionalAction)
    alter.add_argument("--case", choices=list(LetterCase), help="stored values are recased; refused if two would clash")
    listing = cli.command(group, "list", cmd_field_list, "an item's fields")
    listing.add_argument("sku")
    setting = cli.command(group, "set", cmd_field_set, "set (or with '' clear) a unit's value: in its history, audited")
    setting.add_argument("serial")
    setting.add_argument("name")
    setting.add_argument("value")
    setting.add_argument("--sku", help="the item, when several share the serial")
    find = cli.command(group, "find", cmd_field_find, "the units whose fields hold this value (an IMEI...)")
    find.add_argument("value")
    find.add_argument("--name", help="only this field")
