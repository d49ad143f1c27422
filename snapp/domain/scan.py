"""What a scan says: one decoder for every code a warehouse meets.

A keyboard-wedge scanner types what it reads, shaped by its settings (a
`ScannerProfile`): how it sends GS1's FNC1 separator (ASCII 29, a literal
such as ``029`` or ``^]``, or nothing), whether an AIM symbology identifier
(``]d2`` DataMatrix, ``]C1`` GS1-128, ``]Q3`` QR) comes first, and the suffix
(Enter or Tab). `decode()` undoes those settings and returns a `Reading`:

- a plain serial;
- a GS1 element string or a GS1 Digital Link URL (parsed by biip), giving a
  GTIN, serial, batch and expiry;
- a 20-digit Chinese drug traceability code (药品追溯码), kept whole as the
  unit's serial (see `DRUG_CODE_LENGTH`);
- a China UDI in the MA (IDcode, ZIIOT) form, ``MA.156.M0.100001.10000011.S...``.

A code that cannot be read is a Reading with a `Fault` and a plain reason;
the raw scan is always kept. Nothing here says "counterfeit": a code is
readable or not, and whether a unit is ours is the ledger's question.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from dataclasses import dataclass, replace
from enum import StrEnum

from biip import ParseError, parse
from biip.gs1_messages import GS1Message
from biip.gtin import Gtin

from snapp.domain.capture import bad_characters, bad_gs1_date, normalise

GS = "\x1d"
SERIAL_MAX = 64  # the ledger's serial column
GS1_SERIAL_MAX = 20  # AI (21) is X..20


class Kind(StrEnum):
    SERIAL = "serial"
    GS1 = "gs1"
    DIGITAL_LINK = "gs1_digital_link"
    DRUG_CODE = "drug_trace_code"
    MA_UDI = "china_udi_ma"


class Fault(StrEnum):
    EMPTY = "empty"
    BAD_CHECK_DIGIT = "bad_check_digit"
    AMBIGUOUS_SPLIT = "ambiguous_split"  # a GS separator is missing, several readings fit
    BAD_CHARACTERS = "bad_characters"  # outside GS1's CSET 82
    WRONG_LENGTH = "wrong_length"
    NO_SERIAL = "no_serial"  # names a product, not a unit
    UNREADABLE = "unreadable"


# --- the scanner's settings ------------------------------------------------------

GS_NAMES = {GS: "ASCII 29 (GS)", "": "nothing"}
SUFFIXES = {"\r": "Enter", "\n": "Enter (LF)", "\t": "Tab", "": "nothing"}


@dataclass(frozen=True)
class ScannerProfile:
    """How one scanner is set up; kept per PC by the desktop client."""

    gs: str = GS  # what arrives for FNC1: GS, a literal such as "029", "^]", "<GS>", or "" (dropped)
    prefix: bool = False  # the scanner sends an AIM symbology identifier (]d2, ]C1, ]Q3) first
    suffix: str = "\r"  # Enter, Tab or nothing after each scan

    def describe(self) -> str:
        gs = GS_NAMES.get(self.gs, repr(self.gs))
        prefix = "with" if self.prefix else "without"
        return f"GS sent as {gs}, {prefix} symbology identifier, ends with {SUFFIXES.get(self.suffix, repr(self.suffix))}"


# --- what SNApp reads ---------------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    raw: str  # exactly what arrived
    kind: Kind | None  # None when nothing could be read
    serial: str | None = None
    gtin: str | None = None  # GTIN-14
    batch: str | None = None
    expiry: dt.date | None = None
    product_code: str | None = None  # MA UDI-DI, or the drug code's product part
    symbology: str | None = None  # "]d2"
    fault: Fault | None = None
    message: str = ""  # what was read, or why it could not be
    warnings: tuple[str, ...] = ()
    caps_lock: bool = False  # the letters arrived with their case inverted and were turned back
    alternatives: tuple[str, ...] = ()  # other serials the code could hold if a GS was dropped

    @property
    def ok(self) -> bool:
        return self.fault is None


def decode(raw: str, profile: ScannerProfile | None = None) -> Reading:
    """Read one scan as its scanner sent it; never raises for bad input."""
    profile = profile or ScannerProfile()
    text, caps = _undo_settings(raw, profile)
    if not text:
        return Reading(raw, None, fault=Fault.EMPTY, message="the scan is empty")
    warnings = [CAPS_LOCK_WARNING] if caps else []
    symbology = text[:3] if _SYMBOLOGY(text) else None
    data = text[3:] if symbology else text
    if profile.prefix and not symbology:
        warnings.append("this scan has no symbology identifier although the scanner is set to send one (typed by hand?)")
    reading = _read(raw, data, symbology, profile)
    return replace(reading, warnings=(*warnings, *reading.warnings), caps_lock=caps, symbology=symbology)


def _undo_settings(raw: str, profile: ScannerProfile) -> tuple[str, bool]:
    """The scan without its suffix, width-folded and trimmed, its case turned back if Caps Lock inverted it."""
    text = raw[: -len(profile.suffix)] if profile.suffix and raw.endswith(profile.suffix) else raw
    text = normalise(text)
    fixed = _caps_lock_fixed(text, profile) if text else None
    return (fixed, True) if fixed else (text, False)


def as_typed(raw: str, profile: ScannerProfile) -> str:
    """What a scan field should pass on (to receiving's capture, say): the scan with the scanner's settings undone.

    The suffix goes, Caps Lock is turned back where a known part shows it, and
    the scanner's stand-in for GS becomes ASCII 29 again in a GS1 string.
    """
    text, _ = _undo_settings(raw, profile)
    symbology = text[:3] if _SYMBOLOGY(text) else ""
    if symbology and symbology not in GS1_SYMBOLOGIES:
        return text
    return symbology + _with_gs(text[len(symbology):], profile)


CAPS_LOCK_WARNING = "Caps Lock seems to be on: the letters arrived in inverted case and were read the other way round"

_SYMBOLOGY = re.compile(r"\][A-Za-z][0-9A-Za-z]").match
GS1_SYMBOLOGIES = frozenset({"]C1", "]d2", "]Q3", "]e0", "]J1"})
EAN_UPC = frozenset({"]E0", "]E4"})  # EAN-13/UPC-A, EAN-8: a product's barcode, never a unit's
_URL = re.compile(r"https?://", re.IGNORECASE).match
_GTIN_HEAD = re.compile(r"01(\d{14})")
DRUG_CODE_LENGTH = 20


def _read(raw: str, data: str, symbology: str | None, profile: ScannerProfile) -> Reading:
    if _URL(data):
        return _digital_link(raw, data)
    if data.startswith("MA."):
        return _ma_udi(raw, data)
    if symbology in EAN_UPC:
        return _product_barcode(raw, data)
    if symbology and symbology not in GS1_SYMBOLOGIES:
        return _plain(raw, data)  # a plain barcode read with its symbology identifier on
    data = _with_gs(data, profile)
    if symbology in GS1_SYMBOLOGIES or GS in data or _looks_gs1(data):
        return _element_string(raw, data)
    if len(data) == DRUG_CODE_LENGTH and data.isdigit():
        return Reading(
            raw, Kind.DRUG_CODE, serial=data, product_code=data[:7],
            message=f"drug traceability code {data} (product code {data[:7]})",
        )  # fmt: skip
    return _plain(raw, data)


def _with_gs(data: str, profile: ScannerProfile) -> str:
    """Turn the scanner's stand-in for GS back into ASCII 29 (after the GTIN, whose digits may contain it)."""
    if not profile.gs or profile.gs == GS:
        return data
    head = 16 if _GTIN_HEAD.match(data) else 0
    return data[:head] + data[head:].replace(profile.gs, GS)


def _looks_gs1(data: str) -> bool:
    """Without a symbology identifier or GS, only a valid (01) GTIN at the start marks a GS1 string."""
    head = _GTIN_HEAD.match(data)
    if not head:
        return False
    try:
        message = GS1Message.parse(data)
    except ParseError:
        return False
    return not message.element_strings[0].gtin_error


def _product_barcode(raw: str, data: str) -> Reading:
    try:
        gtin = Gtin.parse(data).as_gtin_14()
    except ParseError as err:
        return Reading(raw, Kind.GS1, fault=Fault.BAD_CHECK_DIGIT, message=f"EAN/UPC barcode {data}: {err}")
    return Reading(
        raw, Kind.GS1, gtin=gtin, fault=Fault.NO_SERIAL,
        message=f"the product barcode (EAN/UPC, GTIN {gtin}): it names a product, not a unit; scan the serial label",
    )  # fmt: skip


def _plain(raw: str, data: str) -> Reading:
    if len(data) > SERIAL_MAX:
        return Reading(
            raw, Kind.SERIAL, fault=Fault.WRONG_LENGTH,
            message=f"{len(data)} characters; a serial has at most {SERIAL_MAX}",
        )  # fmt: skip
    if bad := bad_characters(data):
        return Reading(raw, Kind.SERIAL, fault=Fault.BAD_CHARACTERS, message=f"characters not allowed in a serial: {bad}")
    return Reading(raw, Kind.SERIAL, serial=data, message=f"serial {data}")


# --- GS1 element strings and Digital Link -------------------------------------------


def _element_string(raw: str, data: str) -> Reading:
    if bad := bad_characters(data.replace(GS, "")):
        return _gs1_fault(raw, Kind.GS1, Fault.BAD_CHARACTERS, f"characters outside GS1's CSET 82: {bad}")
    try:
        message = GS1Message.parse(data)
    except ParseError as err:
        return _gs1_fault(raw, Kind.GS1, *_explain(data, err))
    return _from_elements(raw, Kind.GS1, message, no_gs=GS not in data)


def _digital_link(raw: str, url: str) -> Reading:
    path_gtin = re.search(r"/01/(\d+)", url)
    if path_gtin and len(path_gtin[1]) not in (8, 12, 13, 14):
        return _gs1_fault(
            raw, Kind.DIGITAL_LINK, Fault.WRONG_LENGTH,
            f"GTIN {path_gtin[1]} has {len(path_gtin[1])} digits; a GTIN has 8, 12, 13 or 14",
        )  # fmt: skip
    try:
        result = parse(url)
    except ParseError as err:
        return _gs1_fault(raw, Kind.DIGITAL_LINK, Fault.UNREADABLE, f"not a GS1 Digital Link: {err}")
    link = result.gs1_digital_link_uri
    if link is None:
        why = result.gs1_digital_link_uri_error or "no GTIN in its path"
        fault = Fault.BAD_CHARACTERS if "pattern" in why else Fault.UNREADABLE
        return _gs1_fault(raw, Kind.DIGITAL_LINK, fault, f"a web address, not a readable GS1 Digital Link: {why}")
    return _from_elements(raw, Kind.DIGITAL_LINK, link, no_gs=False)


def _from_elements(raw: str, kind: Kind, message, *, no_gs: bool) -> Reading:
    elements = message.element_strings
    gtin_element = elements.get(ai="01")
    if gtin_element is not None and gtin_element.gtin_error:
        return _gs1_fault(raw, kind, Fault.BAD_CHECK_DIGIT, f"GTIN {gtin_element.value}: {gtin_element.gtin_error}")
    gtin = gtin_element.value if gtin_element is not None else None
    serial_element = elements.get(ai="21")
    batch = elements.get(ai="10")
    expiry = elements.get(ai="17")
    hidden = _hidden_splits(elements) if no_gs else []
    base = Reading(
        raw, kind, gtin=gtin, batch=batch.value if batch else None, expiry=expiry.date if expiry else None
    )
    if serial_element is None:
        if serials := [s for s in hidden if s]:
            possible = " or ".join(repr(s) for s in serials)
            return replace(
                base, fault=Fault.AMBIGUOUS_SPLIT, alternatives=tuple(serials),
                message="a GS separator is missing, so the batch and the serial run together "
                f"(the serial could be {possible}); set the scanner to send GS (ASCII 29)",
            )  # fmt: skip
        what = f"GTIN {gtin}" if gtin else "a GS1 code"
        return replace(base, fault=Fault.NO_SERIAL, message=f"{what} without a serial number (21): it names a product, not a unit")
    serial = serial_element.value
    parts = [f"GTIN {gtin}" if gtin else None, f"serial {serial}", f"batch {base.batch}" if base.batch else None,
             f"expiry {base.expiry}" if base.expiry else None]  # fmt: skip
    alternatives = tuple(s for s in hidden if s and s != serial)
    warnings = ()
    if alternatives:
        warnings = (f"no GS separator in this scan: if the scanner dropped one, the serial may be {alternatives[0]!r}",)
    return replace(
        base, serial=serial, message=", ".join(p for p in parts if p), alternatives=alternatives, warnings=warnings
    )


def _hidden_splits(elements) -> list[str | None]:
    """The serial each other reading of the last variable-length element gives, had a GS been dropped inside it.

    With no GS in the scan, the last variable-length element swallows the rest;
    each place where the rest parses on its own as GS1 elements is another
    reading. The result lists the (21) value each such reading gives (None
    when it gives none).
    """
    last = elements[-1] if len(elements) else None
    if last is None or not last.ai.separator_required:
        return []
    found = []
    value = last.value
    for cut in range(1, len(value) - 2):
        try:
            rest = GS1Message.parse(value[cut:])
        except ParseError:
            continue
        if any(e.ai.ai in ("01", "02") for e in rest.element_strings):
            continue  # a second GTIN inside a batch or serial is not a plausible reading
        serial = rest.element_strings.get(ai="21")
        found.append(value[:cut] if last.ai.ai == "21" else (serial.value if serial else None))
        if last.ai.ai != "21" and serial is not None:
            break
    return found


def _explain(data: str, err: ParseError) -> tuple[Fault, str]:
    """Turn biip's refusal into the fault a person can act on."""
    text = str(err)
    leftover = re.search(r"Failed to get GS1 Application Identifier from ('.*')", text, re.DOTALL)
    if leftover:
        rest = ast.literal_eval(leftover[1])  # biip quotes the rest with repr()
        head = data[: len(data) - len(rest)].rstrip(GS)
        try:
            last = GS1Message.parse(head).element_strings[-1]
        except (ParseError, IndexError):
            last = None
        if last is not None and last.ai.separator_required and len(last.value) >= _max_length(last.ai.format):
            return Fault.WRONG_LENGTH, f"the {last.ai.data_title} ({last.ai.ai}) is longer than {_max_length(last.ai.format)} characters"
    if data.startswith("01") and not _GTIN_HEAD.match(data):
        return Fault.WRONG_LENGTH, f"the GTIN (01) must have 14 digits: {text}"
    return Fault.UNREADABLE, bad_gs1_date(text) or f"not a readable GS1 code: {text}"


def _max_length(ai_format: str) -> int:
    return int(re.findall(r"\d+", ai_format)[-1])


def _gs1_fault(raw: str, kind: Kind, fault: Fault, message: str) -> Reading:
    return Reading(raw, kind, fault=fault, message=message)


# --- China UDI, MA (IDcode) form ---------------------------------------------------------

# MA.<country 3>.<industry 2>.<registrant 6>.<product code 8>, then data units each
# opened by "." and a letter: S serial, L batch, M production date, V valid until,
# E expiry, D sterilisation batch (ZIIOT's MA coding rules for medical devices).
_MA_DI = re.compile(r"MA\.(\d{3})\.([A-Z0-9]{2})\.(\w{6})\.(\w+)")
_MA_UNITS = {"S": "serial", "L": "batch", "M": "production date", "V": "valid until", "E": "expiry", "D": "sterilisation batch"}
MA_PRODUCT_LENGTH = 8


def _ma_udi(raw: str, data: str) -> Reading:
    parts = data.split(".")
    di = ".".join(parts[:5])
    match = _MA_DI.fullmatch(di)
    if not match:
        return Reading(raw, Kind.MA_UDI, fault=Fault.UNREADABLE,
                       message=f"{di}: not an MA device identifier (MA.country.industry.registrant.product)")  # fmt: skip
    if len(match[4]) != MA_PRODUCT_LENGTH:
        return Reading(raw, Kind.MA_UDI, fault=Fault.WRONG_LENGTH,
                       message=f"MA product code {match[4]} has {len(match[4])} characters; it has {MA_PRODUCT_LENGTH}")  # fmt: skip
    units: dict[str, str] = {}
    for part in parts[5:]:
        if not part or part[0] not in _MA_UNITS:
            return Reading(raw, Kind.MA_UDI, product_code=di, fault=Fault.UNREADABLE,
                           message=f"MA code {di}: unknown data unit .{part}")  # fmt: skip
        units[part[0]] = part[1:]
    serial = units.get("S")
    expiry = _ma_date(units.get("E"))
    base = Reading(raw, Kind.MA_UDI, product_code=di, batch=units.get("L"), expiry=expiry)
    if not serial:
        return replace(base, fault=Fault.NO_SERIAL, message=f"MA device identifier {di} without a serial (.S): it names a product, not a unit")
    if bad := bad_characters(serial):
        return replace(base, fault=Fault.BAD_CHARACTERS, message=f"characters not allowed in a serial: {bad}")
    return replace(base, serial=serial, message=f"China UDI (MA) {di}, serial {serial}")


def _ma_date(text: str | None) -> dt.date | None:
    if not text or not text.isdigit() or len(text) not in (6, 8):
        return None
    try:
        return dt.datetime.strptime(text, "%y%m%d" if len(text) == 6 else "%Y%m%d").date()
    except ValueError:
        return None


# --- Caps Lock ---------------------------------------------------------------------------


def _caps_lock_fixed(text: str, profile: ScannerProfile) -> str | None:
    """``text`` with its case turned back if its known parts arrived inverted, else None.

    A keyboard-wedge scanner types through the keyboard layout, so Caps Lock
    inverts every letter. Parts whose case is fixed give it away: the
    symbology identifier (]d2 arrives as ]D2), a web address's scheme
    (HTTPS://), the MA issuer code (ma.). The inverted reading is taken only
    when it decodes cleanly, so an EAN-13's ]E0 is not mistaken for a
    flipped GS1 DataBar ]e0.
    """
    flipped = text.swapcase()
    if flipped == text:
        return None
    known = (
        flipped[:3] in GS1_SYMBOLOGIES and text[:3] not in GS1_SYMBOLOGIES
        or text.startswith(("HTTP://", "HTTPS://"))
        or text.startswith("ma.")
    )  # fmt: skip
    if not known:
        return None
    symbology = flipped[:3] if _SYMBOLOGY(flipped) else None
    body = flipped[3:] if symbology else flipped
    if _read(flipped, body, symbology, profile).ok:
        return flipped
    return None


def case_flipped(scanned: str, known: str) -> bool:
    """True when ``scanned`` is ``known`` with every letter's case inverted (Caps Lock on)."""
    return scanned != known and scanned.swapcase() == known


# --- for the "test your scanner" box --------------------------------------------------------

_CONTROL_NAMES = {GS: "<GS>", "\r": "<CR>", "\n": "<LF>", "\t": "<TAB>", " ": "<SPACE>", "\x1e": "<RS>", "\x04": "<EOT>"}


def characters(raw: str) -> list[tuple[str, str]]:
    """Each character that arrived, as (what to show, its code point): GS shows as <GS>, Enter as <CR>."""
    return [(_CONTROL_NAMES.get(c, c if c.isprintable() else f"<{ord(c):02X}>"), f"U+{ord(c):04X}") for c in raw]
