"""The package list in pyproject.toml is written by hand; a package left out would be missing from installs."""

from __future__ import annotations

import tomllib
from pathlib import Path

from snapp.paths import CJK_FONT, resource

ROOT = Path(__file__).resolve().parents[2]


def test_every_python_package_is_listed_for_installation():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "snapp").rglob("__init__.py")
        if "migrations" not in init.parts
    }
    assert on_disk - set(config["packages"]) == set()
    for package, folder in config["package-dir"].items():
        assert package in config["packages"] and (ROOT / folder).is_dir()


def test_the_cjk_font_ships_with_its_licence():
    font = resource(CJK_FONT)
    assert font.read_bytes()[:4] == b"ttcf"  # a TrueType collection
    assert "Apache-2.0" in font.with_name("wqy-microhei.COPYRIGHT").read_text()
