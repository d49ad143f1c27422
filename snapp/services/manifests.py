"""Supplier manifests: the serial list a supplier sends for a PO line, loaded, amended, and checked at receipt.

A manifest is read through the capture path receiving uses (the same
sources, rules and reasons) and is taken all or nothing: a serial twice in
it, one already received (of any PO), or one on another open PO's manifest
is refused by its row or cell, and nothing is written. Until the line's first
receipt a manifest may be replaced; afterwards it is only amended, and the
audit entry says which serials came and went.

At receipt (`judge_receipt`, called by `snapp.services.receiving`) each scan
is judged against its line's manifest in set operations: one read of the
line's list and one look-up of the scans off it, not a query per serial.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import delete, exists, func, select
from sqlalchemy.orm import Session

from snapp.db import bulk
from snapp.db.models import (
    ExceptionCase,
    Item,
    ManifestSerial,
    POLine,
    PurchaseOrder,
    Receipt,
    ReceiptLine,
    Serial,
    Supplier,
    manifest_serials_table,
    utcnow,
)
from snapp.domain.capture import Capture, Reason, Source, capture, combine, scans
from snapp.domain.manifests import OPEN_PO, OffManifest, off_manifest_policy, replaceable
from snapp.domain.permissions import Permission
from snapp.domain.statuses import EXCEPTION, ExceptionKind, ExceptionStatus
from snapp.errors import Conflict, IllegalTransition, NotFound, Problem, Text, ValidationError, stored
from snapp.services.base import UnitOfWork, among, service
from snapp.services.exceptions import NewException, open_exception
from snapp.services.masterdata import get_item_row, get_supplier_row, serial_rule
from snapp.services.purchasing import get_po_row
from snapp.services.units import received_clashes

_BATCH = Text("manifest.position")


@dataclass(frozen=True)
class ManifestRecord:
    """A line's manifest: its serials in the order loaded, and which of them have been received."""

    po: str
    line_no: int
    sku: str
    supplier: str
    serials: list[str]
    received: list[str]

    @property
    def missing(self) -> list[str]:
        got = set(self.received)
        return [serial for serial in self.serials if serial not in got]


@dataclass(frozen=True)
class ManifestChange:
    """What a load, replacement or amendment did."""

    po: str
    line_no: int
    sku: str
    action: str  # "load", "replace" or "amend"
    count: int  # serials on the manifest now
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class OffManifestSetting:
    """What happens to a unit off the manifest, for a supplier or an item (None: as its supplier says)."""

    supplier: str | None
    sku: str | None
    policy: str | None
    effective: str


@dataclass
class ReceiptJudgement:
    """A receipt's scans against its line's manifest."""

    problems: list[Problem]
    accepted: list[str]  # off the manifest and accepted: together one exception (`receipt_cases`)


# --- loading and amending ----------------------------------------------------


@service(Permission.PURCHASING)
def load_manifest(
    uow: UnitOfWork, po_number: str, line_no: int, sources: Sequence[Source], *, replace: bool = False
) -> ManifestChange:
    """Load the supplier's serial list for a PO line, all or nothing; ``replace`` one loaded before (until the first receipt)."""
    session = uow.session
    po, line, item = _line(session, po_number, line_no)
    before = _count(session, line.id)
    if before and not replace:
        raise Conflict("manifest.exists", po=po.number, line=line.line_no, count=before)
    if not replaceable(line.received):
        raise IllegalTransition("manifest.received", po=po.number, line=line.line_no, received=line.received)
    captured = capture(combine(list(sources)), serial_rule(item))
    problems = captured.problems + _over(line, len(captured.serials))
    if not captured.serials and not problems:
        problems.append(Problem(_BATCH, "", Reason.EMPTY, Text("manifest.nothing")))
    _refuse_if(problems + _taken(session, item.id, line.id, captured))
    session.execute(delete(ManifestSerial).where(ManifestSerial.po_line_id == line.id))
    _insert(session, uow.actor.name, line, captured.serials)
    action = "replace" if before else "load"
    uow.audit(f"manifest.{action}", "po_line", f"{po.number}/{line.line_no}",
              before={"count": before} if before else None,
              after={"po": po.number, "line": line.line_no, "sku": item.sku, "count": len(captured.serials)})  # fmt: skip
    return ManifestChange(po.number, line.line_no, item.sku, action, len(captured.serials))


