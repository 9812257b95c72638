"""The REST API's machinery: one description per resource gives its scoping, filters,
pagination and pydantic response models (derived from the domain entity, so OpenAPI
documents every field), and writes run the same domain operations the devices run.

Scoping, on every query: the caller's tenant only; site-bound rows only at the caller's sites
(an admin has every site of the tenant); personal rows only the caller's own, except that a
supervisor sees the people assigned to his sites and an admin everyone in the tenant. A row
out of reach answers 404, exactly like a row that does not exist.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Query, Request
from pydantic import AfterValidator, AwareDatetime, BaseModel, Field, create_model
from sqlalchemy import JSON, ColumnElement, Select, SQLColumnExpression, func, or_, select, true
from sqlalchemy import Enum as SAEnum
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.types import TypeDecorator

from ker_field.domain.decision import Decision, RuleViolation, check, define
from ker_field.domain.enums import UserRole
from ker_field.domain.labels import Lang
from ker_field.domain.models import SiteAssignment
from ker_field.domain.operations import NotFound, OpContext
from ker_field.domain.rules.common import ROLE_FORBIDDEN
from ker_field.domain.rules.rut import mask_rut
from sync.server.db import SCOPES
from sync.server.deps import DB, Caller, Principal, ServerState, State
from sync.server.errors import NOT_FOUND, SCOPE_FORBIDDEN, ApiError, decision_body, request_lang

T = TypeVar("T")

API_DEVICE = "server-api"  # the device id of writes made through the REST API
MAX_PAGE = 100_000
HIDDEN = frozenset({"scope", "deleted"})  # sync bookkeeping, not part of the API
VISITOR_DATA_ROLES = frozenset({UserRole.GUARD, UserRole.SUPERVISOR, UserRole.ADMIN})

CONFLICT = define(
    "api.conflict",
    es="Otro cambio se cruzó con este: vuelva a cargar y reintente.",
    en="Another change crossed this one: reload and try again.",
)
BUSY = define(
    "api.busy",
    es="El servidor está ocupado: reintente en unos segundos.",
    en="The server is busy: try again in a few seconds.",
)


def _utc(value: datetime) -> datetime:
    try:
        return value.astimezone(UTC)
    except OverflowError as exc:
        raise ValueError("date out of range") from exc


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("text must not contain NUL characters")
    return value


Instant = Annotated[AwareDatetime, AfterValidator(_utc)]
"""An ISO 8601 instant with its offset, normalised to UTC (out-of-range dates are a 422)."""
Text = Annotated[str, Field(min_length=1, max_length=4000), AfterValidator(_no_nul)]
Short = Annotated[str, Field(min_length=1, max_length=255), AfterValidator(_no_nul)]


class ErrorBody(BaseModel):
    """Every error: a stable code, a message in the caller's language, optional details."""

    code: str
    message: str
    details: Any = None


ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "Not signed in, or the session expired."},
    404: {"model": ErrorBody, "description": "No such row within the caller's reach."},
}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    403: {"model": ErrorBody, "description": "The caller's role may not do this."},
    409: {"model": ErrorBody, "description": "A domain rule refused; `details.reasons` says why."},
}


class PageQuery(BaseModel):
    page: int = Field(1, ge=1, le=MAX_PAGE, description="Page number, from 1.")
    page_size: int = Field(50, ge=1, le=200, description="Rows per page (1 to 200).")
    updated_after: Instant | None = Field(
        None, description="Only rows changed after this instant (ISO 8601 with offset)."
    )

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


def page_model(name: str, item: type[BaseModel]) -> type[BaseModel]:
    """``{items, total, page, page_size}`` of ``item``."""
    items: Any = list.__class_getitem__(item)
    return create_model(
        name,
        __doc__=f"One page of {item.__name__} rows and the total that match.",
        items=(items, ...),
        total=(int, ...),
        page=(int, ...),
        page_size=(int, ...),
    )


