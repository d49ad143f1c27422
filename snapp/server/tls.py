"""The server's TLS certificate: SNApp's own, made on first start, or one the admin supplies.

Phones need HTTPS for the camera, and tokens must not cross the office network
in clear. A self-signed certificate is trusted by its fingerprint, which the
desktop and `snapp serve` show; an admin with a company CA supplies their own.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

VALID_DAYS = 3650


@dataclass(frozen=True)
class Certificate:
    cert: Path
    key: Path

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.cert)


def fingerprint(cert: Path) -> str:
    """SHA-256 of a PEM certificate, as browsers show it: AB:CD:..."""
    loaded = x509.load_pem_x509_certificate(cert.read_bytes())
    return ":".join(f"{b:02X}" for b in loaded.fingerprint(hashes.SHA256()))


def own_certificate(folder: Path) -> Certificate:
    """SNApp's certificate in ``folder``, made the first time (its key readable by this user only)."""
    found = Certificate(folder / "snapp-cert.pem", folder / "snapp-key.pem")
    if found.cert.is_file() and found.key.is_file():
        return found
    folder.mkdir(parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    host = socket.gethostname()
    names: list[x509.GeneralName] = [x509.DNSName("localhost"), x509.DNSName(host)]
    names += [x509.IPAddress(ipaddress.ip_address(a)) for a in sorted(_addresses(host))]
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"SNApp on {host}")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=VALID_DAYS))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    pem_key = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    descriptor = os.open(found.key, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as out:
        out.write(pem_key)
    found.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return found


def _addresses(host: str) -> set[str]:
    """127.0.0.1 and this PC's own addresses, so phones on the LAN can reach it by IP."""
    found = {"127.0.0.1"}
    try:
        found |= {info[4][0] for info in socket.getaddrinfo(host, None, socket.AF_INET)}
    except OSError:
        pass
    return found
