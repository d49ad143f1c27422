"""`snapp serve`: the HTTP API, over HTTPS with SNApp's own certificate unless told otherwise."""

from __future__ import annotations

import argparse
from pathlib import Path

from snapp.cli import common
from snapp.server import DEFAULT_PORT


def cmd_serve(args: argparse.Namespace) -> None:
    from snapp.db.engine import data_dir
    from snapp.server.run import serve
    from snapp.server.tls import Certificate, own_certificate

    if args.plain_http:
        certificate = None
    elif args.cert and args.key:
        certificate = Certificate(Path(args.cert), Path(args.key))
    else:
        certificate = own_certificate(data_dir() / "tls")
    serve(common.database(args, migrate=True), args.host, args.port, certificate=certificate, cors=args.cors_origin,
          with_parent=args.with_parent)  # fmt: skip


def build(cli, name: str) -> None:
    serve = cli.command(None, name, cmd_serve)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this PC only)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    serve.add_argument("--cert", help="the server's certificate (PEM); default: SNApp's own, made on first start")
    serve.add_argument("--key", help="the private key of --cert (PEM)")
    serve.add_argument("--plain-http", action="store_true",
                       help="no TLS: only behind a reverse proxy that terminates HTTPS, or on this PC alone")  # fmt: skip
    serve.add_argument("--with-parent", action="store_true",
                       help="stop when standard input closes (how the desktop app ties the server to itself)")  # fmt: skip
    serve.add_argument("--cors-origin", action="append", default=[], metavar="ORIGIN",
                       help="let web pages from ORIGIN call the API (default: none)")  # fmt: skip
