"""SQLAlchemy 2.0 mapping of SNApp's tables.

The migrations in ``snapp/db/migrations`` are the source of truth for the schema;
a test checks that this mapping and the migrations agree.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from snapp.domain.fields import FieldKind, LetterCase, Uniqueness
from snapp.domain.items import TRACKING_MODES
from snapp.domain.manifests import SUPPLIER_DEFAULT, OffManifest
from snapp.domain.money import DEFAULT_CURRENCY
from snapp.domain.purchasing import PO
from snapp.domain.statuses import EXCEPTION, RMA, STOCKTAKE, SUPPLIER_RMA, ExceptionKind, Status, check_constraint

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stores naive UTC, hands back aware UTC, on SQLite and PostgreSQL alike."""

    impl = DateTime
    cache_ok = True

    @property
    def python_type(self) -> type:
        return dt.datetime

    def process_bind_param(self, value: dt.datetime | None, dialect) -> dt.datetime | None:
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value: dt.datetime | None, dialect) -> dt.datetime | None:
        return value.replace(tzinfo=dt.UTC) if value is not None else None


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # argon2id PHC string; NULL until a password is set (such a user cannot log in).
    password_hash: Mapped[str | None] = mapped_column(String(200))
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class ApiCredential(Base):
    """A bearer secret for the HTTP API: a person's session token, or an integration's API key.

    Only a SHA-256 of the secret is kept (the secret has 256 random bits, so
    a fast hash is enough); the secret itself is shown once.
    """

    __tablename__ = "api_credentials"
    __table_args__ = (CheckConstraint("kind IN ('token', 'key')", name="kind"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # "token" or "key"
    name: Mapped[str | None] = mapped_column(String(64), unique=True)  # keys only
    user_name: Mapped[str] = mapped_column(String(64))  # tokens: who logged in; keys: who created it
    role: Mapped[str | None] = mapped_column(String(16))  # keys only: a person's role is read on every call
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # Tokens only: the paired phone or PDA the person logged in through; revoking it revokes the token.
    device_id: Mapped[int | None] = mapped_column(ForeignKey("devices.id"), index=True)

    def usable(self, now: dt.datetime) -> bool:
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)


class RateWindow(Base):
    """Requests counted per caller per minute, shared by every server process."""

    __tablename__ = "rate_windows"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    minute: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)  # since the epoch
    count: Mapped[int]


