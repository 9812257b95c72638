"""QR decoding of generated camera frames under each condition, with both backends; the
zbar fallback; throttling and de-duplication of a live stream of reads."""

from __future__ import annotations

import logging

import numpy as np
import pytest

from ker_field.capture import qr
from ker_field.capture.qr import (
    ZBAR_MISSING,
    ReadThrottle,
    ScanningDecoder,
    ZbarUnavailable,
    ZxingBackend,
    make_decoder,
)
from ker_field.domain.invite_token import PREFIX
from tests.helpers.qr_frames import CONDITIONS, blank_frame, frame_set

FRAMES = 4
# Frames a backend must decode per condition out of FRAMES. zxing-cpp with the ladder reads
# them all; libzbar cannot sample a strongly keystoned code at all and reads few washed-out
# ones (what bench/qr_bench.py shows for plain pyzbar too): it must still never misread.
MINIMUM = {
    "zxing": dict.fromkeys(CONDITIONS, FRAMES),
    "pyzbar": {
        **dict.fromkeys(CONDITIONS, FRAMES),
        "keystone": 0,
        "small": FRAMES - 1,
        "low_contrast": 1,
        "combined": 0,
    },
}


@pytest.fixture(scope="module")
def frames() -> dict[str, list[tuple[np.ndarray, str | None]]]:
    return {name: frame_set(name, FRAMES, seed=7) for name in CONDITIONS}


@pytest.mark.parametrize("backend", ["zxing", "pyzbar"])
@pytest.mark.parametrize("condition", list(CONDITIONS))
def test_each_condition_decodes(frames, backend: str, condition: str):
    decoder = make_decoder(backend, budget_ms=1000.0)  # no time limit: what can it read?
    assert decoder.name == backend and decoder.fallback is None
    right = wrong = 0
    for frame, expected in frames[condition]:
        texts = [r.text for r in decoder.decode(frame)]
        if expected is None:
            wrong += len(texts)
        elif texts == [expected]:
            right += 1
        else:
            wrong += len(texts)
    assert wrong == 0
    if condition != "empty":
        assert right >= MINIMUM[backend][condition]


def test_payloads_look_like_real_invites_and_tags(frames):
    payloads = [p for _, p in frames["nominal"] + frames["rotation"] if p]
    assert any(p.startswith(PREFIX + ".") and p.count(".") == 2 for p in payloads)
    assert all(p.startswith(("KER1.", "KER-")) for p in payloads)


def test_grey_and_bgr_frames_give_the_same_reads(frames):
    frame, expected = frames["nominal"][0]
    grey = frame[..., 1].copy()
    decoder = make_decoder()
    assert [r.text for r in decoder.decode(grey)] == [expected]


def test_the_ladder_reads_small_codes_plain_zxing_misses():
    """2-2.5 px per module: plain zxing-cpp misses some; the region ladder (zxing saw the
    code, so that region is enlarged and sharpened) reads every one."""
    frames = frame_set("small", 30, seed=1)
    plain = ZxingBackend()
    ours = make_decoder("zxing", budget_ms=1000.0)
    plain_right = sum([r.text for r in plain.decode_grey(qr.to_grey(f))] == [t] for f, t in frames)
    reads = [ours.decode(f) for f, _ in frames]
    assert [[r.text for r in found] for found in reads] == [[t] for _, t in frames]
    assert plain_right < len(frames)
    rescued = [found[0] for found in reads if found[0].enhancement != "plain"]
    assert len(rescued) == len(frames) - plain_right
    assert all(r.enhancement.startswith("region") for r in rescued)
    # corners are mapped back to the frame: the code lies inside the picture
    assert all(0 <= x < 1280 and 0 <= y < 720 for r in rescued for x, y in r.corners)


def test_the_budget_bounds_the_ladder():
    """Each attempt costs 3 ms of CPU here: a 7 ms budget allows the plain attempt and two
    rungs of the ladder, then the frame is given up."""
    now = [0.0]
    calls: list[str] = []

    class Slow:
        name = "slow"

        def decode_grey(self, grey, binarizer=None):
            calls.append(binarizer or "")
            now[0] += 0.003
            return []

    decoder = ScanningDecoder(Slow(), budget_ms=7.0, clock=lambda: now[0])
    assert decoder.decode(blank_frame()) == []
    assert len(calls) == 3
    calls.clear()
    assert ScanningDecoder(Slow(), budget_ms=1.0, clock=lambda: now[0]).decode(blank_frame()) == []
    assert len(calls) == 1  # the plain attempt always runs


def test_pyzbar_without_libzbar_falls_back_to_zxing_once(monkeypatch, caplog):
    def missing():
        raise ZbarUnavailable("Unable to find zbar shared library")

    monkeypatch.setattr(qr, "_load_pyzbar", missing)
    monkeypatch.setattr(qr, "_warned_zbar", False)
    with caplog.at_level(logging.WARNING, logger="ker_field.capture.qr"):
        first = make_decoder("pyzbar")
        second = make_decoder("pyzbar")
    assert isinstance(first.backend, ZxingBackend) and first.fallback == ZBAR_MISSING
    assert second.fallback == ZBAR_MISSING
    assert len([r for r in caplog.records if "libzbar" in r.getMessage()]) == 1
    assert qr.pyzbar_status() == "Unable to find zbar shared library"
    frame, text = frame_set("nominal", 1, seed=1)[0]
    assert [r.text for r in first.decode(frame)] == [text]


def test_the_throttle_reports_a_code_once_while_it_stays_in_view():
    now = [0.0]
    throttle = ReadThrottle(min_interval_s=0.3, forget_after_s=2.0, clock=lambda: now[0])
    events = []
    for step in range(30):  # 3 s of frames at 10 fps, the same tag in view
        now[0] = step * 0.1
        events += throttle.feed(["KER-STGO-001"])
    assert events == ["KER-STGO-001"]
    now[0] = 6.0  # it left the view for more than 2 s and came back
    assert throttle.feed(["KER-STGO-001"]) == ["KER-STGO-001"]
    now[0] = 6.1  # a second code right after: held back, not lost
    assert throttle.feed(["KER-STGO-002"]) == []
    now[0] = 6.4
    assert throttle.feed(["KER-STGO-002", "KER-STGO-001"]) == ["KER-STGO-002"]
