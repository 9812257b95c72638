"""A small threaded HTTP/1.1 proxy on 127.0.0.1 that injects network faults between a device
and the server, one random fault per request (a seeded RNG), for the sync fault tests.

Each request is read in full (head + ``Content-Length`` body), sent to the server on a fresh
connection with ``Connection: close`` and its answer read to the end; then the chosen fault
decides what the client gets:

- ``none``: the answer;
- ``delay``: the answer, late;
- ``drop_before``: the connection closes, the server never saw the request;
- ``drop_after``: the server did the work, the connection closes without an answer;
- ``truncate``: half of the answer, then the connection closes;
- ``http_500``: the server did the work, the client gets a raw ``500`` instead;
- ``http_502``: a raw ``502``, the server never saw the request;
- ``stall``: nothing at all until the client gives up (its read timeout) or ``max_stall``.

Every answer carries ``Connection: close``, so one connection is one request. With every
weight but ``none`` at 0 the proxy is a pass-through that records the requests it relays
(the client-kill test times its kills on them).
"""

from __future__ import annotations

import random
import select
import socket
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from types import TracebackType

HEAD_LIMIT = 64 * 1024


class Fault(StrEnum):
    NONE = "none"
    DELAY = "delay"
    DROP_BEFORE = "drop_before"
    DROP_AFTER = "drop_after"
    TRUNCATE = "truncate"
    HTTP_500 = "http_500"
    HTTP_502 = "http_502"
    STALL = "stall"


PASS_THROUGH: dict[Fault, float] = {Fault.NONE: 1.0}

RAW_500 = (
    b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\n"
    b"Content-Length: 21\r\nConnection: close\r\n\r\nInternal Server Error"
)
RAW_502 = (
    b"HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/plain\r\n"
    b"Content-Length: 11\r\nConnection: close\r\n\r\nBad Gateway"
)


@dataclass
class Exchange:
    """One relayed request: what it was, the fault it got, when it started and ended."""

    method: str
    path: str
    fault: Fault
    started: float
    body: bytes = b""
    answered: bool = False  # the server's whole answer reached the proxy
    ended: float | None = None


class _Closed(Exception):
    """The client closed its connection (or the proxy is closing)."""


def _recv_request(conn: socket.socket, closing: threading.Event) -> tuple[bytes, bytes] | None:
    """One request's head and body; None when the client closed before sending one."""
    data = b""
    while b"\r\n\r\n" not in data:
        if closing.is_set() or len(data) > HEAD_LIMIT:
            raise _Closed()
        chunk = conn.recv(65536)
        if not chunk:
            if data:
                raise _Closed()
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
        if name.strip().lower() == b"transfer-encoding":
            raise ValueError("the fault proxy only relays requests with a Content-Length")
    while len(body) < length:
        if closing.is_set():
            raise _Closed()
        chunk = conn.recv(65536)
        if not chunk:
            raise _Closed()
        body += chunk
    return head, body


def _with_header(head: bytes, name: bytes, value: bytes) -> bytes:
    """``head`` with ``name`` set to ``value`` (replacing any such header)."""
    lines = head.split(b"\r\n")
    kept = [lines[0]] + [
        line for line in lines[1:] if line.partition(b":")[0].strip().lower() != name.lower()
    ]
    kept.append(name + b": " + value)
    return b"\r\n".join(kept)


