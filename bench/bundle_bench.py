"""The PyInstaller bundle (``make dist``) against the source app, in the same run.

Prints the bundle's size on disk, and the wall time of ``ker-field --self-test`` (start,
open a local store with demo data, decode a QR image with both backends, render the main
window offscreen, exit) for the built bundle and for the source checkout
(``python -m ker_field.app --self-test``), median of RUNS each, with their ratio.
Without a bundle it says so and exits 0 (build one with ``make dist``).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "ker-field"
RUNS = 5


def size_mb(folder: Path) -> float:
    return (
        sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
        / 1e6
    )


def wall(command: list[str]) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
        times.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    return statistics.median(times)


def main() -> int:
    executable = BUNDLE / ("ker-field.exe" if sys.platform == "win32" else "ker-field")
    if not executable.exists():
        print(f"bundle: not built ({executable} is missing; run make dist)")
        return 0
    source = wall([sys.executable, "-m", "ker_field.app", "--self-test"])
    bundle = wall([str(executable), "--self-test"])
    print(f"bundle size: {size_mb(BUNDLE):.0f} MB on disk")
    print(f"self-test, source app: {source * 1000:.0f} ms (baseline, ratio 1.00)")
    print(
        f"self-test, bundle: {bundle * 1000:.0f} ms, ratio {bundle / source:.2f} to the source app"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
