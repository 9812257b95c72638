"""A pull page as the device reads it: the PullResponse shape, parsed in one pass.

Pages are large (up to 5,000 changes): the body is parsed by orjson and each change is
checked member by member here, but the rows stay the plain JSON values they arrived as; the
store's encoder (:class:`sync.protocol.rows.StorageEncoder`) checks and converts each
column when the rows are written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson

OPS = frozenset({"upsert", "delete"})


class MalformedPage(ValueError):
    """The body is not a pull page (truncated, garbled, or of another shape)."""


@dataclass(frozen=True)
class PullPage:
    scope: str
    # each: {"seq": int, "scope": str, "entity": str, "id": str, "op": "upsert" | "delete",
    # "row": dict | None}, in seq order
    changes: list[dict[str, Any]]
    next_cursor: int
    has_more: bool
    remaining: int  # -1: more to come, not counted (asked with count=false)
    reset: bool


def parse_pull_page(body: bytes) -> PullPage:
    """The page in ``body``; :class:`MalformedPage` when it is not one."""
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError:
        raise MalformedPage("not JSON") from None
    if not isinstance(data, dict):
        raise MalformedPage("not an object")
    scope, changes = data.get("scope"), data.get("changes")
    next_cursor, remaining = data.get("next_cursor"), data.get("remaining", 0)
    has_more, reset = data.get("has_more"), data.get("reset", False)
    if (
        not isinstance(scope, str)
        or not isinstance(changes, list)
        or type(next_cursor) is not int
        or type(remaining) is not int
        or not isinstance(has_more, bool)
        or not isinstance(reset, bool)
        or next_cursor < 0
    ):
        raise MalformedPage("page members missing or of the wrong type")
    for change in changes:
        if (
            type(change) is not dict
            or type(change.get("seq")) is not int
            or type(change.get("entity")) is not str
            or type(change.get("id")) is not str
            or type(change.get("op")) is not str
            or change["op"] not in OPS
        ):
            raise MalformedPage("a change is missing a member or has one of the wrong type")
        row = change.get("row")
        if row is not None and type(row) is not dict:
            raise MalformedPage("a change's row is not an object")
    return PullPage(scope, changes, next_cursor, has_more, remaining, reset)


__all__ = ["OPS", "MalformedPage", "PullPage", "parse_pull_page"]
