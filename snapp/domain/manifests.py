"""Supplier manifests: what a unit not on its line's manifest gets, and whether a manifest may still be replaced.

A manifest is the serial list a supplier sends for a PO line before the
goods arrive (an ASN, a packing list). At receipt a scan not on it is refused,
or accepted with an exception for a person to look at: the item's setting
decides, else its supplier's. Plain Python: the services ask, the database
stores the answers as these words.
"""

from __future__ import annotations

from enum import StrEnum

from snapp.domain.purchasing import POStatus


class OffManifest(StrEnum):
    """What receiving does with a unit that is not on its line's manifest."""

    REFUSE = "refuse"
    EXCEPTION = "exception"  # accept it and open an exception


SUPPLIER_DEFAULT = OffManifest.REFUSE
# A manifest belongs to a PO still to be delivered or just delivered; a closed or cancelled PO's promises nothing
# any more, and its serials are free for another PO's manifest.
OPEN_PO = frozenset({POStatus.DRAFT, POStatus.APPROVED, POStatus.PARTIALLY_RECEIVED, POStatus.RECEIVED})


def off_manifest_policy(item_setting: str | None, supplier_setting: str | None) -> OffManifest:
    """The item's own setting, else its supplier's, else refusal."""
    return OffManifest(item_setting or supplier_setting or SUPPLIER_DEFAULT)


def replaceable(received_on_line: int) -> bool:
    """A manifest may be loaded or replaced until the first unit of its line is received; afterwards only amended."""
    return received_on_line == 0
