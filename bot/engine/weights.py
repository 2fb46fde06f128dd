"""The trust scale facts are weighed on, named in `bot/data/weights.toml`: readers say `WEIGHT.strong`, not 75."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields

from bot.paths import DATA_DIR

DATA_FILE = DATA_DIR / "weights.toml"


@dataclass(frozen=True)
class Weights:
    """The levels, strongest first."""

    decisive: int
    certain: int
    explicit: int
    very_strong: int
    strong: int
    firm: int
    good: int
    fair: int
    moderate: int
    plain: int
    modest: int
    weak: int
    slight: int
    faint: int
    poor: int
    last_resort: int

    def level(self, value: str | int) -> int:
        """A level given by name ("strong") or by its number on this scale (75); anything else is an error."""
        if isinstance(value, str):
            if value not in self.names():
                raise ValueError(f"unknown weight level {value!r} (levels: {', '.join(self.names())})")
            return int(getattr(self, value))
        if value not in {getattr(self, name) for name in self.names()}:
            raise ValueError(f"weight {value} is not a level of the scale in {DATA_FILE.name}")
        return value

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))


def load_weights() -> Weights:
    levels = tomllib.loads(DATA_FILE.read_text(encoding="utf-8"))["levels"]
    if set(levels) != set(Weights.names()):
        raise ValueError(f"{DATA_FILE.name} must name exactly the levels {', '.join(Weights.names())}")
    weights = Weights(**{name: int(levels[name]) for name in Weights.names()})
    ordered = [getattr(weights, name) for name in Weights.names()]
    if ordered != sorted(ordered, reverse=True) or len(set(ordered)) != len(ordered):
        raise ValueError(f"{DATA_FILE.name}: the levels must be listed strongest first, each a different number")
    return weights


WEIGHT = load_weights()
