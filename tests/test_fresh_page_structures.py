"""Page structures met on real pages no rule had been tuned on (a fresh batch of labelled pages); each page here is
invented to reproduce one."""

from __future__ import annotations

from bot.engine import analyse_html
from bot.engine.dates import in_country_time
from bot.engine.notices import parse_notice
from bot.engine.signals import rights, text
from tests.engine_helpers import context_for_html, context_for_text, page, values

ARTICLE_URL = "https://www.harbor-courier.example/news/2025/ferry-strike"


def originals_in(pasted: str) -> list[str]:
    return [c.name for c in values(text.read(context_for_text(pasted)), "credit") if c.role == "original"]


def test_a_writers_bio_naming_where_her_work_appeared_is_no_credit() -> None:
    assert originals_in("Her work previously appeared in The Guardian and Harbor Weekly.") == []
    assert originals_in("His writing has previously appeared in The Guardian.") == []
    assert originals_in("This story previously appeared in The Guardian.") == ["The Guardian"]


def test_a_company_publishing_the_site_is_no_partner_credit() -> None:
    assert originals_in("Published by Harbor Newspapers Ltd") == []
    assert originals_in("Published by Harbor Ledger") == ["Harbor Ledger"]


def test_a_bare_name_notice_beside_a_picture_credits_the_picture() -> None:
    body = (
        "<article><h1>Ferry strike ends</h1>"
        '<figure><picture><img src="/pier.jpg" alt=""></picture><div class="pill">© Jo Roe</div></figure>'
        "<p>Ferries ran again on Monday after a week-long strike, the operator said.</p>"
        '<img src="/crew.jpg" alt=""><div class="box">The crew at the pier on Monday © Harbor Sailing Club</div>'
        "<p>Crews returned to work at dawn.</p></article>"
        "<footer><div>© 2025, harbor-courier.example | Harbor Courier GmbH | All rights reserved.</div></footer>"
    )
    holders = [fact.value.holders for fact in rights.read(context_for_html(page(body))) if fact.field == "copyright"]
    assert ("Jo Roe",) not in holders
    assert ("Harbor Sailing Club",) not in holders
    assert ("Harbor Courier GmbH",) in holders


def test_a_site_address_then_its_company_in_a_footer_line() -> None:
    assert parse_notice("© 2025, harbor-courier.example | Harbor Courier GmbH | All rights reserved.")[0] == [
        "Harbor Courier GmbH"
    ]
    assert parse_notice("© 2025 harbor-courier.example | Privacy | Terms")[0] == ["harbor-courier.example"]


def test_a_bio_and_an_imprint_line_make_no_copy() -> None:
    body = (
        "<article><h1>Talks resume in the port city</h1><p>By Jo Roe</p>"
        "<p>Negotiators met again on Thursday, officials said.</p>"
        '<p class="author-bio">Jo Roe is a producer. Her work previously appeared in The Guardian.</p></article>'
        "<div><p>Published by Harbor Newspapers Ltd</p></div>"
    )
    result = analyse_html(page(body), ARTICLE_URL)
    assert not result.republication.is_republication


def _ld(data: str) -> str:
    return f'<script type="application/ld+json">{data}</script>'


def test_the_jsonld_creator_names_the_writer_where_the_author_is_the_publisher() -> None:
    head = _ld(
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Quake shakes the coast",'
        ' "creator": ["Jo Roe"], "author": {"@type": "Organization", "name": "Harbor Courier"},'
        ' "publisher": {"@type": "Organization", "name": "Harbor Courier"}}'
    )
    body = "<article><h1>Quake shakes the coast</h1><p>A quake shook the coast on Monday night.</p></article>"
    assert analyse_html(page(body, head), ARTICLE_URL).authors == ["Jo Roe"]


def test_a_desk_typed_as_a_person_beside_the_writer_is_no_author() -> None:
    head = _ld(
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "The best tents",'
        ' "author": [{"@type": "Person", "name": "Jo Roe"}, {"@type": "Person", "name": "Gear Team"}]}'
    )
    body = (
        '<article><h1>The best tents</h1><div class="byline"><span class="byline__name">Jo Roe</span>'
        '<span class="byline__name">Gear Team</span></div><p>We slept in twelve tents this spring.</p></article>'
    )
    assert analyse_html(page(body, head), ARTICLE_URL).authors == ["Jo Roe"]


