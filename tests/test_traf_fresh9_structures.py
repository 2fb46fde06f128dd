"""Structures met on trafilatura's test pages (ninth round); each page here is invented to reproduce one of them."""

from __future__ import annotations

import pytest

from bot.engine import analyse_html
from bot.engine.dates import NUMERIC_DATE, numeric_to_iso

HEADLINE = "Rowing club names two newcomers for the spring regatta"


def _page(byline: str) -> str:
    body = "".join(f"<p>Paragraph {n} on the crews, the boats and the course.</p>" for n in range(6))
    return (
        f"<!doctype html><html lang='de'><head><meta charset='utf-8'><title>{HEADLINE}</title></head><body>"
        f"<main><article><h1>{HEADLINE}</h1><div class='meta'>{byline}</div>{body}</article></main>"
        "</body></html>"
    )


@pytest.mark.parametrize(
    ("written", "expected"),
    [("4. 2. 2022", "2022-02-04"), ("04.\u00a002.\u00a02022", "2022-02-04"), ("14.02.2022", "2022-02-14")],
)
def test_a_dotted_date_may_space_its_dots(written: str, expected: str) -> None:
    match = NUMERIC_DATE.search(f"Stand {written}.")
    assert match is not None and numeric_to_iso(match, None) == expected


def test_a_spaced_dotted_date_under_the_headline_is_the_day_shown() -> None:
    # "Von Ruderverband 4. 2. 2022.": a federation's bare name as the byline, then the day with spaced dots
    page = _page("<span>Von</span> <span>Nordischer Ruderverband</span> <span class='date'>4. 2. 2022.</span>")
    result = analyse_html(page, "https://ruderverband.example/news/regatta-nominiert")
    assert result.published is not None and result.published.startswith("2022-02-04")


def test_mixed_separators_make_no_date() -> None:
    # "4. 2.2022" mixes a spaced and an unspaced dot: not one written date
    assert NUMERIC_DATE.search("4. 2.2022") is None


@pytest.mark.parametrize(
    "lines",
    [
        "<p>Erschienen am: 13.10.2021</p><p>Zuletzt geändert am: 02.02.2022</p>",
        "<p>Mis en ligne le 13 octobre 2021, mis à jour le 2 février 2022</p>",
    ],
)
def test_german_and_french_publication_and_change_labels_date_the_piece(lines: str) -> None:
    result = analyse_html(_page(lines), "https://harbor.example/verein/regatta")
    assert (result.published, result.modified) == ("2021-10-13", "2022-02-02")
