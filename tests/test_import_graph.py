"""The import graph of `bot` and `handlers` has no cycles (imports made only for type checking count too); the
Slack side hides no imports inside functions and registers subcommands by reference."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "handlers")
CHECKED = ("bot/slack", "bot/digest", "handlers")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for package in PACKAGES for p in (ROOT / package).rglob("*.py")}


def _imports(path: Path, known: dict[str, Path]) -> Iterator[str]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
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


def test_no_imports_inside_functions() -> None:
    hidden = []
    for name, path in _modules().items():
        if not str(path.relative_to(ROOT)).startswith(CHECKED):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                hidden += [
                    f"{name}.{node.name}" for inner in ast.walk(node) if isinstance(inner, ast.Import | ast.ImportFrom)
                ]
    assert hidden == [], "imports inside functions hide the dependency graph"


def test_subcommands_are_registered_by_reference() -> None:
    from bot.digest.slack_command import digest_subcommand
    from bot.slack.commands import SUBCOMMANDS

    assert SUBCOMMANDS["digest"].handler is digest_subcommand
    assert all(callable(spec.handler) for spec in SUBCOMMANDS.values())
