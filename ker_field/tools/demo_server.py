"""The embedded demo server of ``ker-field --demo`` / ``make run``: the real central server
(``python -m sync.server``) with the demo tenant, on 127.0.0.1, in a child process the app
stops on exit. A subprocess, not an import: the app never imports the server's code."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

DEMO_PORT = 8765


def _port_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class DemoServer:
    url: str
    process: subprocess.Popen[bytes]
    log_path: Path

    @classmethod
    def start(cls, folder: Path, port: int | None = None, timeout: float = 60.0) -> DemoServer:
        """Launch the server and wait until it answers."""
        server = cls.launch(folder, port)
        server.wait_ready(timeout)
        return server

    @classmethod
    def launch(cls, folder: Path, port: int | None = None) -> DemoServer:
        """Launch the server (its address is known at once); :meth:`wait_ready` waits for it
        to answer (the app does that off the GUI thread, with its login window showing)."""
        folder.mkdir(parents=True, exist_ok=True)
        if port is None:
            port = DEMO_PORT if _port_free(DEMO_PORT) else _free_port()
        log_path = folder / "server.log"
        command = [
            sys.executable,
            "-m",
            "sync.server",
            "--db",
            f"sqlite:///{folder / 'server.sqlite3'}",
            "--blobs",
            str(folder / "blobs"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--seed-demo",
        ]
        with log_path.open("ab") as log:
            process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        return cls(f"http://127.0.0.1:{port}", process, log_path)

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the demo server stopped; see {self.log_path}")
            try:
                if httpx.get(f"{self.url}/health", timeout=1.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"the demo server did not start in {timeout:.0f} s; see {self.log_path}")

    def stop(self, timeout: float = 10.0) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout)
