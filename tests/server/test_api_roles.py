"""Every role × every route, through a real server: allowed or 403, as the one permission table says.

The routes and the permission each needs are read from the server's own
OpenAPI document (``x-snapp-permission``, which the server derives from the
services each route calls); what a role holds is read from
``snapp.domain.permissions.ROLE_PERMISSIONS``, the table the core checks. A
route the document lists without a sample call here fails the test, so a new
route cannot slip past it; a route whose declared permission differs from
what the core enforces fails it too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import httpx
import pytest
from fastapi import APIRouter

from snapp.app.settings import save_printer
from snapp.domain.capture import scans
from snapp.domain.fields import FieldDef
from snapp.domain.permissions import ROLE_PERMISSIONS, Role
from snapp.io.printers import Printer
from snapp.reports.thermal import Language
from snapp.server import permits
from snapp.server.app import Caller, context
from snapp.services import customers, fields, lifecycle, purchasing, receiving, stocktake, users, verification
from tests.conftest import ADMIN_PASSWORD
from tests.printer_jobs import refused_address
from tests.server.conftest import Server

PASSWORD = "password 123"
# The core's own refusal codes: a 403 that is anything else (or a 403 for an allowed role) is a wrong answer.
DENIALS = {"access.denied", "lifecycle.denied", "exceptions.may_not_resolve", "access.own_password_only"}
UNITS = ("issue", "restock", "transfer", "repair", "unrepair", "return", "ship", "scrap", "lose", "found", "accept",
         "block", "release")  # fmt: skip


@dataclass
class Stage:
    po: str  # approved, receiving
    draft: str
    listed: str  # approved, for manifests
    receipt: str
    count: str
    exception: int
    units: dict[str, str]
    month: str
    tag: str = ""
    sign_in: Callable[[], httpx.Client] | None = None


def stage(ctx, company) -> Stage:
    """What the calls need, made by the admin: POs, a receipt, units in each status a move starts from, a stocktake."""
    users.add_user(ctx, "target", "warehouse", PASSWORD)
    customers.add_customer(ctx, customers.CustomerRecord("CUST1", "a customer"))
    fields.define_field(ctx, "LAP", FieldDef("Tag"))
    units = {action: f"U-{action.upper()[:8]}-1" for action in UNITS}
    receipt = receiving.receive(ctx, company.number, "LAP", [scans(list(units.values()))], location="WH-A")
    for action, first in (("restock", "issue"), ("unrepair", "repair"), ("found", "lose"), ("release", "block")):
        lifecycle.move(ctx, first, [units[action]])
    draft = purchasing.create_po(ctx, "ACME", [purchasing.LineSpec("LAP", 5, Decimal("10"))]).number
    listed = purchasing.approve_po(ctx, purchasing.create_po(ctx, "ACME", [purchasing.LineSpec("LAP", 5)]).number).number
    [case] = verification.verify(ctx, ["NOSUCH01"])
    count = stocktake.start_stocktake(ctx, "WH-B").number
    return Stage(company.number, draft, listed, receipt.number, count, case.exception_id, units,
                 dt.date.today().strftime("%Y-%m"))  # fmt: skip


def moves() -> dict[str, Callable]:
    return {action: (lambda a: lambda api, s: api.post("/moves", json={"action": a, "serials": [s.units.get(a, "U-X")],
                                                                       "to": "WH-B" if a == "transfer" else None}))(action)
            for action in UNITS}  # fmt: skip


def documents() -> dict[str, Callable]:
    params = {"po": lambda s: {"number": s.po}, "receipt": lambda s: {"number": s.receipt},
              "serial": lambda s: {"serial": s.units["issue"]}, "audit": lambda s: {"month": s.month}}  # fmt: skip
    return {kind: (lambda k: lambda api, s: api.get(f"/documents/{k}.pdf", params=params[k](s)))(kind) for kind in params}


def workbooks() -> dict[str, Callable]:
    return {kind: (lambda k: lambda api, s: api.get(f"/exports/{k}.xlsx"))(kind)
            for kind in ("serials", "pos", "receipts", "audit")}  # fmt: skip


CSV = ("delivery.csv", b"serial\nFILE-0001\n", "text/csv")

# One call per route (per value, where the permission depends on a parameter): shaped so the core is reached.
CALLS: dict[str, Callable | dict[str, Callable]] = {
    "POST /session": lambda api, s: api.post("/session", json={"name": "admin", "password": ADMIN_PASSWORD}),
    "DELETE /session": lambda api, s: s.sign_in().delete("/session"),  # its own token: the role's stays alive
    "GET /me": lambda api, s: api.get("/me"),
    "GET /keys": lambda api, s: api.get("/keys"),
    "POST /keys": lambda api, s: api.post("/keys", json={"name": f"k-{s.tag}", "role": "auditor"}),
    "DELETE /keys/{name}": lambda api, s: api.delete("/keys/no-such-key"),
    "GET /suppliers": lambda api, s: api.get("/suppliers"),
    "POST /suppliers": lambda api, s: api.post("/suppliers", json={"code": f"S-{s.tag}", "name": "new"}),
    "PATCH /suppliers/{code}": lambda api, s: api.patch("/suppliers/ACME", json={"phone": f"0755-{s.tag}"}),
    "GET /items": lambda api, s: api.get("/items"),
    "POST /items": lambda api, s: api.post("/items", json={"sku": f"I-{s.tag}", "name": "new"}),
    "PATCH /items/{sku}": lambda api, s: api.patch("/items/LAP", json={"warranty_months": 24}),
    "GET /items/{sku}/fields": lambda api, s: api.get("/items/LAP/fields"),
    "POST /items/{sku}/fields": lambda api, s: api.post("/items/LAP/fields", json={"name": f"F-{s.tag}"}),
    "PATCH /items/{sku}/fields/{name}": lambda api, s: api.patch("/items/LAP/fields/Tag", json={"required": False}),
    "PUT /serials/{serial}/fields/{name}": lambda api, s: api.put(f"/serials/{s.units['issue']}/fields/Tag",
                                                                   json={"value": f"T-{s.tag}"}),
    "GET /fields/units": lambda api, s: api.get("/fields/units", params={"value": "T-none"}),
    "GET /locations": lambda api, s: api.get("/locations"),
    "POST /locations": lambda api, s: api.post("/locations", json={"code": f"L-{s.tag}", "name": "bench"}),
    "PATCH /locations/{code}": lambda api, s: api.patch("/locations/WH-B", json={"name": f"Second {s.tag}"}),
    "GET /customers": lambda api, s: api.get("/customers"),
    "POST /customers": lambda api, s: api.post("/customers", json={"code": f"C-{s.tag}", "name": "new"}),
    "PATCH /customers/{code}": lambda api, s: api.patch("/customers/CUST1", json={"contact": s.tag}),
    "GET /customers/{code}/units": lambda api, s: api.get("/customers/CUST1/units"),
    "GET /pos": lambda api, s: api.get("/pos"),
    "POST /pos": lambda api, s: api.post("/pos", json={"supplier": "ACME", "lines": [{"sku": "LAP", "quantity": 1}]}),
    "GET /pos/{number}": lambda api, s: api.get(f"/pos/{s.po}"),
    "PATCH /pos/{number}": lambda api, s: api.patch(f"/pos/{s.draft}", json={"note": s.tag}),
    "POST /pos/{number}/amend": lambda api, s: api.post(f"/pos/{s.listed}/amend",
                                                        json={"supplier_ref": s.tag, "reason": "their new reference"}),
    "GET /pos/{number}.pdf": lambda api, s: api.get(f"/pos/{s.po}.pdf"),
    "POST /pos/{number}/{verb}": lambda api, s: api.post(f"/pos/{s.po}/approve"),  # approved already: 409 when allowed
    "POST /pos/{number}/receipts": lambda api, s: api.post(f"/pos/{s.po}/receipts", json={
        "sku": "LAP", "serials": [f"R-{s.tag}-01"], "location": "WH-A"}),
    "POST /pos/{number}/receipts/file": lambda api, s: api.post(f"/pos/{s.po}/receipts/file", files={"file": CSV},
                                                               data={"sku": "LAP", "location": "WH-A"}),
    "GET /pos/{number}/manifests": lambda api, s: api.get(f"/pos/{s.listed}/manifests"),
    "PUT /pos/{number}/lines/{line}/manifest": lambda api, s: api.put(f"/pos/{s.listed}/lines/1/manifest",
                                                                      json={"serials": ["M-0001"], "replace": True}),
    "PUT /pos/{number}/lines/{line}/manifest/file": lambda api, s: api.put(
        f"/pos/{s.listed}/lines/1/manifest/file", params={"name": "list.csv", "replace": True}, content=b"serial\nM-0002\n"),
    "PATCH /pos/{number}/lines/{line}/manifest": lambda api, s: api.patch(f"/pos/{s.listed}/lines/1/manifest",
                                                                          json={"add": [f"M-{s.tag}"]}),
    "GET /pos/{number}/lines/{line}/manifest": lambda api, s: api.get(f"/pos/{s.listed}/lines/1/manifest"),
    "GET /{kind}/{code}/off-manifest": lambda api, s: api.get("/suppliers/ACME/off-manifest"),
    "PUT /{kind}/{code}/off-manifest": lambda api, s: api.put("/items/LAP/off-manifest", json={"policy": None}),
    "GET /serials": lambda api, s: api.get("/serials"),
    "GET /serials/{serial}": lambda api, s: api.get(f"/serials/{s.units['issue']}"),
    "POST /moves": moves(),
    "POST /verify": lambda api, s: api.post("/verify", json={"codes": [s.units["issue"]]}),
    "GET /audit/verify": lambda api, s: api.get("/audit/verify"),
    "GET /events": lambda api, s: api.get("/events"),
    "GET /receipts/{number}": lambda api, s: api.get(f"/receipts/{s.receipt}"),
    "GET /receipts/{number}.xlsx": lambda api, s: api.get(f"/receipts/{s.receipt}.xlsx"),
    "GET /finance/stock-value": lambda api, s: api.get("/finance/stock-value"),
    "GET /finance/stock-value.xlsx": lambda api, s: api.get("/finance/stock-value.xlsx"),
    "GET /webhooks": lambda api, s: api.get("/webhooks"),
    "POST /webhooks": lambda api, s: api.post("/webhooks", json={"name": f"h-{s.tag}", "url": "http://127.0.0.1:9/h"}),
    "DELETE /webhooks/{name}": lambda api, s: api.delete("/webhooks/no-such-hook"),
    "POST /webhooks/{name}/resend": lambda api, s: api.post("/webhooks/no-such-hook/resend", json={"after": 0}),
    "GET /webhooks/{name}/deliveries": lambda api, s: api.get("/webhooks/no-such-hook/deliveries"),
    "POST /stocktakes": lambda api, s: api.post("/stocktakes", json={"location": "WH-A"}),
    "GET /stocktakes": lambda api, s: api.get("/stocktakes"),
    "GET /stocktakes/{number}": lambda api, s: api.get(f"/stocktakes/{s.count}"),
    "GET /stocktakes/{number}/report.xlsx": lambda api, s: api.get(f"/stocktakes/{s.count}/report.xlsx"),
    "GET /stocktakes/{number}/report.pdf": lambda api, s: api.get(f"/stocktakes/{s.count}/report.pdf"),
    "POST /stocktakes/{number}/scans": lambda api, s: api.post(f"/stocktakes/{s.count}/scans", json={"scans": ["U-X"]}),
    "POST /stocktakes/{number}/{verb}": lambda api, s: api.post(f"/stocktakes/{s.count}/close"),
    "GET /exceptions": lambda api, s: api.get("/exceptions"),
    "POST /exceptions/{exception_id}/resolve": lambda api, s: api.post(f"/exceptions/{s.exception}/resolve",
                                                                       json={"resolution": "a typo"}),
    "GET /documents/{document}.pdf": documents(),
    "GET /labels.pdf": lambda api, s: api.get("/labels.pdf", params={"receipt": s.receipt, "template": "thermal-50x30"}),
    "GET /exports/{kind}.xlsx": workbooks(),
    "GET /printer": lambda api, s: api.get("/printer"),
    "POST /labels/printer": lambda api, s: api.post("/labels/printer", json={"receipt": s.receipt}),
    "POST /returns": lambda api, s: api.post("/returns", json={"serial": s.units["issue"], "rma": f"RMA-{s.tag}",
                                                               "customer": "CUST1", "reason": "dead on arrival"}),
    "GET /returns": lambda api, s: api.get("/returns"),
    "POST /returns/{rma}/inspection": lambda api, s: api.post("/returns/RMA-X/inspection", json={"decision": "scrap"}),
    "POST /returns/{rma}/swap": lambda api, s: api.post("/returns/RMA-X/swap", json={"replacement": "U-X"}),
    "GET /returns/{rma}/note.pdf": lambda api, s: api.get("/returns/RMA-X/note.pdf"),
    "POST /supplier-rmas": lambda api, s: api.post("/supplier-rmas", json={"serial": "U-X", "rma": f"SR-{s.tag}"}),
    "GET /supplier-rmas": lambda api, s: api.get("/supplier-rmas"),
    "POST /supplier-rmas/{rma}/back": lambda api, s: api.post("/supplier-rmas/SR-X/back", json={}),
    "POST /repairs": lambda api, s: api.post("/repairs", json={"serial": s.units["issue"], "fault": "no power"}),
    "GET /alerts": lambda api, s: api.get("/alerts"),
    "GET /service-figures": lambda api, s: api.get("/service-figures"),
    "PUT /settings/replacement-warranty": lambda api, s: api.put("/settings/replacement-warranty",
                                                                 json={"replacement_warranty": "continue"}),
    "PUT /settings/answer-days": lambda api, s: api.put("/settings/answer-days", json={"answer_days": 7}),
    "GET /serials/{serial}/warranty-claim.pdf": lambda api, s: api.get(f"/serials/{s.units['issue']}/warranty-claim.pdf"),
    "POST /devices/pair": lambda api, s: api.post("/devices/pair", json={"code": "000000", "name": "a phone"}),
    "GET /devices": lambda api, s: api.get("/devices"),
    "DELETE /devices/{device_id}": lambda api, s: api.delete("/devices/999999"),
    "GET /floor/names": lambda api, s: api.get("/floor/names"),
    "POST /floor/receiving/judge": lambda api, s: api.post("/floor/receiving/judge", json={"po": s.po, "scan": "J-0001"}),
    "POST /floor/stocktakes/{number}/scan": lambda api, s: api.post(f"/floor/stocktakes/{s.count}/scan", json={"scan": "U-X"}),
    "POST /floor/verify": lambda api, s: api.post("/floor/verify", json={"scan": s.units["issue"]}),
    "POST /floor/read": lambda api, s: api.post("/floor/read", json={"scan": "U-X"}),
    "POST /floor/lookup": lambda api, s: api.post("/floor/lookup", json={"scan": s.units["issue"]}),
    "POST /recall/trace": lambda api, s: api.post("/recall/trace", json={"po": s.po}),
    "POST /recall/export.xlsx": lambda api, s: api.post("/recall/export.xlsx", json={"po": s.po}),
    "POST /recall/report.pdf": lambda api, s: api.post("/recall/report.pdf", json={"po": s.po}),
    "POST /recall/block": lambda api, s: api.post("/recall/block", json={"serials": [s.units["scrap"]]}),
    "POST /recall/release": lambda api, s: api.post("/recall/release", json={"serials": [s.units["scrap"]]}),
    "GET /recall/expiring": lambda api, s: api.get("/recall/expiring"),
    "GET /users": lambda api, s: api.get("/users"),
    "POST /users": lambda api, s: api.post("/users", json={"name": f"new-{s.tag}", "role": "auditor"}),
    "PUT /users/{name}/role": lambda api, s: api.put("/users/target/role", json={"role": "warehouse"}),
    "PUT /users/{name}/password": lambda api, s: api.put("/users/target/password", json={"password": PASSWORD}),
    "POST /users/{name}/{change}": lambda api, s: api.post("/users/target/unlock"),
}  # fmt: skip


def routes_of(server: Server) -> dict[str, dict]:
    with server.client() as anonymous:
        document = anonymous.get(server.url + "/api/openapi.json").json()
    return {f"{method.upper()} {path.removeprefix('/api/v1')}": operation.get(permits.KEY)
            for path, operations in document["paths"].items() for method, operation in operations.items()}  # fmt: skip


def reached_the_core(response: httpx.Response, public: bool) -> bool:
    """Answered by the route's service, or past its permission check: not refused at the door.

    A public route's 401 is its own answer (a wrong password, an unknown pairing code), not the door's.
    """
    if response.status_code == 403 or response.status_code >= 500 or (response.status_code == 401 and not public):
        return False
    if response.is_success:
        return True
    return response.json()["error"] not in ("request.invalid", "request.not_found")  # a malformed call proves nothing


def test_every_role_gets_what_the_permission_table_allows_on_every_route(db_url, ctx, company, tmp_path):
    config = tmp_path / "config"
    # A printer nobody listens on: the label route reaches the core, which refuses a connection, not a role.
    save_printer(Printer(refused_address(), Language.ZPL, 203, "thermal-50x30"), path=config / "SNApp" / "snapp.ini")
    s = stage(ctx, company)
    server = Server(db_url, XDG_CONFIG_HOME=str(config))
    try:
        routes = routes_of(server)
        undeclared = sorted(route for route, declared in routes.items() if declared is None)
        assert not undeclared, f"routes without a permission in the OpenAPI document: {undeclared}"
        assert sorted(routes.keys() - CALLS.keys()) == [], "a route without a call in this test"
        assert sorted(CALLS.keys() - routes.keys()) == [], "a call for a route the server no longer has"
        wrong = []
        for role in Role:
            users.add_user(ctx, f"u-{role}", role, PASSWORD)
            api = server.login(f"u-{role}", PASSWORD)
            s.tag, s.sign_in = role.value, (lambda r=role: server.login(f"u-{r}", PASSWORD))
            held = ROLE_PERMISSIONS[role]
            for route, declared in routes.items():
                calls = CALLS[route] if isinstance(CALLS[route], dict) else {None: CALLS[route]}
                if "by" in declared:
                    assert set(calls) == set(declared["of"]), route  # every value the route takes is tried
                for value, call in calls.items():
                    response = call(api, s)
                    if permits.allowed(declared, held, value):
                        ok = reached_the_core(response, declared.get("public", False))
                    else:
                        ok = response.status_code == 403 and response.json()["error"] in DENIALS
                    if not ok:
                        wrong.append((role.value, route, value, response.status_code, response.text[:200]))
        assert wrong == []
    finally:
        server.stop()


def test_a_signed_in_route_whose_permission_cannot_be_read_stops_the_server_from_being_built():
    router = APIRouter()

    @router.get("/mystery")
    def mystery(ctx: Caller) -> None:  # reaches its service through something the server cannot see
        return None

    @router.get("/listed")
    def listed(ctx: Caller) -> list:
        return users.list_users(ctx)

    with pytest.raises(LookupError, match="GET /mystery"):
        permits.publish(router.routes, context)
    permits.publish(router.routes[1:], context)
    assert router.routes[1].openapi_extra == {permits.KEY: {"all": ["view"]}}
