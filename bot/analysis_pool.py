"""The engine in a few worker processes, each input under a hard deadline.

A regular expression or the HTML parser holds the interpreter lock for as long as it runs, so an analysis on the
bot's own process (or one of its threads) stalls acknowledgements and /healthz however it is scheduled. Here every
analysis runs in a worker process; past the deadline the worker is killed and replaced, and the caller gets
`AnalysisTimeout`, whose message is the one line people see. The pool also lets the bot use every core.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import signal
from multiprocessing.connection import Connection
from typing import Any

from bot.engine import pipeline
from bot.engine.licenses import load_licenses
from bot.engine.phrases import load_phrases
from bot.engine.registry import Registry, load_registry
from bot.model import Analysis

DEFAULT_TIMEOUT = 5.0
START_TIMEOUT = 60.0  # a new worker loading the data files on a busy machine
# What a worker may be asked to run: the engine's entry points, each given its input and options.
_ENTRY_POINTS = ("analyse_html", "analyse_text", "analyse_page")


class AnalysisTimeout(Exception):
    """The input took longer than the deadline to analyse; str() is the line people see."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"this page took too long to read (gave up after {seconds:g} s)")


class AnalysisFailed(Exception):
    """The analysis raised, or its worker stopped; str() is one line."""


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def _load_data(outlets_file: str | None) -> Registry:
    """The engine's data files, read once per process (cached)."""
    load_phrases(), load_licenses()
    return load_registry(outlets_file)


def _serve(conn: Connection, outlets_file: str | None) -> None:
    """A worker's life: answer requests one at a time until the pool closes its end."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    registry = _load_data(outlets_file)
    try:
        conn.send(("ready", None))  # the deadline counts from here: loading the data files is not the page's time
    except (BrokenPipeError, OSError):
        return
    while True:
        try:
            function, args, kwargs = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply: tuple[str, Any] = ("ok", getattr(pipeline, function)(*args, registry=registry, **kwargs))
        except Exception as error:
            reply = ("error", f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            return


class _Worker:
    def __init__(self, context: multiprocessing.context.BaseContext, outlets_file: str | None) -> None:
        own_end, worker_end = context.Pipe()
        self.process = context.Process(  # type: ignore[attr-defined]
            target=_serve, args=(worker_end, outlets_file), name="provbot-analysis", daemon=True
        )
        self.process.start()
        worker_end.close()
        self.conn = own_end
        self.ready = False

    async def call(self, request: tuple[str, tuple[Any, ...], dict[str, Any]], timeout: float) -> tuple[str, Any]:
        if not self.ready:
            await self._receive(START_TIMEOUT)
            self.ready = True
        await asyncio.to_thread(self.conn.send, request)  # a 5 MB page is copied off the event loop
        return await self._receive(timeout)

    async def _receive(self, timeout: float) -> tuple[str, Any]:
        loop = asyncio.get_running_loop()
        readable = asyncio.Event()
        loop.add_reader(self.conn.fileno(), readable.set)
        try:
            await asyncio.wait_for(readable.wait(), timeout)
        finally:
            loop.remove_reader(self.conn.fileno())
        return await asyncio.to_thread(self.conn.recv)

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)


class AnalysisPool:
    """`await pool.run("analyse_html", html, url)`: the engine's function, run in a worker within `timeout` seconds.

    `start_method` is "forkserver" for the bot (forking a process that runs threads is unsafe; the fork server is
    started clean and preloads the engine, so a replacement worker starts in milliseconds) and may be "fork" for a
    single-threaded command such as `provbot check`."""

    def __init__(
        self,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        workers: int | None = None,
        outlets_file: str | None = None,
        start_method: str = "forkserver",
    ) -> None:
        self.timeout = timeout
        self.size = workers or default_workers()
        self.outlets_file = outlets_file
        if start_method not in multiprocessing.get_all_start_methods():
            start_method = "spawn"
        self._context = multiprocessing.get_context(start_method)
        if start_method == "forkserver":
            self._context.set_forkserver_preload(["bot.engine.pipeline", "bot.engine.preload", "bot.analysis_pool"])
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: set[_Worker] = set()
        self.replaced = 0  # workers killed past their deadline or lost (tests, logs)

    def _new_worker(self) -> _Worker:
        worker = _Worker(self._context, self.outlets_file)
        self._all.add(worker)
        return worker

    async def start(self) -> None:
        """Start the workers now rather than at the first analysis."""
        if self._idle is None:
            if self._context.get_start_method() == "fork":
                # loaded and built once here, every forked worker has it
                _load_data(self.outlets_file)
                pipeline.warm_up()
            self._idle = asyncio.Queue()
            for _ in range(self.size):
                self._idle.put_nowait(self._new_worker())  # forking takes milliseconds

    async def run(self, function: str, *args: Any, **kwargs: Any) -> Analysis:
        if function not in _ENTRY_POINTS:
            raise ValueError(f"not an engine entry point: {function}")
        await self.start()
        assert self._idle is not None
        worker = await self._idle.get()
        healthy = False
        try:
            status, value = await worker.call((function, args, kwargs), self.timeout)
            healthy = True
        except TimeoutError:
            raise AnalysisTimeout(self.timeout) from None
        except (EOFError, OSError):
            raise AnalysisFailed("the analysis stopped unexpectedly") from None
        finally:
            # A worker past its deadline, lost, or left mid-request by a cancelled caller is replaced, never reused.
            self._idle.put_nowait(worker if healthy else await self._replace(worker))
        if status != "ok":
            raise AnalysisFailed(value)
        return value

    async def _replace(self, worker: _Worker) -> _Worker:
        self._all.discard(worker)
        self.replaced += 1
        await asyncio.to_thread(worker.kill)
        return self._new_worker()

    async def close(self) -> None:
        workers, self._all = list(self._all), set()
        self._idle = None
        for worker in workers:
            await asyncio.to_thread(worker.kill)

    async def __aenter__(self) -> AnalysisPool:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()
