"""Master-data changes and user management over HTTP, through the desktop's services, on a real server."""

from __future__ import annotations

import io

import openpyxl

from snapp.services import users

PASSWORD = "password 123"


def audit_actions(api) -> list[tuple[str, str, str]]:
    """(who, action, key) of every audit entry, read from the audit log's workbook."""
    book = openpyxl.load_workbook(io.BytesIO(api.get("/exports/audit.xlsx").content), read_only=True)
    return [(row[2], row[3], row[5]) for row in book["Audit log"].iter_rows(min_row=2, values_only=True)]


def test_suppliers_items_locations_and_customers_are_changed_field_by_field_and_audited(server, company):
    api = server.login()
    supplier = api.patch("/suppliers/ACME", json={"phone": "0755-8888 0000", "contact": "王经理"})
    assert supplier.status_code == 200, supplier.text
    assert supplier.json()["name"] == "深圳市艾克米电子有限公司"  # a field left out keeps its value
    [listed] = api.get("/suppliers").json()
    assert (listed["phone"], listed["contact"]) == ("0755-8888 0000", "王经理")

    item = api.patch("/items/LAP", json={"warranty_months": 36, "serial_case": "keep", "gtin": None})
    assert item.status_code == 200, item.text
    [row] = api.get("/items").json()
    assert (row["warranty_months"], row["serial_case"], row["gtin"], row["serial_min_length"]) == (36, "keep", None, 6)

    assert api.patch("/locations/WH-B", json={"name": "二号仓"}).status_code == 200
    assert {loc["code"]: loc["name"] for loc in api.get("/locations").json()}["WH-B"] == "二号仓"

    assert api.post("/customers", json={"code": "CUST1", "name": "客户一"}).status_code == 201
    customer = api.patch("/customers/CUST1", json={"email": "buyer@example.com"})
    assert customer.status_code == 200 and customer.json()["email"] == "buyer@example.com"

    trail = audit_actions(api)
    for action, key in (("supplier.update", "ACME"), ("item.update", "LAP"), ("location.update", "WH-B"),
                        ("customer.update", "CUST1")):  # fmt: skip
        assert ("admin", action, key) in trail


def test_a_change_the_core_or_the_schema_refuses_names_its_field_and_writes_nothing(server, company, ctx):
    api = server.login()
    before = api.get("/items").json()
    unknown = api.patch("/items/LAP", json={"warranty_months": 12, "warranty": 12})
    assert unknown.status_code == 422 and unknown.json()["problems"][0]["position"] == "body.warranty"
    wrong_type = api.patch("/items/LAP", json={"warranty_months": "two years"})
    assert wrong_type.status_code == 422 and wrong_type.json()["problems"][0]["position"] == "body.warranty_months"
    not_json = api.patch("/suppliers/ACME", content=b"{phone:", headers={"Content-Type": "application/json"})
    assert not_json.status_code == 422 and not_json.json()["error"] == "request.invalid"
    rule = api.patch("/items/LAP", json={"serial_min_length": 30, "serial_max_length": 10},
                     headers={"Accept-Language": "zh-CN"})  # fmt: skip
    assert rule.status_code == 422, rule.text
    assert rule.json()["error"] != "request.invalid"  # the core's own rule, with its own code
    assert any("\u4e00" <= ch <= "\u9fff" for ch in rule.json()["message"])  # said in Chinese
    nobody = api.patch("/suppliers/NOPE", json={"phone": "1"})
    assert nobody.status_code == 404 and nobody.json()["error"] == "masterdata.no_supplier"
    script = api.patch("/locations/WH-A", json={"name": "<script>alert(1)</script>"})
    assert script.status_code == 200 and script.json()["name"] == "<script>alert(1)</script>"  # text, never run
    assert api.get("/items").json() == before

    users.add_user(ctx, "clerk", "warehouse", PASSWORD)
    clerk = server.login("clerk", PASSWORD)
    denied = clerk.patch("/items/LAP", json={"warranty_months": 1})
    assert denied.status_code == 403 and denied.json()["error"] == "access.denied"
    assert api.get("/items").json() == before