def paginate(
    session: Session,
    statement: Select[*tuple[Any, ...]],
    order: Sequence[SQLColumnExpression[Any]],
    query: PageQuery,
) -> tuple[list[Any], int]:
    """The page's rows (in ``order``) and how many rows match in all."""
    total = session.scalar(select(func.count()).select_from(statement.order_by(None).subquery()))
    page = statement.order_by(*order).limit(query.page_size).offset(query.offset)
    return list(session.execute(page).all()), int(total or 0)


def page_body(items: list[Any], total: int, query: PageQuery) -> dict[str, Any]:
    return {"items": items, "total": total, "page": query.page, "page_size": query.page_size}


def _json_shape(entity: type[Any], key: str) -> Any:
    """``list`` or ``dict`` as the entity declares its JSON column (the database type cannot
    tell)."""
    for klass in entity.__mro__:
        declared = str(vars(klass).get("__annotations__", {}).get(key, ""))
        if declared:
            return list[Any] if "list[" in declared else dict[str, Any]
    return Any


def python_type(entity: type[Any], attribute: InstrumentedAttribute[Any]) -> Any:
    """The Python type of a mapped column's values."""
    kind = attribute.property.columns[0].type
    if isinstance(kind, SAEnum) and kind.enum_class is not None:
        return kind.enum_class
    if isinstance(kind, JSON):
        return _json_shape(entity, attribute.key)
    if isinstance(kind, TypeDecorator):
        return kind.impl_instance.python_type
    return kind.python_type


def column_type(entity: type[Any], attribute: InstrumentedAttribute[Any]) -> Any:
    """:func:`python_type`, ``| None`` when the column is nullable."""
    python = python_type(entity, attribute)
    return python | None if attribute.property.columns[0].nullable else python


def column_keys(entity: type[Any], exclude: Iterable[str] = ()) -> list[str]:
    """The entity's column names, ``id`` first and the sync columns last."""
    hidden = HIDDEN | frozenset(exclude)
    keys = [attr.key for attr in entity.__mapper__.column_attrs if attr.key not in hidden]
    last = ("version", "updated_at")
    return sorted(keys, key=lambda key: (key != "id", key in last))


def entity_model(
    entity: type[Any],
    name: str,
    exclude: Iterable[str] = (),
    extra: Mapping[str, Any] | None = None,
) -> type[BaseModel]:
    """A response model with the entity's columns (minus ``exclude``) and ``extra`` fields."""
    fields: dict[str, Any] = {
        key: (column_type(entity, getattr(entity, key)), ...)
        for key in column_keys(entity, exclude)
    }
    fields.update({key: (kind, ...) for key, kind in (extra or {}).items()})
    doc = (entity.__doc__ or entity.__name__).strip().splitlines()[0]
    return create_model(name, __doc__=doc, **fields)


def people_at(site_ids: Iterable[uuid.UUID]) -> Select[uuid.UUID]:
    """The users assigned to any of these sites."""
    return select(SiteAssignment.user_id).where(
        SiteAssignment.site_id.in_(list(site_ids)), SiteAssignment.deleted.is_(False)
    )


def person_visible(who: Principal, user: SQLColumnExpression[Any]) -> ColumnElement[bool]:
    """Personal rows: one's own; a supervisor also those of the people at his sites; an admin
    those of everyone in the tenant (the tenant condition is the caller's to add)."""
    if who.role is UserRole.ADMIN:
        return true()
    own = user == who.user_id
    if who.role is UserRole.SUPERVISOR:
        return or_(own, user.in_(people_at(who.site_ids)))
    return own


def sees_visitor_data(who: Principal) -> bool:
    return who.role in VISITOR_DATA_ROLES


def _masked(value: str | None) -> str | None:
    return mask_rut(value) if value else value


Filter = InstrumentedAttribute[Any] | tuple[str, InstrumentedAttribute[Any]]


