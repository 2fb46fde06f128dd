"""The engine in a few worker processes, each input under a hard deadline.

A regular expression or the HTML parser holds the interpreter lock for as long as it runs, so an analysis on the
bot's own process (or one of its threads) stalls acknowledgements and /healthz however it is scheduled. Here every
analysis runs in a worker process; past the deadline the worker is killed and replaced, and the caller gets
`AnalysisTimeout`, whose message is the one line people see. The pool also lets the bot use every core.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import heapq
import itertools
import multiprocessing
import os
import signal
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.reduction import ForkingPickler
from typing import Any, cast

from bot.chain import seen, work
from bot.chain.text import load_extractor
from bot.engine import pipeline
from bot.engine.licenses import load_licenses
from bot.engine.phrases import load_phrases
from bot.engine.registry import Registry, load_registry, registry_with_own
from bot.model import Analysis

DEFAULT_TIMEOUT = 5.0
START_TIMEOUT = 60.0  # a new worker loading the data files on a busy machine
# A request carrying more text than this is pickled and written to its worker from a thread; a smaller one (nearly
# every page and paste) right here, since two hops through a thread cost more than the copy itself.
INLINE_CHARS = 200_000
# Who gets the next free worker (lower first): first replies, pasted text and links alike in order of arrival, then
# chains (after their first reply). Ranking pasted text ahead of links cut its median wait but not its 95th
# percentile, and left links waiting past their target under load (BENCHMARKS.md, "Slack bot").
FIRST_REPLY, CHAIN = 0, 2
# How much lower the operating system ranks a background worker (chain comparisons) than the first replies' ones.
BACKGROUND_NICENESS = 10
# What a worker may be asked to run, each given its input, options and the registry: the engine's entry points, and
# the chain's reading and comparing of a copy and its original.
_ENTRY_POINTS: dict[str, Callable[..., Any]] = {
    "analyse_html": pipeline.analyse_html,
    "analyse_text": pipeline.analyse_text,
    "analyse_page": pipeline.analyse_page,
    "read_copy_parts": work.read_copy_parts,
    "read_original": work.read_original,
    "seen_link": seen.seen_link,
}


class AnalysisTimeout(Exception):
    """The input took longer than the deadline to analyse; str() is the line people see."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"this page took too long to read (gave up after {seconds:g} s)")
        self.seconds = seconds


class AnalysisFailed(Exception):
    """The analysis raised, or its worker stopped; str() is one line."""


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def _load_data(outlets_file: str | None) -> Registry:
    """The engine's data files, read once per process (cached)."""
    load_phrases(), load_licenses()
    return load_registry(outlets_file)


