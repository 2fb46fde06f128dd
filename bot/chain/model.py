"""The `chain` entries of `provbot check --json` (../shared/CONTRACT.md): the shared model's, named for the chain."""

from __future__ import annotations

from bot.model import ChainLink, ChainRelation, Finding

Relation = ChainRelation
RELATIONS: tuple[str, ...] = ("verbatim", "edited", "excerpt", "translation", "different", "unreachable")

__all__ = ["RELATIONS", "ChainLink", "Finding", "Relation"]
