"""What a scan says: one decoder for every code a warehouse meets.

A keyboard-wedge scanner types what it reads, shaped by its settings (a
`ScannerProfile`): how it sends GS1's FNC1 separator (ASCII 29, a literal
such as ``029`` or ``^]``, or nothing), whether an AIM symbology identifier
(``]d2`` DataMatrix, ``]C1`` GS1-128, ``]Q3`` QR) comes first, and the suffix
(Enter or Tab). `decode()` undoes those settings and returns a `Reading`:

- a plain serial;
- a GS1 element string (with or without GS separators and symbology
  identifier), its human-readable text with parentheses ``(01)…(21)…``, or a
  GS1 Digital Link URL (parsed by biip), giving a GTIN, serial, batch and
  expiry;
- a 20-digit Chinese drug traceability code (药品追溯码), kept whole as the
  unit's serial (see `DRUG_CODE_LENGTH`);
- a China UDI in the MA (IDcode, ZIIOT) form, ``MA.156.M0.100001.10000011.S...``.

A code that cannot be read is a Reading with a `Fault` and a plain reason;
the raw scan is always kept. This module is the only parser of raw input:
receiving's capture, verify, stocktakes, labels, moves and lookup all read scans
through `decode` (and `is_plain`, its cheap first test), so they agree on
what a scan says. Nothing here says "counterfeit": a code is
readable or not, and whether a unit is ours is the ledger's question.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from dataclasses import dataclass, replace
from enum import StrEnum

from typing import TYPE_CHECKING

from snapp.errors import Text

if TYPE_CHECKING:
    from biip import ParseError

# biip is imported by the functions that read GS1, not here: it takes longer to
# import than the rest of a lookup, and a plain serial (most input) never needs it.

GS = "\x1d"

# Full-width ASCII (what a Chinese IME types) folds to ASCII; blanket NFKC would
# also turn ① into 1, which is not the same serial.
FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
FOLD[0x3000] = 0x20
# Invisible characters that ride along with copy-paste from Word, web pages and Excel.
FOLD.update(dict.fromkeys((0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD)))
STRIP = " \t\r\n\v\f\u00a0\u3000\u2007\u202f\x85"


def normalise(text: str) -> str:
    """Fold width, drop invisible characters, strip surrounding white space."""
    return text.translate(FOLD).strip(STRIP)


# GS1 General Specifications, figure 7.11-1: the 82 characters allowed in (21) and (10).
CSET82 = frozenset("!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz")


def bad_characters(s: str) -> str:
    bad = dict.fromkeys(c for c in s if c not in CSET82)
    return ", ".join("space" if c == " " else f"{c!r} (U+{ord(c):04X})" for c in bad)

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
# What a scanner may send for GS and to end a scan, in the order a settings page offers them.
GS_CHOICES = (GS, "029", "^]", "<GS>", "")
SUFFIX_CHOICES = ("\r", "\t")


@dataclass(frozen=True)
class ScannerProfile:
    """How one scanner is set up; kept per PC by the desktop client."""

    gs: str = GS  # what arrives for FNC1: GS, a literal such as "029", "^]", "<GS>", or "" (dropped)
    prefix: bool = False  # the scanner sends an AIM symbology identifier (]d2, ]C1, ]Q3) first
    suffix: str = "\r"  # Enter, Tab or nothing after each scan
    # Text a PDA's keyboard wedge (DataWedge and the like) adds around every code: dropped before reading.
    lead: str = ""
    trail: str = ""

    def describe(self) -> Text:
        gs = GS_NAMES.get(self.gs, repr(self.gs))
        suffix = SUFFIXES.get(self.suffix, repr(self.suffix))
        return Text("scan.profile_with" if self.prefix else "scan.profile_without", gs=gs, suffix=suffix)


# --- what SNApp reads ---------------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    raw: str  # exactly what arrived
    kind: Kind | None  # None when nothing could be read
    serial: str | None = None
    gtin: str | None = None  # GTIN-14
    batch: str | None = None
    expiry: dt.date | None = None
    count: int | None = None  # AI (30) or (37): how many the label's package holds, for items tracked by batch
    product_code: str | None = None  # MA UDI-DI, or the drug code's product part
    symbology: str | None = None  # "]d2"
    fault: Fault | None = None
    message: str = ""  # what was read, or why it could not be (a Text)
    warnings: tuple[Text, ...] = ()
    caps_lock: bool = False  # the letters arrived with their case inverted and were turned back
    alternatives: tuple[str, ...] = ()  # other serials the code could hold if a GS was dropped

    @property
    def ok(self) -> bool:
        return self.fault is None


def decode(raw: str, profile: ScannerProfile | None = None) -> Reading:
    """Read one scan as its scanner sent it; never raises for bad input."""
    profile = profile or _PROFILE
    text, caps = _undo_settings(raw, profile)
    if not text:
        return Reading(raw, None, fault=Fault.EMPTY, message=Text("scan.empty"))
    warnings = [CAPS_LOCK_WARNING] if caps else []
    symbology = text[:3] if _SYMBOLOGY(text) else None
    data = text[3:] if symbology else text
    if profile.prefix and not symbology:
        warnings.append(Text("scan.no_symbology"))
    reading = _read(raw, data, symbology, profile)
    if not warnings and symbology is None:
        return reading  # the common case, without the cost of a copy
    return replace(reading, warnings=(*warnings, *reading.warnings), caps_lock=caps, symbology=symbology)


_PROFILE = ScannerProfile()
# What may be more than a plain serial: a symbology identifier, GS1 text in
# parentheses, a web address, an MA code, a GTIN (01) at the start, a GS.
_CODE_HEAD = re.compile(r"[\](]|https?://|ma\.|01\d{14}.", re.IGNORECASE).match
_CODE_FIRST = frozenset("](hHmM0")  # every first character _CODE_HEAD matches: most serials need no regex at all


def is_plain(text: str) -> bool:
    """True when normalised ``text`` can only be read as a plain serial: the hot path's first, cheap test."""
    return (text[:1] not in _CODE_FIRST or _CODE_HEAD(text) is None) and GS not in text


