"""Lock-out tag-out, OSHA 29 CFR 1910.147.

A lockout is an append-only list of LotoLog entries. :func:`fold_lockout` turns accepted
entries into a :class:`LockoutState`; :func:`check_step` decides whether a new entry is
allowed on that state. The device and the server run the same two functions, so a step
refused offline is refused again by the server, and the reverse.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Literal

from ker_field.domain.decision import Decision, check, define, reason
from ker_field.domain.enums import LotoEvent, LotoStatus
from ker_field.domain.rules.common import ROLE_FORBIDDEN, Actor
from ker_field.domain.rules.training import add_months

E = LotoEvent

LOCKOUT_ENDED = define(
    "loto.lockout_ended",
    es="Este bloqueo ya terminó: todos sus candados fueron retirados. Inicie un bloqueo nuevo.",
    en="This lockout has ended: all its locks were removed. Start a new lockout.",
)
ALREADY_DONE = define(
    "loto.already_done",
    es="Este paso ya quedó registrado.",
    en="This step is already recorded.",
)
NOT_NOTIFIED = define(
    "loto.not_notified",
    es="Primero avise a las personas afectadas.",
    en="First notify the affected people.",
)
NOT_SHUT_DOWN = define(
    "loto.not_shut_down",
    es="Primero detenga el equipo con su procedimiento normal de parada.",
    en="First shut the equipment down with its normal stopping procedure.",
)
UNKNOWN_POINT = define(
    "loto.unknown_point",
    es="Ese punto de aislamiento no pertenece al procedimiento de este equipo.",
    en="That isolation point is not part of this equipment's procedure.",
)
POINT_ALREADY_LOCKED = define(
    "loto.point_already_locked",
    es="Ese punto de aislamiento ya tiene un candado puesto.",
    en="That isolation point already has a lock on it.",
)
SERIAL_REQUIRED = define(
    "loto.serial_required",
    es="Escanee o escriba el número de serie del candado.",
    en="Scan or type the lock's serial number.",
)
SERIAL_IN_USE = define(
    "loto.serial_in_use",
    es="El candado {serial} ya está puesto en este bloqueo.",
    en="Lock {serial} is already on in this lockout.",
)
PHOTO_REQUIRED = define(
    "loto.photo_required",
    es="Tome una foto del candado como evidencia.",
    en="Take a photo of the lock as evidence.",
)
POINTS_UNLOCKED = define(
    "loto.points_unlocked",
    es="Faltan candados en {missing} de {total} puntos de aislamiento.",
    en="{missing} of {total} isolation points still have no lock.",
)
ENERGY_NOT_RELEASED = define(
    "loto.energy_not_released",
    es="Libere o contenga la energía acumulada antes de verificar.",
    en="Release or restrain stored energy before verifying.",
)
NOT_VERIFIED = define(
    "loto.isolation_not_verified",
    es="Verifique el aislamiento (prueba de arranque) antes de empezar a trabajar.",
    en="Verify isolation (try-out) before work starts.",
)
NOT_HOLDER = define(
    "loto.not_holder",
    es="Solo el responsable del bloqueo puede hacer este paso.",
    en="Only the person in charge of the lockout can do this step.",
)
LOCK_NOT_ACTIVE = define(
    "loto.lock_not_active",
    es="Ese candado no está puesto.",
    en="That lock is not on.",
)
ONLY_APPLIER = define(
    "loto.only_applier_removes",
    es="Solo quien puso el candado puede retirarlo (o un supervisor con el procedimiento de excepción).",
    en="Only the person who applied the lock can remove it (or a supervisor through the exception procedure).",
)
REMOVAL_CHECKS = define(
    "loto.removal_checks_missing",
    es="Confirme que el área está despejada y que se avisó a las personas antes de retirar el candado.",
    en="Confirm the area is clear and people were notified before removing the lock.",
)
MEMBERS_STILL_LOCKED = define(
    "loto.members_still_locked",
    es="Aún hay {count} candados personales en la caja grupal: no se puede retirar el bloqueo.",
    en="{count} personal locks are still on the group lockbox: the lockout cannot come off.",
)
EXCEPTION_NOT_NEEDED = define(
    "loto.exception_not_needed",
    es="Usted puso este candado: retírelo por el procedimiento normal.",
    en="You applied this lock: remove it through the normal procedure.",
)
EXCEPTION_ABSENCE = define(
    "loto.exception_absence_unverified",
    es="Registre que se verificó que quien puso el candado no está en la instalación.",
    en="Record that the person who applied the lock was verified to be off the site.",
)
EXCEPTION_CONTACT = define(
    "loto.exception_contact_missing",
    es="Registre cómo se intentó contactar a quien puso el candado.",
    en="Record how contacting the person who applied the lock was attempted.",
)
EXCEPTION_INFORM = define(
    "loto.exception_not_informed",
    es="Registre que quien puso el candado será informado antes de volver al trabajo.",
    en="Record that the person who applied the lock will be informed before resuming work.",
)
NOT_GROUP = define(
    "loto.not_group",
    es="Este bloqueo no tiene caja de bloqueo grupal.",
    en="This lockout has no group lockbox.",
)
ALREADY_GROUP = define(
    "loto.already_group",
    es="Este bloqueo ya tiene una caja de bloqueo grupal.",
    en="This lockout already has a group lockbox.",
)
MEMBER_ALREADY_ON = define(
    "loto.member_already_on",
    es="Usted ya tiene su candado personal en la caja grupal.",
    en="Your personal lock is already on the group lockbox.",
)
NOTHING_TO_TRANSFER = define(
    "loto.nothing_to_transfer",
    es="No hay candados puestos que traspasar.",
    en="There are no locks on to transfer.",
)
ALREADY_HOLDER = define(
    "loto.already_holder",
    es="Usted ya es el responsable de este bloqueo.",
    en="You are already in charge of this lockout.",
)
NO_PROCEDURE = define(
    "loto.no_procedure",
    es="Este equipo no tiene un procedimiento de bloqueo: no se puede bloquear hasta que lo tenga.",
    en="This equipment has no lockout procedure: it cannot be locked out until it has one.",
)
PROCEDURE_EMPTY = define(
    "loto.procedure_empty",
    es="El procedimiento no lista fuentes de energía: no se puede bloquear con él.",
    en="The procedure lists no energy sources: it cannot be used for a lockout.",
)
INSPECTION_OVERDUE = define(
    "loto.procedure_inspection_overdue",
    es="El procedimiento no tiene inspección periódica en los últimos 12 meses (última: {last}).",
    en="The procedure has had no periodic inspection in the last 12 months (last: {last}).",
)
INSPECTOR_NOT_INDEPENDENT = define(
    "loto.inspector_not_independent",
    es="La última inspección la hizo usted; debe hacerla alguien que no use el procedimiento.",
    en="You did the last inspection; it must be done by someone who does not use the procedure.",
)


@dataclass(frozen=True)
class LotoEntry:
    """The facts of one LotoLog row that the rules read."""

    id: uuid.UUID
    event: LotoEvent
    user_id: uuid.UUID
    energy_source_id: uuid.UUID | None = None
    lock_serial: str | None = None
    lock_ref_id: uuid.UUID | None = None
    photo_sha256: str | None = None
    area_clear: bool | None = None
    people_notified: bool | None = None
    applier_absent_verified: bool | None = None
    contact_attempt: str | None = None
    applier_informed: bool | None = None


@dataclass(frozen=True)
class Lock:
    id: uuid.UUID  # the LotoLog row that put it on
    kind: Literal["point", "member"]
    serial: str
    applied_by: uuid.UUID
    held_by: uuid.UUID  # changes on a shift transfer
    energy_source_id: uuid.UUID | None
    photo_sha256: str | None
    status: LotoStatus = LotoStatus.ACTIVE


@dataclass(frozen=True)
class LockoutState:
    points: tuple[uuid.UUID, ...]
    notified: bool = False
    shut_down: bool = False
    locks: tuple[Lock, ...] = ()
    energy_released: bool = False
    verified: bool = False
    holder: uuid.UUID | None = None
    group_primary: uuid.UUID | None = None
    lockbox_serial: str | None = None
    ended: bool = False
    _index: dict[uuid.UUID, int] = field(default_factory=dict, compare=False, repr=False)

    def active_locks(self, kind: Literal["point", "member"]) -> list[Lock]:
        return [lk for lk in self.locks if lk.kind == kind and lk.status is LotoStatus.ACTIVE]

    def lock(self, lock_id: uuid.UUID | None) -> Lock | None:
        if lock_id is None or lock_id not in self._index:
            return None
        return self.locks[self._index[lock_id]]

    def unlocked_points(self) -> list[uuid.UUID]:
        locked = {lk.energy_source_id for lk in self.active_locks("point")}
        return [p for p in self.points if p not in locked]

    @property
    def fully_locked(self) -> bool:
        return bool(self.points) and not self.unlocked_points()

    @property
    def work_may_start(self) -> bool:
        return check_work_may_start(self).allowed


def _with_lock(state: LockoutState, lock: Lock) -> LockoutState:
    index = dict(state._index)
    index[lock.id] = len(state.locks)
    return replace(state, locks=(*state.locks, lock), _index=index)


def _replace_lock(state: LockoutState, lock: Lock) -> LockoutState:
    locks = list(state.locks)
    locks[state._index[lock.id]] = lock
    return replace(state, locks=tuple(locks))


def apply_entry(state: LockoutState, entry: LotoEntry) -> LockoutState:
    """The state after an accepted entry (no checks: see :func:`check_step`)."""
    ev = entry.event
    if ev is E.NOTIFIED:
        return replace(state, notified=True)
    if ev is E.SHUT_DOWN:
        return replace(state, shut_down=True)
    if ev in (E.LOCK_APPLIED, E.MEMBER_LOCK_ON):
        lock = Lock(
            id=entry.id,
            kind="point" if ev is E.LOCK_APPLIED else "member",
            serial=entry.lock_serial or "",
            applied_by=entry.user_id,
            held_by=entry.user_id,
            energy_source_id=entry.energy_source_id,
            photo_sha256=entry.photo_sha256,
        )
        new = _with_lock(state, lock)
        if ev is E.LOCK_APPLIED and new.holder is None:
            new = replace(new, holder=entry.user_id)
        return new
    if ev is E.ENERGY_RELEASED:
        return replace(state, energy_released=True)
    if ev is E.ISOLATION_VERIFIED:
        return replace(state, verified=True)
    if ev in (E.LOCK_REMOVED, E.LOCK_REMOVED_EXCEPTION, E.MEMBER_LOCK_OFF):
        target = state.lock(entry.lock_ref_id)
        if target is None:
            return state
        new = _replace_lock(state, replace(target, status=LotoStatus.REMOVED))
        if target.kind == "point":
            # Once a lock comes off, isolation no longer holds: work may not (re)start, and
            # locking again repeats the whole sequence, stored-energy release included.
            new = replace(
                new, verified=False, energy_released=False, ended=not new.active_locks("point")
            )
        return new
    if ev is E.GROUP_OPENED:
        return replace(state, group_primary=entry.user_id, lockbox_serial=entry.lock_serial)
    if ev is E.TRANSFER_ACCEPTED:
        new = state
        for lk in state.active_locks("point"):
            new = _replace_lock(new, replace(lk, held_by=entry.user_id))
        primary = entry.user_id if state.group_primary is not None else None
        return replace(new, holder=entry.user_id, verified=False, group_primary=primary)
    raise ValueError(f"unknown LOTO event: {ev}")


def fold_lockout(points: Iterable[uuid.UUID], entries: Iterable[LotoEntry]) -> LockoutState:
    """The state of a lockout from its accepted entries, in server (or local) order."""
    state = LockoutState(points=tuple(points))
    for entry in entries:
        state = apply_entry(state, entry)
    return state


def _serial_free(state: LockoutState, serial: str) -> Decision:
    # Compare trimmed serials: an entry may carry the scanner's surrounding whitespace.
    in_use = any(
        lk.serial.strip() == serial for lk in state.locks if lk.status is LotoStatus.ACTIVE
    )
    return check(not in_use, SERIAL_IN_USE, serial=serial)


def _new_lock_checks(state: LockoutState, entry: LotoEntry) -> Decision:
    serial = (entry.lock_serial or "").strip()
    if not serial:
        return check(False, SERIAL_REQUIRED)
    return _serial_free(state, serial)


def _removal_checks(state: LockoutState, entry: LotoEntry) -> Decision:
    members = len(state.active_locks("member"))
    return (
        check(bool(entry.area_clear and entry.people_notified), REMOVAL_CHECKS)
        & check(bool(entry.photo_sha256), PHOTO_REQUIRED)
        & check(members == 0, MEMBERS_STILL_LOCKED, count=members)
    )


def _all_points_locked(state: LockoutState) -> Decision:
    missing = len(state.unlocked_points())
    return check(missing == 0, POINTS_UNLOCKED, missing=missing, total=len(state.points))


def check_step(
    state: LockoutState,
    entry: LotoEntry,
    actor: Actor,
    prerequisites: Decision | None = None,
) -> Decision:
    """May ``actor`` record ``entry`` on a lockout in ``state``?

    ``prerequisites`` is the combined decision of :func:`check_procedure_inspection`,
    the training rule and the permit rule for this actor and asset; it gates every step
    that puts a person under a lock's protection (applying locks, verifying, joining a
    group, taking over a shift).
    """
    prereq = prerequisites if prerequisites is not None else Decision()
    ev = entry.event
    if not state.points:
        return check(False, PROCEDURE_EMPTY)
    if state.ended:
        return check(False, LOCKOUT_ENDED)
    if ev is E.NOTIFIED:
        return check(not state.notified, ALREADY_DONE)
    if ev is E.SHUT_DOWN:
        if not state.notified:
            return check(False, NOT_NOTIFIED)
        return check(not state.shut_down, ALREADY_DONE)
    if ev is E.LOCK_APPLIED:
        if not state.shut_down:
            return check(False, NOT_SHUT_DOWN)
        if entry.energy_source_id not in state.points:
            return check(False, UNKNOWN_POINT)
        if entry.energy_source_id not in state.unlocked_points():
            return check(False, POINT_ALREADY_LOCKED)
        return (
            _new_lock_checks(state, entry)
            & check(bool(entry.photo_sha256), PHOTO_REQUIRED)
            & prereq
        )
    if ev is E.ENERGY_RELEASED:
        return _all_points_locked(state) & check(not state.energy_released, ALREADY_DONE)
    if ev is E.ISOLATION_VERIFIED:
        decision = _all_points_locked(state)
        if not decision.allowed:
            return decision
        if not state.energy_released:
            return check(False, ENERGY_NOT_RELEASED)
        if state.verified:
            return check(False, ALREADY_DONE)
        photos = all(lk.photo_sha256 for lk in state.active_locks("point"))
        return (
            check(actor.user_id == state.holder, NOT_HOLDER)
            & check(photos, PHOTO_REQUIRED)
            & prereq
        )
    if ev in (E.LOCK_REMOVED, E.LOCK_REMOVED_EXCEPTION):
        target = state.lock(entry.lock_ref_id)
        if target is None or target.kind != "point" or target.status is not LotoStatus.ACTIVE:
            return check(False, LOCK_NOT_ACTIVE)
        if ev is E.LOCK_REMOVED:
            return check(actor.user_id == target.held_by, ONLY_APPLIER) & _removal_checks(
                state, entry
            )
        if actor.user_id == target.held_by:
            return check(False, EXCEPTION_NOT_NEEDED)
        return (
            check(actor.is_supervisor, ROLE_FORBIDDEN, role=actor.role)
            & check(bool(entry.applier_absent_verified), EXCEPTION_ABSENCE)
            & check(bool((entry.contact_attempt or "").strip()), EXCEPTION_CONTACT)
            & check(bool(entry.applier_informed), EXCEPTION_INFORM)
            & _removal_checks(state, entry)
        )
    if ev is E.GROUP_OPENED:
        if state.group_primary is not None:
            return check(False, ALREADY_GROUP)
        decision = _all_points_locked(state) & check(actor.user_id == state.holder, NOT_HOLDER)
        serial = (entry.lock_serial or "").strip()
        return decision & check(bool(serial), SERIAL_REQUIRED)
    if ev is E.MEMBER_LOCK_ON:
        if state.group_primary is None:
            return check(False, NOT_GROUP)
        mine = any(lk.applied_by == actor.user_id for lk in state.active_locks("member"))
        return check(not mine, MEMBER_ALREADY_ON) & _new_lock_checks(state, entry) & prereq
    if ev is E.MEMBER_LOCK_OFF:
        target = state.lock(entry.lock_ref_id)
        if target is None or target.kind != "member" or target.status is not LotoStatus.ACTIVE:
            return check(False, LOCK_NOT_ACTIVE)
        return check(actor.user_id == target.applied_by, ONLY_APPLIER)
    if ev is E.TRANSFER_ACCEPTED:
        if not state.active_locks("point"):
            return check(False, NOTHING_TO_TRANSFER)
        return check(actor.user_id != state.holder, ALREADY_HOLDER) & prereq
    raise ValueError(f"unknown LOTO event: {ev}")


def check_work_may_start(state: LockoutState) -> Decision:
    """Every point locked, stored energy released, isolation verified by the current holder."""
    decision = _all_points_locked(state)
    if not decision.allowed:
        return decision
    if not state.energy_released:
        return check(False, ENERGY_NOT_RELEASED)
    return check(state.verified, NOT_VERIFIED)


def check_procedure_inspection(
    last_inspected_at: datetime | None,
    inspected_by: uuid.UUID | None,
    actor_id: uuid.UUID,
    now: datetime,
    overdue_blocks: bool,
) -> Decision:
    """Periodic inspection within 12 months, by someone other than the person using it.

    Warns, or refuses when the tenant's setting says an overdue procedure blocks.
    """
    problems = []
    if last_inspected_at is None or now > add_months(last_inspected_at, 12):
        last = f"{last_inspected_at:%Y-%m-%d}" if last_inspected_at else "—"
        problems.append(reason(INSPECTION_OVERDUE, last=last))
    elif inspected_by == actor_id:
        problems.append(reason(INSPECTOR_NOT_INDEPENDENT))
    if not problems:
        return Decision()
    return Decision.refuse(*problems) if overdue_blocks else Decision.ok(*problems)


def check_procedure_not_empty(energy_sources: int) -> Decision:
    """A procedure with no energy source cannot be used for a lockout."""
    return check(energy_sources > 0, PROCEDURE_EMPTY)
