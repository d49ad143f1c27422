"""A label printer for the tests: a raw port that keeps what it is sent, and a small reader of the ZPL
and TSPL jobs SNApp sends, doing with them what a printer would.

It reads only the commands SNApp writes and fails on anything else, so a test
notices a command it did not expect. Positions must be whole dots (``int()``
refuses anything else). ``draw`` puts a parsed label on a white image the size
of the label, each barcode encoded again by zxing-cpp at the module the
command asked for, each bitmap as sent; zxing-cpp can then read it back.
"""

from __future__ import annotations

import re
import socket
import threading
from dataclasses import dataclass, field

import zxingcpp
from PIL import Image

GS = "\x1d"
FIXED_AI = {"01": 14, "17": 6}
VARIABLE_AI = ("10", "21")


@dataclass
class Mark:
    kind: str  # text (a bitmap), code128, datamatrix, qr
    x: int
    y: int
    module: int = 0
    height: int = 0  # a Code 128's bar height
    data: str = ""  # as the printer decodes it: a DataMatrix's FNC1 as "\x1d" (the first one included)
    size: tuple[int, int] = (0, 0)  # a DataMatrix's columns and rows as asked
    bits: list[list[int]] = field(default_factory=list)  # a bitmap's rows, 1 = ink

    def extent(self) -> tuple[int, int, int, int]:
        """left, top, right, bottom in dots (right and bottom exclusive)."""
        if self.kind == "text":
            inked = [len(row) - row[::-1].index(1) for row in self.bits if 1 in row]
            return self.x, self.y, self.x + max(inked), self.y + len(self.bits)
        rows, columns, _ = self.symbol()
        height = self.height if self.kind == "code128" else rows * self.module
        return self.x, self.y, self.x + columns * self.module, self.y + height

    def symbol(self) -> tuple[int, int, bytes]:
        """rows, columns, and one byte a module (0 = dark)."""
        image = self._image()
        return image.shape[0], image.shape[1], memoryview(image).tobytes()

    def _image(self):
        if self.kind == "code128":
            return zxingcpp.create_barcode(self.data, zxingcpp.BarcodeFormat.Code128).to_image(scale=1, add_quiet_zones=False)
        if self.kind == "qr":
            made = zxingcpp.create_barcode(self.data, zxingcpp.BarcodeFormat.QRCode, ec_level="Q")
            return made.to_image(scale=1, add_quiet_zones=False)
        made = zxingcpp.create_barcode(human_readable(self.data), zxingcpp.BarcodeFormat.DataMatrix, gs1=True, force_square=True)
        return made.to_image(scale=1, add_quiet_zones=False)


@dataclass
class Label:
    width: int  # dots
    height: int
    marks: list[Mark]


def human_readable(fnc1_data: str) -> str:
    """GS1 data as the printer gets it (FNC1 first, GS after a variable field) as (AI)value text."""
    assert fnc1_data.startswith(GS), f"GS1 DataMatrix data must start with FNC1: {fnc1_data!r}"
    rest, out = fnc1_data[1:], []
    while rest:
        ai = rest[:2]
        if ai in FIXED_AI:
            value, rest = rest[2 : 2 + FIXED_AI[ai]], rest[2 + FIXED_AI[ai] :]
        else:
            assert ai in VARIABLE_AI, f"unexpected AI {ai!r} in {fnc1_data!r}"
            value, _, rest = rest[2:].partition(GS)
        out.append(f"({ai}){value}")
    return "".join(out)


class Listener:
    """A raw port on localhost that keeps every byte it is sent, as a printer's port 9100 does."""

    def __init__(self, *, read: bool = True):
        self.server = socket.create_server(("127.0.0.1", 0))
        if not read:
            self.server.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        self.port = self.server.getsockname()[1]
        self.address = f"127.0.0.1:{self.port}"
        self.received = bytearray()
        self.done = threading.Event()
        self.read = read
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        try:
            connection, _ = self.server.accept()
        except OSError:
            return  # closed before a job came
        with connection:
            if not self.read:
                self.done.wait(30)  # holds the connection open and takes nothing: a paused printer
                return
            try:
                while chunk := connection.recv(65536):
                    self.received += chunk
            except OSError:
                pass  # a sender that stops mid-job may reset the connection: the job ends with what came
            finally:
                self.done.set()

    def job(self) -> bytes:
        assert self.done.wait(10), "the listener never saw the job end"
        return bytes(self.received)

    def close(self) -> None:
        self.done.set()
        self.server.close()