@service(Permission.PURCHASING)
def amend_manifest(
    uow: UnitOfWork, po_number: str, line_no: int, *, add: Sequence[Source] = (), remove: Sequence[Source] = ()
) -> ManifestChange:
    """Add serials to a loaded manifest or take them off it, all or nothing, audited with both lists."""
    session = uow.session
    po, line, item = _line(session, po_number, line_no)
    listed = _listed(session, line.id)
    if not listed:
        raise NotFound("manifest.none", po=po.number, line=line.line_no)
    rule = serial_rule(item)
    adding = capture(combine(list(add)), rule) if add else None
    removing = capture(combine(list(remove)), rule) if remove else None
    problems: list[Problem] = []
    added: list[str] = []
    removed: list[str] = []
    if adding:
        problems += adding.problems
        for serial in adding.serials:
            if serial in listed:
                problems.append(Problem(adding.locate(serial), serial, Reason.DUPLICATE, Text("manifest.already_listed")))
            else:
                added.append(serial)
        # A unit accepted off the manifest at receipt may be added to it afterwards: it came on this very line.
        here = _delivered(session, item.id, line.id, adding.serials)
        problems += [p for p in _taken(session, item.id, line.id, adding) if p.value not in here]
    if removing:
        problems += removing.problems
        delivered = _delivered(session, item.id, line.id, removing.serials)
        for serial in removing.serials:
            if serial not in listed:
                problems.append(Problem(removing.locate(serial), serial, Reason.NOT_ON_MANIFEST, Text("manifest.not_listed")))
            elif serial in delivered:
                problems.append(Problem(removing.locate(serial), serial, Reason.ALREADY_RECEIVED,
                                        Text("manifest.remove_received")))  # fmt: skip
            else:
                removed.append(serial)
    if not added and not removed and not problems:
        problems.append(Problem(_BATCH, "", Reason.EMPTY, Text("manifest.no_change")))
    count = len(listed) + len(added) - len(removed)
    _refuse_if(problems + _over(line, count))
    for condition in among(session, ManifestSerial.serial, removed):
        session.execute(delete(ManifestSerial).where(ManifestSerial.po_line_id == line.id, condition))
    _insert(session, uow.actor.name, line, added)
    uow.audit("manifest.amend", "po_line", f"{po.number}/{line.line_no}", before={"count": len(listed)},
              after={"po": po.number, "line": line.line_no, "sku": item.sku, "count": count, "added": added,
                     "removed": removed})  # fmt: skip
    return ManifestChange(po.number, line.line_no, item.sku, "amend", count, added, removed)


@service(Permission.VIEW, write=False)
def get_manifest(uow: UnitOfWork, po_number: str, line_no: int) -> ManifestRecord:
    session = uow.session
    po, line, item = _line(session, po_number, line_no, writing=False)
    serials = list(session.scalars(select(ManifestSerial.serial).where(ManifestSerial.po_line_id == line.id)
                                   .order_by(ManifestSerial.id)))  # fmt: skip
    if not serials:
        raise NotFound("manifest.none", po=po.number, line=line.line_no)
    delivered = _delivered(session, item.id, line.id, serials)
    supplier = session.scalar(select(Supplier.code).where(Supplier.id == po.supplier_id))
    return ManifestRecord(po.number, line.line_no, item.sku, supplier or "",
                          serials, [s for s in serials if s in delivered])  # fmt: skip


@service(Permission.VIEW, write=False)
def manifest_counts(uow: UnitOfWork, po_number: str) -> dict[int, int]:
    """Serials on the manifest of each line of a PO that has one: {line number: count}."""
    po = get_po_row(uow.session, po_number)
    rows = uow.session.execute(
        select(POLine.line_no, func.count(ManifestSerial.id))
        .join(ManifestSerial, ManifestSerial.po_line_id == POLine.id)
        .where(POLine.po_id == po.id)
        .group_by(POLine.line_no)
    )
    return {line_no: n for line_no, n in rows}


# --- what to do with a unit off the manifest -------------------------------------


