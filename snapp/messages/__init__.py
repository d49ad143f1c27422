"""Every sentence the core can say, by code, in English and Simplified Chinese.

The core raises and reports codes with values (``snapp.errors.Text``); the
edges choose the language. The catalog lives beside ``snapp.errors`` rather
than in ``snapp.app`` because the core's own ``str(err)`` is the English
wording, and the core may not import the layer above it.

Each module of this package holds the sentences of one part of the product
as ``MESSAGES = {code: (english, chinese)}``; both templates of a code name
the same ``{placeholders}`` (a test checks it).
"""

from __future__ import annotations

import importlib
import string
from collections.abc import Mapping

LANGUAGES = ("en", "zh")
# Named, not discovered: the frozen bundle cannot list a package's modules.
PARTS = (
    "access",
    "aftersales",
    "api_more",
    "backup",
    "batch_qty",
    "capture",
    "columns",
    "common",
    "stocktake_more",
    "database",
    "desk",
    "devices",
    "display",
    "exceptions",
    "field_case",
    "fields",
    "files",
    "floor",
    "gs1",
    "integrity",
    "lookup",
    "lot_labels",
    "manifests",
    "masterdata",
    "more",
    "names",
    "po_terms",
    "printers",
    "printing",
    "purchasing",
    "recall",
    "recallq",
    "receiving",
    "rma_print",
    "scan",
    "server",
    "states",
    "units",
    "verify",
)


def _load() -> dict[str, tuple[str, str]]:
    catalog: dict[str, tuple[str, str]] = {}
    for name in PARTS:
        part = importlib.import_module(f"snapp.messages.{name}").MESSAGES
        if clash := catalog.keys() & part.keys():
            raise RuntimeError(f"message codes defined twice: {sorted(clash)}")
        catalog.update(part)
    return catalog


CATALOG: Mapping[str, tuple[str, str]] = _load()


def template(code: str, lang: str = "en") -> str:
    return CATALOG[code][1 if lang == "zh" else 0]


def name_of(family: str, code: str, lang: str = "en") -> str:
    """The name a person reads for a stored code (``name_of("status", "in_stock", "zh")`` is 在库); a code
    the catalog does not name (an action of a newer SNApp, say) is shown as it is rather than lost."""
    names = CATALOG.get(f"{family}.{code}")
    return code if names is None else names[1 if lang == "zh" else 0]


class _Values(dict):
    """Values for a template: a sentence inside a sentence is said in the same language."""

    def __init__(self, values: Mapping[str, object], lang: str):
        super().__init__(values)
        self.lang = lang

    def __getitem__(self, name: str) -> object:
        value = super().__getitem__(name)
        said = getattr(value, "say", None)
        return said(self.lang) if callable(said) else value


_PLAIN = frozenset({str, int, float})


def say(code: str, values: Mapping[str, object], lang: str = "en") -> str:
    # str.format_map, not string.Formatter: the same templates, formatted in C. A file refused row
    # by row says hundreds of thousands of sentences, and Formatter's pure-Python parse made that
    # minutes; plain values (the usual case) skip the per-value look for a sentence to say.
    if all(value.__class__ in _PLAIN for value in values.values()):
        return template(code, lang).format_map(values)
    return template(code, lang).format_map(_Values(values, lang))


def placeholders(text: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name}
