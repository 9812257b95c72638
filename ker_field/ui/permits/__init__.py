"""The work-permit journey (issue 6): draft on the risk matrix, approve (own session or
another supervisor's signature on this tablet), activate, suspend, close with hand-back."""

from ker_field.ui.permits.page import JOURNEYS, PermitPage

__all__ = ["JOURNEYS", "PermitPage"]
