"""Entities, enums and safety rules. Pure: no Qt, no HTTP, no I/O in the rules."""
