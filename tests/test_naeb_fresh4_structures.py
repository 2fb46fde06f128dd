"""Page structures met on a fourth fresh batch of NAEB pages (labelled before any rule saw them); each page here is
invented to reproduce one."""

from __future__ import annotations

from bot.engine import analyse_html
from tests.engine_helpers import page

URL = "https://www.harbor-courier.example/showbiz/2025/tide-pool-festival"
_BODY = "".join(f"<p>Paragraph {n} of the story about the tide pool festival and its guests.</p>" for n in range(20))


def test_each_writer_card_with_a_features_job_under_one_by_is_a_writer() -> None:
    # "By" alone, then one card per writer: her linked name and her job ("Assistant Features Editor")
    cards = "".join(
        f'<div class="author"><a href="/authors/{slug}/">{name}</a><span class="job-title">{job}</span></div>'
        for slug, name, job in (
            ("maren-oakes", "Maren Oakes", "Showbiz Reporter"),
            ("tobias-venn", "Tobias Venn", "Assistant Features Editor"),
        )
    )
    html = page(
        f'<article><h1>Tide pool festival opens</h1><div class="byline"><span class="author-label">By</span>{cards}'
        f"</div>{_BODY}</article>",
        '<meta name="author" content="Maren Oakes"><meta name="author" content="Tobias Venn">',
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes", "Tobias Venn"]


def test_a_sister_papers_copy_is_the_canonical_papers_and_the_groups() -> None:
    # a chain paper runs its sister paper's story: the canonical link points there, the footer names the group
    html = page(
        f"<article><h1>Grant funds student scholarships</h1>{_BODY}</article>"
        '<footer><div class="copyright">© Copyright Gannett 2025</div></footer>',
        '<link rel="canonical" href="https://www.battlecreekenquirer.com/story/news/local/2025/03/04/grant/1/">',
    )
    result = analyse_html(html, "https://www.thedailyreporter.com/story/news/local/2025/03/04/grant/1/")
    original = result.republication.original
    assert original is not None and original.name == "Battle Creek Enquirer"
    assert result.copyright.holders == ["Gannett"]


def test_a_journals_news_page_is_the_journals_not_its_societys_initials() -> None:
    # "Headline | Science | AAAS": the journal, then the initials of the society that publishes it
    html = page(
        f"<article><h1>Plant waste sunk at sea</h1>{_BODY}</article>"
        "<footer>© 2025 American Association for the Advancement of Science. All rights reserved.</footer>",
        title="Plant waste sunk at sea | Science | AAAS",
    )
    result = analyse_html(html, "https://www.science.org/content/article/plant-waste-sunk-at-sea")
    assert result.outlet is not None and result.outlet.name == "Science Magazine"
    assert result.warnings == []


def test_a_magazine_that_names_itself_by_its_address() -> None:
    html = page(
        f"<article><h1>Director previews the sequel</h1>{_BODY}</article>",
        '<meta property="og:site_name" content="EW.com">',
    )
    result = analyse_html(html, "https://ew.com/director-previews-the-sequel-123")
    assert result.outlet is not None and result.outlet.name == "Entertainment Weekly"


def test_a_section_named_science_in_a_byline_credits_no_journal() -> None:
    # "By Jo Roe <date> Science & Astronomy": the section the story sits in, not the journal it came from
    html = page(
        '<article><h1>Plumes seen over the moon</h1><div class="byline">By <a href="/author/maren-oakes/">Maren '
        f"Oakes</a> 2025-03-04T10:00:00Z Science &amp; Astronomy</div>{_BODY}</article>"
    )
    assert analyse_html(html, URL).republication.is_republication is False
