"""Paired phones and PDAs: the list, revoking one, and a pairing code for a server without a screen."""

from __future__ import annotations

import argparse
from pathlib import Path

from snapp.cli import common
from snapp.cli.common import emit, table
from snapp.server import DEFAULT_PORT


def cmd_device_list(args: argparse.Namespace) -> None:
    from snapp.services import devices

    rows = devices.list_devices(common.context(args))
    emit(args, rows, lambda rs: table(
        [(r.id, r.name, r.paired_by, r.paired_at, r.last_seen_at, r.last_user, "revoked" if r.revoked_at else "active")
         for r in rs],
        ["ID", "NAME", "PAIRED BY", "PAIRED", "LAST SEEN", "LAST USER", "STATE"]))  # fmt: skip


def cmd_device_revoke(args: argparse.Namespace) -> None:
    from snapp.services import devices

    record = devices.revoke_device(common.context(args), args.id)
    emit(args, record, lambda r: print(f"device {r.id} ({r.name}) revoked: its sessions have ended"))


def cmd_device_pair_code(args: argparse.Namespace) -> None:
    from snapp.db.engine import data_dir
    from snapp.server import lan_address
    from snapp.server.tls import fingerprint, own_certificate
    from snapp.services import devices

    ctx = common.context(args)
    cert = Path(args.cert) if args.cert else own_certificate(data_dir() / "tls").cert
    address = args.address or f"https://{lan_address()}:{DEFAULT_PORT}"
    offer = devices.new_pairing_code(ctx)
    url = devices.pair_url(address, fingerprint(cert), offer.code)
    emit(args, {"code": offer.code, "expires_at": offer.expires_at, "url": url, "fingerprint": fingerprint(cert)},
         lambda r: print(f"pairing code {r['code']} (once, until {common.cell(r['expires_at'])})\n"
                         f"open on the phone: {r['url']}\ncertificate fingerprint (SHA-256): {r['fingerprint']}"))  # fmt: skip


def build(cli, name: str) -> None:
    group = cli.group("device")
    cli.command(group, "list", cmd_device_list, "paired phones and PDAs, with who last used them (admin)")
    revoke = cli.command(group, "revoke", cmd_device_revoke,
                         "revoke a device: it can log in no more and its sessions end at once (admin)")  # fmt: skip
    revoke.add_argument("id", type=int, help="the device's ID (see 'snapp device list')")
    code = cli.command(group, "pair-code", cmd_device_pair_code,
                       "a one-time code and link to pair a phone or PDA, for a server with no screen (admin)")  # fmt: skip
    code.add_argument("--address", help=f"how phones reach 'snapp serve' (default https://THIS-PC:{DEFAULT_PORT})")
    code.add_argument("--cert", help="the certificate 'snapp serve --cert' uses (default: SNApp's own)")