@service(Permission.MASTER_DATA)
def set_off_manifest(
    uow: UnitOfWork, policy: str | None, *, supplier: str | None = None, sku: str | None = None
) -> OffManifestSetting:
    """For a supplier (refuse or exception) or an item (those, or None: as its supplier says)."""
    if (supplier is None) == (sku is None):
        raise ValidationError(Problem(Text("manifest.setting"), "", "target", Text("manifest.supplier_or_item")))
    choices = tuple(OffManifest) if supplier is not None else (*OffManifest, None)
    if policy not in choices:
        shown = ", ".join(str(c) for c in choices if c)
        raise ValidationError(Problem(Text("manifest.setting"), str(policy), "off_manifest",
                                      Text("manifest.policy_choices", choices=shown)))  # fmt: skip
    session = uow.session
    row: Supplier | Item = get_supplier_row(session, supplier) if supplier is not None else get_item_row(session, sku or "")
    before = row.off_manifest
    row.off_manifest = policy
    session.flush()
    entity, key = ("supplier", row.code) if isinstance(row, Supplier) else ("item", row.sku)
    uow.audit(f"{entity}.update", entity, key, before={"off_manifest": before}, after={"off_manifest": policy})
    return _setting(session, row)


@service(Permission.VIEW, write=False)
def get_off_manifest(uow: UnitOfWork, *, supplier: str | None = None, sku: str | None = None) -> OffManifestSetting:
    session = uow.session
    return _setting(session, get_supplier_row(session, supplier) if supplier is not None else get_item_row(session, sku or ""))


def _setting(session: Session, row: Supplier | Item) -> OffManifestSetting:
    if isinstance(row, Supplier):
        return OffManifestSetting(row.code, None, row.off_manifest, off_manifest_policy(None, row.off_manifest).value)
    own = session.scalar(select(Supplier.off_manifest).where(Supplier.id == row.supplier_id)) if row.supplier_id else None
    return OffManifestSetting(None, row.sku, row.off_manifest, off_manifest_policy(row.off_manifest, own).value)


# --- at receipt ---------------------------------------------------------------


def judge_receipt(session: Session, po: PurchaseOrder, line: POLine, item: Item, captured: Capture) -> ReceiptJudgement | None:
    """The scans of a receipt against the line's manifest; None when the line has none.

    On the manifest: fine. On another open PO's manifest: refused, naming the
    PO. Otherwise refused, or accepted, as the item (else the PO's supplier)
    says. Already received is the unique constraint's, as without a manifest.
    """
    listed = _listed(session, line.id)
    if not listed:
        return None
    off = [serial for serial in captured.serials if serial not in listed]
    elsewhere = _on_other_manifests(session, item.id, line.id, off)
    problems = [
        Problem(captured.locate(serial), serial, Reason.OTHER_MANIFEST, Text("manifest.on_other", po=elsewhere[serial]))
        for serial in off
        if serial in elsewhere
    ]
    rest = [serial for serial in off if serial not in elsewhere]
    if rest and _policy(session, po, item) is OffManifest.REFUSE:
        problems += [
            Problem(captured.locate(serial), serial, Reason.NOT_ON_MANIFEST,
                    Text("manifest.not_on_it", po=po.number, line=line.line_no))  # fmt: skip
            for serial in rest
        ]
        rest = []
    return ReceiptJudgement(problems, rest)


@dataclass(frozen=True)
class ScanCheck:
    """What posting would make of one scanned serial: ``tone`` is "ok", "exception" (accepted off the manifest
    and opening an exception) or "refused"."""

    serial: str
    tone: str
    message: Text


@service(Permission.RECEIVE, write=False)
def check_scans(uow: UnitOfWork, po_number: str, line_no: int, serials: Sequence[str]) -> dict[str, ScanCheck]:
    """For the receiving screen while scanning: each serial judged as the posted receipt will judge it (already
    received; on the line's manifest; on another PO's; off it, refused or accepted as the setting says). Nothing is
    written. Keyed by the value sent."""
    session = uow.session
    po, line, item = _line(session, po_number, line_no, writing=False)
    captured = capture(scans(list(serials)), serial_rule(item))
    said = {p.value: ScanCheck(p.value, "refused", p.message) for p in captured.problems}
    said |= {p.value: ScanCheck(p.value, "refused", p.message) for p in received_clashes(session, item.id, captured)}
    judged = judge_receipt(session, po, line, item, captured)
    fine = Text("manifest_scan.on_it", po=po.number, line=line.line_no) if judged else Text("receiving.scan_ok")
    if judged:
        for p in judged.problems:
            said.setdefault(p.value, ScanCheck(p.value, "refused", p.message))
        accepted = Text("manifest_scan.accepted", po=po.number, line=line.line_no)
        for serial in judged.accepted:
            said.setdefault(serial, ScanCheck(serial, "exception", accepted))
    return {**{serial: ScanCheck(serial, "ok", fine) for serial in captured.serials}, **said}


