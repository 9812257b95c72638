"""The device's HTTP client of the central server: tokens, refresh, typed answers, and
errors sorted into what the sync loop does about them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from sync.protocol import Mutation, PushRequest, PushResponse
from sync.protocol.pull import MalformedPage, PullPage, parse_pull_page

M = TypeVar("M", bound=BaseModel)

DEFAULT_TIMEOUT = httpx.Timeout(connect=5.0, read=30.0, write=30.0, pool=5.0)


class SyncError(Exception):
    """Base of the errors the sync engine handles."""


class ServerUnavailable(SyncError):
    """No network, a timeout, a dropped connection, a 5xx or a garbled answer: retry later."""


class SignInRequired(SyncError):
    """The refresh token is gone or refused: a person must sign in again."""


class Refused(SyncError):
    """The server understood and refused (4xx other than auth); carries its error body."""

    def __init__(self, status: int, body: dict[str, Any]) -> None:
        super().__init__(f"{status}: {body.get('code')}")
        self.status, self.body = status, body


@dataclass
class Tokens:
    access: str
    refresh: str


class ServerApi:
    """Calls the server; refreshes the access token once on a 401 and retries the call."""

    def __init__(
        self,
        base_url: str,
        device_id: str,
        tokens: Tokens | None = None,
        on_tokens: Callable[[Tokens], None] | None = None,
        lang: str = "es",
        transport: httpx.BaseTransport | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
    ) -> None:
        self.device_id = device_id
        self.tokens = tokens
        self._on_tokens = on_tokens
        self._http = httpx.Client(
            base_url=base_url,
            timeout=timeout,
            transport=transport,
            headers={"Accept-Language": lang},
        )

    def close(self) -> None:
        self._http.close()

    # -- auth ---------------------------------------------------------------------------

    def login(self, username: str, password: str) -> dict[str, Any]:
        body = self._send(
            "POST",
            "/auth/token",
            json={"username": username, "password": password, "device_id": self.device_id},
            auth=False,
        )
        self._keep(body)
        return body

    def _keep(self, body: dict[str, Any]) -> None:
        try:
            self.tokens = Tokens(body["access_token"], body["refresh_token"])
        except (KeyError, TypeError):
            raise ServerUnavailable("malformed token answer") from None
        if self._on_tokens is not None:
            self._on_tokens(self.tokens)

    def refresh(self) -> None:
        if self.tokens is None:
            raise SignInRequired("no session")
        try:
            body = self._send(
                "POST",
                "/auth/refresh",
                json={"refresh_token": self.tokens.refresh, "device_id": self.device_id},
                auth=False,
            )
        except Refused as refused:
            if refused.status == 401:
                raise SignInRequired(str(refused.body.get("message"))) from None
            raise
        self._keep(body)

    # -- sync ---------------------------------------------------------------------------

    def push(self, mutations: list[Mutation]) -> PushResponse:
        body = self._call(
            "POST", "/sync/push", json=PushRequest(mutations=mutations).model_dump(mode="json")
        )
        return _parse(PushResponse, body)

    def pull(self, scope: str, after: int, limit: int, count: bool = True) -> PullPage:
        """One page; ``count=False`` spares the server counting what is left (``remaining``
        is then -1 while there is more)."""
        params = {"scope": scope, "after": after, "limit": limit}
        if not count:
            params["count"] = "false"
        response = self._raw("GET", "/sync/pull", params=params)
        _raise_for(response)
        try:  # parsed in one pass (pages are large); rows are checked when written
            return parse_pull_page(response.content)
        except MalformedPage:
            raise ServerUnavailable("malformed server answer") from None

    def blob_status(self, sha256: str) -> tuple[int, bool] | None:
        """(bytes received, complete) or None when the server has none of it."""
        response = self._raw("HEAD", f"/blobs/{sha256}")
        if response.status_code == 404:
            return None
        _raise_for(response)
        try:
            return int(response.headers["X-Blob-Received"]), response.headers[
                "X-Blob-Complete"
            ] == "1"
        except (KeyError, ValueError):
            raise ServerUnavailable("malformed blob status") from None

    def upload_chunk(
        self, sha256: str, offset: int, chunk: bytes, size: int, content_type: str
    ) -> dict[str, Any]:
        return self._call(
            "PUT",
            f"/blobs/{sha256}",
            params={"offset": offset},
            content=chunk,
            headers={"Content-Type": content_type, "X-Blob-Size": str(size)},
        )

    def download(self, sha256: str, sink: Callable[[bytes, int | None], None]) -> None:
        """Stream a blob: ``sink(chunk, total)`` per chunk."""
        for attempt in range(2):
            headers = self._auth_headers()
            try:
                with self._http.stream("GET", f"/blobs/{sha256}", headers=headers) as response:
                    if response.status_code == 401 and attempt == 0:
                        self.refresh()
                        continue
                    if response.status_code >= 400:
                        response.read()
                        _raise_for(response)
                    total = response.headers.get("Content-Length")
                    for chunk in response.iter_bytes(256 * 1024):
                        sink(chunk, int(total) if total else None)
                    return
            except httpx.HTTPError as exc:
                raise ServerUnavailable(str(exc)) from exc

    # -- REST reads (certificates, a supervisor's team) ---------------------------------

    @property
    def base_url(self) -> str:
        return str(self._http.base_url).rstrip("/")

    def get_json(self, url: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self._call("GET", url, params=params or {})

    def get_bytes(self, url: str) -> bytes:
        response = self._raw("GET", url)
        _raise_for(response)
        return response.content

    # -- plumbing -----------------------------------------------------------------------

    def _auth_headers(self) -> dict[str, str]:
        if self.tokens is None:
            raise SignInRequired("no session")
        return {"Authorization": f"Bearer {self.tokens.access}"}

    def _raw(self, method: str, url: str, auth: bool = True, **kwargs: Any) -> httpx.Response:
        for attempt in range(2):
            headers = {**kwargs.pop("headers", {}), **(self._auth_headers() if auth else {})}
            try:
                response = self._http.request(method, url, headers=headers, **kwargs)
            except httpx.HTTPError as exc:
                raise ServerUnavailable(str(exc)) from exc
            if auth and response.status_code == 401 and attempt == 0:
                self.refresh()
                kwargs["headers"] = {k: v for k, v in headers.items() if k != "Authorization"}
                continue
            return response
        return response

    def _call(self, method: str, url: str, **kwargs: Any) -> dict[str, Any]:
        response = self._raw(method, url, **kwargs)
        _raise_for(response)
        return _json(response)

    def _send(self, method: str, url: str, auth: bool = True, **kwargs: Any) -> dict[str, Any]:
        response = self._raw(method, url, auth=auth, **kwargs)
        _raise_for(response)
        return _json(response)


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        raise ServerUnavailable(f"not JSON ({response.status_code})") from None
    if not isinstance(body, dict):
        raise ServerUnavailable("unexpected answer shape")
    return body


def _raise_for(response: httpx.Response) -> None:
    status = response.status_code
    if status < 400:
        return
    if status >= 500 or status in (408, 425, 429):
        raise ServerUnavailable(f"server answered {status}")
    try:
        body = response.json()
    except ValueError:
        body = {"code": f"http_{status}", "message": response.text[:200], "details": None}
    if status == 401:
        raise SignInRequired(str(body.get("message") if isinstance(body, dict) else body))
    raise Refused(status, body if isinstance(body, dict) else {"code": f"http_{status}"})


def _parse(model: type[M], body: dict[str, Any]) -> M:
    try:
        return model.model_validate(body)
    except ValidationError:
        raise ServerUnavailable("malformed server answer") from None
