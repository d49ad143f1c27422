"""Which permission each route needs, read from the services it calls and published in the OpenAPI document.

The core checks permissions (``@service(Permission.X)``); a route only says
what it calls. So that the two can never disagree, a route's permission is not
written beside it but read from the services its function names: the
``permission`` attribute ``@service`` gives each one. A route whose service
refines its permission inside (a move's depends on the move, an exception may
be settled by several roles) or that reaches its service through a word
(``snapp.app.dispatch``) declares it with `needs`, still by naming the
services or the core's own tables. Every route's answer goes to the OpenAPI
document as ``x-snapp-permission``, for integrators choosing a key's role,
and the role × route test reads it there. A signed-in route that calls no
service it can see and declares nothing stops the server from starting.
"""

from __future__ import annotations

import dis
import types
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from fastapi.routing import APIRoute
from starlette.routing import BaseRoute

from snapp.domain.permissions import Permission

KEY = "x-snapp-permission"
PUBLIC = {"public": True}  # no sign-in: logging in, pairing, the floor client's names


def needs(*services: Callable | Permission, any_of: bool = False) -> dict[str, Any]:
    """A route's declaration: all of these permissions (or, with ``any_of``, one of them); none: any signed-in person."""
    return {KEY: {"any" if any_of else "all": sorted({_permission(s) for s in services})}}


def needs_by(parameter: str, choices: Mapping[str, Callable | Permission]) -> dict[str, Any]:
    """A route whose permission depends on one of its parameters (a path word, a body field)."""
    return {KEY: {"by": parameter, "of": {value: _permission(s) for value, s in choices.items()}}}


def publish(routes: Iterable[BaseRoute], caller: Callable) -> None:
    """Write each route's permission into its OpenAPI operation; ``caller`` is the dependency that signs a caller in."""
    for route in routes:
        if not isinstance(route, APIRoute) or KEY in (route.openapi_extra or {}):
            continue
        route.openapi_extra = {**(route.openapi_extra or {}), **_derived(route, caller)}


def allowed(declared: dict[str, Any], held: frozenset[Permission], value: str | None = None) -> bool:
    """Whether a holder of ``held`` may call a route that declared ``declared`` (with ``value`` for its parameter)."""
    if declared.get("public"):
        return True
    if "by" in declared:
        return Permission(declared["of"][value]) in held
    if "any" in declared:
        return any(Permission(p) in held for p in declared["any"])
    return all(Permission(p) in held for p in declared["all"])


def _derived(route: APIRoute, caller: Callable) -> dict[str, Any]:
    if not _depends_on(route.dependant, caller):
        return {KEY: PUBLIC}
    found = _services(route.endpoint.__code__, route.endpoint.__globals__)
    if not found:
        methods = ",".join(sorted(route.methods))
        raise LookupError(f"{methods} {route.path}: calls no service that says its permission; declare it with needs()")
    return needs(*found)


def _depends_on(dependant: Any, call: Callable) -> bool:
    return any(d.call is call or _depends_on(d, call) for d in dependant.dependencies)


def _services(code: types.CodeType, scope: dict[str, Any], seen: set[types.CodeType] | None = None) -> set[Callable]:
    """The services ``module.service`` names in ``code``: in the functions and lambdas defined in it too, and
    in the plain functions of the services' modules it calls (one that runs services around a refusal)."""
    seen = set() if seen is None else seen
    seen.add(code)
    found: set[Callable] = set()
    held: Any = None
    for op in dis.get_instructions(code):
        if op.opname == "LOAD_GLOBAL":
            held = scope.get(op.argval)
        elif op.opname in ("LOAD_ATTR", "LOAD_METHOD") and isinstance(held, types.ModuleType):
            held = getattr(held, op.argval, None)
        else:
            held = None
        if hasattr(held, "permission"):
            found.add(held)
        elif _plain_service_helper(held) and held.__code__ not in seen:
            found |= _services(held.__code__, held.__globals__, seen)
    for inner in code.co_consts:
        if isinstance(inner, types.CodeType):
            found |= _services(inner, scope, seen)
    return found


def _plain_service_helper(held: Any) -> bool:
    return isinstance(held, types.FunctionType) and held.__module__.startswith("snapp.services.")


def _permission(service: Callable | Permission) -> str:
    return str(service if isinstance(service, Permission) else service.permission)  # type: ignore[attr-defined]
