"""Page structures met on real pages that hid or faked provenance; each page here is invented to reproduce one."""

from __future__ import annotations

from bot.engine import analyse_html, document
from bot.engine.signals import text
from tests.engine_helpers import context_for_text, page, values


def originals_in(pasted: str) -> list[str]:
    return [c.name for c in values(text.read(context_for_text(pasted)), "credit") if c.role == "original"]


def test_headline_container_named_like_a_sidebar_is_not_a_sidebar() -> None:
    html = page(
        '<div class="page-wrap with-sidebar"><h1>Gulls return to the bay</h1>'
        "<p>Gulls came back to the bay this spring, counters said on Monday.</p>"
        "<p>© 2024 Harbor Ledger. All rights reserved.</p></div>"
        '<div class="sidebar"><p>© Other Teaser Co. All rights reserved.</p></div>',
        '<meta property="og:title" content="Gulls return to the bay">',
    )
    doc = document.from_html(html)
    regions = {block.text[:12]: block.region for block in doc.blocks}
    assert regions["© 2024 Harbo"] != "aside"
    assert regions["© Other Teas"] == "aside"


def test_wire_dateline_with_the_agency_in_its_own_element() -> None:
    html = page(
        "<article><h1>Storm closes the pass</h1>"
        "<p><strong>DENVER (AP)</strong> — Snow closed the mountain pass for a second day on Tuesday.</p>"
        "<p>Crews expect to reopen it by the weekend.</p></article>"
    )
    result = analyse_html(html, "https://www.example-daily.com/news/2024/storm-pass")
    assert result.republication.is_republication
    assert result.republication.original is not None
    assert result.republication.original.name == "The Associated Press"


def test_first_appeared_said_of_an_event_is_no_credit() -> None:
    assert originals_in("Cases of the fever first appeared in West Valley at the end of August.") == []


def test_first_appeared_said_of_the_piece_or_of_a_known_outlet_is_a_credit() -> None:
    assert originals_in("This essay first appeared in Harbor Quarterly.") == ["Harbor Quarterly"]
    assert originals_in("First published in Harbor Quarterly.") == ["Harbor Quarterly"]
    assert originals_in("A shorter cut of it first appeared in The Guardian.") == ["The Guardian"]
