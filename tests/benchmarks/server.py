"""The HTTP API's figures, each beside the bare thing in the same run.

    .venv/bin/python -m tests.benchmarks.server [--serials 1000000] [--pg URL | --no-pg]

- lookups of one serial with its history by 50 concurrent clients, vs a bare
  ASGI "hello" endpoint served by the same uvicorn under the same load;
- a 10,000-serial receipt through the API, vs the same receipt through the
  command line (whole process, start to exit).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from snapp.db.engine import Database, sqlite_url
from snapp.services import purchasing
from tests.benchmarks.run import fill, _percentile, _print_table
from tests.server.conftest import Server, free_port

CLIENTS = 50
REQUESTS = 2_000
RECEIPT = 10_000
PASSWORD = "bench password"

HELLO = '''
async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": b'{"hello": "world"}'})
'''


async def _load(url: str, paths: list[str], headers: dict[str, str]) -> tuple[float, list[float]]:
    """Every path fetched by CLIENTS concurrent clients; (requests per second, latencies)."""
    latencies: list[float] = []
    queue = list(reversed(paths))
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=120,
                                 limits=httpx.Limits(max_connections=CLIENTS)) as client:  # fmt: skip
        async def worker() -> None:
            while queue:
                path = queue.pop()
                start = time.perf_counter()
                try:
                    response = await client.get(path)
                except (httpx.ReadError, httpx.RemoteProtocolError):  # a kept-alive connection the server closed
                    response = await client.get(path)
                latencies.append(time.perf_counter() - start)
                assert response.status_code == 200, response.text

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(CLIENTS)))
        return len(paths) / (time.perf_counter() - start), latencies


def _hello(folder: Path) -> tuple[subprocess.Popen, str]:
    (folder / "hello_app.py").write_text(HELLO)
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "uvicorn", "hello_app:app", "--port", str(port), "--log-level",
                                "warning"], cwd=folder)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            httpx.get(url)
            break
        except httpx.TransportError:
            time.sleep(0.05)
    return process, url


def figures(name: str, url: str, serials: int, folder: Path) -> list[tuple[str, str, str, str]]:
    db = Database(url)
    ctx = fill(db, serials, PASSWORD)
    server = Server(url)
    hello, hello_url = _hello(folder)
    try:
        api = server.login("bench", PASSWORD)
        token = {"Authorization": api.headers["Authorization"]}
        rng = random.Random(1)
        paths = [f"/serials/F{rng.randint(1, serials):09d}" for _ in range(REQUESTS)]
        rate, latencies = asyncio.run(_load(server.url + "/api/v1", paths, token))
        bare_rate, bare = asyncio.run(_load(hello_url, ["/"] * REQUESTS, {}))
        p99, bare_p99 = _percentile(latencies, 99), _percentile(bare, 99)

        number = purchasing.approve_po(ctx, purchasing.create_po(
            ctx, "BENCH", [purchasing.LineSpec("ITEM", 2 * RECEIPT)]).number).number  # fmt: skip
        body = {"sku": "ITEM", "serials": [f"A{n:06d}" for n in range(1, RECEIPT + 1)], "location": "WH"}
        start = time.perf_counter()
        response = api.post(f"/pos/{number}/receipts", json=body)
        through_api = time.perf_counter() - start
        assert response.status_code == 201, response.text
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "snapp.cli", "--db", url, "--user", "bench", "receive", number, "--sku",
                        "ITEM", "--range", f"C{1:06d}..C{RECEIPT:06d}", "--location", "WH"],
                       env={**os.environ, "SNAPP_PASSWORD": PASSWORD}, check=True, capture_output=True)  # fmt: skip
        through_cli = time.perf_counter() - start
    finally:
        server.stop()
        hello.terminate()
        db.dispose()
    return [
        (f"{name}: API lookup + history among {serials:,}, {CLIENTS} clients",
         f"{rate:,.0f}/s, p99 {p99 * 1000:.1f} ms", f"ASGI hello {bare_rate:,.0f}/s, p99 {bare_p99 * 1000:.1f} ms",
         f"{bare_rate / rate:.1f}x (rate)"),
        (f"{name}: receive {RECEIPT:,} through the API", f"{through_api:.2f} s",
         f"CLI, whole process {through_cli:.2f} s", f"{through_api / through_cli:.2f}x"),
    ]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--serials", type=int, default=1_000_000)
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--no-pg", action="store_true")
    args = parser.parse_args()
    report = []
    with tempfile.TemporaryDirectory() as tmp:
        report += figures("SQLite", sqlite_url(Path(tmp) / "bench.db"), args.serials, Path(tmp))
        if not args.no_pg:
            schema = f"bench_{uuid.uuid4().hex[:8]}"
            admin = create_engine(args.pg)
            with admin.begin() as conn:
                conn.execute(text(f"CREATE SCHEMA {schema}"))
            try:
                url = make_url(args.pg).update_query_dict({"options": f"-csearch_path={schema}"})
                report += figures("PostgreSQL", url.render_as_string(hide_password=False), args.serials, Path(tmp))
            finally:
                with admin.begin() as conn:
                    conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    _print_table(report)


if __name__ == "__main__":
    main()
