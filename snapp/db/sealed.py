"""The envelope of a backup file: checksummed, or sealed with a passphrase.

A plain backup is ``SNAPPBK0`` + the SHA-256 of the content (32 bytes) + the
content (the SQLite file or the pg_dump archive, as they are): any changed
byte is caught before a restore touches anything, which neither an SQLite
integrity check nor pg_restore would promise.

A sealed backup is encrypted and authenticated. Layout: a header (magic, scrypt salt and cost, a random nonce prefix), then
the file in 1 MiB chunks, each ``length (4 bytes) + AES-256-GCM ciphertext``.
Chunk ``i`` is sealed under the nonce ``prefix (7) + i (4) + last (1)`` with
the header as associated data, so a changed header, a chunk changed, moved,
dropped, or a file cut short all fail to open — a wrong passphrase too. The
key comes from the passphrase through scrypt (2^15, 8, 1: about 32 MiB and a
tenth of a second), so guessing passphrases offline is slow.
"""

from __future__ import annotations

import hashlib
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
CHUNK = 1 << 20
_HEADER = struct.Struct(">8s16sBBB7s")  # magic, salt, log2(n), r, p, nonce prefix
_LENGTH = struct.Struct(">I")


def is_sealed(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(len(MAGIC)) == MAGIC


def is_wrapped(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(len(PLAIN_MAGIC)) == PLAIN_MAGIC


def wrap(source: Path, target: Path) -> None:
    digest = hashlib.sha256()
    with open(source, "rb") as src:
        while chunk := src.read(CHUNK):
            digest.update(chunk)
    with open(source, "rb") as src, open(target, "wb") as out:
        out.write(PLAIN_MAGIC + digest.digest())
        while chunk := src.read(CHUNK):
            out.write(chunk)


def unwrap(source: Path, target: Path) -> None:
    """Write the content, or raise BackupError if it is not the content the checksum was made of."""
    digest = hashlib.sha256()
    with open(source, "rb") as src, open(target, "wb") as out:
        header = src.read(len(PLAIN_MAGIC) + digest.digest_size)
        while chunk := src.read(CHUNK):
            digest.update(chunk)
            out.write(chunk)
    if len(header) < len(PLAIN_MAGIC) + digest.digest_size or header[len(PLAIN_MAGIC) :] != digest.digest():
        raise BackupError(f"{source} is damaged: its content no longer matches its checksum")


def seal(source: Path, target: Path, passphrase: str) -> None:
    salt, prefix, log_n, r, p = os.urandom(16), os.urandom(7), 15, 8, 1
    header = _HEADER.pack(MAGIC, salt, log_n, r, p, prefix)
    aead = AESGCM(_key(passphrase, salt, log_n, r, p))
    with open(source, "rb") as src, open(target, "wb") as out:
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
    with open(source, "rb") as src, open(target, "wb") as out:
        header = src.read(_HEADER.size)
        if len(header) < _HEADER.size:
            raise BackupError(f"{source} is cut short: not a whole sealed SNApp backup")
        magic, salt, log_n, r, p, prefix = _HEADER.unpack(header)
        if magic != MAGIC or not 10 <= log_n <= 22:
            raise BackupError(f"{source} is not a sealed SNApp backup")
        aead = AESGCM(_key(passphrase, salt, log_n, r, p))
        index, chunk = 0, _read_chunk(src)
        while chunk is not None:
            following = _read_chunk(src)
            try:
                out.write(aead.decrypt(_nonce(prefix, index, last=following is None), chunk, header))
            except InvalidTag:
                raise BackupError(
                    f"{source} cannot be opened: the passphrase is wrong, or the file was damaged or cut short"
                ) from None
            chunk, index = following, index + 1
        if index == 0:
            raise BackupError(f"{source} is cut short: it holds no data")


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
