"""Structures met on htmldate's test pages (sixth round); each page here is invented to reproduce one of them."""

from __future__ import annotations

from bot.engine import analyse_html

HEADLINE = "Harbour board weighs a night ferry"


def _page(body: str, after: str = "") -> str:
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{HEADLINE}</title>"
        f'<meta property="og:site_name" content="Harbor Ledger"></head><body>'
        f"<div class='masthead'>Harbor Ledger</div><main><div class='entry'><h1>{HEADLINE}</h1>{body}</div>"
        f"{after}</main><footer><p>© 2023 Harbor Ledger GmbH</p></footer></body></html>"
    )


def _card(path: str, title: str, who: str) -> str:
    # a grid of other columns below the piece: the card's link wraps its heading (<a><h2>…</h2></a>)
    return (
        f"<article class='post-card'><ul class='post-terms'><li>Ausland</li></ul>"
        f"<a href='{path}' class='post-title'><h2>{title}</h2></a>"
        f"<ul class='post-metas'><li class='post-meta post-meta--author'><a href='/author/{who.lower()}/'>"
        f"{who}</a></li><li class='post-meta'>17. Oktober 2023</li></ul></article>"
    )


def test_a_card_whose_link_wraps_its_heading_is_another_storys_card() -> None:
    body = (
        "<p class='meta'>Kommentar</p><p class='date'>19. Oktober 2023</p><p class='author'>Clara Weiss</p>"
        "<p>The harbour board met on Tuesday to weigh a night ferry across the bay.</p>"
        + "".join(f"<p>Paragraph {n} of the column on the ferry and its timetable.</p>" for n in range(20))
    )
    cards = "".join(
        _card(f"/politik/2023/story-{n}/", f"Another story number {n}", who)
        for n, who in enumerate(["Jonas Brandt", "Mila Torres"])
    )
    result = analyse_html(_page(body, f"<div class='post-grid'>{cards}</div>"), "https://harbor.example/k/2023/ferry/")
    assert result.authors == ["Clara Weiss"]


def test_a_name_alone_in_the_item_after_the_date_under_the_headline_is_the_writer() -> None:
    # a meta row split into items: the section, the day, then the writer's name with no "By" and no author markup
    row = (
        "<ul class='post-info'><li><a href='/k/'>Kommentar</a></li><li><span>19. Oktober 2023</span></li>"
        "<li><span class='post-info__item--custom'>Clara M. Weiss</span></li></ul>"
    )
    body = row + "".join(f"<p>Paragraph {n} of the column on the ferry and its timetable.</p>" for n in range(5))
    result = analyse_html(_page(body), "https://harbor.example/k/2023/ferry/")
    assert result.authors == ["Clara M. Weiss"]


def test_a_picture_credit_after_the_date_names_no_writer() -> None:
    body = "<p class='date'>5. November 2023, 10:39 Uhr</p><p class='caption'>Fot. Harbor Gaz</p>" + "".join(
        f"<p>Paragraph {n} of the story on the ferry and its timetable.</p>" for n in range(5)
    )
    result = analyse_html(_page(body), "https://harbor.example/k/2023/ferry/")
    assert result.authors == []


def test_a_section_heading_opening_with_von_names_no_pen_name() -> None:
    body = (
        "<p class='byline'>Von Clara Weiss</p>"
        + "".join(f"<p>Paragraph {n} of the essay on the ferry and its timetable.</p>" for n in range(6))
        + "<h2>Von Fähren und Fahrplänen</h2>"
        + "".join(f"<p>Paragraph {n} of the essay's second part on the crossing.</p>" for n in range(4))
    )
    result = analyse_html(_page(body), "https://harbor.example/k/2023/ferry/")
    assert result.authors == ["Clara Weiss"]
