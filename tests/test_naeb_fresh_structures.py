"""Page structures met on a third fresh batch of NAEB pages (labelled before any rule saw them); each page here is
invented to reproduce one."""

from __future__ import annotations

import json

from bot.engine import analyse_html
from bot.engine.notices import parse_notice
from tests.engine_helpers import page

URL = "https://www.harbor-courier.example/science/2025/tide-pools-genome"
_BODY = "".join(f"<p>Paragraph {n} of the report on the tide pool bacteria and their genome.</p>" for n in range(20))


def _ld(author: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Tide pool bacteria sequenced",
        "datePublished": "2025-03-04T10:00:00+00:00",
        "author": {"@type": "Person", "name": author},
    }
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_a_desk_named_only_by_newsroom_words_is_the_sites_own_desk() -> None:
    # "by News Staff": no publication's name in it, so no other outlet's desk, no author and no copy
    html = page(
        '<article><h1>Tide pool bacteria sequenced</h1><div class="byline">Mar 4, 2025 by News Staff</div>'
        f"{_BODY}</article><footer>© 2011-2025. Harbor Courier. All Rights Reserved.</footer>",
        _ld("News Staff"),
    )
    result = analyse_html(html, URL)
    assert result.authors == []
    assert result.republication.is_republication is False
    assert result.copyright.holders == ["Harbor Courier"]


def test_a_byline_that_is_only_a_job_title_names_no_one() -> None:
    # a student paper posts under its editor's account: "By Executive Content Editor"
    html = page(
        '<article><h1>Tide pool bacteria sequenced</h1><div class="post-author-name"><span>By</span> '
        f'<a href="/author/executive-content-editor/">Executive Content Editor</a></div>{_BODY}</article>'
    )
    assert analyse_html(html, URL).authors == []


def test_a_slashed_code_in_a_dateline_is_not_the_outlet_its_letters_spell() -> None:
    # "(B/R) —" opens a partner's column: folded to "BR" it would be a broadcaster's code; "(RFE/RL)" is written so
    story = "<p>{} — The top of the draft boards is fuzzier than in any recent year heading into the break.</p>"
    for code, original in (("B/R", None), ("RFE/RL", "Radio Free Europe/Radio Liberty")):
        html = page(f"<article><h1>Mock draft: risers and fallers</h1>{story.format(f'({code})')}{_BODY}</article>")
        found = analyse_html(html, URL).republication.original
        assert (found.name if found else None) == original


def test_a_notice_inside_a_pictures_caption_is_the_pictures_even_with_a_year() -> None:
    # the caption's credit sits in a <div> of its own inside the <figcaption>
    html = page(
        '<article><h1>Tide pool bacteria sequenced</h1><figure><img src="/pool.jpg" alt="">'
        '<figcaption class="credit">Image via the film\'s website</figcaption>'
        '<figcaption class="credit copyright"><div class="text">© 2023 Harbor Film Committee</div></figcaption>'
        f"</figure>{_BODY}</article><footer><p>All material Copyright © Harbor Courier LLC. All rights reserved.</p>"
        "</footer>"
    )
    assert analyse_html(html, URL).copyright.holders == ["Harbor Courier LLC"]


def test_please_in_spanish_opens_no_byline() -> None:
    # a newsletter box's error message, "Por favor, vuelva a intentarlo", once the photo credit no longer hides it
    html = page(
        '<article><h1>Tide pool bacteria sequenced</h1><figure><img src="/pool.jpg" alt="">'
        '<figcaption><div class="leyenda">Harbor Press</div></figcaption></figure>'
        f'{_BODY}<div id="newsletter_ko">HA HABIDO UN PROBLEMA<br>POR FAVOR, VUELVA A INTENTARLO</div></article>'
    )
    assert analyse_html(html, URL).authors == []


def test_a_dated_by_line_in_a_byline_element_names_the_writer() -> None:
    # "posted on <time>2023-12-19 23:30 EST</time> by Jo Roe" in the headline's own block
    html = page(
        '<article><div id="page-title"><h1>Tide pool bacteria sequenced</h1><small>posted on '
        '<time datetime="2023-12-19T23:30:00-05:00">2023-12-19 23:30 EST</time></small> by Maren Oakes</div>'
        f"{_BODY}</article>"
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes"]


def test_a_science_news_source_line_naming_the_releases_writer() -> None:
    html = page(
        f"<article><h1>Tide pool bacteria sequenced</h1>{_BODY}<p>Story Source:</p>"
        "<p>Materials provided by Harbor University. Original written by Maren Oakes. Note: Content may be edited "
        "for style and length.</p></article>"
    )
    result = analyse_html(html, URL)
    assert result.authors == ["Maren Oakes"]
    assert result.republication.original is not None
    assert result.republication.original.name == "Harbor University"


def test_a_saints_or_places_abbreviation_does_not_end_a_notice() -> None:
    # "St. Louis …": the stop after "St" is inside the holder's name; after a street it still ends it
    for notice, holders in (
        ("© Copyright 2023 St. Harbor Courier, 901 N. 10th St. St. Harbor, MO 63101", ["St. Harbor Courier"]),
        ("© 2024 Harbor Ledger, 12 Main St. All rights reserved.", ["Harbor Ledger"]),
    ):
        parsed = parse_notice(notice)
        assert parsed is not None and parsed[0] == holders


def test_a_desk_named_by_the_sites_own_name_is_the_author() -> None:
    # "Slate Staff", "Sun Sentinel Editorial Board": a JSON-LD Person that is the outlet's named desk, printed whole
    # in the byline (where the outlet's name may follow it again); the piece is the outlet's own, not a copy
    og = '<meta property="og:site_name" content="Harbor Courier">'
    for desk, byline in (
        ("Harbor Courier Staff", "By Harbor Courier Staff"),
        ("Harbor Courier Editorial Board", "By Harbor Courier Editorial Board | Harbor Courier"),
        ("HarborCourier.example Staff", "Mar 4, 2025 HarborCourier.example Staff"),
    ):
        html = page(
            f'<article><h1>Tide pool bacteria sequenced</h1><div class="byline">{byline}</div>{_BODY}</article>',
            og + _ld(desk),
        )
        result = analyse_html(html, URL)
        assert result.authors == [desk]
        assert result.republication.is_republication is False


def test_a_desk_of_newsroom_words_and_joiners_or_the_sites_address_is_no_author() -> None:
    # "From staff reports", "Staff and news service reports": newsroom words only; "News.harborcourier.net": the address
    for name in ("From staff reports", "Staff and news service reports", "News.harborcourier.net"):
        html = page(f"<article><h1>Tide pool bacteria sequenced</h1>{_BODY}</article>", _ld(name))
        assert analyse_html(html, URL).authors == [], name
