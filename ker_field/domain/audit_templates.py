"""The standard internal-audit checklists of the demo tenant: ISO 9001 (quality), ISO 14001
(environment) and ISO 45001 (occupational health and safety), as field auditors in Chile
use them. Each item names the clause it checks; ISO 45001 weighs its critical controls."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TemplateSpec:
    code: str
    standard: str
    title: str
    weighted: bool
    items: tuple[tuple[str, str, str, float], ...]  # (clause, section, text, weight)

    def item_dicts(self) -> list[dict[str, object]]:
        return [
            {
                "key": f"{self.code}-{n:02d}",
                "clause": clause,
                "section": section,
                "text": text,
                "weight": weight,
            }
            for n, (clause, section, text, weight) in enumerate(self.items, start=1)
        ]


ISO_9001 = TemplateSpec(
    code="ISO9001",
    standard="ISO 9001",
    title="Auditoría interna de calidad (ISO 9001:2015)",
    weighted=False,
    items=(
        ("4.3", "Contexto", "El alcance del sistema de gestión está documentado y disponible.", 1),
        ("5.2", "Liderazgo", "La política de calidad está publicada y el personal la conoce.", 1),
        ("6.2", "Planificación", "Los objetivos de calidad del área tienen metas y plazos.", 1),
        ("7.1.5", "Apoyo", "Los instrumentos de medición están calibrados y etiquetados.", 1),
        ("7.2", "Apoyo", "El personal del área tiene registros de competencia vigentes.", 1),
        ("7.5", "Apoyo", "Los documentos en uso son la versión vigente y están controlados.", 1),
        ("8.1", "Operación", "Las órdenes de trabajo se planifican y registran en el sistema.", 1),
        ("8.4", "Operación", "Los proveedores críticos están evaluados y aprobados.", 1),
        ("8.5.1", "Operación", "Los trabajos se ejecutan según instructivos vigentes.", 1),
        ("8.7", "Operación", "El producto no conforme está identificado y segregado.", 1),
        ("9.1.2", "Evaluación", "Se mide la satisfacción del cliente interno o externo.", 1),
        ("10.2", "Mejora", "Las no conformidades anteriores tienen acción correctiva cerrada.", 1),
    ),
)

ISO_14001 = TemplateSpec(
    code="ISO14001",
    standard="ISO 14001",
    title="Auditoría interna ambiental (ISO 14001:2015)",
    weighted=False,
    items=(
        ("5.2", "Liderazgo", "La política ambiental está publicada en la instalación.", 1),
        ("6.1.2", "Planificación", "La matriz de aspectos e impactos ambientales está vigente.", 1),
        ("6.1.3", "Planificación", "Los requisitos legales ambientales están identificados.", 1),
        ("6.2", "Planificación", "Hay metas de reducción de energía y emisiones con avance.", 1),
        ("7.2", "Apoyo", "El personal recibió inducción ambiental y manejo de residuos.", 1),
        ("8.1", "Operación", "Los residuos peligrosos se almacenan rotulados y con bandeja.", 1),
        ("8.1", "Operación", "Los residuos se segregan según el plan de manejo de la planta.", 1),
        ("8.1", "Operación", "Los consumos de electricidad, combustible y agua se registran.", 1),
        ("8.1", "Operación", "Los equipos con refrigerante tienen registro de recargas.", 1),
        ("8.2", "Emergencias", "Hay kit antiderrames completo junto a combustibles y aceites.", 1),
        ("9.1.1", "Evaluación", "Las mediciones ambientales tienen registros y responsables.", 1),
        ("10.2", "Mejora", "Los incidentes ambientales se investigan y cierran.", 1),
    ),
)

ISO_45001 = TemplateSpec(
    code="ISO45001",
    standard="ISO 45001",
    title="Auditoría interna de seguridad y salud (ISO 45001:2018)",
    weighted=True,
    items=(
        ("5.4", "Participación", "El comité paritario sesiona y sus actas están al día.", 1),
        ("6.1.2", "Planificación", "La matriz de peligros y riesgos (IPER) está actualizada.", 2),
        ("7.2", "Competencia", "Quien aplica bloqueos tiene su certificación LOTO vigente.", 3),
        ("8.1.2", "Control", "Cada equipo intervenido tiene procedimiento LOTO inspeccionado.", 3),
        ("8.1.2", "Control", "Los candados y tarjetas en uso identifican a su dueño.", 3),
        ("8.1.2", "Control", "Los trabajos de alto riesgo tienen permiso de trabajo aprobado.", 3),
        ("8.1.2", "Control", "Las protecciones de máquinas están instaladas y en buen estado.", 2),
        ("8.1.2", "Control", "El personal usa el EPP exigido en el área.", 2),
        ("8.1.2", "Control", "Las vías de tránsito y salidas de emergencia están despejadas.", 1),
        ("8.2", "Emergencias", "Extintores con carga vigente, señalizados y accesibles.", 2),
        ("8.2", "Emergencias", "El plan de emergencia tiene simulacro en los últimos 12 meses.", 1),
        ("10.2", "Mejora", "Los incidentes se investigan y sus acciones se cumplen a tiempo.", 2),
    ),
)

TEMPLATES = (ISO_9001, ISO_14001, ISO_45001)
