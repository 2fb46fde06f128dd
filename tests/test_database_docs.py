"""docs/datasette-metadata.json and docs/database.md name the real schema: every table and column, nothing else."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import sqlite_utils

from bot.storage import open_database

DOCS = Path(__file__).resolve().parent.parent / "docs"
METADATA = json.loads((DOCS / "datasette-metadata.json").read_text(encoding="utf-8"))["databases"]["provbot"]
DATABASE_MD = (DOCS / "database.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> sqlite_utils.Database:
    return open_database(tmp_path_factory.mktemp("schema") / "provbot.db")


def _shown(db: sqlite_utils.Database) -> dict[str, list[str]]:
    """Tables people look at: all but the full-text index's own tables."""
    return {t: list(db.table(t).columns_dict) for t in db.table_names() if not t.startswith("chain_seen_fts")}


def test_every_table_and_column_is_described_and_nothing_else(db) -> None:
    tables = METADATA["tables"]
    described = {name: list(t["columns"]) for name, t in tables.items() if not t.get("hidden")}
    assert described == _shown(db)
    hidden = {name for name, t in tables.items() if t.get("hidden")}
    assert hidden == set(db.table_names()) - set(_shown(db))


def test_facets_sorts_and_labels_name_real_columns(db) -> None:
    for name, table in METADATA["tables"].items():
        if table.get("hidden"):
            continue
        columns = set(db.table(name).columns_dict)
        named = [*table.get("facets", []), table.get("sort_desc"), table.get("sort"), table.get("label_column")]
        assert {c for c in named if c} <= columns, name
    assert {"outlet_kind", "reuse_category", "channel"} <= set(METADATA["tables"]["checks"]["facets"])
    assert METADATA["tables"]["chain_seen"]["fts_table"] in db.table_names()


def test_the_canned_queries_run_on_the_real_schema(db) -> None:
    for name, query in METADATA["queries"].items():
        params = {p: "2026-01-01" for p in re.findall(r":(\w+)", query["sql"])}
        db.execute(query["sql"], params).fetchall()  # raises on a wrong table or column name
        assert query["title"], name


def test_database_md_has_a_section_with_every_column_of_every_table(db) -> None:
    sections = re.split(r"^### ", DATABASE_MD, flags=re.M)[1:]
    by_table = {re.match(r"`(\w+)`", s).group(1): s for s in sections}  # type: ignore[union-attr]
    assert set(by_table) == set(_shown(db))
    for table, columns in _shown(db).items():
        for column in columns:
            assert f"| `{column}`" in by_table[table], (table, column)
        assert "*Kept:*" in by_table[table], table