def _policy(session: Session, po: PurchaseOrder, item: Item) -> OffManifest:
    supplier_setting = session.scalar(select(Supplier.off_manifest).where(Supplier.id == po.supplier_id))
    return off_manifest_policy(item.off_manifest, supplier_setting)


def missing_after(session: Session, line: POLine, item: Item) -> list[str]:
    """The line's manifest serials that no receipt has brought, in the order loaded: one anti-join."""
    received = exists().where(Serial.item_id == item.id, Serial.serial == ManifestSerial.serial)
    return list(session.scalars(select(ManifestSerial.serial).where(ManifestSerial.po_line_id == line.id, ~received)
                                .order_by(ManifestSerial.id)))  # fmt: skip


def receipt_cases(receipt: str, po: str, line_no: int, accepted: Sequence[str]) -> list[NewException]:
    """One exception for the units of a receipt accepted off the manifest."""
    if not accepted:
        return []
    detail = Text("manifest.accepted_case", n=len(accepted), po=po, line=line_no, serials=", ".join(accepted))
    return [NewException(ExceptionKind.MANIFEST, receipt, detail, po)]


def note_missing(session: Session, user_name: str, receipt: str, po: str, line: POLine, missing: Sequence[str]) -> int | None:
    """Keep the one open "not delivered" exception of a line's manifest up to date after a receipt; returns its id.

    A PO delivered in several receipts updates that exception's list rather
    than opening one per partial receipt, and the receipt that brings the last
    listed serial settles it. The list is kept while the line is still open
    rather than waiting for it to close: a line may never be completed (a short
    delivery is closed by hand), and the desk should see what is outstanding
    now. Once a person has resolved it, a later receipt that still lacks
    serials opens a new one: the situation is news again.
    """
    subject = f"{po}/{line.line_no}"
    row = session.scalar(select(ExceptionCase).where(
        ExceptionCase.kind == ExceptionKind.MANIFEST, ExceptionCase.status == ExceptionStatus.OPEN,
        ExceptionCase.subject == subject).with_for_update())  # fmt: skip
    if missing:
        listed = session.scalar(select(func.count()).where(ManifestSerial.po_line_id == line.id))
        detail = Text("manifest_scan.missing_case", n=len(missing), listed=listed, po=po, line=line.line_no,
                      receipt=receipt, serials=", ".join(missing))  # fmt: skip
        if row is None:
            return open_exception(session, user_name, NewException(ExceptionKind.MANIFEST, subject, detail, po))
        row.detail = stored(detail)
        return row.id
    if row is None:
        return None
    row.status = EXCEPTION.target("resolve")
    row.resolved_by, row.resolved_at = user_name, utcnow()
    row.resolution = str(Text("manifest_scan.all_delivered", receipt=receipt))
    return row.id


# --- for verify -------------------------------------------------------------------


def manifest_note(session: Session, unit_id: int) -> Text:
    """Whether a unit was on its supplier's manifest for the PO line it was received on."""
    po, line_no, line_id, supplier, serial = session.execute(
        select(PurchaseOrder.number, POLine.line_no, POLine.id, Supplier.code, Serial.serial)
        .select_from(Serial)
        .join(ReceiptLine, ReceiptLine.id == Serial.receipt_line_id)
        .join(POLine, POLine.id == ReceiptLine.po_line_id)
        .join(Receipt, Receipt.id == ReceiptLine.receipt_id)
        .join(PurchaseOrder, PurchaseOrder.id == Receipt.po_id)
        .join(Supplier, Supplier.id == PurchaseOrder.supplier_id)
        .where(Serial.id == unit_id)
    ).one()
    if _count(session, line_id) == 0:
        return Text("manifest.verify_none", supplier=supplier, po=po, line=line_no)
    on_it = session.scalar(select(exists().where(ManifestSerial.po_line_id == line_id, ManifestSerial.serial == serial)))
    return Text("manifest.verify_on" if on_it else "manifest.verify_off", supplier=supplier, po=po, line=line_no)


