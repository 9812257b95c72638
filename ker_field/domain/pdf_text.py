"""Text for PDFs drawn with fpdf2's core fonts, which speak Latin-1 (Spanish included):
typographic dashes and bullets become their plain forms, anything else outside Latin-1
becomes '?'. Shared by the device's reports and the server's invitations and
certificates."""

from __future__ import annotations

_PLAIN = str.maketrans({"—": "-", "–": "-", "•": "*", "→": "->", "✔": "v", "✘": "x"})


def pdf_text(text: str) -> str:
    return text.translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")
