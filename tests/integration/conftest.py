"""Fixtures shared by the integration tests (on top of tests/conftest.py); helpers live in snapp_testkit."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from snapp.domain.capture import scans
from snapp.services import receiving, users
from snapp.services.base import Context


@pytest.fixture
def as_user(ctx) -> Callable[[str, str], Context]:
    """``as_user(name, role)``: the admin adds the user; returns a Context acting as it."""

    def make(name: str, role: str) -> Context:
        users.add_user(ctx, name, role)
        return Context(ctx.db, name)

    return make


@pytest.fixture
def receive_units(ctx, company) -> Callable[..., receiving.ReceiptRecord]:
    """``receive_units(serials, location="WH-A", po=None, sku="LAP")`` as the admin."""

    def run(serials: list[str], location: str = "WH-A", po: str | None = None, sku: str = "LAP"):
        return receiving.receive(ctx, po or company.number, sku, [scans(serials)], location=location)

    return run