# --- shared ------------------------------------------------------------------------


def _line(session: Session, po_number: str, line_no: int, *, writing: bool = True) -> tuple[PurchaseOrder, POLine, Item]:
    po = get_po_row(session, po_number)
    query = select(POLine).where(POLine.po_id == po.id, POLine.line_no == line_no)
    # Writing locks the line: a receipt on it waits, then sees the manifest as it is after this change.
    line = session.scalar(query.with_for_update() if writing else query)
    if line is None:
        raise NotFound("manifest.no_line", field="line", po=po.number, line=line_no)
    item = session.get(Item, line.item_id)
    assert item is not None
    if writing:
        if po.status not in OPEN_PO:
            raise IllegalTransition("manifest.po_not_open", po=po.number, status=Text(f"po_status.{po.status}"))
        if item.tracking != "serial":
            raise ValidationError(Problem(_BATCH, item.sku, "tracking", Text("manifest.not_by_serial", sku=item.sku)))
        # One manifest change of an item at a time: "on another open manifest" cannot be raced past.
        session.execute(select(Item.id).where(Item.id == item.id).with_for_update())
    return po, line, item


def _count(session: Session, line_id: int) -> int:
    return session.scalar(select(func.count()).where(ManifestSerial.po_line_id == line_id)) or 0


def _listed(session: Session, line_id: int) -> set[str]:
    return set(session.scalars(select(ManifestSerial.serial).where(ManifestSerial.po_line_id == line_id)))


def _over(line: POLine, count: int) -> list[Problem]:
    if count <= line.quantity:
        return []
    return [Problem(_BATCH, "", Reason.COUNT_MISMATCH, Text("manifest.too_many", count=count, line=line.line_no,
                                                             ordered=line.quantity))]  # fmt: skip


def _taken(session: Session, item_id: int, line_id: int, captured: Capture) -> list[Problem]:
    """Serials of ``captured`` already received (anywhere) or on another open PO's manifest, each with where."""
    problems = received_clashes(session, item_id, captured)
    clashing = {p.value for p in problems}
    elsewhere = _on_other_manifests(session, item_id, line_id, [s for s in captured.serials if s not in clashing])
    problems += [Problem(captured.locate(serial), serial, Reason.OTHER_MANIFEST, Text("manifest.on_other", po=po))
                 for serial, po in elsewhere.items()]  # fmt: skip
    return sorted(problems, key=lambda p: captured.index[p.value])


def _on_other_manifests(session: Session, item_id: int, line_id: int, serials: Sequence[str]) -> dict[str, str]:
    """{serial: PO number} for those of ``serials`` on the manifest of another line of an open PO."""
    found: dict[str, str] = {}
    for condition in among(session, ManifestSerial.serial, serials):
        found.update((serial, po) for serial, po in session.execute(
            select(ManifestSerial.serial, PurchaseOrder.number)
            .join(POLine, POLine.id == ManifestSerial.po_line_id)
            .join(PurchaseOrder, PurchaseOrder.id == POLine.po_id)
            .where(ManifestSerial.item_id == item_id, ManifestSerial.po_line_id != line_id, condition,
                   PurchaseOrder.status.in_(sorted(OPEN_PO)))
        ))  # fmt: skip
    return found


def _delivered(session: Session, item_id: int, line_id: int, serials: Sequence[str]) -> set[str]:
    """Those of ``serials`` received on this line."""
    found: set[str] = set()
    for condition in among(session, Serial.serial, serials):
        found.update(session.scalars(
            select(Serial.serial).join(ReceiptLine, ReceiptLine.id == Serial.receipt_line_id)
            .where(Serial.item_id == item_id, ReceiptLine.po_line_id == line_id, condition)
        ))  # fmt: skip
    return found


def _insert(session: Session, user_name: str, line: POLine, serials: Sequence[str]) -> None:
    if serials:
        fixed = {"po_line_id": line.id, "item_id": line.item_id, "added_at": utcnow(), "added_by": user_name}
        bulk.insert_rows(session, manifest_serials_table, fixed, {"serial": list(serials)})


def _refuse_if(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(problems, Text("manifest.refused", n=len(problems)))