def refused_address() -> str:
    """A port on localhost that nothing listens on: connecting to it is refused."""
    with socket.create_server(("127.0.0.1", 0)) as closed:
        return "127.0.0.1:%d" % closed.getsockname()[1]


# --- ZPL ------------------------------------------------------------------------------------


def _zpl_field_data(text: str, hex_escape: str | None) -> str:
    if hex_escape:
        text = re.sub(re.escape(hex_escape) + r"([0-9A-Fa-f]{2})", lambda m: chr(int(m[1], 16)), text)
    return text


def _zpl_bx_escapes(text: str, escape: str) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i] == escape:
            code = text[i + 1]
            if code == "1":
                out.append(GS)
                i += 2
            elif code == "d":
                out.append(chr(int(text[i + 2 : i + 5])))
                i += 5
            else:
                raise AssertionError(f"unexpected ^BX escape {text[i:i + 2]!r}")
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _zpl_bitmap(row_bytes: int, total: int, data: str) -> list[list[int]]:
    rows: list[str] = []
    current = ""
    for c in data:
        if c == ",":
            rows.append(current.ljust(row_bytes * 2, "0"))
            current = ""
        elif c == ":":
            assert not current and rows, "':' repeats a whole row"
            rows.append(rows[-1])
        else:
            assert c in "0123456789ABCDEF", f"unexpected ^GF character {c!r}"
            current += c
            if len(current) == row_bytes * 2:
                rows.append(current)
                current = ""
    assert not current and len(rows) * row_bytes == total, "^GF byte count does not match its rows"
    return [[int(bit) for byte in bytes.fromhex(row) for bit in f"{byte:08b}"] for row in rows]


def parse_zpl(job: bytes) -> list[Label]:
    text = job.decode("ascii")
    labels = []
    for body in re.findall(r"\^XA(.*?)\^XZ", text, re.S):
        width = height = 0
        marks: list[Mark] = []
        at: tuple[int, int] | None = None
        module = 0
        pending: Mark | None = None
        hex_escape: str | None = None
        bx_escape = ""
        for token in body.replace("\n", "").split("^")[1:]:
            command, args = token[:2], token[2:]
            if command == "PW":
                width = int(args)
            elif command == "LL":
                height = int(args)
            elif command == "LH":
                assert args == "0,0"
            elif command == "FO":
                x, y = args.split(",")
                at = (int(x), int(y))
            elif command == "BY":
                module = int(args)
            elif command == "BC":
                orientation, bar, line, above, check, mode = args.split(",")
                assert (orientation, line, above, check, mode) == ("N", "N", "N", "N", "A")
                pending = Mark("code128", *at, module=module, height=int(bar))
            elif command == "BX":
                orientation, h, quality, columns, rows, _format, escape = args.split(",")
                assert (orientation, quality) == ("N", "200")
                pending = Mark("datamatrix", *at, module=int(h), size=(int(columns), int(rows)))
                bx_escape = escape
            elif command == "BQ":
                orientation, model, magnification, ecc = args.split(",")
                assert (orientation, model, ecc) == ("N", "2", "Q")
                pending = Mark("qr", *at, module=int(magnification))
            elif command == "FH":
                hex_escape = args
            elif command == "FD":
                assert pending is not None, "^FD with no barcode before it"
                data = _zpl_field_data(args, hex_escape)
                if pending.kind == "datamatrix":
                    data = _zpl_bx_escapes(data, bx_escape)
                elif pending.kind == "qr":
                    assert data.startswith("QA,"), data
                    data = data[3:]
                pending.data = data
            elif command == "GF":
                form, total, total2, row_bytes, data = args.split(",", 4)
                assert form == "A" and total == total2
                pending = Mark("text", *at, bits=_zpl_bitmap(int(row_bytes), int(total), data))
            elif command == "FS":
                assert pending is not None
                marks.append(pending)
                pending, at, hex_escape = None, None, None
            else:
                raise AssertionError(f"unexpected ZPL command ^{command}")
        labels.append(Label(width, height, marks))
    return labels


