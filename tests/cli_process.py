"""`provbot ARGS` run in this process the way a subprocess would see it: the given environment and working folder,
bytes on standard input, standard output and error captured as bytes, the exit code of `main` or of argparse.

Starting a Python process and importing the bot costs about a second of CPU; the command's behaviour is the same
in-process (`bot.cli.main` is the whole program, `bot/__main__.py` and the `provbot` script only call it), and
`tests/test_cli.py` compares the two on every kind of output, so most CLI tests use this.
"""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from bot.cli import main


@contextmanager
def _environment(env: Mapping[str, str], cwd: Path) -> Iterator[None]:
    saved_env, saved_cwd = dict(os.environ), Path.cwd()
    os.environ.clear()
    os.environ.update(env)
    os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)


@contextmanager
def _standard_streams(stdin: bytes) -> Iterator[tuple[io.BytesIO, io.BytesIO]]:
    """Byte-backed stdin, stdout and stderr, as a pipe gives them to a child; the logging handlers `main` adds
    (bound to this stderr) are taken off again after."""
    out, err = io.BytesIO(), io.BytesIO()
    saved = sys.stdin, sys.stdout, sys.stderr
    root = logging.getLogger()
    saved_handlers, saved_level = list(root.handlers), root.level
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    sys.stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    sys.stderr = io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace", write_through=True)
    try:
        yield out, err
    finally:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
            stream.detach()  # else the wrapper, collected, closes the bytes before they are read
        sys.stdin, sys.stdout, sys.stderr = saved
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)


def run_cli(
    args: Sequence[str], env: Mapping[str, str], cwd: Path, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    """`provbot ARGS` in-process, as `subprocess.run(..., capture_output=True)` would return it."""
    with _environment(env, cwd), _standard_streams(stdin or b"") as (out, err):
        try:
            code = main(list(args))
        except SystemExit as exit_:  # argparse: usage errors, --help, --version
            code = exit_.code if isinstance(exit_.code, int) else 0 if exit_.code is None else 1
            if isinstance(exit_.code, str):
                print(exit_.code, file=sys.stderr)
    return subprocess.CompletedProcess(["provbot", *args], code, out.getvalue(), err.getvalue())
