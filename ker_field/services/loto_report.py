"""A lockout's record as a PDF for auditors (fpdf2, no Qt): the procedure and its energy
sources, every step with who, when (device and server time), which device, the locks with
their photos, and the evidence chain's hashes and what its verification found."""

from __future__ import annotations

import io
import uuid
from datetime import datetime
from pathlib import Path

from ker_field.domain.decision import MESSAGES
from ker_field.domain.enums import EnergyType, LotoEvent
from ker_field.domain.labels import Lang
from ker_field.domain.pdf_text import pdf_text
from ker_field.services.context import ServiceContext
from ker_field.services.loto import LockoutRecord, RecordEntry, lockout_record
from ker_field.store.blobs import BlobError

E = LotoEvent

EVENT_LABELS: dict[LotoEvent, tuple[str, str]] = {
    E.NOTIFIED: ("Aviso a las personas afectadas", "Affected people notified"),
    E.SHUT_DOWN: ("Equipo detenido", "Equipment shut down"),
    E.LOCK_APPLIED: ("Candado puesto", "Lock applied"),
    E.ENERGY_RELEASED: ("Energía acumulada liberada", "Stored energy released"),
    E.ISOLATION_VERIFIED: ("Aislamiento verificado (prueba de arranque)", "Isolation verified"),
    E.LOCK_REMOVED: ("Candado retirado", "Lock removed"),
    E.LOCK_REMOVED_EXCEPTION: (
        "Candado retirado por excepción (supervisor)",
        "Lock removed by exception (supervisor)",
    ),
    E.GROUP_OPENED: ("Caja de bloqueo grupal abierta", "Group lockbox opened"),
    E.MEMBER_LOCK_ON: ("Candado personal en la caja grupal", "Personal lock on the lockbox"),
    E.MEMBER_LOCK_OFF: ("Candado personal retirado", "Personal lock removed"),
    E.TRANSFER_ACCEPTED: ("Bloqueo recibido en cambio de turno", "Lockout taken over at shift"),
}

ENERGY_LABELS: dict[EnergyType, tuple[str, str]] = {
    EnergyType.ELECTRICAL: ("eléctrica", "electrical"),
    EnergyType.MECHANICAL: ("mecánica", "mechanical"),
    EnergyType.HYDRAULIC: ("hidráulica", "hydraulic"),
    EnergyType.PNEUMATIC: ("neumática", "pneumatic"),
    EnergyType.THERMAL: ("térmica", "thermal"),
    EnergyType.CHEMICAL: ("química", "chemical"),
    EnergyType.GRAVITATIONAL: ("gravitacional", "gravitational"),
    EnergyType.RADIATION: ("radiación", "radiation"),
}

_WORDS: dict[str, tuple[str, str]] = {
    "title": ("Registro de bloqueo (LOTO)", "Lockout record (LOTO)"),
    "site": ("Instalación", "Site"),
    "asset": ("Equipo", "Equipment"),
    "procedure": ("Procedimiento", "Procedure"),
    "revision": ("rev.", "rev."),
    "ticket": ("Orden de trabajo", "Work order"),
    "lockout": ("Bloqueo", "Lockout"),
    "people": ("Personas", "People"),
    "status": ("Estado", "Status"),
    "ended": ("terminado: todos los candados retirados", "ended: all locks removed"),
    "working": ("trabajo autorizado", "work may start"),
    "open": ("en curso", "in progress"),
    "sources": ("Fuentes de energía", "Energy sources"),
    "type": ("Tipo", "Type"),
    "magnitude": ("Magnitud", "Magnitude"),
    "point": ("Punto de aislamiento", "Isolation point"),
    "device": ("Dispositivo", "Device"),
    "verification": ("Verificación", "Verification"),
    "steps": ("Pasos registrados", "Recorded steps"),
    "when": ("Hora del dispositivo", "Device time"),
    "server": ("Recibido por el servidor", "Received by the server"),
    "not_synced": ("aún no sincronizado", "not synced yet"),
    "who": ("Quién", "Who"),
    "tablet": ("Equipo (tablet)", "Device (tablet)"),
    "lock": ("Candado", "Lock"),
    "photo": ("Foto (SHA-256)", "Photo (SHA-256)"),
    "pending": (
        "evidencia pendiente: aún no llega al servidor",
        "evidence pending: not on the server yet",
    ),
    "no_photo": ("foto no disponible en este dispositivo", "photo not available on this device"),
    "area_clear": ("Área despejada y personas avisadas", "Area clear and people notified"),
    "absent": ("Quien puso el candado no está en la instalación", "Applier verified off site"),
    "contact": ("Intento de contacto", "Contact attempted"),
    "informed": ("Será informado antes de volver", "Will be informed before resuming"),
    "yes": ("sí", "yes"),
    "no": ("no", "no"),
    "prev": ("Hash anterior", "Previous hash"),
    "hash": ("Hash del registro", "Entry hash"),
    "chain": ("Cadena de evidencia", "Evidence chain"),
    "chain_ok": (
        "Verificada: cada registro coincide con su hash y se enlaza con el anterior.",
        "Verified: every entry matches its hash and links to the previous one.",
    ),
    "chain_bad": ("Problemas encontrados", "Problems found"),
    "none": ("—", "-"),
}