class Webhook(Base):
    """Where to POST events, which ones, and how far delivery has come (``cursor``: the last event delivered).

    The secret signs every POST (HMAC-SHA256), so it is kept as it is: it is
    the receiver's to check, not a password.
    """

    __tablename__ = "webhooks"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    url: Mapped[str] = mapped_column(String(500))
    types: Mapped[str] = mapped_column(String(1000))  # event types, comma-separated; empty: all
    secret: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(default=True)
    cursor: Mapped[int] = mapped_column(default=0)
    failures: Mapped[int] = mapped_column(default=0)  # in a row, for the growing delay
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    lease_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)  # a worker is delivering until then
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class WebhookDelivery(Base):
    """One attempt to deliver one event: the delivery log."""

    __tablename__ = "webhook_deliveries"
    id: Mapped[int] = mapped_column(primary_key=True)
    webhook_id: Mapped[int] = mapped_column(ForeignKey("webhooks.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int]
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    status_code: Mapped[int | None]
    error: Mapped[str | None] = mapped_column(String(500))
    ok: Mapped[bool]


class Supplier(Base):
    __tablename__ = "suppliers"
    __table_args__ = (CheckConstraint(check_constraint("off_manifest", OffManifest), name="off_manifest"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    contact: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(64))
    email: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(Text)
    # A unit not on its line's manifest: refused, or accepted with an exception (snapp.domain.manifests).
    off_manifest: Mapped[str] = mapped_column(String(12), default=SUPPLIER_DEFAULT.value, server_default=SUPPLIER_DEFAULT.value)


class Item(Base):
    __tablename__ = "items"
    __table_args__ = (
        CheckConstraint(check_constraint("tracking", TRACKING_MODES), name="tracking"),
        CheckConstraint("serial_case IN ('keep', 'upper', 'lower')", name="serial_case"),
        CheckConstraint(check_constraint("off_manifest", OffManifest), name="off_manifest"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    gtin: Mapped[str | None] = mapped_column(String(14), unique=True)
    tracking: Mapped[str] = mapped_column(String(8), default="serial")
    serial_pattern: Mapped[str | None] = mapped_column(String(200))
    serial_min_length: Mapped[int] = mapped_column(default=1)
    serial_max_length: Mapped[int] = mapped_column(default=40)
    serial_case: Mapped[str] = mapped_column(String(8), default="keep")
    warranty_months: Mapped[int] = mapped_column(default=0)
    customer_warranty_months: Mapped[int] = mapped_column(default=0)  # from shipment to the customer
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("suppliers.id"))
    off_manifest: Mapped[str | None] = mapped_column(String(12))  # None: as its supplier says


class Location(Base):
    __tablename__ = "locations"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))


class PurchaseOrder(Base):
    __tablename__ = "purchase_orders"
    __table_args__ = (
        CheckConstraint(check_constraint("status", PO.states), name="status"),
        CheckConstraint("tax_rate >= 0 AND tax_rate <= 100", name="tax_rate_percent"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str | None] = mapped_column(String(32), unique=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    # The terms (migration 0009): unit prices are before tax; tax_rate is a percentage.
    currency: Mapped[str] = mapped_column(String(3), default=DEFAULT_CURRENCY, server_default=DEFAULT_CURRENCY)
    tax_rate: Mapped[Decimal] = mapped_column(Numeric(5, 2), default=Decimal(0), server_default="0")
    delivery_date: Mapped[dt.date | None] = mapped_column(Date)
    supplier_ref: Mapped[str | None] = mapped_column(String(64))


class POLine(Base):
    __tablename__ = "po_lines"
    __table_args__ = (
        UniqueConstraint("po_id", "line_no"),
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("received >= 0 AND received <= quantity", name="received_within_quantity"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    po_id: Mapped[int] = mapped_column(ForeignKey("purchase_orders.id"))
    line_no: Mapped[int]
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    quantity: Mapped[int]
    unit_price: Mapped[Decimal | None] = mapped_column(Numeric(14, 4))
    received: Mapped[int] = mapped_column(default=0)


class Receipt(Base):
    __tablename__ = "receipts"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str | None] = mapped_column(String(32), unique=True)
    po_id: Mapped[int] = mapped_column(ForeignKey("purchase_orders.id"), index=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str | None] = mapped_column(Text)


class ReceiptLine(Base):
    __tablename__ = "receipt_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_id: Mapped[int] = mapped_column(ForeignKey("receipts.id"), index=True)
    po_line_id: Mapped[int] = mapped_column(ForeignKey("po_lines.id"), index=True)
    quantity: Mapped[int]


class Serial(Base):
    __tablename__ = "serials"
    # The unique constraint is what guarantees a serial is received once per item;
    # services only look first to report every clash at once.
    __table_args__ = (
        UniqueConstraint("item_id", "serial"),
        Index("ix_serials_serial", "serial"),
        Index("ix_serials_status_id", "status", "id"),
        CheckConstraint(check_constraint("status", Status), name="status"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    # Serials are codes: compared byte by byte, so a prefix range is exact under
    # any server locale (an ICU collation would put "ab" between "AB" and "AC").
    serial: Mapped[str] = mapped_column(String(64).with_variant(String(64, collation="C"), "postgresql"))
    status: Mapped[str] = mapped_column(String(24))
    location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"), index=True)
    receipt_line_id: Mapped[int] = mapped_column(ForeignKey("receipt_lines.id"), index=True)
    batch: Mapped[str | None] = mapped_column(String(20))
    expiry: Mapped[dt.date | None]
    scan: Mapped[str | None] = mapped_column(String(200))  # the raw GS1 scan, kept as read
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class SerialEvent(Base):
    __tablename__ = "serial_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    serial_id: Mapped[int] = mapped_column(ForeignKey("serials.id"))  # indexed with id: see the end of this module
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(16))
    from_status: Mapped[str | None] = mapped_column(String(24))
    to_status: Mapped[str] = mapped_column(String(24))
    from_location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"))
    to_location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"))
    ref: Mapped[str | None] = mapped_column(String(100))
    note: Mapped[str | None] = mapped_column(Text)


class AuditEntry(Base):
    __tablename__ = "audit_entries"
    # Append-only: on PostgreSQL the application role may only INSERT and SELECT
    # (snapp.db.roles); the hash chain (snapp.domain.auditchain) shows any edit made anyway.
    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(unique=True)  # position in the chain, 1, 2, 3... with no gap
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    user_name: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(40), index=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_key: Mapped[str] = mapped_column(String(100))
    before: Mapped[str | None] = mapped_column(Text)  # JSON
    after: Mapped[str | None] = mapped_column(Text)  # JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditChainHead(Base):
    """One row: the last entry of the audit chain. Locking it serialises appends."""

    __tablename__ = "audit_chain_head"
    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int]
    hash: Mapped[str] = mapped_column(String(64))


class ExceptionCase(Base):
    """One thing a person must look at: a rejected scan, a failed verification, a stocktake discrepancy..."""

    __tablename__ = "exceptions"
    __table_args__ = (
        CheckConstraint(check_constraint("status", EXCEPTION.states), name="status"),
        CheckConstraint(check_constraint("kind", ExceptionKind), name="kind"),
        Index("ix_exceptions_status_id", "status", "id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(24))
    status: Mapped[str] = mapped_column(String(12), default="open")
    subject: Mapped[str] = mapped_column(String(200))  # the serial or raw scan concerned
    ref: Mapped[str | None] = mapped_column(String(100))  # PO, receipt or stocktake number
    detail: Mapped[str] = mapped_column(Text)
    serial_id: Mapped[int | None] = mapped_column(ForeignKey("serials.id"), index=True)
    opened_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    opened_by: Mapped[str] = mapped_column(String(64))
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    resolved_by: Mapped[str | None] = mapped_column(String(64))
    resolution: Mapped[str | None] = mapped_column(Text)


class Verification(Base):
    __tablename__ = "verifications"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    user_name: Mapped[str] = mapped_column(String(64))
    raw: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str | None] = mapped_column(String(24))
    gtin: Mapped[str | None] = mapped_column(String(14))
    serial: Mapped[str | None] = mapped_column(String(64))
    verdict: Mapped[str] = mapped_column(String(24), index=True)
    message: Mapped[str] = mapped_column(Text)
    serial_id: Mapped[int | None] = mapped_column(ForeignKey("serials.id"), index=True)
    exception_id: Mapped[int | None] = mapped_column(ForeignKey("exceptions.id"))


class Stocktake(Base):
    __tablename__ = "stocktakes"
    __table_args__ = (CheckConstraint(check_constraint("status", STOCKTAKE.states), name="status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str | None] = mapped_column(String(32), unique=True)
    location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"))  # None: every location
    status: Mapped[str] = mapped_column(String(12), default="open", index=True)
    note: Mapped[str | None] = mapped_column(Text)
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_by: Mapped[str] = mapped_column(String(64))
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, index=True)
    closed_by: Mapped[str | None] = mapped_column(String(64))
    applied_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    applied_by: Mapped[str | None] = mapped_column(String(64))


class StocktakeEntry(Base):
    """What has been scanned into an open stocktake: one row per unit (or unknown code), however often scanned."""

    __tablename__ = "stocktake_entries"
    # The constraint is the dedupe: two PCs scanning the same unit meet on it and add up.
    __table_args__ = (UniqueConstraint("stocktake_id", "unit_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    stocktake_id: Mapped[int] = mapped_column(ForeignKey("stocktakes.id"))
    unit_key: Mapped[str] = mapped_column(String(100))
    serial_id: Mapped[int | None] = mapped_column(ForeignKey("serials.id"))
    serial: Mapped[str] = mapped_column(String(64))
    gtin: Mapped[str | None] = mapped_column(String(14))
    raw: Mapped[str] = mapped_column(String(500))
    scans: Mapped[int] = mapped_column(default=1)
    first_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    last_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    last_by: Mapped[str] = mapped_column(String(64))


class StocktakeResult(Base):
    """A closed stocktake's outcome per unit, frozen at closing so the report and "apply" see what was decided."""

    __tablename__ = "stocktake_results"
    __table_args__ = (Index("ix_stocktake_results_stocktake_id_outcome", "stocktake_id", "outcome"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    stocktake_id: Mapped[int] = mapped_column(ForeignKey("stocktakes.id"))
    outcome: Mapped[str] = mapped_column(String(12))
    serial_id: Mapped[int | None] = mapped_column(ForeignKey("serials.id"), index=True)
    serial: Mapped[str] = mapped_column(String(64))
    sku: Mapped[str | None] = mapped_column(String(64))
    recorded_status: Mapped[str | None] = mapped_column(String(24))
    recorded_location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"))
    scans: Mapped[int] = mapped_column(default=0)


class Device(Base):
    """A phone or PDA paired with this SNApp: people log in through it; revoking it ends their sessions.

    Its secret lives only on the device (256 random bits, so a SHA-256 is kept, as for API keys).
    """

    __tablename__ = "devices"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    paired_by: Mapped[str] = mapped_column(String(64))  # who showed the pairing code
    paired_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_user: Mapped[str | None] = mapped_column(String(64))  # who last logged in through it
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class PairingCode(Base):
    """A one-time code the desktop shows (in a QR code) so a phone can pair; short-lived, kept as a SHA-256."""

    __tablename__ = "pairing_codes"
    id: Mapped[int] = mapped_column(primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    device_id: Mapped[int | None] = mapped_column(ForeignKey("devices.id"))


class ManifestSerial(Base):
    """One serial of a supplier's manifest for a PO line: what the supplier says it is sending."""

    __tablename__ = "manifest_serials"
    __table_args__ = (
        UniqueConstraint("po_line_id", "serial"),
        Index("ix_manifest_serials_item_id_serial", "item_id", "serial"),  # is a scan on another PO's manifest?
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    po_line_id: Mapped[int] = mapped_column(ForeignKey("po_lines.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    serial: Mapped[str] = mapped_column(String(64).with_variant(String(64, collation="C"), "postgresql"))
    added_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    added_by: Mapped[str] = mapped_column(String(64))


# --- after-sales ---------------------------------------------------------------


class Customer(Base):
    __tablename__ = "customers"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    contact: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(64))
    email: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(Text)


class Handover(Base):
    """A unit leaving our hands to someone: shipped to a customer, or issued to a person, department or project.

    The unit's latest handover says who has it while it is shipped or issued;
    a shipment made before customers were recorded has none ("customer unknown").
    """

    __tablename__ = "handovers"
    __table_args__ = (Index("ix_handovers_serial_id_id", "serial_id", "id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    serial_id: Mapped[int] = mapped_column(ForeignKey("serials.id"))
    action: Mapped[str] = mapped_column(String(16))  # ship, replace or issue
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    recipient: Mapped[str | None] = mapped_column(String(200))
    recipient_kind: Mapped[str | None] = mapped_column(String(12))
    ref: Mapped[str | None] = mapped_column(String(100))  # the delivery note
    warranty_end: Mapped[dt.date | None] = mapped_column(index=True)  # the customer's warranty, ship and replace


class CustomerRma(Base):
    """A customer's return: the unit, who returned it and why, and what inspection decided."""

    __tablename__ = "customer_rmas"
    __table_args__ = (CheckConstraint(check_constraint("status", RMA.states), name="status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    serial_id: Mapped[int] = mapped_column(ForeignKey("serials.id"), index=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12), default="open", index=True)
    opened_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    opened_by: Mapped[str] = mapped_column(String(64))
    resolution: Mapped[str | None] = mapped_column(String(12))
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, index=True)
    resolved_by: Mapped[str | None] = mapped_column(String(64))
    replacement_id: Mapped[int | None] = mapped_column(ForeignKey("serials.id"), index=True)
    promised_on: Mapped[dt.date | None] = mapped_column(Date, index=True)  # the day the customer was promised an answer


class SupplierRma(Base):
    """A unit sent back to its supplier under the supplier's RMA number, until it or its replacement is back."""

    __tablename__ = "supplier_rmas"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40))  # the supplier's; unique per supplier
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id"))
    serial_id: Mapped[int] = mapped_column(ForeignKey("serials.id"), index=True)
    expected_on: Mapped[dt.date | None] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(12), default="open", index=True)
    sent_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    sent_by: Mapped[str] = mapped_column(String(64))
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    resolved_by: Mapped[str | None] = mapped_column(String(64))
    replacement_id: Mapped[int | None] = mapped_column(ForeignKey("serials.id"), index=True)
    __table_args__ = (
        CheckConstraint(check_constraint("status", SUPPLIER_RMA.states), name="status"),
        UniqueConstraint("supplier_id", "number"),
    )


class RepairRecord(Base):
    """What was wrong with a unit and what was done about it, on our bench or at the supplier."""

    __tablename__ = "repairs"
    __table_args__ = (CheckConstraint("place IN ('bench', 'supplier')", name="place"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    serial_id: Mapped[int] = mapped_column(ForeignKey("serials.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    fault: Mapped[str] = mapped_column(Text)
    work: Mapped[str | None] = mapped_column(Text)
    parts: Mapped[str | None] = mapped_column(Text)
    cost: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    technician: Mapped[str | None] = mapped_column(String(100))
    place: Mapped[str] = mapped_column(String(12))
    user_name: Mapped[str] = mapped_column(String(64))


class AftersalesSetting(Base):
    """After-sales choices that hold for every PC: the replacement warranty policy, the days a return's answer is promised in."""

    __tablename__ = "aftersales_settings"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


# Used by bulk paths that bypass the ORM unit of work.
serials_table = Serial.__table__
events_table = SerialEvent.__table__
exceptions_table = ExceptionCase.__table__
stocktake_entries_table = StocktakeEntry.__table__
stocktake_results_table = StocktakeResult.__table__
audit_table = AuditEntry.__table__
chain_head_table = AuditChainHead.__table__
manifest_serials_table = ManifestSerial.__table__


class IdempotentRequest(Base):
    """A POST sent with an ``Idempotency-Key``, by caller: its first answer, replayed to every retry for a day.

    ``status`` is None while the first request is still being answered.
    """

    __tablename__ = "idempotent_requests"
    __table_args__ = (UniqueConstraint("caller", "key", name="uq_idempotent_requests_caller_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    caller: Mapped[str] = mapped_column(String(80))
    key: Mapped[str] = mapped_column(String(200))
    fingerprint: Mapped[str] = mapped_column(String(64))  # SHA-256 of method, path and body
    status: Mapped[int | None]
    content_type: Mapped[str | None] = mapped_column(String(100))
    body: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class POAmendment(Base):
    """A change to an approved PO: why, by whom, and what changed (``changes``: JSON of before and after)."""

    __tablename__ = "po_amendments"
    __table_args__ = (UniqueConstraint("po_id", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    po_id: Mapped[int] = mapped_column(ForeignKey("purchase_orders.id"))
    seq: Mapped[int]  # 1 for a PO's first amendment
    amended_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    amended_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(Text)
    changes: Mapped[str] = mapped_column(Text)


# A recall by batch and the list of expiring stock (migration 0013_recall).
Index("ix_serials_batch", serials_table.c.batch)
Index("ix_serials_expiry", serials_table.c.expiry)
# A unit's events in order: its history, and its last move found by one probe (replaces the index on serial_id alone).
Index("ix_serial_events_serial_id_id", events_table.c.serial_id, events_table.c.id)


# --- quantity-only batches (migration 0018_batch_quantities) --------------------------------


class BatchStock(Base):
    """How many of one batch of an item lie at one location: the stock of items tracked by batch only."""

    __tablename__ = "batch_stock"
    __table_args__ = (
        UniqueConstraint("item_id", "batch", "location_id"),
        CheckConstraint("quantity >= 0", name="quantity"),  # an issue can never take more than is there
        Index("ix_batch_stock_expiry", "expiry"),  # the dashboard's expired and expiring figures
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    batch: Mapped[str] = mapped_column(String(20))
    expiry: Mapped[dt.date | None]
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"))
    quantity: Mapped[int]
    # Blocked by a recall: the pieces stay counted where they lie but are never issued until it is released.
    blocked: Mapped[bool] = mapped_column(default=False, server_default=false())


class BatchMove(Base):
    """A quantity received into or issued from a batch's stock: where every piece of a batch went."""

    __tablename__ = "batch_moves"
    __table_args__ = (
        CheckConstraint("action IN ('receive', 'issue')", name="action"),
        CheckConstraint("quantity > 0", name="quantity"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    stock_id: Mapped[int] = mapped_column(ForeignKey("batch_stock.id"), index=True)
    action: Mapped[str] = mapped_column(String(8))
    quantity: Mapped[int]
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    receipt_line_id: Mapped[int | None] = mapped_column(ForeignKey("receipt_lines.id"), index=True)
    ref: Mapped[str | None] = mapped_column(String(100))  # the receipt, or to whom it was issued
    note: Mapped[str | None] = mapped_column(Text)
# --- custom fields (migration 0014_custom_fields) ----------------------------------


class FieldDefinition(Base):
    """A field an admin defined on an item (an IMEI, a MAC address, a firmware version): see snapp.domain.fields."""

    __tablename__ = "field_defs"
    __table_args__ = (
        UniqueConstraint("item_id", "name"),
        CheckConstraint(check_constraint("kind", FieldKind), name="kind"),
        CheckConstraint(check_constraint("uniqueness", Uniqueness), name="uniqueness"),
        CheckConstraint(check_constraint("letter_case", LetterCase), name="letter_case"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    name: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(8))
    required: Mapped[bool] = mapped_column(default=False)
    uniqueness: Mapped[str] = mapped_column(String(8), default="none")
    choices: Mapped[str | None] = mapped_column(Text)  # JSON list, choice fields only
    pattern: Mapped[str | None] = mapped_column(String(200))
    scanned: Mapped[bool] = mapped_column(default=False)  # captured at receipt by a scan after the serial
    position: Mapped[int] = mapped_column(default=0)  # the order of the item's fields on a card and in a file
    letter_case: Mapped[str] = mapped_column(String(8), default="exact", server_default="exact")  # text: see LetterCase


class FieldValue(Base):
    """One unit's value of one field.

    ``scope`` is what a unique field's values must be unique within ("all:imei"
    across items, "field:7" within one item; NULL for a field that need not be):
    the unique index on (scope, value) is what refuses a second unit with the
    same IMEI, whichever PC or PostgreSQL session stores it. The index on value
    alone finds a unit by a scanned IMEI as fast as by its serial.
    """

    __tablename__ = "field_values"
    __table_args__ = (
        UniqueConstraint("serial_id", "field_id"),
        UniqueConstraint("scope", "value"),
        Index("ix_field_values_value", "value"),
    )  # no index on field_id: only an admin's change of a field reads by it, and every receipt would pay for one
    id: Mapped[int] = mapped_column(primary_key=True)
    serial_id: Mapped[int] = mapped_column(ForeignKey("serials.id"))
    field_id: Mapped[int] = mapped_column(ForeignKey("field_defs.id"))
    value: Mapped[str] = mapped_column(String(200).with_variant(String(200, collation="C"), "postgresql"))
    scope: Mapped[str | None] = mapped_column(String(48))


field_values_table = FieldValue.__table__
