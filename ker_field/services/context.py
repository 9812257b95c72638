"""What every use case needs to know: the store, who acts, where, on which device, and when."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from ker_field.domain.models.base import utcnow
from ker_field.domain.operations import NotFound, OpContext, get_or_raise, require
from ker_field.domain.rules.common import Actor
from ker_field.store.local import LocalStore, enqueue_mutation
from sync.protocol import Args, MutationName

__all__ = ["NotFound", "ServiceContext", "get_or_raise", "require"]


@dataclass(frozen=True)
class ServiceContext:
    store: LocalStore
    actor: Actor
    tenant_id: uuid.UUID
    site_id: uuid.UUID
    clock: Callable[[], datetime] = field(default=utcnow)

    @property
    def device_id(self) -> str:
        return self.store.device_id

    def now(self) -> datetime:
        return self.clock()

    def op(self, session: Session) -> OpContext:
        """The context of a domain operation run in ``session`` now."""
        return OpContext(session, self.actor, self.site_id, self.now(), self.device_id)

    def enqueue(
        self,
        session: Session,
        name: MutationName,
        args: Args,
        *,
        base_version: int | None = None,
        device_time: datetime | None = None,
    ) -> None:
        """Queue the mutation the server will replay, in the caller's transaction."""
        enqueue_mutation(
            session,
            name=name,
            args=args.model_dump(mode="json"),
            user_id=self.actor.user_id,
            device_time=device_time or self.now(),
            base_version=base_version,
            site_id=self.site_id,
        )
