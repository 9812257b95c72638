"""QR scanning bench: our scanner (zxing-cpp + enhancement ladder, the app's default) against
plain pyzbar and OpenCV's QRCodeDetector on the same generated 1280x720 frames, per condition;
then the preview's frame rate while scanning (CameraView offscreen on a file camera).

    python bench/qr_bench.py                 # 100 frames per condition
    python bench/qr_bench.py --frames 20     # quicker

Each figure is one line with ``ratio`` against a baseline measured in the same run (our
scanner against plain pyzbar; pyzbar and OpenCV against ours; the preview while scanning
against the preview with scanning paused). Success: the frame's payload is read and nothing
else; on empty frames, nothing is read. Times are wall clock and, less sensitive to whatever
else the machine runs, the scanning thread's CPU time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ker_field.capture.qr import PyzbarBackend, make_decoder, to_grey
from ker_field.capture.synthetic import CONDITIONS, frame_set, qr_frame

Scanner = Callable[[np.ndarray], list[str]]


def ours() -> Scanner:
    decoder = make_decoder("zxing")
    return lambda frame: [r.text for r in decoder.decode(frame)]


def plain_pyzbar() -> Scanner:
    backend = PyzbarBackend()
    return lambda frame: [r.text for r in backend.decode_grey(to_grey(frame))]


def opencv() -> Scanner:
    detector = cv2.QRCodeDetector()

    def scan(frame: np.ndarray) -> list[str]:
        try:
            text, _points, _ = detector.detectAndDecode(to_grey(frame))
        except cv2.error:
            return []
        return [text] if text else []

    return scan


@dataclass
class Result:
    success: float  # percent
    median_ms: float
    p99_ms: float
    cpu_median_ms: float  # this thread's CPU time: what the scan costs, whatever else runs
    cpu_p99_ms: float


def measure(scan: Scanner, frames: list[tuple[np.ndarray, str | None]]) -> Result:
    times, cpu, right = [], [], 0
    scan(frames[0][0])  # warm-up (lazy initialisation inside the libraries)
    for frame, expected in frames:
        start, start_cpu = time.perf_counter(), time.thread_time()
        texts = scan(frame)
        cpu.append((time.thread_time() - start_cpu) * 1000)
        times.append((time.perf_counter() - start) * 1000)
        right += texts == ([expected] if expected is not None else [])
    return Result(
        100.0 * right / len(frames),
        statistics.median(times),
        float(np.percentile(times, 99)),
        statistics.median(cpu),
        float(np.percentile(cpu, 99)),
    )


def _ratio(value: float, base: float) -> float:
    return value / base if base else float("inf") if value else 1.0


def preview_fps(seconds: float) -> tuple[float, float, int]:
    """Frames per second the CameraView shows from a 30 fps file camera of QR frames, with
    scanning on and paused; and how many frames the decoder got through while scanning."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ker_field.ui.camera import CameraView

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        names = ["combined", "noise", "small", "empty"]
        frames = [f for name in names for f, _ in frame_set(name, 4, seed=11)]
        frames.insert(0, qr_frame("KER-STGO-001"))
        for i, frame in enumerate(frames):
            cv2.imwrite(str(Path(tmp) / f"{i:03d}.png"), frame)
        results = []
        for scanning in (True, False):
            view = CameraView(f"file:{tmp}", scanning=scanning)
            view.resize(1024, 600)
            view.show()
            view.start()
            deadline = time.monotonic() + 1.0
            while time.monotonic() < deadline:  # warm-up: source opened, first frames
                app.processEvents()
                time.sleep(0.002)
            shown0, t0 = view.frames_shown, time.monotonic()
            decoded0 = view._decode.decoded_frames if view._decode else 0
            while time.monotonic() < t0 + seconds:
                app.processEvents()
                time.sleep(0.002)
            elapsed = time.monotonic() - t0
            decoded = (view._decode.decoded_frames if view._decode else 0) - decoded0
            fps = (view.frames_shown - shown0) / elapsed
            view.stop()
            view.close()
            view.deleteLater()
            app.processEvents()
            results.append((fps, decoded / elapsed))
    (scan_fps, decode_rate), (idle_fps, _) = results
    return scan_fps, idle_fps, int(decode_rate)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=100, help="frames per condition")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--conditions", nargs="*", default=list(CONDITIONS))
    parser.add_argument("--preview-seconds", type=float, default=5.0)
    args = parser.parse_args(argv)
    # OpenCV's own worker threads would hide work from the per-thread CPU figures: one thread,
    # so every scanner's CPU time is all of its work.
    cv2.setNumThreads(1)

    scanners = {"ours": ours(), "pyzbar": plain_pyzbar(), "opencv": opencv()}
    print(
        f"QR bench: {args.frames} frames of 1280x720 per condition, seed {args.seed}; "
        f"ours = zxing-cpp + ladder; OpenCV {cv2.__version__} (1 thread); load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    worst: dict[str, float] = {}
    in_spec: list[float] = []
    for name in args.conditions:
        start = time.perf_counter()
        frames = frame_set(name, args.frames, seed=args.seed)
        gen_s = time.perf_counter() - start
        results = {label: measure(scan, frames) for label, scan in scanners.items()}
        o, z, c = results["ours"], results["pyzbar"], results["opencv"]
        print(f"-- {name} ({len(frames)} frames, generated in {gen_s:.1f} s)")
        print(
            f"{name:13s} ours   success {o.success:6.1f} %   ratio {_ratio(o.success, z.success):5.2f} vs pyzbar ({z.success:.1f} %)"
        )
        print(
            f"{name:13s} ours   median  {o.median_ms:6.2f} ms  ratio {_ratio(o.median_ms, z.median_ms):5.2f} vs pyzbar ({z.median_ms:.2f} ms)"
        )
        print(
            f"{name:13s} ours   p99     {o.p99_ms:6.2f} ms  ratio {_ratio(o.p99_ms, z.p99_ms):5.2f} vs pyzbar ({z.p99_ms:.2f} ms)"
        )
        print(
            f"{name:13s} ours   cpu median {o.cpu_median_ms:6.2f} ms  ratio {_ratio(o.cpu_median_ms, z.cpu_median_ms):5.2f} vs pyzbar ({z.cpu_median_ms:.2f} ms)"
        )
        print(
            f"{name:13s} ours   cpu p99    {o.cpu_p99_ms:6.2f} ms  ratio {_ratio(o.cpu_p99_ms, z.cpu_p99_ms):5.2f} vs pyzbar ({z.cpu_p99_ms:.2f} ms)"
        )
        for label, r in (("pyzbar", z), ("opencv", c)):
            print(
                f"{name:13s} {label:6s} success {r.success:6.1f} %   ratio {_ratio(r.success, o.success):5.2f} vs ours"
            )
            print(
                f"{name:13s} {label:6s} median  {r.median_ms:6.2f} ms  ratio {_ratio(r.median_ms, o.median_ms):5.2f} vs ours"
            )
            print(
                f"{name:13s} {label:6s} p99     {r.p99_ms:6.2f} ms  ratio {_ratio(r.p99_ms, o.p99_ms):5.2f} vs ours"
            )
        worst[name] = o.success - max(z.success, c.success)
        if CONDITIONS[name].in_spec:
            in_spec.append(o.success)
    if args.preview_seconds > 0:
        scan_fps, idle_fps, decode_rate = preview_fps(args.preview_seconds)
        print(
            f"preview       fps while scanning {scan_fps:5.1f}   ratio {_ratio(scan_fps, idle_fps):5.2f} vs not scanning ({idle_fps:.1f} fps)"
        )
        print(
            f"preview       frames decoded per second {decode_rate:4d}   ratio {_ratio(decode_rate, scan_fps):5.2f} vs frames shown"
        )
    if in_spec:
        rate = statistics.mean(in_spec)
        print(f"in-spec sets  ours   success {rate:6.1f} %   ratio {rate / 99:5.2f} vs target 99 %")
    behind = [n for n, d in worst.items() if d < 0]
    print(
        "ours no worse than pyzbar and OpenCV on every condition: "
        + ("yes" if not behind else "NO (" + ", ".join(behind) + ")")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
