"""Retention of visitor personal data on the device: after the site's retention period
(``Local.visitor_retention_days``) names, RUTs, companies, ID photos and signature images of
finished visits are anonymized on this device's copy. The server runs the same domain
operation on its own data (:mod:`sync.server.retention`)."""

from __future__ import annotations

from sqlalchemy import select

from ker_field.domain.models import Local
from ker_field.domain.operations.visitors import Anonymized, anonymize_expired
from ker_field.services.context import ServiceContext


def apply_retention(ctx: ServiceContext, all_sites: bool = True) -> Anonymized:
    """Anonymize what is past retention at the context's site (or every site on the device);
    the photo and signature files go too. Local only: nothing is queued for the server."""
    totals = Anonymized(0, 0, 0, ())
    with ctx.store.transaction() as session:
        query = select(Local).where(Local.deleted.is_(False))
        if not all_sites:
            query = query.where(Local.id == ctx.site_id)
        for site in session.scalars(query):
            done = anonymize_expired(session, site, ctx.now())
            totals = Anonymized(
                totals.access_logs + done.access_logs,
                totals.invites + done.invites,
                totals.ndas + done.ndas,
                totals.blobs + done.blobs,
            )
    for sha in totals.blobs:
        ctx.store.blobs.path(sha).unlink(missing_ok=True)
    return totals