# --- TSPL -----------------------------------------------------------------------------------


def _tspl_args(text: str) -> list[str]:
    out, current, quoted = [], "", False
    i = 0
    while i < len(text):
        c = text[i]
        if quoted and text.startswith('\\["]', i):
            current += '"'
            i += 4
            continue
        if c == '"':
            quoted = not quoted
        elif c == "," and not quoted:
            out.append(current)
            current = ""
        else:
            current += c
        i += 1
    return [*out, current]


def parse_tspl(job: bytes, dpi: int) -> list[Label]:
    labels: list[Label] = []
    size = (0, 0)
    marks: list[Mark] = []
    i = 0
    while i < len(job):
        end = job.index(b"\r\n", i)
        line = job[i:end]
        if line.startswith(b"BITMAP "):
            x, y, row_bytes, rows, mode = (int(v) for v in line[7:].split(b",", 5)[:5])
            assert mode == 0
            start = i + 7 + len(b",".join(line[7:].split(b",", 5)[:5])) + 1
            data = job[start : start + row_bytes * rows]
            assert job[start + row_bytes * rows : start + row_bytes * rows + 2] == b"\r\n"
            bits = [[1 - int(bit) for byte in data[r * row_bytes : (r + 1) * row_bytes] for bit in f"{byte:08b}"]
                    for r in range(rows)]  # fmt: skip
            marks.append(Mark("text", x, y, bits=bits))
            i = start + row_bytes * rows + 2
            continue
        command, _, rest = line.decode("ascii").partition(" ")
        args = _tspl_args(rest)
        if command == "SIZE":
            width, height = (float(v.strip().removesuffix(" mm")) for v in args)
            size = (round(width / 25.4 * dpi), round(height / 25.4 * dpi))
        elif command in ("GAP", "REFERENCE"):
            pass
        elif command == "CLS":
            marks = []
        elif command == "BARCODE":
            x, y, kind, height, readable, rotation, narrow, wide, data = args
            assert (kind, readable, rotation, narrow) == ("128", "0", "0", wide)
            marks.append(Mark("code128", int(x), int(y), module=int(narrow), height=int(height), data=data))
        elif command == "QRCODE":
            x, y, ecc, cell, mode, rotation, data = args
            assert (ecc, mode, rotation) == ("Q", "A", "0")
            marks.append(Mark("qr", int(x), int(y), module=int(cell), data=data))
        elif command == "DMATRIX":
            x, y, width, height, escape, module, rows, columns, data = args
            assert escape == "c126" and module.startswith("x")
            data = data.replace("~1", GS)
            data = re.sub(r"~d(\d{3})", lambda m: chr(int(m[1])), data)
            mark = Mark("datamatrix", int(x), int(y), module=int(module[1:]), size=(int(columns), int(rows)), data=data)
            assert (int(width), int(height)) == (mark.size[0] * mark.module, mark.size[1] * mark.module)
            marks.append(mark)
        elif command == "PRINT":
            assert args == ["1", "1"]
            labels.append(Label(*size, marks))
        else:
            raise AssertionError(f"unexpected TSPL command {command}")
        i = end + 2
    return labels


# --- what a printer would print -------------------------------------------------------------


def draw(label: Label) -> Image.Image:
    image = Image.new("L", (label.width, label.height), 255)
    pixels = image.load()
    for mark in label.marks:
        if mark.kind == "text":
            for r, row in enumerate(mark.bits):
                for c, bit in enumerate(row):
                    if bit:
                        pixels[mark.x + c, mark.y + r] = 0
            continue
        rows, columns, modules = mark.symbol()
        module_h = mark.height if mark.kind == "code128" else mark.module
        for r in range(rows if mark.kind != "code128" else 1):
            for c in range(columns):
                if modules[r * columns + c] == 0:
                    image.paste(0, (mark.x + c * mark.module, mark.y + r * module_h,
                                    mark.x + (c + 1) * mark.module, mark.y + (r + 1) * module_h))  # fmt: skip
    return image
