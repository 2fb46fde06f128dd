"""Structures met on the 2014 pages of the newspaper library's test set, rebuilt small with invented names and sites."""

from __future__ import annotations

from bot.engine import analyse_html
from tests.engine_helpers import page

URL = "https://www.harbor-ledger.example/2014/12/16/best-gull-scenes"
_BODY = "".join(f"<p>Paragraph {n} of the round-up of the year's best gull scenes on the pier.</p>" for n in range(40))
_OG_TITLE = '<meta property="og:title" content="The best gull scenes of the year">'


def test_a_sticky_bars_now_reading_title_above_the_h1_is_not_the_headline() -> None:
    # the site's sticky bar repeats the headline as plain text long before the article's own <h1> and byline
    menu = "".join(f"<li><a href='/section/{n}'>Section {n}</a></li>" for n in range(150))
    html = page(
        "<header><div class='masthead'>Harbor Ledger</div><div class='current-article'><div class='progress-bar'>"
        f"</div>The best gull scenes of the year</div><ul>{menu}</ul></header>"
        "<article><h1>The best gull scenes of the year</h1>"
        "<div class='authors byline'>By <a href='/author/jo-roe/'>Jo Roe</a>, <a href='/author/al-poe/'>Al Poe</a>, "
        "<a href='/author/kit-dee/'>Kit Dee</a>, <a href='/author/lu-bo/'>Lu Bo</a>, and "
        f"<a href='/author/ed-moe/'>Ed Moe</a></div>{_BODY}</article>",
        _OG_TITLE,
    )
    assert analyse_html(html, URL).authors == ["Jo Roe", "Al Poe", "Kit Dee", "Lu Bo", "Ed Moe"]


def test_a_picture_credit_labelled_foto_in_the_writers_class_is_not_the_byline() -> None:
    # the lead picture's credit: the label in a <strong>, the photographer's name in a block marked as an author's
    html = page(
        "<article><div class='lead-picture'><figure><img src='/gulls.jpg' alt=''></figure>"
        "<div class='credit-image'><strong>Foto:</strong><p class='autor'>Pia Holm</p></div></div>"
        "<h1>The best gull scenes of the year</h1><div class='author-data'>Jo Roe 16 de diciembre 2014</div>"
        f"{_BODY}</article>",
        _OG_TITLE,
    )
    assert analyse_html(html, URL).authors == ["Jo Roe"]


def test_a_magazines_own_print_issue_is_no_original_publisher() -> None:
    html = page(
        f"<article><h1>The best gull scenes of the year</h1><p class='byline'>By Jo Roe</p>{_BODY}"
        "<p>This article was published in the January 2015 issue.</p></article>"
        "<footer><p>© 2014 Harbor Media. All rights reserved</p></footer>",
        _OG_TITLE,
    )
    result = analyse_html(html, URL)
    assert result.republication.original is None
    assert result.copyright.holders == ["Harbor Media"]


def test_parselys_page_tag_dates_a_page_that_prints_no_other_date() -> None:
    data = '{"title": "The best gull scenes of the year", "pub_date": "2014-12-02T10:00:00", "author": "Jo Roe"}'
    html = page(
        f"<article><h1>The best gull scenes of the year</h1><p class='credits'>Text by Jo Roe</p>{_BODY}</article>",
        f"{_OG_TITLE}<meta name='parsely-page' content='{data}'>",
    )
    assert (analyse_html(html, URL).published or "")[:10] == "2014-12-02"


def test_a_dated_tag_of_its_own_outranks_parselys_page_tag() -> None:
    data = '{"title": "The best gull scenes of the year", "pub_date": "2014-12-23T01:15:00Z"}'
    html = page(
        f"<article><h1>The best gull scenes of the year</h1>{_BODY}</article>",
        f"{_OG_TITLE}<meta name='date' content='2014-12-22T20:15:00-05:00'><meta name='parsely-page' content='{data}'>",
    )
    assert (analyse_html(html, URL).published or "")[:10] == "2014-12-22"


def test_a_partners_name_in_the_credit_line_outranks_its_bare_address_in_the_syndication_link() -> None:
    source = "https://gullwatch.example/2014/12/29/best-gull-scenes/"
    html = page(
        f"<article><h1>The best gull scenes of the year</h1><p class='byline'>Jo Roe, Gull Watch</p>{_BODY}"
        "<p>This article originally appeared at <a href='https://gullwatch.example/'>Gull Watch</a>. Copyright 2015."
        "</p></article>",
        f"{_OG_TITLE}<link rel='canonical' href='{source}'><link rel='syndication-source' href='{source}'>",
    )
    original = analyse_html(html, URL).republication.original
    assert original is not None and original.name == "Gull Watch"


def test_a_writers_card_gives_her_name_in_a_block_of_its_own_over_her_job_and_links() -> None:
    card = (
        "<div class='author-box'><div class='data'><div class='name' id='name'>Ann Vale</div>"
        "<div class='authortitle'>Political Commentator</div><ul class='author'>"
        "<li><a href='/author/avale/'>See All Articles</a></li><li><a href='/author/avale/feed/'>Subscribe to RSS</a>"
        "</li></ul></div></div>"
    )
    html = page(f"<article><h1>The best gull scenes of the year</h1>{card}{_BODY}</article>", _OG_TITLE)
    assert analyse_html(html, URL).authors == ["Ann Vale"]


def test_a_first_name_spelt_like_an_outlets_initials_is_still_a_name() -> None:
    # "Ann" reads as an alias written in capitals ("ANN"), which a name written as a name is not
    html = page(
        f"<article><h1>The best gull scenes of the year</h1><p class='byline'>By Ann Vale</p>{_BODY}</article>",
        _OG_TITLE,
    )
    assert analyse_html(html, URL).authors == ["Ann Vale"]


def test_a_partners_bare_domain_in_the_dublin_core_source_tag_is_the_original() -> None:
    html = page(
        f"<article><h1>The best gull scenes of the year</h1><p class='byline'>By Jo Roe</p>{_BODY}</article>",
        f"{_OG_TITLE}<meta name='dc.source' content='GullBusiness.com'>",
    )
    result = analyse_html(html, URL)
    assert result.republication.is_republication
    assert result.republication.original is not None
    assert result.republication.original.name.lower() == "gullbusiness.com"
