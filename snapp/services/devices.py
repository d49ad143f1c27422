"""Paired phones and PDAs: a one-time pairing code, the device's own secret, and revoking it.

An admin shows a pairing code (the desktop puts it in a QR code with the
server's address and certificate fingerprint; ``snapp device pair-code``
prints it on a server without a screen). The phone sends the code with a name
for itself and gets a device secret, shown once and kept only on the phone.
Logging in with that secret beside the password binds the session token to the
device: the audit trail names the device with the person, and revoking the
device ends every session opened through it, on every server at once.

Codes live ten minutes, serve once, and are kept as a SHA-256 only; guessing is
limited by the same per-address count as logins.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from urllib.parse import urlencode

from sqlalchemy import delete, select, update

from snapp.db.engine import Database
from snapp.db.models import ApiCredential, Device, PairingCode, utcnow
from snapp.domain.capture import normalise
from snapp.domain.permissions import Permission
from snapp.errors import AuthenticationFailed, NotFound, Problem, Text, ValidationError
from snapp.services.access import digest
from snapp.services.base import UnitOfWork, service, write_audit

PAIRING_MINUTES = 10  # long enough to walk to the phone, short enough that a photo of the screen is soon worthless
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: a code may be read off a screen and typed
CODE_LENGTH = 10  # 50 bits: against 30 guesses a minute per address, no chance within ten minutes
NAME_MOST = 64
PAIR_PAGE = "/floor/pair.html"
SECRET_PREFIX = "snd_"


@dataclass(frozen=True)
class PairingOffer:
    code: str  # shown once, as XXXXX-XXXXX
    expires_at: dt.datetime


@dataclass(frozen=True)
class DeviceRecord:
    id: int
    name: str
    paired_by: str
    paired_at: dt.datetime
    last_seen_at: dt.datetime | None
    last_user: str | None
    revoked_at: dt.datetime | None


def _canonical(code: str) -> str:
    """A code as typed or scanned: any case, with or without its dash or spaces."""
    return "".join(ch for ch in normalise(code).upper() if ch not in "- ")


def pair_url(address: str, fingerprint: str, code: str) -> str:
    """What the desktop's QR code holds: the pairing page of ``address`` (https://IP:PORT), the code, the fingerprint.

    The code and fingerprint ride in the fragment, which a browser never sends
    to a server or writes into a log.
    """
    return f"{address.rstrip('/')}{PAIR_PAGE}#" + urlencode({"code": code, "fp": fingerprint}, safe=":-")


@service(Permission.ADMIN)
def new_pairing_code(uow: UnitOfWork) -> PairingOffer:
    """A one-time code for pairing one phone or PDA; codes that ended a day ago are cleared away."""
    now = utcnow()
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    expires = now + dt.timedelta(minutes=PAIRING_MINUTES)
    uow.session.execute(delete(PairingCode).where(PairingCode.expires_at < now - dt.timedelta(days=1)))
    uow.session.add(PairingCode(code_hash=digest(raw), created_by=uow.actor.name, created_at=now, expires_at=expires))
    uow.session.flush()
    uow.audit("device.pairing_code", "device", "-", after={"expires_at": expires})
    half = CODE_LENGTH // 2
    return PairingOffer(f"{raw[:half]}-{raw[half:]}", expires)


def pair(db: Database, code: str, name: str, address: str | None = None) -> tuple[DeviceRecord, str]:
    """Pair a device with a code an admin showed: its record, and its secret (shown this once).

    The code is the credential, so no one is logged in; the code is spent in
    the same transaction as the device is made, so two phones racing with one
    code get one device between them. An unknown, used or expired code gets
    one answer, so a guesser learns nothing from it.
    """
    name = normalise(name)
    if not name or len(name) > NAME_MOST or not name.isprintable():
        raise ValidationError([Problem("name", name, "name", Text("devices.name", most=NAME_MOST))])
    now = utcnow()
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    with db.session(write=True) as session:
        claimed = session.execute(
            update(PairingCode)
            .where(PairingCode.code_hash == digest(_canonical(code)), PairingCode.used_at.is_(None),
                   PairingCode.expires_at > now)  # fmt: skip
            .values(used_at=now)
            .returning(PairingCode.id, PairingCode.created_by)
        ).first()
        if claimed is None:
            raise AuthenticationFailed("devices.bad_code", minutes=PAIRING_MINUTES)
        device = Device(name=name, secret_hash=digest(secret), paired_by=claimed.created_by, paired_at=now)
        session.add(device)
        session.flush()
        session.execute(update(PairingCode).where(PairingCode.id == claimed.id).values(device_id=device.id))
        write_audit(session, claimed.created_by, "device.pair", "device", str(device.id),
                    after={"name": name, "address": address})  # fmt: skip
        session.commit()
        return _record(device), secret


def device_of(db: Database, secret: str) -> int:
    """The id of the paired device whose secret this is; refused when unknown or revoked."""
    with db.session(write=False) as session:
        device = session.scalar(select(Device).where(Device.secret_hash == digest(secret.strip())))
    if device is None:
        raise AuthenticationFailed("devices.unknown")
    if device.revoked_at is not None:
        raise AuthenticationFailed("devices.revoked", name=device.name)
    return device.id


@service(Permission.ADMIN, write=False)
def list_devices(uow: UnitOfWork) -> list[DeviceRecord]:
    """Every device ever paired, revoked ones too (the audit trail names them), newest first."""
    return [_record(row) for row in uow.session.scalars(select(Device).order_by(Device.id.desc()))]


@service(Permission.ADMIN)
def revoke_device(uow: UnitOfWork, device_id: int) -> DeviceRecord:
    """The device can log in no more, and every session opened through it ends now, on every server."""
    device = uow.session.scalar(select(Device).where(Device.id == device_id).with_for_update())
    if device is None:
        raise NotFound("devices.none", id=device_id)
    if device.revoked_at is None:
        now = utcnow()
        device.revoked_at = now
        ended = uow.session.execute(
            update(ApiCredential)
            .where(ApiCredential.device_id == device.id, ApiCredential.revoked_at.is_(None))
            .values(revoked_at=now)
        ).rowcount
        uow.session.flush()
        uow.audit("device.revoke", "device", str(device.id), after={"name": device.name, "sessions_ended": ended})
    return _record(device)


def _record(row: Device) -> DeviceRecord:
    return DeviceRecord(row.id, row.name, row.paired_by, row.paired_at, row.last_seen_at, row.last_user, row.revoked_at)
