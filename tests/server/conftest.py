"""A real `snapp serve` process on 127.0.0.1 against the test's database, and an HTTP client for it."""

from __future__ import annotations

import os
import socket
import ssl
import subprocess
import tempfile
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import ADMIN_PASSWORD

STARTUP_SECONDS = 30


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, db_url: str, port: int | None = None, *, tls: tuple[Path, Path] | None = None, **env: str):
        """Plain HTTP unless ``tls`` gives (certificate file, data folder): then HTTPS, verified against it."""
        self.port = port or free_port()
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"
        self.verify: ssl.SSLContext | bool = ssl.create_default_context(cafile=tls[0]) if tls else True
        options = ["--plain-http"] if not tls else []
        # A file, not a pipe: a pipe nobody reads fills up with the access log and stops the server.
        self.log = tempfile.TemporaryFile(mode="w+")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "snapp.cli", "--db", db_url, "serve", "--port", str(self.port), *options],
            env={**os.environ, **({"XDG_DATA_HOME": str(tls[1])} if tls else {}), **env, "SNAPP_LANG": "en", "SNAPP_WEBHOOK_RETRY_SECONDS": "0.2",
                 "SNAPP_WEBHOOK_TIMEOUT_SECONDS": "2"},
            stdout=self.log,
            stderr=subprocess.STDOUT,
            text=True,
        )
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"snapp serve ended: {self.output()}")
            try:
                httpx.get(self.url + "/api/openapi.json", timeout=1, verify=self.verify)
                return
            except httpx.TransportError:
                time.sleep(0.1)
        raise AssertionError("snapp serve did not start")

    def client(self, token: str | None = None, **headers: str) -> httpx.Client:
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return httpx.Client(base_url=self.url + "/api/v1", headers=headers, timeout=30, verify=self.verify)

    def login(self, name: str = "admin", password: str = ADMIN_PASSWORD) -> httpx.Client:
        with self.client() as anonymous:
            response = anonymous.post("/session", json={"name": name, "password": password})
        assert response.status_code == 200, response.text
        return self.client(response.json()["token"])

    def kill(self) -> None:
        """kill -9: no shutdown, no cleanup, as a power cut or the OOM killer."""
        self.process.kill()
        self.process.wait()

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read()

    def stop(self) -> str:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        return self.output()


@pytest.fixture
def server(db_url, company) -> Iterator[Server]:
    """The server on a database with the `company` fixture's master data and an approved PO."""
    running = Server(db_url)
    yield running
    running.stop()
