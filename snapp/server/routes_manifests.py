"""The HTTP API's supplier manifests: load (serials, pasted text or an .xlsx/.csv file), amend, read; the off-manifest setting.

Each route calls the service the command line's ``snapp manifest`` calls.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import Field

from snapp.app.records import plain
from snapp.app.sources import serial_sources
from snapp.domain.manifests import OffManifest
from snapp.errors import SnappError, Text
from snapp.server.app import MAX_BODY, Caller
from snapp.server.routes import Body, Name, Serials
from snapp.services import manifests

router = APIRouter(tags=["manifests"])

LINE = "/pos/{number}/lines/{line}/manifest"


class ManifestBody(Body):
    serials: Serials | None = None
    text: Annotated[str | None, Field(max_length=10_000_000)] = None  # pasted: per line, or separated by commas, tabs
    replace: bool = False


class AmendBody(Body):
    add: Serials | None = None
    remove: Serials | None = None


class PolicyBody(Body):
    policy: Literal[tuple(OffManifest)] | None  # None: an item follows its supplier


@router.put(LINE, summary="Load (or replace, before the first receipt) a PO line's manifest, all or nothing")
def load(ctx: Caller, number: str, line: int, body: ManifestBody) -> dict[str, Any]:
    sources = serial_sources(scanned=body.serials or (), pasted=body.text)
    return plain(manifests.load_manifest(ctx, number, line, sources, replace=body.replace))


@router.put(LINE + "/file", summary="Load a manifest from the request body, an .xlsx or .csv file named by 'name'")
async def load_file(ctx: Caller, request: Request, number: str, line: int,
                    name: Annotated[str, Query(pattern=r"(?i)^[^/\\]{1,200}\.(xlsx|csv)$")],
                    replace: bool = False) -> dict[str, Any]:  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="snapp-manifest-") as folder:
        path = Path(folder) / f"manifest{Path(name).suffix.lower()}"
        with path.open("wb") as file:
            async for chunk in request.stream():  # a body sent without its length is held to the same limit
                if file.tell() + len(chunk) > MAX_BODY:
                    raise SnappError(Text("request.too_large", most=MAX_BODY))
                file.write(chunk)
        return plain(manifests.load_manifest(ctx, number, line, serial_sources(files=[str(path)]), replace=replace))


@router.patch(LINE, summary="Amend a manifest: add serials, remove serials not yet received (audited)")
def amend(ctx: Caller, number: str, line: int, body: AmendBody) -> dict[str, Any]:
    add, remove = serial_sources(scanned=body.add or ()), serial_sources(scanned=body.remove or ())
    return plain(manifests.amend_manifest(ctx, number, line, add=add, remove=remove))


@router.get(LINE, summary="A line's manifest and which of its serials have been received")
def show(ctx: Caller, number: str, line: int) -> dict[str, Any]:
    record = manifests.get_manifest(ctx, number, line)
    return {**plain(record), "missing": record.missing}


@router.get("/pos/{number}/manifests", summary="Serials on the manifest of each line that has one")
def counts(ctx: Caller, number: str) -> dict[str, int]:
    return plain(manifests.manifest_counts(ctx, number))


# A supplier's setting or an item's own (null: as its supplier says), under the record it belongs to.
Holder = Literal["suppliers", "items"]


def _holder(kind: Holder, code: str) -> dict[str, str]:
    return {"supplier": code} if kind == "suppliers" else {"sku": code}


@router.get("/{kind}/{code}/off-manifest", summary="What receiving does with a supplier's or item's units off a manifest")
def policy(ctx: Caller, kind: Holder, code: Name) -> dict[str, Any]:
    return plain(manifests.get_off_manifest(ctx, **_holder(kind, code)))


@router.put("/{kind}/{code}/off-manifest", summary="Refuse units off a manifest, or accept them with an exception")
def set_policy(ctx: Caller, kind: Holder, code: Name, body: PolicyBody) -> dict[str, Any]:
    return plain(manifests.set_off_manifest(ctx, body.policy, **_holder(kind, code)))