def test_an_admin_adds_people_changes_their_role_resets_their_password_and_deactivates_them(server, ctx):
    api = server.login()
    added = api.post("/users", json={"name": "li.na", "role": "warehouse", "password": PASSWORD})
    assert added.status_code == 201, added.text
    assert added.json() == {"name": "li.na", "role": "warehouse", "active": True, "has_password": True,
                            "failed_logins": 0, "locked": False}  # fmt: skip
    assert server.login("li.na", PASSWORD).get("/me").json()["role"] == "warehouse"

    assert api.put("/users/li.na/role", json={"role": "auditor"}).json()["role"] == "auditor"
    assert server.login("li.na", PASSWORD).get("/audit/verify").status_code == 200  # the new role acts at once

    assert api.put("/users/li.na/password", json={"password": "a new one 456"}).status_code == 200
    with server.client() as anonymous:
        assert anonymous.post("/session", json={"name": "li.na", "password": PASSWORD}).status_code == 401
    lina = server.login("li.na", "a new one 456")

    assert api.post("/users/li.na/disable").json()["active"] is False
    ended = lina.get("/me")  # deactivated: the session already open is refused too
    assert ended.status_code == 403 and ended.json()["error"] == "access.disabled"
    with server.client() as anonymous:
        assert anonymous.post("/session", json={"name": "li.na", "password": "a new one 456"}).status_code != 200
    assert api.post("/users/li.na/enable").json()["active"] is True
    assert api.post("/users/li.na/unlock").status_code == 200
    assert {u["name"]: u["active"] for u in api.get("/users").json()} == {"admin": True, "li.na": True}

    trail = audit_actions(api)
    for action in ("user.create", "user.role", "user.password", "user.disable", "user.enable", "user.unlock"):
        assert ("admin", action, "li.na") in trail


def test_people_are_managed_by_admins_only_and_the_last_admin_stays(server, ctx):
    users.add_user(ctx, "buyer", "procurement", PASSWORD)
    buyer = server.login("buyer", PASSWORD)
    for call in (lambda: buyer.post("/users", json={"name": "x", "role": "admin"}),
                 lambda: buyer.put("/users/admin/role", json={"role": "auditor"}),
                 lambda: buyer.put("/users/admin/password", json={"password": "taken over"}),
                 lambda: buyer.post("/users/admin/disable")):  # fmt: skip
        refused = call()
        assert refused.status_code == 403, refused.text
        assert refused.json()["error"] in ("access.denied", "access.own_password_only")
    assert buyer.put("/users/buyer/password", json={"password": "my own new one"}).status_code == 200

    api = server.login()
    demoted = api.put("/users/admin/role", json={"role": "auditor"}, headers={"Accept-Language": "zh-CN"})
    assert demoted.status_code == 409
    assert demoted.json()["error"] == "access.last_admin" and demoted.json()["values"]["name"] == "admin"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in demoted.json()["message"])
    disabled = api.post("/users/admin/disable")
    assert disabled.status_code == 409 and disabled.json()["error"] == "access.last_admin"
    assert api.get("/me").json()["role"] == "admin"

    unknown_role = api.post("/users", json={"name": "x", "role": "superuser"})
    assert unknown_role.status_code == 422 and unknown_role.json()["problems"][0]["position"] == "body.role"
    extra = api.post("/users", json={"name": "x", "role": "auditor", "is_admin": True})
    assert extra.status_code == 422 and extra.json()["problems"][0]["position"] == "body.is_admin"
    twice = api.post("/users", json={"name": "buyer", "role": "auditor"})
    assert twice.status_code == 409 and twice.json()["error"] == "unique_constraint.user_name"
    nobody = api.put("/users/nobody/role", json={"role": "auditor"})
    assert nobody.status_code == 404 and nobody.json()["error"] == "access.no_such_user"
    assert [u["name"] for u in api.get("/users").json()] == ["admin", "buyer"]
