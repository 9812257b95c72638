"""The REST API of the central server: read endpoints of every collection, work-permit
transitions, visitor invites with signed QR tokens, and training certificates."""

from __future__ import annotations

from fastapi import APIRouter

from sync.server import certificates, invites, rest_permits
from sync.server.rest_resources import read_router

router = APIRouter()
router.include_router(read_router())
router.include_router(rest_permits.router)
router.include_router(invites.router)
router.include_router(certificates.router)