def _undo_settings(raw: str, profile: ScannerProfile) -> tuple[str, bool]:
    """The scan without its suffix and added text, width-folded and trimmed, its case turned back if Caps Lock inverted it."""
    text = raw[: -len(profile.suffix)] if profile.suffix and raw.endswith(profile.suffix) else raw
    text = text.removesuffix(profile.trail) if profile.trail else text
    text = text.removeprefix(profile.lead) if profile.lead else text
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


CAPS_LOCK_WARNING = Text("scan.caps_lock")

_SYMBOLOGY = re.compile(r"\][A-Za-z][0-9A-Za-z]").match
GS1_SYMBOLOGIES = frozenset({"]C1", "]d2", "]Q3", "]e0", "]J1"})
EAN_UPC = frozenset({"]E0", "]E4"})  # EAN-13/UPC-A, EAN-8: a product's barcode, never a unit's
_URL = re.compile(r"https?://", re.IGNORECASE).match
_GTIN_HEAD = re.compile(r"01(\d{14})")
_HRI_HEAD = re.compile(r"\(\d{2,4}\)").match
DRUG_CODE_LENGTH = 20


def _read(raw: str, data: str, symbology: str | None, profile: ScannerProfile) -> Reading:
    if _URL(data):
        return _digital_link(raw, data)
    if _MA_HEAD(data):
        return _ma_udi(raw, data)
    if symbology in EAN_UPC:
        return _product_barcode(raw, data)
    if symbology and symbology not in GS1_SYMBOLOGIES:
        return _plain(raw, data)  # a plain barcode read with its symbology identifier on
    if _HRI_HEAD(data):
        return _hri(raw, data)
    data = _with_gs(data, profile)
    if symbology in GS1_SYMBOLOGIES or GS in data or _looks_gs1(data):
        return _element_string(raw, data)
    if len(data) == DRUG_CODE_LENGTH and data.isdigit():
        return Reading(
            raw, Kind.DRUG_CODE, serial=data, product_code=data[:7],
            message=Text("scan.drug_code", number=data, product=data[:7]),
        )  # fmt: skip
    return _plain(raw, data)


def _with_gs(data: str, profile: ScannerProfile) -> str:
    """Turn the scanner's stand-in for GS back into ASCII 29 (after the GTIN, whose digits may contain it)."""
    if not profile.gs or profile.gs == GS:
        return data
    head = 16 if _GTIN_HEAD.match(data) else 0
    return data[:head] + data[head:].replace(profile.gs, GS)


def _looks_gs1(data: str) -> bool:
    """Without a symbology identifier or GS, a (01) GTIN at the start that parses as GS1 marks a GS1 string.

    A wrong check digit does not make it a serial: the code is GS1 and
    malformed, which is what verify and capture must say.
    """
    if len(data) == 16 or not _GTIN_HEAD.match(data):
        return False  # sixteen digits alone may as well be a serial
    from biip import ParseError
    from biip.gs1_messages import GS1Message

    try:
        GS1Message.parse(data)
    except ParseError:
        return False
    return True


def _product_barcode(raw: str, data: str) -> Reading:
    from biip import ParseError
    from biip.gtin import Gtin
    try:
        gtin = Gtin.parse(data).as_gtin_14()
    except ParseError as err:
        return Reading(raw, Kind.GS1, fault=Fault.BAD_CHECK_DIGIT, message=Text("scan.bad_ean", barcode=data, detail=str(err)))
    return Reading(raw, Kind.GS1, gtin=gtin, fault=Fault.NO_SERIAL, message=Text("scan.product_barcode", gtin=gtin))


