"""A command loads only what its work needs: the whole-process receipt and look-up pay for no other feature."""

from __future__ import annotations

import subprocess
import sys

import pytest

from snapp.domain.items import PatternError, pattern_matcher


def loaded_by(code: str) -> set[str]:
    """Every module ``code`` loaded, in a fresh interpreter."""
    out = subprocess.run([sys.executable, "-c", f"import sys\n{code}\nprint(sorted(sys.modules))"],
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    return set(eval(out.strip().splitlines()[-1]))  # a list of names printed by the line above


def test_receiving_loads_neither_the_look_up_service_nor_the_pattern_engine():
    loaded = loaded_by("import snapp.services.receiving")
    assert "snapp.services.receiving" in loaded
    assert loaded & {"snapp.services.lookup", "re2"} == set()


def test_a_look_up_loads_no_pattern_engine():
    loaded = loaded_by("import snapp.services.lookup")
    assert "snapp.services.lookup" in loaded
    assert "re2" not in loaded


def test_an_items_pattern_is_still_matched_by_re2_once_asked_for():
    loaded = loaded_by("from snapp.domain.items import pattern_matcher\nassert pattern_matcher(r'SN\\d{3}')('SN123')")
    assert "re2" in loaded
    matches = pattern_matcher(r"SN\d{3}")
    assert matches("SN123") and not matches("SN12") and not matches("SN1234")


def test_a_pattern_re2_cannot_use_is_still_refused_with_its_reason():
    with pytest.raises(PatternError, match="backreference|invalid|escape"):
        pattern_matcher(r"(a)\1")
