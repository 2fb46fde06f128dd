"""The layout holds: no import cycles, modules a person reads in one sitting, our own imports at the top of each
module, and listeners and subcommands wired by reference, never by a module's name in a string.

These read the source with `ast`, so they cost milliseconds and fail naming the module and line to fix.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "handlers")
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
# The command line loads the Slack stack only for `run` and `digest`, so `provbot check` starts fast.
LAZY_IMPORTS_ALLOWED = {"bot.cli"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for package in PACKAGES for p in (ROOT / package).rglob("*.py")}


@functools.cache
def _tree(path: Path) -> ast.Module:
    """A module's syntax tree, parsed once, by the test process that first asks (not by every one at collection)."""
    return ast.parse(path.read_text(encoding="utf-8"))


def _imports(path: Path, known: dict[str, Path]) -> Iterator[str]:
    for node in ast.walk(_tree(path)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        for name in names:
            if name in known:
                yield name


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return None


def test_no_import_cycles() -> None:
    known = _modules()
    graph = {name: {m for m in _imports(path, known) if m != name} for name, path in known.items()}
    # A package's __init__ importing its own modules is how packages work, not a cycle between modules.
    graph = {name: {m for m in deps if not m.startswith(name + ".")} for name, deps in graph.items()}
    assert _cycle(graph) is None


def test_subcommands_are_registered_by_reference() -> None:
    from bot.digest.slack_command import digest_subcommand
    from bot.slack.commands import SUBCOMMANDS

    assert SUBCOMMANDS["digest"].handler is digest_subcommand
    assert all(callable(spec.handler) for spec in SUBCOMMANDS.values())


MODULES = _modules()


@pytest.mark.parametrize("name", sorted(MODULES))
def test_module_reads_in_one_sitting(name: str) -> None:
    lines = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{MODULES[name]} has {lines} lines; split it by concern"
    long = [
        f"{node.name} (line {node.lineno}, {node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(_tree(MODULES[name]))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long, f"{MODULES[name]}: functions over {MAX_FUNCTION_LINES} lines: {long}"


def _project_modules_named(node: ast.Import | ast.ImportFrom) -> list[str]:
    names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module or ""]
    return [name for name in names if name.split(".")[0] in PACKAGES]


@pytest.mark.parametrize("name", sorted(set(MODULES) - LAZY_IMPORTS_ALLOWED))
def test_project_imports_sit_at_the_top(name: str) -> None:
    """An import of our own inside a function hides a cycle; heavy third-party libraries may load on first use."""
    inner = [
        f"line {node.lineno}"
        for function in ast.walk(_tree(MODULES[name]))
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
        for node in ast.walk(function)
        if isinstance(node, ast.Import | ast.ImportFrom) and _project_modules_named(node)
    ]
    assert not inner, f"{MODULES[name]} imports project modules inside functions at {inner}"


def test_nothing_is_wired_by_a_module_name_in_a_string() -> None:
    by_string = re.compile(r"""["'](?:bot|handlers)\.[\w.]+:\w+["']""")
    offenders = [str(path) for path in MODULES.values() if by_string.search(path.read_text(encoding="utf-8"))]
    assert offenders == []