def test_the_outlets_own_name_then_a_region_after_the_writer_is_its_desk() -> None:
    head = '<meta name="author" content="Jo Roe, HARBOR-COURIER NORTH">'
    body = "<article><h1>Heat bends the tram rails</h1><p>The heat bent the rails on Monday.</p></article>"
    assert analyse_html(page(body, head), ARTICLE_URL).authors == ["Jo Roe"]


def test_a_legal_line_inside_a_menu_is_read_after_the_sites_own_footer() -> None:
    in_menu = (
        '<header><nav class="main-nav"><ul><li><a href="/world">World</a></li></ul>'
        '<footer class="main-nav__footer"><address><span>© Harbor Media S.L.U. Calle Mayor 1</span></address>'
        "</footer></nav></header>"
    )
    article = "<article><h1>Ferry strike ends</h1><p>Ferries ran again on Monday.</p></article>"
    holders = rights.read(context_for_html(page(in_menu + article)))
    assert [f.value.holders for f in holders if f.field == "copyright"] == [("Harbor Media S.L.U",)]
    terms_bar = '<nav class="terms-footer"><ul><p>© Harbor Courier Limited 2024</p><li>Privacy</li></ul></nav>'
    result = analyse_html(page(article + terms_bar), ARTICLE_URL)
    assert result.copyright.holders == ["Harbor Courier Limited"]
    both = page(in_menu + article + "<footer><p>© 2024 Harbor Courier Group Ltd</p></footer>")
    assert analyse_html(both, ARTICLE_URL).copyright.holders == ["Harbor Courier Group Ltd"]


def test_an_agency_chain_in_parentheses_closing_the_story_is_a_source_line() -> None:
    assert originals_in("Die Gemeinde räumte Versäumnisse ein.\n\n(Quelle: APA/sda/dpa)") == ["APA"]
    assert originals_in("(Source: Reuters/AFP)") == ["Reuters"]
    assert originals_in("(Source: Harbor Town Council)") == []


def test_notices_without_the_usual_order() -> None:
    assert parse_notice("2025 ® © Harbor Courier GmbH/Srl Impressum | Privacy")[:2] == (
        ["Harbor Courier GmbH, Srl"],
        2025,
    )
    footer = (
        "<article><h1>Ferry strike ends</h1><p>Ferries ran again on Monday.</p></article><footer>"
        '<p class="legal">Tous droits réservés - Harbor Echo 2024</p>'
        '<p class="legal">Harbor Media Inc.No reproduction without permission.</p></footer>'
    )
    holders = [f.value.holders for f in rights.read(context_for_html(page(footer))) if f.field == "copyright"]
    assert ("Harbor Echo",) in holders
    assert ("Harbor Media",) in holders  # a notice's holder is named without its trailing "Inc."


def test_a_reservation_then_the_holder_and_its_seat_without_a_dash() -> None:
    article = "<article><h1>Ferry strike ends</h1><p>Ferries ran again on Monday.</p></article>"
    footer = (
        "<footer><p>Todos los derechos reservados Harbor Editora S.A. - Ciudad Puerto - Costa Azul 2022.</p>"
        "<p>Prohibida su reproducción total o parcial.</p></footer>"
    )
    assert analyse_html(page(article + footer), ARTICLE_URL).copyright.holders == ["Harbor Editora S.A"]
    # a link bar's words after the reservation are no holder
    bar = "<footer><p>All rights reserved. Privacy Policy 2022</p></footer>"
    assert analyse_html(page(article + bar), ARTICLE_URL).copyright.holders == []


def test_a_utc_stamp_late_in_the_evening_is_the_next_day_on_the_publishers_clock() -> None:
    assert in_country_time("2024-08-26T23:27:57Z", "DE") == "2024-08-27T01:27:57+02:00"
    assert in_country_time("2024-08-26T12:27:57Z", "DE") is None  # the same day there
    assert in_country_time("2024-08-26T23:27:57+02:00", "DE") is None  # the publisher's own offset
    assert in_country_time("2024-08-26T23:27:57Z", "US") is None  # a country of several clocks
    head = _ld('{"@context": "https://schema.org", "@type": "NewsArticle", "datePublished": "2024-08-26T23:27:57Z"}')
    body = "<article><h1>Debate turns sharp</h1><p>Stand: 10:49 Uhr</p><p>The debate turned sharp.</p></article>"
    result = analyse_html(page(body, head), "https://www.harbor-kurier.de/politik/debatte")
    assert (result.published or "")[:10] == "2024-08-27"