def _serve(conn: Connection, outlets_file: str | None, chain: bool, niceness: int) -> None:
    """A worker's life: answer requests one at a time until the pool closes its end."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if niceness:
        os.nice(niceness)
    registry = _load_data(outlets_file)
    if chain:
        load_extractor()  # its import takes a moment: before "ready", so no page's deadline pays for it
    gc.freeze()  # the loaded data never becomes garbage: the collections after each page need not walk it
    try:
        conn.send(("ready", None))  # the deadline counts from here: loading the data files is not the page's time
    except (BrokenPipeError, OSError):
        return
    while True:
        try:
            function, args, kwargs = conn.recv()
        except (EOFError, OSError):
            return
        own = kwargs.pop("own_outlets", None)  # a workspace's own outlet rows (bot.slack.workspace_settings)
        try:
            chosen = registry_with_own(own, outlets_file) if own else registry
            reply: tuple[str, Any] = ("ok", _ENTRY_POINTS[function](*args, registry=chosen, **kwargs))
        except Exception as error:
            reply = ("error", f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            return


class _Worker:
    def __init__(
        self, context: multiprocessing.context.BaseContext, outlets_file: str | None, chain: bool, background: bool
    ) -> None:
        self.background = background
        own_end, worker_end = context.Pipe()
        niceness = BACKGROUND_NICENESS if background else 0
        self.process = context.Process(  # type: ignore[attr-defined]
            target=_serve, args=(worker_end, outlets_file, chain, niceness), name="provbot-analysis", daemon=True
        )
        self.process.start()
        worker_end.close()
        self.conn = own_end
        self.ready = False
        # The caller waiting for this worker's answer, and whether the event loop watches its pipe: the watch stays
        # from one request to the next (two system calls fewer per analysis), the answer read as soon as it comes.
        self._waiter: asyncio.Future[tuple[str, Any]] | None = None
        self._watched: asyncio.AbstractEventLoop | None = None

    async def call(self, request: tuple[str, tuple[Any, ...], dict[str, Any]], timeout: float) -> tuple[str, Any]:
        if not self.ready:
            await self._receive(START_TIMEOUT)
            self.ready = True
        if _text_size(request[1]) <= INLINE_CHARS:
            self.conn.send_bytes(ForkingPickler.dumps(request))
        else:  # a 5 MB page is copied off the event loop
            await asyncio.to_thread(self.conn.send, request)
        return await self._receive(timeout)

    async def _receive(self, timeout: float) -> tuple[str, Any]:
        loop = asyncio.get_running_loop()
        self._waiter = waiter = loop.create_future()
        if self._watched is not loop:
            loop.add_reader(self.conn.fileno(), self._readable)
            self._watched = loop
        expiry = loop.call_later(timeout, _expire, waiter)
        try:
            return await waiter
        finally:
            expiry.cancel()
            self._waiter = None

    def _readable(self) -> None:
        """The answer is coming (an analysis, a few kilobytes): read here, so the pipe is drained at once."""
        waiter = self._waiter
        if waiter is None or waiter.done():  # nobody waits (a worker about to be replaced): stop watching
            self.unwatch()
            return
        try:
            waiter.set_result(self.conn.recv())
        except (EOFError, OSError) as error:  # the worker stopped
            self.unwatch()
            waiter.set_exception(error)

    def unwatch(self) -> None:
        """Stop the event loop watching the pipe: before the worker is killed (its pipe then closed)."""
        if self._watched is not None:
            with contextlib.suppress(OSError, ValueError):
                self._watched.remove_reader(self.conn.fileno())
            self._watched = None

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)


def _expire(waiter: asyncio.Future[tuple[str, Any]]) -> None:
    if not waiter.done():
        waiter.set_exception(TimeoutError())


def _text_size(args: tuple[Any, ...]) -> int:
    """Roughly how much text a request carries: its strings, and the `text` of a page or a copy."""
    size = 0
    for arg in args:
        text = arg if isinstance(arg, str | bytes) else getattr(arg, "text", None)
        size += len(text) if isinstance(text, str | bytes) else 0
    return size


class _IdleWorkers:
    """Idle workers, handed to waiting callers by priority (lower first), then in order of arrival."""

    def __init__(self) -> None:
        self._workers: list[_Worker] = []
        self._waiters: list[tuple[int, int, asyncio.Future[_Worker]]] = []
        self._order = itertools.count()

    def put(self, worker: _Worker) -> None:
        while self._waiters:
            _, _, future = heapq.heappop(self._waiters)
            if not future.done():
                future.set_result(worker)
                return
        self._workers.append(worker)

    async def get(self, priority: int) -> _Worker:
        if self._workers and not self._waiters:
            return self._workers.pop()
        future: asyncio.Future[_Worker] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiters, (priority, next(self._order), future))
        try:
            return await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled():
                self.put(future.result())  # handed to us just as we were cancelled: pass it on
            raise


class AnalysisPool:
    """`await pool.run("analyse_html", html, url)`: the engine's function, run in a worker within `timeout` seconds.

    `start_method` is "forkserver" for the bot (forking a process that runs threads is unsafe; the fork server is
    started clean and preloads the engine, so a replacement worker starts in milliseconds) and may be "fork" for a
    single-threaded command such as `provbot check`. With `chain` the workers also compare copies with their
    originals (`bot.chain.work`): the fork server loads the main-text extractor and the language model once for
    all its workers (`bot.chain.preload`), other workers load the extractor when they start. `background` workers,
    ranked lower by the operating system, take the `CHAIN` calls (the bot's comparisons after a reply), so on a busy
    machine the CPU goes to first replies; without them every call shares the `workers`."""

    def __init__(
        self,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        workers: int | None = None,
        outlets_file: str | None = None,
        start_method: str = "forkserver",
        chain: bool = True,
        background: int = 0,
    ) -> None:
        self.timeout = timeout
        self.size = workers or default_workers()
        self.outlets_file = outlets_file
        self.chain = chain
        self.background = background
        if start_method not in multiprocessing.get_all_start_methods():
            start_method = "spawn"
        self._context = multiprocessing.get_context(start_method)
        if start_method == "forkserver":
            preload = ["bot.engine.pipeline", "bot.engine.preload", "bot.analysis_pool"]
            self._context.set_forkserver_preload([*preload, *(["bot.chain.preload"] if chain else [])])
        self._idle: _IdleWorkers | None = None
        self._idle_background = _IdleWorkers()
        self._all: set[_Worker] = set()
        self.replaced = 0  # workers killed past their deadline or lost (tests, logs)

    def _new_worker(self, background: bool = False) -> _Worker:
        worker = _Worker(self._context, self.outlets_file, self.chain, background)
        self._all.add(worker)
        return worker

    def _queue(self, worker: _Worker) -> _IdleWorkers | None:
        return self._idle_background if worker.background else self._idle

    async def start(self) -> None:
        """Start the workers now rather than at the first analysis."""
        if self._idle is None:
            if self._context.get_start_method() == "fork":
                # loaded and built once here, every forked worker has it
                _load_data(self.outlets_file)
                pipeline.warm_up()
            self._idle, self._idle_background = _IdleWorkers(), _IdleWorkers()
            for _ in range(self.size):
                self._idle.put(self._new_worker())  # forking takes milliseconds
            for _ in range(self.background):
                self._idle_background.put(self._new_worker(background=True))

    async def run(self, function: str, *args: Any, priority: int = FIRST_REPLY, **kwargs: Any) -> Analysis:
        return cast(Analysis, await self.call(function, *args, priority=priority, **kwargs))

    async def call(self, function: str, *args: Any, priority: int = FIRST_REPLY, **kwargs: Any) -> Any:
        """Any of the worker entry points (`_ENTRY_POINTS`): its result, within the deadline. While every worker
        is busy, callers wait by `priority` (`FIRST_REPLY`, `CHAIN`)."""
        if function not in _ENTRY_POINTS:
            raise ValueError(f"not an engine entry point: {function}")
        await self.start()
        assert self._idle is not None
        idle = self._idle_background if priority >= CHAIN and self.background else self._idle
        worker = await idle.get(priority)
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
            if self._idle is None:  # the pool was closed meanwhile: nothing to hand the worker back to
                worker.unwatch()
                await asyncio.to_thread(worker.kill)
            elif (queue := self._queue(worker)) is not None:
                queue.put(worker if healthy else await self._replace(worker))
        if status != "ok":
            raise AnalysisFailed(value)
        return value

    async def _replace(self, worker: _Worker) -> _Worker:
        self._all.discard(worker)
        self.replaced += 1
        worker.unwatch()
        await asyncio.to_thread(worker.kill)
        return self._new_worker(worker.background)

    async def close(self) -> None:
        workers, self._all = list(self._all), set()
        self._idle = None
        for worker in workers:
            worker.unwatch()
            await asyncio.to_thread(worker.kill)

    async def __aenter__(self) -> AnalysisPool:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()