class FaultProxy:
    """``with FaultProxy(("127.0.0.1", port), seed=7, weights={...}) as proxy: proxy.url``.

    ``script`` gives the faults of the first requests (e.g. one of each kind), before the
    seeded random choice by ``weights`` takes over."""

    def __init__(
        self,
        upstream: tuple[str, int],
        seed: int,
        weights: Mapping[Fault, float] | None = None,
        delay: tuple[float, float] = (0.05, 0.6),
        max_stall: float = 10.0,
        upstream_timeout: float = 60.0,
        script: Sequence[Fault] = (),
    ) -> None:
        self.upstream = upstream
        self.delay, self.max_stall, self.upstream_timeout = delay, max_stall, upstream_timeout
        self._rng = random.Random(seed)
        self.lock = self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._weights: dict[Fault, float] = dict(weights or PASS_THROUGH)
        self._script = list(script)  # the first requests' faults, then the weights decide
        self._closing = threading.Event()
        self._threads: list[threading.Thread] = []
        self.exchanges: list[Exchange] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.port = int(self._listener.getsockname()[1])
        self._acceptor = threading.Thread(target=self._accept, name="fault-proxy", daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- control ------------------------------------------------------------------------

    def start(self) -> FaultProxy:
        self._acceptor.start()
        return self

    def close(self) -> None:
        self._closing.set()
        if self._acceptor.is_alive():
            self._acceptor.join(5)
        self._listener.close()
        with self._lock:
            threads = list(self._threads)
        for thread in threads:
            thread.join(self.max_stall + 5)

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _tb: TracebackType | None,
    ) -> None:
        self.close()

    def set_weights(self, weights: Mapping[Fault, float]) -> None:
        with self._lock:
            self._weights = dict(weights)

    def count(self) -> int:
        with self._lock:
            return len(self.exchanges)

    def wait_for(self, count: int, timeout: float) -> bool:
        """Wait until ``count`` requests have arrived (False on timeout)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while len(self.exchanges) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._changed.wait(min(left, 0.05))
            return True

    def faults_seen(self) -> dict[Fault, int]:
        with self._lock:
            seen: dict[Fault, int] = {}
            for exchange in self.exchanges:
                seen[exchange.fault] = seen.get(exchange.fault, 0) + 1
            return seen

    # -- relaying -----------------------------------------------------------------------

    def _accept(self) -> None:
        while not self._closing.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            with self._lock:
                self._threads = [t for t in self._threads if t.is_alive()]
                self._threads.append(thread)
            thread.start()

    def _choose(self, method: str, path: str, body: bytes) -> Exchange:
        with self._changed:
            if self._script:
                fault = self._script.pop(0)
            else:
                faults = list(self._weights)
                fault = self._rng.choices(faults, [self._weights[f] for f in faults])[0]
            exchange = Exchange(method, path, fault, time.monotonic(), body)
            self.exchanges.append(exchange)
            self._changed.notify_all()
            return exchange

    def _pause(self) -> float:
        with self._lock:
            return self._rng.uniform(*self.delay)

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(self.upstream_timeout)
            try:
                request = _recv_request(conn, self._closing)
            except (_Closed, OSError):
                return
            if request is None:
                return
            head, body = request
            method, path, *_ = [*head.split(b"\r\n", 1)[0].decode("latin-1").split(" "), "", ""]
            exchange = self._choose(method, path, body)
            try:
                self._relay(conn, exchange, head, body)
            except OSError:
                pass  # the client went away: that is what a fault looks like
            finally:
                exchange.ended = time.monotonic()

    def _relay(self, conn: socket.socket, exchange: Exchange, head: bytes, body: bytes) -> None:
        fault = exchange.fault
        if fault is Fault.DROP_BEFORE:
            return
        if fault is Fault.HTTP_502:
            conn.sendall(RAW_502)
            return
        if fault is Fault.STALL:
            self._stall(conn)
            return
        if fault is Fault.DELAY:
            self._closing.wait(self._pause())
        answer = self._forward(head, body)
        if answer is None:
            return
        exchange.answered = True
        if fault is Fault.DROP_AFTER:
            return
        if fault is Fault.HTTP_500:
            conn.sendall(RAW_500)
            return
        if fault is Fault.TRUNCATE:
            conn.sendall(answer[: len(answer) // 2])
            return
        conn.sendall(answer)

    def _stall(self, conn: socket.socket) -> None:
        """Say nothing until the client closes (its timeout), ``max_stall`` or closing."""
        deadline = time.monotonic() + self.max_stall
        while not self._closing.is_set() and time.monotonic() < deadline:
            readable, _, _ = select.select([conn], [], [], 0.1)
            if readable and not conn.recv(65536):
                return

    def _forward(self, head: bytes, body: bytes) -> bytes | None:
        """The server's whole answer (with ``Connection: close``), or None if unreachable."""
        upstream_head = _with_header(head, b"Connection", b"close")
        try:
            with socket.create_connection(self.upstream, timeout=self.upstream_timeout) as up:
                up.sendall(upstream_head + b"\r\n\r\n" + body)
                chunks = []
                while True:
                    chunk = up.recv(65536)
                    if not chunk:
                        break
                    chunks.append(chunk)
        except OSError:
            return None
        answer = b"".join(chunks)
        answer_head, sep, answer_body = answer.partition(b"\r\n\r\n")
        if not sep:
            return answer
        return _with_header(answer_head, b"Connection", b"close") + sep + answer_body
