"""A policy's provisions (condition, amount, wording, cited sentence), each once."""

from __future__ import annotations

from ..resolve import Entity


def provisions(entity: Entity) -> list[dict]:
    """Every provision the policy's mentions carry; a sentence read twice counts once."""
    seen: dict[tuple, dict] = {}
    for m in entity.mentions:
        for p in m.attrs.get("provisions", []):
            seen.setdefault((p["condition"], p["amount"], p["story"], p["sentence"]), p)
    return list(seen.values())
