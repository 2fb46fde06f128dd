"""The analysis pool: the engine in worker processes, each input under a hard deadline, a stuck worker replaced.

The deadline is tested with a real input too large to finish within a deadline of a few milliseconds, not with a
slow stand-in: the worker really runs the engine and is really killed. `provbot check` runs in-process
(`tests/cli_process.py`, which `tests/test_cli.py` holds to print what the real process prints).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.analysis_pool import AnalysisFailed, AnalysisPool, AnalysisTimeout
from tests.cli_process import run_cli

PAGE = (
    "<html><head><title>Tides rise | Harbor Ledger</title></head><body><article><h1>Tides rise</h1>"
    "<p>By Ava Stone</p><p>The water came in at dawn.</p></article><footer><p>© 2024 Harbor Ledger</p></footer>"
    "</body></html>"
)
# Half a megabyte of article text: milliseconds to read at the least, far past a one-millisecond deadline.
LONG_PAGE = "<html><body><article>" + "<p>The water came in at dawn, and by noon it was knee deep.</p>" * 9000


@pytest.mark.parametrize("start_method", ["fork", "forkserver"])
async def test_a_page_is_analysed_in_a_worker(start_method: str) -> None:
    async with AnalysisPool(timeout=30, workers=1, start_method=start_method) as pool:
        result = await pool.run("analyse_html", PAGE, "https://harborledger.com/tides")
        pids = {worker.process.pid for worker in pool._all}
    assert result.authors == ["Ava Stone"]
    assert result.copyright is not None and result.copyright.holders == ["Harbor Ledger"]
    assert os.getpid() not in pids


async def test_past_the_deadline_the_caller_is_told_and_the_worker_replaced() -> None:
    async with AnalysisPool(timeout=30, workers=1, start_method="fork") as pool:
        await pool.run("analyse_text", "warm up")  # the worker is ready; the deadline now counts only the page
        (first,) = pool._all
        pool.timeout = 0.001
        with pytest.raises(AnalysisTimeout, match=r"^this page took too long to read \(gave up after 0.001 s\)$"):
            await pool.run("analyse_html", LONG_PAGE, "https://harborledger.com/long")
        assert pool.replaced == 1
        assert not first.process.is_alive()
        pool.timeout = 30
        result = await pool.run("analyse_html", PAGE, "https://harborledger.com/tides")
        assert result.authors == ["Ava Stone"]
        assert first not in pool._all and len(pool._all) == 1


async def test_a_worker_that_dies_is_reported_in_one_line_and_replaced() -> None:
    async with AnalysisPool(timeout=30, workers=1, start_method="fork") as pool:
        await pool.run("analyse_text", "warm up")
        (first,) = pool._all
        first.process.kill()
        first.process.join()
        with pytest.raises(AnalysisFailed, match=r"^the analysis stopped unexpectedly$"):
            await pool.run("analyse_html", PAGE)
        result = await pool.run("analyse_html", PAGE)
        assert result.title


async def test_only_the_engine_entry_points_can_be_asked_for() -> None:
    async with AnalysisPool(timeout=30, workers=1, start_method="fork") as pool:
        with pytest.raises(ValueError, match="not an engine entry point"):
            await pool.run("__import__", "os")


def test_provbot_check_applies_the_deadline(tmp_path: Path) -> None:
    page = tmp_path / "long.html"
    page.write_text(LONG_PAGE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "PROVBOT_"))}
    env |= {"PROVBOT_DB": str(tmp_path / "provbot.db"), "PROVBOT_ANALYSIS_TIMEOUT": "0.001"}
    done = run_cli(["check", str(page)], env, tmp_path)
    assert done.returncode == 1
    assert done.stdout == b""
    assert done.stderr.decode() == "provbot: this page took too long to read (gave up after 0.001 s)\n"


def test_a_bad_deadline_setting_is_named(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "PROVBOT_"))}
    env |= {"PROVBOT_DB": str(tmp_path / "provbot.db"), "PROVBOT_ANALYSIS_TIMEOUT": "soon"}
    done = run_cli(["check", "-"], env, tmp_path, stdin=b"x")
    assert done.returncode == 2
    assert done.stderr.decode() == "provbot: PROVBOT_ANALYSIS_TIMEOUT must be a positive number, not 'soon'\n"


async def test_chain_calls_go_to_the_background_worker_which_the_system_ranks_lower() -> None:
    from bot.analysis_pool import CHAIN, FIRST_REPLY, _Worker

    async with AnalysisPool(timeout=30, workers=1, background=1, start_method="fork") as pool:
        busy: list[_Worker] = []
        original_call = _Worker.call

        async def noted(worker: _Worker, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
            busy.append(worker)
            return await original_call(worker, *args, **kwargs)  # type: ignore[arg-type]

        _Worker.call = noted  # type: ignore[method-assign]
        try:
            first = await pool.run("analyse_text", "By Ava Stone. The water came in at dawn.", priority=FIRST_REPLY)
            compared = await pool.run("analyse_text", "By Ava Stone. The water came in at dawn.", priority=CHAIN)
        finally:
            _Worker.call = original_call  # type: ignore[method-assign]
        front, back = busy
        assert not front.background and back.background and first.to_dict() == compared.to_dict()
        assert (
            os.getpriority(os.PRIO_PROCESS, back.process.pid) - os.getpriority(os.PRIO_PROCESS, front.process.pid) == 10
        )
