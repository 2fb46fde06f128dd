"""Structures seen on real article pages, rebuilt small with invented words: where a block sits decides what it
says about the article (its own header and byline against lists of other stories, labels around a name)."""

from __future__ import annotations

from bot.engine import analyse_html
from tests.engine_helpers import page

_BODY = "".join(f"<p>Paragraph {n} of the story about the harbour bridge and its long repair.</p>" for n in range(60))


def _cards(*bylines: str) -> str:
    return "".join(
        f'<div class="story-card"><h3><a href="/other-{n}">Another story number {n} worth reading</a></h3>'
        f'<div class="card-byline">By {who}</div><p>A teaser for that story.</p></div>'
        for n, who in enumerate(bylines)
    )


def test_bylines_of_story_cards_below_the_article_are_not_its_authors() -> None:
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1>"
        '<div class="byline">By Maren Oakes</div>'
        + _BODY
        + "<h2>More stories</h2>"
        + _cards("Tobias Venn", "Ilse Marrow", "Quentin Hale and Rosa Pell")
    )
    assert analyse_html(html, "https://news.example/2025/bridge").authors == ["Maren Oakes"]


def test_story_cards_far_below_the_headline_do_not_add_to_the_authors_structured_data_names() -> None:
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour bridge repairs", '
    head += '"author": {"@type": "Person", "name": "Maren Oakes"}}</script>'
    html = page("<h1>Harbour bridge repairs</h1>" + _BODY * 3 + _cards("Tobias Venn", "Ilse Marrow"), head)
    assert analyse_html(html, "https://news.example/2025/bridge").authors == ["Maren Oakes"]


def test_two_authors_each_with_a_bio_card_in_the_header_are_both_kept() -> None:
    author = (
        '<div class="author"><a href="/by/{slug}">{name}</a></div><div class="author-overlay">Close</div>'
        '<div class="author-role">Staff Writer</div><div class="author-meta">Follow on X</div>'
    )
    header = author.format(slug="a", name="Maren Oakes") + author.format(slug="b", name="Tobias Venn")
    html = page("<h1>Harbour bridge repairs run into a second winter</h1>" + header + _BODY)
    assert analyse_html(html, "https://news.example/2025/bridge").authors == ["Maren Oakes", "Tobias Venn"]


def test_labels_in_the_byline_area_are_not_authors() -> None:
    header = (
        '<div class="single-post__author"><span>Author</span><a href="/by/m">Maren Oakes</a></div>'
        '<p class="byline-job-title">Senior Editor</p><div class="author-bio">Full Bio</div>'
    )
    html = page("<h1>Harbour bridge repairs run into a second winter</h1>" + header + _BODY)
    assert analyse_html(html, "https://news.example/2025/bridge").authors == ["Maren Oakes"]
