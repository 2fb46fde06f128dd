"""One analysis pool for every bot a test process starts in-process with the default deadline (conftest's `start_bot`).

A bot starts its pool of worker processes at start and kills them at stop; over the ~200 Slack tests that is ~600
workers forked, each paying its fork and the engine's first-use caches (a third of a second of CPU per bot, the
largest single cost of the suite). What those tests check is the bot's behaviour, not the pool's life, and in
production one pool serves a bot for months: so the pool outlives each bot here, and is ended with the session.
A bot asking for another deadline or outlets file (a test about the pool's deadline) still gets a pool of its own,
started and stopped with it; `tests/test_analysis_pool.py` and `tests/test_slack_analysis_deadline.py` test the
pool itself.
"""

from __future__ import annotations

from typing import Any

from bot.analysis_pool import AnalysisPool
from bot.settings import Settings


class KeptPool(AnalysisPool):
    """An `AnalysisPool` that a stopping bot leaves running for the next test's bot; `end()` kills its workers."""

    async def close(self) -> None:
        """The bot stopping: nothing to do, the workers stay for the next bot (`end` stops them)."""

    def end(self) -> None:
        for worker in list(self._all):
            worker.kill()
        self._all.clear()


class KeptPools:
    """Called as `AnalysisPool(**options)` is by `BotServer`: the kept pool for a bot with the default deadline and
    outlets, a pool of its own for any other."""

    def __init__(self) -> None:
        self._pools: dict[tuple[tuple[str, Any], ...], KeptPool] = {}

    def __call__(self, **options: Any) -> AnalysisPool:
        defaults = Settings()
        if options.get("timeout") != defaults.analysis_timeout or options.get("outlets_file") != defaults.outlets_file:
            return AnalysisPool(**options)
        key = tuple(sorted(options.items()))
        if key not in self._pools:
            self._pools[key] = KeptPool(**options)
        return self._pools[key]

    def end(self) -> None:
        for pool in self._pools.values():
            pool.end()
        self._pools.clear()