def _plain(raw: str, data: str) -> Reading:
    if len(data) > SERIAL_MAX:
        return Reading(raw, Kind.SERIAL, fault=Fault.WRONG_LENGTH, message=Text("scan.too_long", n=len(data), most=SERIAL_MAX))
    if bad := bad_characters(data):
        return Reading(raw, Kind.SERIAL, fault=Fault.BAD_CHARACTERS, message=Text("capture.bad_characters", chars=bad))
    return Reading(raw, Kind.SERIAL, serial=data, message=Text("scan.serial", serial=data))


# --- GS1 element strings and Digital Link -------------------------------------------


def _element_string(raw: str, data: str) -> Reading:
    from biip import ParseError
    from biip.gs1_messages import GS1Message
    if bad := bad_characters(data.replace(GS, "")):
        return _gs1_fault(raw, Kind.GS1, Fault.BAD_CHARACTERS, Text("scan.gs1_characters", chars=bad))
    try:
        message = GS1Message.parse(data)
    except ParseError as err:
        return _gs1_fault(raw, Kind.GS1, *_explain(data, err))
    return _from_elements(raw, Kind.GS1, message, no_gs=GS not in data)


def _hri(raw: str, data: str) -> Reading:
    """The text printed under a GS1 barcode, ``(01)09506000134352(21)SN1``, typed or scanned from the label."""
    from biip import ParseError
    from biip.gs1_messages import GS1Message
    if bad := bad_characters(data):  # before biip, which drops spaces from the text
        return _gs1_fault(raw, Kind.GS1, Fault.BAD_CHARACTERS, Text("scan.gs1_characters", chars=bad))
    try:
        message = GS1Message.parse_hri(data)
    except ParseError as err:
        return _gs1_fault(raw, Kind.GS1, Fault.UNREADABLE, Text("scan.gs1_unreadable", detail=str(err)))
    return _from_elements(raw, Kind.GS1, message, no_gs=False)


def _digital_link(raw: str, url: str) -> Reading:
    from biip import ParseError, parse
    path_gtin = re.search(r"/01/(\d+)", url)
    if path_gtin and len(path_gtin[1]) not in (8, 12, 13, 14):
        return _gs1_fault(
            raw, Kind.DIGITAL_LINK, Fault.WRONG_LENGTH, Text("scan.gtin_digits", gtin=path_gtin[1], n=len(path_gtin[1]))
        )
    try:
        result = parse(url)
    except ParseError as err:
        return _gs1_fault(raw, Kind.DIGITAL_LINK, Fault.UNREADABLE, Text("scan.not_digital_link", detail=str(err)))
    link = result.gs1_digital_link_uri
    if link is None:
        why = result.gs1_digital_link_uri_error or Text("scan.no_gtin_in_path")
        fault = Fault.BAD_CHARACTERS if "pattern" in why else Fault.UNREADABLE
        return _gs1_fault(raw, Kind.DIGITAL_LINK, fault, Text("scan.web_address", detail=why))
    return _from_elements(raw, Kind.DIGITAL_LINK, link, no_gs=False)


def _from_elements(raw: str, kind: Kind, message, *, no_gs: bool) -> Reading:
    elements = message.element_strings
    gtin_element = elements.get(ai="01")
    if gtin_element is not None and gtin_element.gtin_error:
        return _gs1_fault(
            raw, kind, Fault.BAD_CHECK_DIGIT, Text("scan.bad_gtin", gtin=gtin_element.value, detail=str(gtin_element.gtin_error))
        )
    gtin = gtin_element.value if gtin_element is not None else None
    serial_element = elements.get(ai="21")
    batch = elements.get(ai="10")
    expiry = elements.get(ai="17")
    hidden = _hidden_splits(elements) if no_gs else []
    count = elements.get(ai="30") or elements.get(ai="37")
    found = {"gtin": gtin, "batch": batch.value if batch else None, "expiry": expiry.date if expiry else None,
             "count": int(count.value) if count else None}  # fmt: skip
    if serial_element is None:
        if serials := [s for s in hidden if s]:
            possible = " / ".join(repr(s) for s in serials)
            return Reading(
                raw, kind, **found, fault=Fault.AMBIGUOUS_SPLIT, alternatives=tuple(serials),
                message=Text("scan.ambiguous_split", serials=possible),
            )  # fmt: skip
        code = Text("scan.no_serial_gtin", gtin=gtin) if gtin else Text("scan.no_serial_code")
        return Reading(raw, kind, **found, fault=Fault.NO_SERIAL, message=code)
    serial = serial_element.value
    message = Text("scan.gtin_serial", gtin=gtin, serial=serial) if gtin else Text("scan.serial", serial=serial)
    if batch:
        message = Text("scan.and_batch", read=message, batch=batch.value)
    if expiry:
        message = Text("scan.and_expiry", read=message, expiry=expiry.date)
    alternatives = tuple(s for s in hidden if s and s != serial)
    warnings = (Text("scan.may_be", serial=repr(alternatives[0])),) if alternatives else ()
    return Reading(raw, kind, **found, serial=serial, message=message, alternatives=alternatives, warnings=warnings)


