"""``Idempotency-Key`` on POST: the same caller sending the same request again gets the first answer.

A phone that lost its network mid-request, or reloaded its page, cannot know
whether its scan arrived; it sends it again with the key it chose the first
time, and the server answers as it did then (with ``Idempotency-Replayed:
true``) instead of doing it twice. Keys belong to the caller the bearer token
or API key acts as (another user's key is another key) and are kept a day
(`snapp.services.idempotency`). A request without credentials is answered as
if it had no key: the route refuses it, or (logging in) nothing is kept.
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi import FastAPI, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from snapp.app.errors import http_status
from snapp.errors import AuthenticationFailed, SnappError
from snapp.server.app import bearer
from snapp.services import access, idempotency

HEADER = "idempotency-key"
NOT_KEPT = {429}  # a rate limit says "later", not what the request did


def install(app: FastAPI, refuse: Callable[[Request, SnappError, int], Response], read_only: frozenset[str] = frozenset()) -> None:
    """Answer keyed POSTs once per caller and key; ``refuse`` words a refusal as the API's error contract.

    POSTs to the paths of ``read_only`` change nothing (a question too long for a URL): their keys are not kept.
    """

    @app.middleware("http")
    async def once(request: Request, call_next: Callable):
        raw_key = request.headers.get(HEADER)
        if request.method != "POST" or raw_key is None or request.url.path in read_only:
            return await call_next(request)
        db = request.app.state.db
        try:
            key = idempotency.check_key(raw_key)
            caller = await run_in_threadpool(_caller, request)
            if caller is None:
                return await call_next(request)
            body = await request.body()
            print_ = idempotency.fingerprint(request.method, request.url.path, body)
            answer = await run_in_threadpool(idempotency.claim, db, caller, key, print_)
        except SnappError as err:
            return refuse(request, err, http_status(err))
        if answer is not None:
            return Response(answer.body, answer.status, media_type=answer.content_type,
                            headers={"Idempotency-Replayed": "true"})  # fmt: skip
        try:
            response = await call_next(request)
            content = b"".join([chunk async for chunk in response.body_iterator])
        except BaseException:
            await run_in_threadpool(idempotency.settle, db, caller, key, None)
            raise
        kept = response.status_code < 500 and response.status_code not in NOT_KEPT
        stored = idempotency.Answer(response.status_code, response.headers.get("content-type"), content)
        await run_in_threadpool(idempotency.settle, db, caller, key, stored if kept else None)
        headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
        return Response(content, response.status_code, headers=headers)


def _caller(request: Request) -> str | None:
    try:
        return access.authenticate(request.app.state.db, bearer(request)).user
    except AuthenticationFailed:
        return None
