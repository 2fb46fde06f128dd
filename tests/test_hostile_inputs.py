"""Hostile pages and pastes cannot make an analysis slow or crash it (issue 12).

Each generated input is held to a budget relative to a plain input of the same size, measured in the same process
(CPU time, best of two): a pattern that backtracks over its input takes hundreds of times longer on the inputs
below, a linear one a few times at most, so the generous factor keeps the test from ever being a timing race.
Every input that was found slow is pinned as an explicit example.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import TypeVar

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.engine.jsonld_scripts import MAX_JSONLD_DEPTH, json_depth
from bot.engine.notices import parse_notice
from bot.engine.pipeline import analyse_html, analyse_text
from bot.slack.links import extract_links

T = TypeVar("T")

SIZE = 40_000  # characters: a quadratic pattern takes seconds here, a linear one milliseconds
FACTOR = 20
# Seconds of slack on top: a page whose every block holds a hint is read closely, a constant factor (tens of ms)
# over a plain one; the faults this suite keeps out took 7 to 16 s at this size, growing with its square.
FLOOR = 0.5

# Characters and short runs that drive a backtracking pattern: marks, spaces, separators, quotes, brackets,
# the starts of links, addresses, e-mail and domain names, and letters of other scripts.
HOSTILE_CHARS = " \u00a0\t\n©®™|·•-–—/\\,;:.!?'\"`()[]{}<>@#&*_=+~0123456789aAzZ"
MIXED_SCRIPTS = "ЖжΩωא\u05d1ا\u0628中文日本한국ไทยहि\u0301\u0327\u200b\u200d\u202e\u2066\ufeff🙂"
HOSTILE_UNITS = [
    "© ", "©", "(c) ", "&copy; ", "Copyright ", "© 2020 ", "© A", "A, B, ", " and ", " and A", "By ", "a.", "a.b",
    "A.", ".1", "-a", "2020-", "www.", "http://", "[a](", "[", "<http://a|", " | ", " • ", "'", '"', "senior ",
    "Photo: ", "(", "@", "a@", "A (", "— A ",
]  # fmt: skip

units = st.one_of(
    st.sampled_from(HOSTILE_UNITS),
    st.text(alphabet=HOSTILE_CHARS, min_size=1, max_size=6),
    st.text(alphabet=HOSTILE_CHARS + MIXED_SCRIPTS, min_size=1, max_size=12),
)
PLACES = ("paragraph", "footer", "title", "meta", "jsonld", "broken_jsonld", "attribute", "byline")


def _page(run: str, place: str) -> str:
    """A small article with the hostile run in one place of it."""
    escaped = run.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    quoted = escaped.replace('"', "&quot;")
    title = escaped if place == "title" else "Tides rise"
    meta = f'<meta name="author" content="{quoted}">' if place == "meta" else ""
    jsonld = (
        f'<script type="application/ld+json">{json.dumps({"@type": "NewsArticle", "author": run})}</script>'
        if place == "jsonld"
        # a script a CMS left unparsable, one key to a line: the lenient retries read it line by line
        else f'<script type="application/ld+json">{{\n"@type": "NewsArticle",\n"headline": "{run}\n</script>'
        if place == "broken_jsonld"
        else ""
    )
    attribute = f' class="{quoted}"' if place == "attribute" else ""
    body = {
        "paragraph": f"<p>{escaped}</p>",
        "footer": f"<footer><p>{escaped}</p></footer>",
        "byline": f'<p class="byline">By {escaped}</p>',
    }.get(place, "")
    return (
        f"<html><head><title>{title}</title>{meta}{jsonld}</head><body><article{attribute}><h1>Tides rise</h1>"
        f"<p>By Ava Stone</p><p>The water came in at dawn.</p>{body}</article></body></html>"
    )


def _cpu(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def _within(work: Callable[[], object], budget: float) -> bool:
    """The best of two runs within the budget: a second run only when the first was over it (a busy moment)."""
    return _result_within(work, budget)[0]


def _result_within(work: Callable[[], T], budget: float) -> tuple[bool, T]:
    """`_within`, and what the work returned (a 5 MB input is not analysed once more only to look at its result)."""
    for _ in range(2):
        start = time.process_time()
        result = work()
        if time.process_time() - start <= budget:
            return True, result
    return False, result


def _plain(size: int) -> str:
    words = "The water came in at dawn and by noon the lower town was under a foot of it. "
    return (words * (size // len(words) + 1))[:size]


_baselines: dict[tuple[str, str, int], float] = {}


def _budget(kind: str, place: str, size: int) -> float:
    """FACTOR times a plain input of the same size and shape, measured once per process."""
    key = (kind, place, size)
    if key not in _baselines:
        analyse_text(_plain(1_000))  # a small run first: data files loaded, patterns compiled
        analyse_html(_page(_plain(1_000), place))
        plain = _plain(size)
        work = (lambda: analyse_text(plain)) if kind == "text" else (lambda: analyse_html(_page(plain, place)))
        _baselines[key] = _cpu(work)
    return FACTOR * _baselines[key] + FLOOR


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


FUZZ = settings(max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(unit=units, place=st.sampled_from(PLACES))
@example(unit="© ", place="footer")  # _HOLDER_SPLIT / _FOOTER_LINK_BAR: 16 s for 60 KB before the fix
@example(unit="©", place="paragraph")
@example(unit="a.b", place="paragraph")
@example(unit="&copy; ", place="byline")
@example(unit="A (", place="meta")  # an author field's parentheses were each read to the end: 4 s for 100 KB
@example(unit="© ", place="jsonld")  # every tail of a long author "name" tried as an outlet's name
@example(unit="\n", place="broken_jsonld")  # a repair pattern's line start ran on through every blank line after it
def test_a_hostile_page_reads_in_time_proportional_to_its_size(unit: str, place: str) -> None:
    html = _page(_repeat(unit, SIZE), place)
    assert _within(lambda: analyse_html(html, "https://harborledger.com/tides"), _budget("html", place, SIZE))


@FUZZ
@given(unit=units)
@example(unit="© ")  # a 40,000-character paste blocked the bot for 7 s
@example(unit="a.")  # every label of "a.a.a.…" tried as the start of a domain name: 14 s for 20 KB
@example(unit="[a](")  # a Markdown link's address scanned to the end from every "("
@example(unit="<http://a|")  # a Slack link's label scanned to the end from every "<"
@example(unit="[")
def test_a_hostile_paste_reads_in_time_proportional_to_its_size(unit: str) -> None:
    text = _repeat(unit, SIZE)
    assert _within(lambda: analyse_text(text), _budget("text", "paste", SIZE))


@FUZZ
@given(unit=units)
@example(unit="© ")
@example(unit=" ")  # "… und © Y" joining two notices was looked for from every space of a run: 70 s for 40 KB
def test_a_copyright_notice_of_hostile_runs_parses_in_proportional_time(unit: str) -> None:
    text = "Copyright " + _repeat(unit, SIZE)
    plain = "Copyright " + _plain(SIZE)
    budget = FACTOR * _cpu(lambda: parse_notice(plain)) + FLOOR
    assert _within(lambda: parse_notice(text), budget)


@FUZZ
@given(unit=units)
@example(unit="http://a.com/)")  # trailing brackets were counted again for every one cut: 7 s for 40 KB
@example(unit="<http://a.com|")
def test_links_are_found_in_a_hostile_message_in_proportional_time(unit: str) -> None:
    text = "see http://a.com/" + _repeat(unit, SIZE)
    plain = "see http://a.com/ " + _plain(SIZE)
    budget = FACTOR * _cpu(lambda: extract_links({"text": plain})) + FLOOR
    assert _within(lambda: extract_links({"text": text}), budget)


@pytest.mark.parametrize("char", ["©", " ", "a", "<", "[", ".", "\u202e", "{"])
@pytest.mark.parametrize("kind", ["html", "text"])
def test_five_megabytes_of_one_character(char: str, kind: str) -> None:
    size = 5_000_000
    run = char * size
    if kind == "html":
        page = f"<html><body><p>{run}</p></body></html>"
        within, result = _result_within(
            lambda: analyse_html(page, "https://harborledger.com/big"), _budget("html", "paragraph", size)
        )
    else:
        within, result = _result_within(lambda: analyse_text(run), _budget("text", "paste", size))
    assert within
    assert result.to_dict()["schema_version"] == 1


@pytest.mark.parametrize("depth", [1_000, 100_000])
@pytest.mark.parametrize("shape", ["array", "object", "graph"])
def test_deeply_nested_json_ld_is_left_unread_without_a_crash(depth: int, shape: str) -> None:
    opening, closing = {
        "array": ("[" * depth, "]" * depth),
        "object": ('{"a":' * depth, "}" * depth),
        "graph": ('{"@graph":[' * depth, "]}" * depth),
    }[shape]
    nested = f'<script type="application/ld+json">{opening}{{"@type":"NewsArticle"}}{closing}</script>'
    article = '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"name": "Ava Stone"}}</script>'
    html = f"<html><head><title>Tides rise</title>{nested}{article}</head><body><p>Water.</p></body></html>"
    result = analyse_html(html, "https://harborledger.com/tides")
    assert result.authors == ["Ava Stone"]  # the page's readable JSON-LD is still read


def test_json_depth_counts_brackets_outside_strings() -> None:
    assert json_depth('{"a": [1, {"b": "[[[\\"]]]"}]}') == 3
    assert json_depth("") == 0
    assert json_depth("[" * (MAX_JSONLD_DEPTH + 1)) == MAX_JSONLD_DEPTH + 1


@pytest.mark.parametrize("tag", ["div", "span", "b", "blockquote", "li"])
def test_deeply_nested_tags(tag: str) -> None:
    depth = 100_000
    html = f"<html><body>{f'<{tag}>' * depth}By Ava Stone. © 2024 Harbor Ledger{f'</{tag}>' * depth}</body></html>"
    within, result = _result_within(
        lambda: analyse_html(html, "https://harborledger.com/tides"), _budget("html", "paragraph", len(html))
    )
    assert result.to_dict()["schema_version"] == 1
    assert within


@FUZZ
@given(st.text(alphabet=st.characters(codec="utf-8"), min_size=0, max_size=3_000))
def test_any_text_analyses_without_an_error(text: str) -> None:
    assert analyse_text(text).to_dict()["schema_version"] == 1
    assert analyse_html(f"<html><body><p>{text}</p></body></html>").to_dict()["schema_version"] == 1
