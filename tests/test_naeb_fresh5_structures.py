"""Page structures met on a fifth fresh batch of NAEB pages (labelled before any rule saw them); each page here is
invented to reproduce one."""

from __future__ import annotations

from bot.engine import analyse_html
from tests.engine_helpers import page

URL = "https://www.harbor-courier.example/fitness/2025/lifting-after-loss"
_BODY = "".join(f"<p>Paragraph {n} of the story about the lifting club and its members.</p>" for n in range(20))


def test_an_as_told_to_byline_credits_the_teller_and_the_writer() -> None:
    # a first-person story: the microdata author's name is "<teller> as told to <writer>", linked to the writer
    html = page(
        '<article><h1>Why I lift</h1><div itemprop="author" itemscope itemtype="https://schema.org/Person">'
        '<a href="/author/tessa-marlow" itemprop="name">Rona Fielding as told to Tessa Marlow</a>'
        f"<div>March 7, 2025</div></div>{_BODY}</article>"
    )
    assert analyse_html(html, URL).authors == ["Rona Fielding", "Tessa Marlow"]


def test_a_pasted_as_told_to_byline_credits_both() -> None:
    html = page(f"<article><h1>Why I lift</h1><p class='byline'>By Rona Fielding as told to Tessa Marlow</p>{_BODY}")
    assert analyse_html(html, URL).authors == ["Rona Fielding", "Tessa Marlow"]


def test_a_members_handle_before_the_writers_name_is_no_second_writer() -> None:
    # a community site prints "by <handle> - <full name> on <day>", and its JSON-LD author is the same string
    ld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
        '"headline": "Club spotlight", "author": {"@type": "Person", "name": "Gullwing - Tobias Venn"}}</script>'
    )
    html = page(
        f'<article><h1>Club spotlight</h1><div class="byline">by Gullwing - Tobias Venn on March 7, 2025</div>'
        f"{_BODY}</article>",
        ld,
    )
    assert analyse_html(html, URL).authors == ["Tobias Venn"]


def test_two_full_names_on_either_side_of_a_dash_stay_two_writers() -> None:
    html = page(f"<article><h1>Club spotlight</h1><p class='byline'>By Maren Oakes - Tobias Venn</p>{_BODY}</article>")
    assert analyse_html(html, URL).authors == ["Maren Oakes", "Tobias Venn"]


def test_a_writer_who_took_the_pictures_too_is_the_writer() -> None:
    # under the lead picture, in italics: "Photos and Story By <name>", then her title at the outlet on the next line
    html = page(
        '<article><h1>Roadster review</h1><table><tr><td><img src="car.jpg"><br><span class="caption">Rona Fielding'
        "</span></td></tr></table><i>Photos and Story By Rona Fielding<br>Special Correspondent to THE HARBOR COURIER"
        f"</i>{_BODY}</article>"
    )
    assert analyse_html(html, URL).authors == ["Rona Fielding"]


def test_a_story_exchange_that_passed_the_piece_on_is_its_distributor() -> None:
    # the closing note names the first publisher, then the network whose exchange the piece came through
    note = (
        "<p><em>This story originally appeared in Tidewater Dispatch and is republished here as part of the Harbor "
        "Exchange from Coastline Reporting Network.</em></p>"
    )
    result = analyse_html(page(f"<article><h1>Repair shops return</h1>{_BODY}{note}</article>"), URL)
    assert result.republication.is_republication
    assert [source.name for source in result.republication.via] == ["Coastline Reporting Network"]


def test_a_cited_documents_title_saying_where_it_first_ran_is_not_this_pieces_credit() -> None:
    # a fact-check's list of sources: "Publisher, <a>Title</a>, date", one title telling where that document ran
    sources = (
        "<h3>Our Sources</h3><p>Web Archive, <a href='https://archive.example/2016/rfk/'>Tide Myths originally "
        "published on Salon.com</a>, archived Dec. 7, 2016</p><p>Harbor Gazette, <a href='https://gazette.example/'>"
        "The tide tables explained</a>, July 18, 2014</p>"
    )
    result = analyse_html(page(f"<article><h1>Fact-check of the year</h1>{_BODY}{sources}</article>"), URL)
    assert not result.republication.is_republication


def test_a_credit_line_whose_link_opens_with_the_wording_still_names_the_original() -> None:
    credit = (
        "<p>Tides rise. <a href='https://www.salon.com/2025/03/04/tides/'>Originally published on Salon</a>, "
        "March 4, 2025.</p>"
    )
    result = analyse_html(page(f"<article><h1>Tides rise</h1>{_BODY}{credit}</article>"), URL)
    original = result.republication.original
    assert original is not None and original.name.startswith("Salon")
