"""Fixtures shared by the integration tests (on top of tests/conftest.py); helpers live in snapp_testkit."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from typing import NamedTuple

import pytest

from snapp.domain.capture import scans
from snapp.services import receiving, users
from snapp.services.base import Context
from snapp.cli import main
from tests.conftest import ADMIN_PASSWORD


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


class Ran(NamedTuple):
    """What one command did: its exit status and everything it printed."""

    status: int
    out: str
    err: str


@pytest.fixture
def cli(db, tmp_path, monkeypatch, capsys) -> Callable[..., Ran]:
    """``cli(*args, user=None, password=None, stdin="")`` runs ``snapp`` on the test's database, in English.

    ``user`` is given as --user, and the database as --db unless ``db_option`` is False; ``password`` as SNAPP_PASSWORD (None: unset, so the
    command reads stdin or refuses); ``stdin`` is what --password-stdin and
    --paste - read. The desktop's settings live in an empty folder of the test,
    so nothing of the machine's own leaks in.
    """
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("SNAPP_LANG", "en")
    for name in ("SNAPP_DB", "SNAPP_USER", "SNAPP_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    url = db.url.render_as_string(hide_password=False)

    def run(*args: str, user: str | None = None, password: str | None = None, stdin: str = "", db_option: bool = True
            ) -> Ran:  # fmt: skip
        if password is None:
            monkeypatch.delenv("SNAPP_PASSWORD", raising=False)
        else:
            monkeypatch.setenv("SNAPP_PASSWORD", password)
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        status = main([*(("--db", url) if db_option else ()), *(("--user", user) if user else ()), *args])
        out, err = capsys.readouterr()
        return Ran(status, out, err)

    return run


@pytest.fixture
def admin_cli(cli, ctx) -> Callable[..., Ran]:
    """``cli`` logged in as the database's first admin (the ``ctx`` fixture's)."""
    return lambda *args, stdin="": cli(*args, user="admin", password=ADMIN_PASSWORD, stdin=stdin)