class Resource:
    """A read-only collection of one domain entity: ``GET path`` (a filtered page) and
    ``GET path/{id}``, scoped to the caller.

    ``site``: the row's site (a column or an expression), for site-bound rows;
    ``person``: the row's user column, for personal rows; neither: tenant-wide rows.
    ``personal_data`` is masked (RUT) and ``secrets`` are withheld for callers outside
    :data:`VISITOR_DATA_ROLES`. ``derive`` adds or replaces values per row; ``attach``
    loads related rows for a whole page at once.
    """

    def __init__(
        self,
        path: str,
        entity: type[Any],
        *,
        tag: str,
        site: SQLColumnExpression[Any] | None = None,
        site_optional: bool = False,
        person: SQLColumnExpression[Any] | None = None,
        filters: Iterable[Filter] = (),
        exclude: Iterable[str] = (),
        personal_data: Iterable[str] = (),
        secrets: Iterable[str] = (),
        extra_fields: Mapping[str, Any] | None = None,
        derive: Callable[[Any, datetime], dict[str, Any]] | None = None,
        attach: Callable[[Session, list[Any]], dict[uuid.UUID, dict[str, Any]]] | None = None,
    ) -> None:
        self.path, self.entity, self.tag = path, entity, tag
        self.site, self.site_optional, self.person = site, site_optional, person
        self.noun = str(entity.__tablename__)
        self.personal_data, self.secrets = tuple(personal_data), tuple(secrets)
        self.derive, self.attach = derive, attach
        self.fields = column_keys(entity, exclude)
        self.filters: dict[str, InstrumentedAttribute[Any]] = {}
        if "status" in entity.__mapper__.column_attrs:
            self.filters["status"] = entity.status
        for item in filters:
            key, attribute = item if isinstance(item, tuple) else (item.key, item)
            self.filters[key] = attribute
        name = entity.__name__
        self.out_model = entity_model(entity, f"{name}Out", exclude, extra_fields)
        self.page_model = page_model(f"{name}Page", self.out_model)
        query_fields: dict[str, Any] = {}
        if site is not None or person is not None:
            query_fields["site_id"] = (
                uuid.UUID | None,
                Field(None, description="Only rows of this site (personal rows: its people)."),
            )
        for key, attribute in self.filters.items():
            kind = python_type(entity, attribute)
            kind = Short if kind is str else kind  # no NUL: PostgreSQL text cannot hold it
            query_fields[key] = (
                kind | None,
                Field(None, description=f"Only rows with this {key}."),
            )
        self.query_model: type[PageQuery] = create_model(
            f"{name}Query", __base__=PageQuery, **query_fields
        )

    # --- queries -------------------------------------------------------------------------

    def visible(self, who: Principal) -> list[ColumnElement[bool]]:
        entity = self.entity
        conditions: list[ColumnElement[bool]] = [
            entity.tenant_id == who.tenant_id,
            entity.deleted.is_(False),
        ]
        if self.site is not None:
            at_sites = self.site.in_(list(who.site_ids))
            conditions.append(
                or_(self.site.is_(None), at_sites) if self.site_optional else at_sites
            )
        if self.person is not None:
            conditions.append(person_visible(who, self.person))
        return conditions

    def filtered(self, query: PageQuery) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = []
        if query.updated_after is not None:
            conditions.append(self.entity.updated_at > query.updated_after)
        site_id = getattr(query, "site_id", None)
        if site_id is not None:
            if self.site is not None:
                conditions.append(self.site == site_id)
            elif self.person is not None:
                conditions.append(self.person.in_(people_at([site_id])))
        for key, attribute in self.filters.items():
            value = getattr(query, key)
            if value is not None:
                conditions.append(attribute == value)
        return conditions

    def find(self, session: Session, who: Principal, ident: uuid.UUID) -> Any:
        """The row, if it is within the caller's reach; 404 otherwise."""
        row = session.scalar(select(self.entity).where(self.entity.id == ident, *self.visible(who)))
        if row is None:
            raise ApiError(404, NOT_FOUND, what=self.noun)
        return row

    def present(
        self, session: Session, who: Principal, rows: list[Any], now: datetime
    ) -> list[dict[str, Any]]:
        attached = self.attach(session, rows) if self.attach is not None and rows else {}
        private = not sees_visitor_data(who)
        items = []
        for row in rows:
            data = {key: getattr(row, key) for key in self.fields}
            if private:
                data.update({key: _masked(data[key]) for key in self.personal_data})
                data.update(dict.fromkeys(self.secrets))
            if self.derive is not None:
                data.update(self.derive(row, now))
            data.update(attached.get(row.id, {}))
            items.append(data)
        return items

    def present_one(self, session: Session, who: Principal, row: Any, now: datetime) -> Any:
        return self.present(session, who, [row], now)[0]

    def write(
        self,
        session: Session,
        who: Principal,
        server: ServerState,
        request: Request,
        site_id: uuid.UUID | None,
        operation: Callable[[OpContext], Any],
    ) -> Any:
        """Apply ``operation`` for the caller (:func:`apply_operation`) and answer the row it
        wrote as this resource shows it."""
        now = server.now()
        row = apply_operation(session, who, request_lang(request), now, site_id, operation)
        return self.present_one(session, who, row, now)

    # --- routes --------------------------------------------------------------------------

    def register(self, router: APIRouter) -> None:
        resource = self
        noun = self.entity.__name__

        def list_rows(who: Caller, session: DB, server: State, query: Any) -> dict[str, Any]:
            statement = select(resource.entity).where(
                *resource.visible(who), *resource.filtered(query)
            )
            order = (resource.entity.updated_at, resource.entity.id)
            rows, total = paginate(session, statement, order, query)
            items = resource.present(session, who, [row[0] for row in rows], server.now())
            return page_body(items, total, query)

        # The filters differ per resource: FastAPI reads them from this query model.
        list_rows.__annotations__["query"] = Annotated[resource.query_model, Query()]

        def get_row(id: uuid.UUID, who: Caller, session: DB, server: State) -> Any:
            row = resource.find(session, who, id)
            return resource.present_one(session, who, row, server.now())

        router.add_api_route(
            self.path,
            list_rows,
            methods=["GET"],
            response_model=self.page_model,
            name=f"list_{self.noun}",
            summary=f"List {noun} rows",
            tags=[self.tag],
            responses=ERRORS,
        )
        router.add_api_route(
            f"{self.path}/{{id}}",
            get_row,
            methods=["GET"],
            response_model=self.out_model,
            name=f"get_{self.noun}",
            summary=f"One {noun}",
            tags=[self.tag],
            responses=ERRORS,
        )


