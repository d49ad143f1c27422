"""The envelope of a backup file: checksummed, keyed, or sealed with a passphrase.

A plain backup is ``SNAPPBK0`` + the SHA-256 of the content (32 bytes) + the
content (the SQLite file or the pg_dump archive, as they are): any changed
byte is caught before a restore touches anything, which neither an SQLite
integrity check nor pg_restore would promise. The checksum has no key, so
whoever edits the content can write a new one: it proves the file was not
damaged, not that nobody changed it on purpose. With a site key, the plain
backup is ``SNAPPBK2`` + HMAC-SHA256(key, content): only a holder of the key
can make one that opens.

A sealed backup is encrypted and authenticated. Layout: a header (magic, scrypt salt and cost, a random nonce prefix), then
the file in 1 MiB chunks, each ``length (4 bytes) + AES-256-GCM ciphertext``.
Chunk ``i`` is sealed under the nonce ``prefix (7) + i (4) + last (1)`` with
the header as associated data, so a changed header, a chunk changed, moved,
dropped, or a file cut short all fail to open — a wrong passphrase too. The
key comes from the passphrase through scrypt (2^15, 8, 1: about 32 MiB and a
tenth of a second), so guessing passphrases offline is slow. The cost comes
from the file, so it is bounded: a crafted header must not make a restore
run for hours or take the PC's memory.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from snapp.errors import BackupError

MAGIC = b"SNAPPBK1"
PLAIN_MAGIC = b"SNAPPBK0"
KEYED_MAGIC = b"SNAPPBK2"
CHUNK = 1 << 20
_HEADER = struct.Struct(">8s16sBBB7s")  # magic, salt, log2(n), r, p, nonce prefix
_LENGTH = struct.Struct(">I")
# scrypt needs 128 * r * n bytes and p times the work; what SNApp writes is 32 MiB.
MAX_SCRYPT_MEMORY = 256 << 20
MAX_SCRYPT_P = 4


def is_sealed(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(len(MAGIC)) == MAGIC


def is_wrapped(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(len(PLAIN_MAGIC)) in (PLAIN_MAGIC, KEYED_MAGIC)


def wrap(source: Path, target: Path, key: bytes | None = None) -> None:
    """The plain envelope: a SHA-256, or with ``key`` an HMAC only the key's holders can make."""
    digest = _digest(key)
    with open(source, "rb") as src:
        while chunk := src.read(CHUNK):
            digest.update(chunk)
    with open(source, "rb") as src, _private(target) as out:
        out.write((KEYED_MAGIC if key else PLAIN_MAGIC) + digest.digest())
        while chunk := src.read(CHUNK):
            out.write(chunk)


def unwrap(source: Path, target: Path, key: bytes | None = None) -> None:
    """Write the content, or raise BackupError if it is not the content the checksum (or, keyed, the HMAC) was made of.

    With a site key, a file without the key's seal is refused: anyone can write a bare checksum.
    """
    with open(source, "rb") as src:
        magic = src.read(len(PLAIN_MAGIC))
        if key and magic != KEYED_MAGIC:
            raise BackupError("backup.unkeyed", path=str(source))
        if not key and magic == KEYED_MAGIC:
            raise BackupError("backup.needs_key", path=str(source))
        digest = _digest(key)
        with _private(target) as out:
            expected = src.read(digest.digest_size)
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
    if len(expected) < digest.digest_size or not hmac.compare_digest(expected, digest.digest()):
        raise BackupError("backup.checksum", path=str(source))


def _digest(key: bytes | None):
    return hmac.new(key, digestmod=hashlib.sha256) if key else hashlib.sha256()


def _private(path: Path) -> BinaryIO:
    """A new file only its owner can read: what it holds may be the whole database."""
    return os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600), "wb")


def seal(source: Path, target: Path, passphrase: str) -> None:
    salt, prefix, log_n, r, p = os.urandom(16), os.urandom(7), 15, 8, 1
    header = _HEADER.pack(MAGIC, salt, log_n, r, p, prefix)
    aead = AESGCM(_key(passphrase, salt, log_n, r, p))
    with open(source, "rb") as src, _private(target) as out:
        out.write(header)
        chunk, index = src.read(CHUNK), 0
        while True:
            following = src.read(CHUNK)
            sealed = aead.encrypt(_nonce(prefix, index, last=not following), chunk, header)
            out.write(_LENGTH.pack(len(sealed)) + sealed)
            if not following:
                break
            chunk, index = following, index + 1


def unseal(source: Path, target: Path, passphrase: str) -> None:
    """Write the plain file, or raise BackupError (wrong passphrase, or the file was changed or cut short)."""
    with open(source, "rb") as src, _private(target) as out:
        header = src.read(_HEADER.size)
        if len(header) < _HEADER.size:
            raise BackupError("backup.sealed_short", path=str(source))
        magic, salt, log_n, r, p, prefix = _HEADER.unpack(header)
        if magic != MAGIC:
            raise BackupError("backup.not_sealed", path=str(source))
        if not (10 <= log_n and 1 <= r and 1 <= p <= MAX_SCRYPT_P and 128 * r * 2**log_n <= MAX_SCRYPT_MEMORY):
            raise BackupError("backup.sealed_cost", path=str(source), log_n=log_n, r=r, p=p)
        aead = AESGCM(_key(passphrase, salt, log_n, r, p))
        index, chunk = 0, _read_chunk(src)
        while chunk is not None:
            following = _read_chunk(src)
            try:
                out.write(aead.decrypt(_nonce(prefix, index, last=following is None), chunk, header))
            except InvalidTag:
                raise BackupError("backup.sealed_wrong", path=str(source)) from None
            chunk, index = following, index + 1
        if index == 0:
            raise BackupError("backup.sealed_empty", path=str(source))


def _read_chunk(src: BinaryIO) -> bytes | None:
    length = src.read(_LENGTH.size)
    if not length:
        return None
    (size,) = _LENGTH.unpack(length.ljust(_LENGTH.size, b"\0"))
    return src.read(min(size, CHUNK + 16))


def _nonce(prefix: bytes, index: int, *, last: bool) -> bytes:
    return prefix + struct.pack(">IB", index, last)


def _key(passphrase: str, salt: bytes, log_n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=2**log_n, r=r, p=p).derive(passphrase.encode("utf-8"))


def site_key() -> bytes | None:
    """The site's backup key, from ``SNAPP_BACKUP_KEY``: every backup written carries its HMAC; a restore needs it."""
    value = os.environ.get("SNAPP_BACKUP_KEY")
    return value.encode("utf-8") if value else None