def test_an_agency_in_the_article_author_meta_makes_the_page_its_copy() -> None:
    head = '<meta name="articleAuthor" content="Anadolu Ajansı">'
    body = "<article><h1>Forest fires reach the coast</h1><p>Fires reached the coast on Wednesday.</p></article>"
    result = analyse_html(page(body, head), ARTICLE_URL)
    assert result.republication.is_republication
    assert result.republication.original is not None
    assert result.republication.original.name == "Anadolu Agency"


def test_the_companys_one_word_name_in_the_byline_is_no_author() -> None:
    url = "https://www.acmefitondemand.example/blog/meal-prep"
    body = (
        '<article><h1>Meal prep for a busy week</h1><div class="entry-author">BY: {who}</div>'
        "<p>Cook twice on Sunday and eat well all week.</p></article>"
    )
    for who, authors in (("Acmefit", []), ("Regan", ["Regan"])):
        head = f'<meta property="og:site_name" content="The Acmefit Blog"><meta name="author" content="{who}">'
        assert analyse_html(page(body.format(who=who), head), url).authors == authors


def test_a_utc_clock_given_the_publishers_offset_yields_to_the_date_line() -> None:
    # the JSON-LD stamps the UTC wall clock with the publisher's offset; the meta tag gives the same clock as UTC
    head = (
        _ld(
            '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Tram line opens",'
            ' "datePublished": "2025-03-11T02:30:00-06:00"}'
        )
        + '<meta property="article:published_time" content="2025-03-11T02:30:00+00:00">'
    )
    body = (
        '<article><h1>Tram line opens</h1><div class="author_date">Jo Roe - Mar 10, 2025, 8:30 pm CST</div>'
        "<p>The new tram line opened on Monday evening.</p></article>"
    )
    assert (analyse_html(page(body, head), ARTICLE_URL).published or "")[:10] == "2025-03-10"


def test_a_tag_giving_the_utc_instant_on_the_publishers_clock_keeps_the_evenings_day() -> None:
    # JSON-LD in UTC after midnight; a meta tag without an offset gives the same instant eight hours earlier
    head = (
        _ld(
            '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Ferry fares rise",'
            ' "datePublished": "2025-03-11T04:58:46Z"}'
        )
        + '<meta name="sailthru.date" content="2025-03-10 20:58:46">'
    )
    body = "<article><h1>Ferry fares rise</h1><p>Fares rise by a tenth from April.</p></article>"
    assert (analyse_html(page(body, head), ARTICLE_URL).published or "")[:10] == "2025-03-10"
    later = head.replace("20:58:46", "20:41:07")  # another time of that evening: not the same instant
    assert (analyse_html(page(body, later), ARTICLE_URL).published or "")[:10] == "2025-03-11"


def test_an_entertainment_agency_notice_closing_the_text_makes_the_page_its_copy() -> None:
    body = (
        "<article><h1>Singer opens up about his son</h1><p>The singer spoke about his son in a video.</p>"
        "<p>He said they watch races together.</p><p>© Cover Media</p></article>"
    )
    result = analyse_html(page(body), ARTICLE_URL)
    assert result.republication.is_republication
    assert result.republication.original is not None
    assert result.republication.original.name == "Cover Media"


def test_a_top_bar_date_gives_way_to_the_published_line_of_a_page_without_an_article_element() -> None:
    nav = "".join(f"<li><a href='/s{n}'>Section {n}</a></li>" for n in range(14))
    body = (
        f"<header><p>May 11, 2022</p><ul>{nav}</ul></header><div class='content'><h1>Vessel stopped at the ramp</h1>"
        "<p>Crime Published On May 10, 2022 01:52 PM</p><p>Agents found a hidden compartment on Sunday.</p>"
        "<p>Three men were taken into custody.</p></div>"
    )
    assert (analyse_html(page(body), ARTICLE_URL).published or "")[:10] == "2022-05-10"


def test_an_unregistered_news_service_in_the_byline_is_the_original_not_an_author() -> None:
    html = page(
        "<h1>Harbour bridge repairs run into a second winter</h1><div class='byline'>By <a class='author' "
        "href='/author/gullwire-news-service'>Gullwire News Service</a> Dec 8, 2020</div>"
        "<p>The bridge over the harbour will stay shut for a second winter, the council said on Tuesday.</p>",
        '<meta name="author" content="Gullwire News Service">',
    )
    result = analyse_html(html, "https://harborcourier.example/stories/123-harbour-bridge")
    assert result.republication.original is not None
    assert result.republication.original.name == "Gullwire News Service"
    assert result.authors == []