def _w(key: str, lang: Lang) -> str:
    es, en = _WORDS[key]
    return es if lang == "es" else en


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[0] if lang == "es" else pair[1]


def _time(value: datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M:%S %z") if value is not None else ""


def _step_lines(entry: RecordEntry, lang: Lang) -> list[str]:
    lines = [
        f"{_w('who', lang)}: {entry.user_name}   {_w('tablet', lang)}: {entry.device_id}",
        f"{_w('when', lang)}: {_time(entry.device_time)}   {_w('server', lang)}: "
        + (_time(entry.server_time) if entry.server_time else _w("not_synced", lang)),
    ]
    if entry.isolation_point:
        lines.append(f"{_w('point', lang)}: {entry.isolation_point}")
    if entry.lock_serial:
        lines.append(f"{_w('lock', lang)}: {entry.lock_serial}")
    if entry.area_clear is not None or entry.people_notified is not None:
        done = bool(entry.area_clear and entry.people_notified)
        lines.append(f"{_w('area_clear', lang)}: {_w('yes' if done else 'no', lang)}")
    if entry.event is E.LOCK_REMOVED_EXCEPTION:
        lines.append(
            f"{_w('absent', lang)}: {_w('yes' if entry.applier_absent_verified else 'no', lang)}"
        )
        lines.append(f"{_w('contact', lang)}: {entry.contact_attempt or _w('none', lang)}")
        lines.append(
            f"{_w('informed', lang)}: {_w('yes' if entry.applier_informed else 'no', lang)}"
        )
    if entry.photo_sha256:
        pending = f" ({_w('pending', lang)})" if entry.evidence_pending else ""
        lines.append(f"{_w('photo', lang)}: {entry.photo_sha256}{pending}")
    lines.append(f"{_w('prev', lang)}: {entry.prev_hash or _w('none', lang)}")
    lines.append(f"{_w('hash', lang)}: {entry.entry_hash or _w('none', lang)}")
    if entry.chain_flag and entry.chain_flag in MESSAGES:
        lines.append(f"! {MESSAGES[entry.chain_flag][lang]}")
    return lines


def render_pdf(ctx: ServiceContext, record: LockoutRecord, lang: Lang = "es") -> bytes:
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    pdf = FPDF(orientation="P", format="A4")
    pdf.set_auto_page_break(True, margin=14)
    pdf.set_title(pdf_text(f"{_w('title', lang)} {record.asset_tag}"))
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, pdf_text(_w("title", lang)), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    status = _w("ended" if record.ended else "working" if record.work_may_start else "open", lang)
    for key, value in (
        ("site", record.site_name),
        ("asset", f"{record.asset_name} ({record.asset_tag})"),
        (
            "procedure",
            f"{record.procedure_code} {_w('revision', lang)} {record.procedure_revision}: "
            f"{record.procedure_title}",
        ),
        ("ticket", record.ticket_number or _w("none", lang)),
        ("lockout", str(record.lockout_id)),
        ("people", ", ".join(record.people)),
        ("status", status),
    ):
        pdf.multi_cell(0, 5, pdf_text(f"{_w(key, lang)}: {value}"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 8, pdf_text(_w("sources", lang)), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    with pdf.table(
        headings_style=FontFace(emphasis="BOLD", fill_color=(230, 230, 230)),
        line_height=5,
        text_align="LEFT",
        col_widths=(8, 18, 16, 40, 30, 40),
    ) as table:
        table.row(
            [
                "#",
                *(
                    pdf_text(_w(k, lang))
                    for k in ("type", "magnitude", "point", "device", "verification")
                ),
            ]
        )
        for src in record.sources:
            table.row(
                [
                    str(src.position),
                    pdf_text(
                        _pick(ENERGY_LABELS.get(src.energy_type, (src.energy_type,) * 2), lang)
                    ),
                    pdf_text(src.magnitude),
                    pdf_text(src.isolation_point),
                    pdf_text(src.device),
                    pdf_text(src.verification_method),
                ]
            )
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 8, pdf_text(_w("steps", lang)), new_x="LMARGIN", new_y="NEXT")
    for n, entry in enumerate(record.entries, start=1):
        pdf.set_font("Helvetica", "B", 10)
        pdf.multi_cell(
            0,
            6,
            pdf_text(f"{n}. {_pick(EVENT_LABELS[entry.event], lang)}"),
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.set_font("Helvetica", "", 8)
        for line in _step_lines(entry, lang):
            pdf.multi_cell(0, 4, pdf_text(line), new_x="LMARGIN", new_y="NEXT")
        if entry.photo_sha256:
            _photo(pdf, ctx, entry.photo_sha256, lang)
        pdf.ln(2)
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 8, pdf_text(_w("chain", lang)), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    if not record.chain_problems:
        pdf.multi_cell(0, 5, pdf_text(_w("chain_ok", lang)), new_x="LMARGIN", new_y="NEXT")
    else:
        steps = {entry.id: n for n, entry in enumerate(record.entries, start=1)}
        pdf.multi_cell(0, 5, pdf_text(_w("chain_bad", lang) + ":"), new_x="LMARGIN", new_y="NEXT")
        for problem in record.chain_problems:
            pdf.multi_cell(
                0,
                5,
                pdf_text(f"  {steps.get(problem.entry_id, '?')}. {MESSAGES[problem.code][lang]}"),
                new_x="LMARGIN",
                new_y="NEXT",
            )
    return bytes(pdf.output())


def _photo(pdf: object, ctx: ServiceContext, sha256: str, lang: Lang) -> None:
    from fpdf import FPDF

    assert isinstance(pdf, FPDF)
    try:
        data = ctx.store.blobs.read(sha256)  # verified against its hash
    except BlobError:
        pdf.multi_cell(0, 4, pdf_text(f"({_w('no_photo', lang)})"), new_x="LMARGIN", new_y="NEXT")
        return
    if pdf.will_page_break(48):
        pdf.add_page()
    try:
        pdf.image(io.BytesIO(data), x=pdf.l_margin + 6, h=45)
    except Exception:  # a file the PDF library cannot read: say so, keep the record
        pdf.multi_cell(0, 4, pdf_text(f"({_w('no_photo', lang)})"), new_x="LMARGIN", new_y="NEXT")


def lockout_pdf(ctx: ServiceContext, lockout_id: uuid.UUID, lang: Lang = "es") -> bytes:
    """The lockout's record as PDF bytes."""
    return render_pdf(ctx, lockout_record(ctx, lockout_id), lang)


def save_lockout_pdf(
    ctx: ServiceContext, lockout_id: uuid.UUID, path: Path, lang: Lang = "es"
) -> Path:
    """Write the record to ``path`` (through a temporary file: a full disk loses nothing)."""
    data = lockout_pdf(ctx, lockout_id, lang)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return path