def _hidden_splits(elements) -> list[str | None]:
    """The serial each other reading of the last variable-length element gives, had a GS been dropped inside it.

    With no GS in the scan, the last variable-length element swallows the rest;
    each place where the rest parses on its own as GS1 elements is another
    reading. The result lists the (21) value each such reading gives (None
    when it gives none).
    """
    from biip import ParseError
    from biip.gs1_messages import GS1Message
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


def _explain(data: str, err: ParseError) -> tuple[Fault, Text]:
    """Turn biip's refusal into the fault a person can act on."""
    from biip import ParseError
    from biip.gs1_messages import GS1Message
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
            most = _max_length(last.ai.format)
            return Fault.WRONG_LENGTH, Text("scan.element_too_long", title=last.ai.data_title, ai=last.ai.ai, most=most)
    if data.startswith("01") and not _GTIN_HEAD.match(data):
        return Fault.WRONG_LENGTH, Text("scan.gtin_14", detail=text)
    return Fault.UNREADABLE, bad_gs1_date(text) or Text("scan.gs1_unreadable", detail=text)


_GS1_BAD_DATE = re.compile(r"Failed to match '(1[123567])(\d{6})").search


def bad_gs1_date(detail: str) -> Text | None:
    """biip's refusal of a GS1 date as a sentence: ``expiry date (17) 99-13-32 is not a date``."""
    found = _GS1_BAD_DATE(detail)
    if found is None:
        return None
    date = found[2]
    return Text("gs1.bad_date", name=Text(f"gs1.date_{found[1]}"), date=f"{date[:2]}-{date[2:4]}-{date[4:]}")


def _max_length(ai_format: str) -> int:
    return int(re.findall(r"\d+", ai_format)[-1])


def _gs1_fault(raw: str, kind: Kind, fault: Fault, message: Text) -> Reading:
    return Reading(raw, kind, fault=fault, message=message)


# --- China UDI, MA (IDcode) form ---------------------------------------------------------

# MA.<country 3>.<industry 2>.<registrant 6>.<product code 8>, then data units each
# opened by "." and a letter: S serial, L batch, M production date, V valid until,
# E expiry, D sterilisation batch (ZIIOT's MA coding rules for medical devices).
_MA_HEAD = re.compile(r"MA\.\d{3}\.").match  # the issuer code and a country: an MA code, not a serial "MA.7"
_MA_DI = re.compile(r"MA\.(\d{3})\.([A-Z0-9]{2})\.(\w{6})\.(\w+)")
_MA_UNITS = {"S": "serial", "L": "batch", "M": "production date", "V": "valid until", "E": "expiry", "D": "sterilisation batch"}
MA_PRODUCT_LENGTH = 8


def _ma_udi(raw: str, data: str) -> Reading:
    parts = data.split(".")
    di = ".".join(parts[:5])
    match = _MA_DI.fullmatch(di)
    if not match:
        return Reading(raw, Kind.MA_UDI, fault=Fault.UNREADABLE, message=Text("scan.ma_not_di", di=di))
    if len(match[4]) != MA_PRODUCT_LENGTH:
        return Reading(raw, Kind.MA_UDI, fault=Fault.WRONG_LENGTH,
                       message=Text("scan.ma_product_length", product=match[4], n=len(match[4]), length=MA_PRODUCT_LENGTH))  # fmt: skip
    units: dict[str, str] = {}
    for part in parts[5:]:
        if not part or part[0] not in _MA_UNITS:
            return Reading(raw, Kind.MA_UDI, product_code=di, fault=Fault.UNREADABLE,
                           message=Text("scan.ma_unknown_unit", di=di, part=part))  # fmt: skip
        units[part[0]] = part[1:]
    serial = units.get("S")
    expiry = _ma_date(units.get("E"))
    base = Reading(raw, Kind.MA_UDI, product_code=di, batch=units.get("L"), expiry=expiry)
    if not serial:
        return replace(base, fault=Fault.NO_SERIAL, message=Text("scan.ma_no_serial", di=di))
    if bad := bad_characters(serial):
        return replace(base, fault=Fault.BAD_CHARACTERS, message=Text("capture.bad_characters", chars=bad))
    return replace(base, serial=serial, message=Text("scan.ma_read", di=di, serial=serial))


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
