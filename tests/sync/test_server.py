"""The central server command starts on 127.0.0.1, seeds the demo and answers /health."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_server_command_serves_health_over_http(tmp_path):
    port = _free_port()
    db = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    proc = subprocess.Popen(
        [sys.executable, "-m", "sync.server", "--db", db, "--port", str(port), "--seed-demo"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        answer = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert answer is not None, "server did not answer within 30 s"
        body = answer.json()
        assert answer.status_code == 200
        assert body["status"] == "ok" and body["database"] == "sqlite" and body["tenants"] == 1
    finally:
        proc.terminate()
        output = proc.communicate(timeout=10)[0]
    assert "demo user supervisor (supervisor)" in output
