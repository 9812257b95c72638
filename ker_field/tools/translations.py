"""Translations: ``python -m ker_field.tools.translations update`` refreshes the ``.ts`` files
from the sources (pyside6-lupdate) and compiles them (pyside6-lrelease); ``check`` fails
when a string lacks a translation, a translation's ``{fields}`` differ from its source, or
the committed ``.ts`` / ``.qm`` files are not current.

Spanish (Chile) is the source language: ``ker_field_es_CL.ts`` translates every string to
itself (so the check covers it too); ``ker_field_en.ts`` holds the English.
"""

from __future__ import annotations

import shutil
import string
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SOURCES_DIR = ROOT / "ker_field" / "ui"
TS_DIR = ROOT / "resources" / "translations"
TS_FILES = {"es_CL": TS_DIR / "ker_field_es_CL.ts", "en": TS_DIR / "ker_field_en.ts"}
SOURCE_LANGUAGE = "es_CL"


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not found:
        raise FileNotFoundError(f"{name} not found (it ships with PySide6)")
    return found


def sources() -> list[Path]:
    return sorted(SOURCES_DIR.rglob("*.py"))


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    finished: bool


def read_ts(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            kind = tr.get("type") if tr is not None else "unfinished"
            messages.append(
                Message(
                    name,
                    message.findtext("source") or "",
                    (tr.text or "") if tr is not None else "",
                    kind not in ("unfinished", "vanished", "obsolete"),
                )
            )
    return messages


def fields(template: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


def lupdate(ts: Path, target: str) -> None:
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            SOURCE_LANGUAGE,
            "-target-language",
            target,
            *map(str, sources()),
            "-ts",
            str(ts),
        ],
        check=True,
        capture_output=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )


def _translate_source_language(ts: Path) -> None:
    """The source language's file translates each string to itself."""
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        tr = message.find("translation")
        if tr is None:
            tr = ET.SubElement(message, "translation")
        tr.text = message.findtext("source") or ""
        tr.attrib.pop("type", None)
    _write(tree, ts)


def _write(tree: ET.ElementTree[Any], path: Path) -> None:
    ET.indent(tree, space="    ")
    root = tree.getroot()
    assert root is not None
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def _drop_unnamed_contexts(ts: Path) -> None:
    """lupdate files calls it cannot place (``tr = QCoreApplication.translate`` aliases)
    under a context without a name, reading the context as the source: junk that
    lrelease then refuses. Strings must be in a named context to be found at run time."""
    tree = ET.parse(ts)
    root = tree.getroot()
    for context in list(root.iter("context")):
        if not (context.findtext("name") or "").strip():
            root.remove(context)
    _write(tree, ts)


def update(ts_dir: Path = TS_DIR) -> None:
    ts_dir.mkdir(parents=True, exist_ok=True)
    for lang, default in TS_FILES.items():
        ts = ts_dir / default.name
        lupdate(ts, lang)
        _drop_unnamed_contexts(ts)
        if lang == SOURCE_LANGUAGE:
            _translate_source_language(ts)
        else:
            _write(ET.parse(ts), ts)
        lrelease(ts, ts.with_suffix(".qm"))


def content_problems(ts_files: list[Path]) -> list[str]:
    """Strings without a translation, translations whose ``{fields}`` differ."""
    found: list[str] = []
    for ts in ts_files:
        if not ts.is_file():
            found.append(f"{ts.name}: missing")
            continue
        for m in read_ts(ts):
            where = f"{ts.name} [{m.context}] {m.source!r}"
            if not m.finished or not m.translation.strip():
                found.append(f"{where}: no translation")
            elif fields(m.translation) != fields(m.source):
                found.append(f"{where}: fields {sorted(fields(m.translation))} differ")
    return found


def problems() -> list[str]:
    """Everything that makes the committed translations wrong or stale."""
    found = content_problems(list(TS_FILES.values()))
    if found:
        return found
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp)
        for ts in TS_FILES.values():
            shutil.copy(ts, fresh / ts.name)
        update(fresh)
        for ts in TS_FILES.values():
            if (fresh / ts.name).read_bytes() != ts.read_bytes():
                found.append(f"{ts.name}: not current; run `make translations`")
            qm = ts.with_suffix(".qm")
            if not qm.is_file() or (fresh / qm.name).read_bytes() != qm.read_bytes():
                found.append(f"{qm.name}: not current; run `make translations`")
    return found


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    command = args[0] if args else "check"
    if command == "update":
        update()
        return 0
    found = problems()
    for problem in found:
        print(problem)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