# --- writes ------------------------------------------------------------------------------

FORBIDDEN_CODES = frozenset({ROLE_FORBIDDEN, SCOPE_FORBIDDEN})


class Refused(ApiError):
    """A domain rule refused: 409, or 403 when it is the caller's role or scope; the body is
    :func:`sync.server.errors.decision_body` of the decision."""

    def __init__(self, decision: Decision, lang: Lang) -> None:
        body = decision_body(decision, lang)
        status = 403 if decision.code in FORBIDDEN_CODES else 409
        super().__init__(status, decision.code, body["details"])
        self.text: str = body["message"]

    def message(self, lang: Lang) -> str:
        return self.text


def apply_operation(
    session: Session,
    who: Principal,
    lang: Lang,
    now: datetime,
    site_id: uuid.UUID | None,
    operation: Callable[[OpContext], T],
) -> T:
    """Run one domain operation for the caller in one transaction, as the server runs a
    pushed mutation: every row it writes must fall in the caller's scopes."""
    oc = OpContext(session, who.actor, site_id, now, API_DEVICE, received_at=now)
    try:
        result = operation(oc)
        session.flush()
        if not session.info.get(SCOPES, set()) <= who.scopes:
            raise RuleViolation(check(False, SCOPE_FORBIDDEN))
        session.commit()
    except RuleViolation as violation:
        session.rollback()
        raise Refused(violation.decision, lang) from None
    except NotFound as missing:
        session.rollback()
        raise ApiError(404, NOT_FOUND, what=missing.entity) from None
    except IntegrityError:
        session.rollback()
        raise ApiError(409, CONFLICT) from None
    except OperationalError:  # a lock or serialization timeout: worth a retry
        session.rollback()
        raise ApiError(503, BUSY, headers={"Retry-After": "1"}) from None
    except Exception:
        session.rollback()
        raise
    return result
