"""Agency credits as real pages print them; each page here is invented to reproduce one structure met on them."""

from __future__ import annotations

from bot.engine import analyse_html
from bot.engine.signals import meta
from tests.engine_helpers import context_for_html, page, values

HEADLINE = "Ferry fares rise for the second time this year"


def original_of(paragraphs: str) -> str | None:
    html = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{HEADLINE}</title>"
        f'<meta property="og:title" content="{HEADLINE}"></head>'
        f"<body><article><h1>{HEADLINE}</h1>{paragraphs}</article></body></html>"
    )
    result = analyse_html(html, "https://www.harbor-ledger.example/news/ferry-fares")
    original = result.republication.original
    return original.name if result.republication.is_republication and original else None


def test_an_agency_sign_off_with_a_stop_after_its_parenthesis() -> None:
    text = "<p>HARBOURTOWN, DEC 5 - Ferry fares rise again on Monday, the operator said. (ANSA).</p>"
    assert original_of(text) == "ANSA"


def test_reporting_by_a_known_agency_on_a_line_of_its_own() -> None:
    text = (
        "<p>Ferry fares rise again on Monday, the operator said in a statement on Friday.</p>"
        "<p><i>Reporting by The Associated Press.</i></p>"
    )
    assert original_of(text) == "The Associated Press"


def test_reporting_by_a_writer_is_no_agency_credit() -> None:
    text = (
        "<p>Ferry fares rise again on Monday, the operator said in a statement on Friday.</p>"
        "<p>Reporting by Dana Pike.</p>"
    )
    assert original_of(text) is None


def test_a_scandinavian_byline_naming_an_agency() -> None:
    text = (
        '<div class="byline">Af Ritzau</div>'
        "<p>Ferry fares rise again on Monday, the operator said in a statement on Friday.</p>"
    )
    assert original_of(text) == "Ritzau"


def test_the_title_part_that_is_the_site_address_names_the_site() -> None:
    html = (
        f"<html><head><title>{HEADLINE} - harbor-ledger.dk - Forsiden - Erhverv</title></head>"
        f"<body><h1>{HEADLINE}</h1><p>Ferry fares rise again on Monday.</p></body></html>"
    )
    facts = meta.read(context_for_html(html, "https://harbor-ledger.dk/Erhverv/ferry-fares"))
    assert values(facts, "outlet") == ["harbor-ledger.dk"]


def test_an_application_name_that_is_the_headline_names_no_site() -> None:
    html = (
        f'<html><head><title>{HEADLINE}</title><meta name="application-name" content="{HEADLINE}"></head>'
        f"<body><h1>{HEADLINE}</h1><p>Ferry fares rise again on Monday.</p></body></html>"
    )
    assert values(meta.read(context_for_html(html)), "outlet") == []
    named = html.replace(f'content="{HEADLINE}"', 'content="Harbor Ledger"')
    assert values(meta.read(context_for_html(named)), "outlet") == ["Harbor Ledger"]


def test_an_application_name_that_is_the_site_name_in_the_first_h1_stays() -> None:
    html = (
        f'<html><head><title>{HEADLINE} - Harbor Ledger</title><meta name="application-name" content="Harbor Ledger">'
        f"</head><body><h1>Harbor Ledger</h1><h1>{HEADLINE}</h1><p>Ferry fares rise again.</p></body></html>"
    )
    assert "Harbor Ledger" in values(meta.read(context_for_html(html)), "outlet")


def test_originally_appeared_in_an_issue_of_a_magazine() -> None:
    text = (
        "<p>Ferry fares rise again on Monday, the operator said in a statement on Friday.</p>"
        "<p>This story originally appeared in the winter 2023 issue of Harbor Coast Magazine, a publication "
        "produced by The Harbor Ledger.</p>"
    )
    assert original_of(text) == "Harbor Coast Magazine"


def test_a_german_note_of_the_day_and_paper_the_piece_appeared_in() -> None:
    text = (
        "<p>Die Fährpreise steigen am Montag erneut, teilte der Betreiber am Freitag mit.</p>"
        "<p>Dieser Beitrag ist am 1. Juni 2017 in der Wochenzeitung „Hafenblatt“ erschienen.</p>"
    )
    assert original_of(text) == "Hafenblatt"


def test_an_edition_named_among_several_in_a_site_notice_is_no_single_original() -> None:
    text = (
        "<p>Ferry fares rise again on Monday, the operator said in a statement on Friday.</p>"
        "<p>Editorial items appearing in 'Harbor Japan' that were originally published in the US Edition of "
        "'Harbor', 'Ferry Weekly' and 'Harbor News.com' are the copyright of Harbor Media.</p>"
    )
    assert original_of(text) is None


def test_a_quoted_paper_name_in_lower_case_is_the_papers_name() -> None:
    text = (
        "<p>Die Fährpreise steigen am Montag erneut, teilte der Betreiber am Freitag mit.</p>"
        "<p>Dieser Beitrag ist am 1. Juni 2017 in der Wochenzeitung „der Hafenbote“ erschienen.</p>"
    )
    assert original_of(text) == "der Hafenbote"


def test_an_unquoted_lower_case_phrase_is_no_paper() -> None:
    text = (
        "<p>Die Fährpreise steigen am Montag erneut, teilte der Betreiber am Freitag mit.</p>"
        "<p>Dieser Beitrag ist am 1. Juni 2017 in gedruckter form erschienen.</p>"
    )
    assert original_of(text) is None


def edition_copy(credit: str) -> str | None:
    html = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{HEADLINE} - Harbor</title>"
        f'<meta property="og:site_name" content="Harbor"></head>'
        f"<body><article><h1>{HEADLINE}</h1><p>Ferry fares rise again on Monday, the operator said.</p>"
        f"<p>{credit}</p></article></body></html>"
    )
    result = analyse_html(html, "https://www.harbor.example/en_uk/article/ferry-fares")
    original = result.republication.original
    return original.name if result.republication.is_republication and original else None


def test_a_cross_post_from_another_edition_of_the_same_site() -> None:
    assert edition_copy("This article originally appeared on Harbor Belgium.") == "Harbor Belgium"


def test_a_credit_to_the_site_itself_is_no_copy() -> None:
    assert edition_copy("This article originally appeared on Harbor.") is None


def outlet_of(head: str, footer: str, url: str) -> str | None:
    html = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{HEADLINE}</title>{head}</head>"
        f"<body><article><h1>{HEADLINE}</h1><p>Ferry fares rise again on Monday, the operator said.</p></article>"
        f"<footer><p>{footer}</p></footer></body></html>"
    )
    outlet = analyse_html(html, url).outlet
    return outlet.name if outlet else None


def test_a_site_named_by_its_address_takes_the_name_its_notice_spells() -> None:
    head = '<meta property="og:site_name" content="www.harborledger.example">'
    url = "https://www.harborledger.example/news/ferry-fares"
    assert outlet_of(head, "Copyright 2019 Harbor Ledger. All rights reserved.", url) == "Harbor Ledger"
    # a holder whose name the address does not spell is a company, not the site's name
    assert outlet_of(head, "Copyright 2019 Tidewater Holdings Inc.", url) == "www.harborledger.example"


def test_an_address_that_is_the_initials_of_the_holder() -> None:
    head = '<meta name="copyright" content="Kustenblatt Zeitung">'
    url = "https://www.kz.example/politik/ferry-fares"
    assert outlet_of(head, "", url) == "Kustenblatt Zeitung"
    assert outlet_of('<meta name="copyright" content="Nordsee Verlag">', "", url) == "kz.example"


def test_a_site_that_calls_itself_by_its_address_twice_keeps_that_name() -> None:
    head = '<meta property="og:site_name" content="hl.example"><meta name="copyright" content="Hafen Lotse">'
    assert outlet_of(head, "© hl.example Alle Rechte vorbehalten", "https://www.hl.example/politik/f") == "hl.example"


def test_a_column_syndicates_notice_under_the_text() -> None:
    # an advice column reprinted by a paper: only the syndicate's notice tells it is a copy
    text = (
        "<p>DEAR READER: Ferry fares rise again on Monday, and your neighbour will have to budget.</p>"
        "<p>Dear Pat is written by Pat Quill. Copyright 2025, Andrews McMeel Syndication.</p>"
    )
    assert original_of(text) == "Andrews McMeel Syndication"


def test_a_syndicates_web_address_as_its_notice() -> None:
    text = (
        "<p>Ferry fares rise again on Monday, and the commuters of the islands will vote on it.</p>"
        "<p>COPYRIGHT 2025 CREATORS.COM</p>"
    )
    assert original_of(text) == "Creators Syndicate"


def test_a_cross_post_line_of_its_own() -> None:
    text = (
        "<p>Ferry fares rise again on Monday, and the commuters of the islands will vote on it.</p>"
        "<p><em>Cross-posted from the Boston Globe</em></p>"
    )
    assert original_of(text) == "The Boston Globe"


def test_an_agency_closing_a_caption_in_a_plain_paragraph_credits_the_picture() -> None:
    # the picture stands in a paragraph of its own and its caption in the next, as prose: "(AP)" is the photo's
    text = (
        "<p>Ferry fares rise again on Monday, and the commuters of the islands will vote on it.</p>"
        '<p><img src="https://www.harbor-ledger.example/img/ferry.jpg"></p>'
        "<p><em>The harbour master speaks to commuters on Sept. 7, 2023, at the Harbourtown pier. (AP)</em></p>"
        "<p>The operator said the new fares would hold until the summer timetable starts in May.</p>"
    )
    assert original_of(text) is None


def _bracket_page(opening: str) -> str:
    return (
        "<!doctype html><html lang='ja'><head><meta charset='utf-8'><title>港湾の橋の修理が長引く</title>"
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Organization", '
        '"name": "港湾日報"}}</script></head><body><article><h1>港湾の橋の修理が長引く</h1>'
        f"<p>{opening}港湾の橋の修理は二度目の冬に入る。市は費用の見直しを始めた。</p>"
        "<p>工事は来年春まで続く見込みだ。</p></article></body></html>"
    )


def test_a_japanese_papers_correspondent_after_the_place_in_the_opening_bracket() -> None:
    result = analyse_html(_bracket_page("【ソウル＝山田花子】"), "https://www.kowan.example/world/1/")
    assert result.authors == ["山田花子"]
    assert not result.republication.is_republication


def test_an_agency_and_its_distributor_in_the_bracket_are_no_writer() -> None:
    result = analyse_html(_bracket_page("【ＡＦＰ＝時事】"), "https://www.kowan.example/world/1/")
    assert result.authors == []


def test_an_agency_sign_off_with_the_day_it_filed() -> None:
    text = (
        "<p>Ferry fares rise again on Monday, the operator said in a statement on Friday.</p>"
        "<p>The council meets again in spring to look at the timetable. (KNA 19.11.21)</p>"
    )
    assert original_of(text) == "KNA"
    dated_quote = "<p>The agency's report (KNA 19.11.21) said the fares rise again on Monday, the operator said.</p>"
    assert original_of(dated_quote) is None


def test_an_agency_credit_in_a_caption_classed_by_a_short_form_covers_the_picture() -> None:
    # "sp_cap" / "sp_cred": a caption and its credit named by short forms of the words
    caption = (
        "<div class='sp_pic'><img src='ferry.jpg'></div>"
        "<div class='sp_cap sp_b'>The ferry leaves Harbourtown.<span class='sp_cred'>&#xA9; AFP</span></div>"
        "<p>Ferry fares rise again on Monday, the operator said in a statement on Friday.</p>"
    )
    assert original_of(caption) is None


def test_a_drop_cap_paragraph_is_no_caption() -> None:
    text = "<p class='has-drop-cap'>HARBOURTOWN, DEC 5 - Ferry fares rise on Monday, the operator said. (ANSA)</p>"
    assert original_of(text) == "ANSA"


def test_a_press_release_source_with_its_contact_address_after_a_break() -> None:
    text = (
        "<p>Ferry fares rise again on Monday, the association said in a statement on Friday.</p>"
        "<p><strong>Quelle und Kontaktadresse:</strong><br>Fährgastverband Hafenstadt e.V.\nPressestelle\n"
        "Kaistr. 4, 12345 Hafenstadt\nTelefon: (0123) 45678</p>"
    )
    assert original_of(text) == "Fährgastverband Hafenstadt e.V"


def test_a_source_line_naming_a_press_release_credits_its_unknown_sender() -> None:
    text = (
        "<p>Ferry fares rise again on Monday, the university said in a statement on Friday.</p>"
        "<p><i>Quelle:</i> <a href='https://www.uni-hafenstadt.example/'>Universität Hafenstadt</a>, "
        "Pressemitteilung</p>"
    )
    assert original_of(text) == "Universität Hafenstadt"
    english = "<p>Ferry fares rise again on Monday.</p><p>Source: Harbourtown Council press release</p>"
    assert original_of(english) == "Harbourtown Council"
    # an unknown name on a plain source line still cites a fact's source, not the text's sender
    assert original_of("<p>Ferry fares rise again.</p><p>Quelle: Hafenamt Statistik</p>") is None


def via_of(paragraphs: str) -> list[str]:
    html = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{HEADLINE}</title></head>"
        f"<body><article><h1>{HEADLINE}</h1>{paragraphs}</article></body></html>"
    )
    result = analyse_html(html, "https://www.harbor-ledger.example/news/ferry-fares")
    return [source.name for source in result.republication.via]


def test_a_via_line_beside_another_outlets_notice_names_the_distributor() -> None:
    text = (
        "<p>Ferry fares rise again on Monday, the operator said in a statement on Friday.</p>"
        "<p><em>This article has been adapted from its original source.</em></p>"
        "<p class='syndication-link'>Via <a href='http://wirehub.example'>WireHub.example</a><br></p>"
        "<p>Copyright @ 2019 The Guardian.</p>"
    )
    assert original_of(text) == "The Guardian"
    assert [name.lower() for name in via_of(text)] == ["wirehub.example"]
    # alone, "Via X" under a news story names where the news was found, not a copy's original
    alone = "<p>Ferry fares rise again on Monday.</p><p>Via <a href='http://www.engadget.com/'>Engadget</a></p>"
    assert original_of(alone) is None


def test_a_press_portals_disclaimer_names_the_releases_sender() -> None:
    text = (
        "<p>Ferry fares rise again on Monday, the shipyard said in a statement on Friday.</p>"
        "<p>Pressebilder nur für die redaktionelle Verwendung<br>Hinweis: Für den Inhalt der Pressemitteilung ist "
        "der Emittent / Herausgeber der Meldung »Hafenwerft Nord AG« verantwortlich.</p>"
    )
    assert original_of(text) == "Hafenwerft Nord AG"


def test_a_blogs_feed_notice_naming_the_blog_itself_is_no_republication() -> None:
    # a blog prints "Dieser Beitrag … erschien zuerst im Blog Harbor Ledger" into its own posts (for feed scrapers)
    html = (
        "<!doctype html><html><head><meta charset='utf-8'><title>Fähren werden teurer | Harbor Ledger</title>"
        '<meta property="og:site_name" content="Harbor Ledger"></head><body><article><h1>Fähren werden teurer</h1>'
        "<p>Dana Pike • Dieser Beitrag Fähren werden teurer erschien zuerst im Blog Harbor Ledger</p>"
        "<p>Die Fahrpreise steigen am Montag erneut, teilte der Betreiber mit.</p></article></body></html>"
    )
    result = analyse_html(html, "https://www.harbor-ledger.example/2020/02/faehren/")
    assert result.republication.is_republication is False


def test_a_relayed_police_report_names_its_sender_under_the_text() -> None:
    text = (
        "<p>Ferry fares rise again on Monday, the operator said in a statement on Friday.</p>"
        "<p><strong><em>Quelle der Polizeimeldung: <a href='/thema/stadtpolizei'>Stapo Hafen</a></em></strong></p>"
    )
    assert original_of(text) == "Stapo Hafen"
    assert (
        original_of("<p>Fähren werden teurer.</p><p>Quelle der Medienmitteilung: Hafenamt Nord</p>") == "Hafenamt Nord"
    )


def test_a_source_line_linking_a_homepage_or_a_document_names_no_original() -> None:
    # "Source: Harbor Figures" under a week's box-office table, linked to the data site's homepage; "Source: Harbor
    # Toys" linked to the company's release as a PDF: where the figures or the news came from, not a story copied
    body = "<p>Ferry fares rise again on Monday, the operator said in a statement on Friday.</p>"
    homepage_and_files = (
        "https://www.harbor-figures.example/",
        "https://cdn.harbor-toys.example/press/2019-04-19.pdf",
        "https://cdn.harbor-toys.example/press/2019-04-19-chart.png",  # any file type of not_articles.toml's list
        "https://cdn.harbor-toys.example/press/2019-04-19-figures.xlsx?download=1",
    )
    for href in homepage_and_files:
        assert original_of(f"{body}<p>Source: <a href='{href}'>Harbor Figures</a></p>") is None
    # a link to the story itself still names it
    href = "https://www.harbor-figures.example/2019/04/19/ferry-fares-rise"
    assert original_of(f"{body}<p>Source: <a href='{href}'>Harbor Figures</a></p>") == "Harbor Figures"


def test_a_source_line_may_mark_its_source_as_the_holder() -> None:
    # "Quelle: © www.agency.example - Rechtsnews für …" closing a law site's copy of an agency's court report
    html = page(
        "<article><h1>Ferry fares</h1><p>Harbourtown. The ferry runs again from Monday, the court said in a ruling"
        " today.</p><p>Quelle: © www.dpa.com - Nachrichten für Ihre Website</p></article>"
    )
    republication = analyse_html(html, "https://harbor.example/news/ferry").republication
    assert republication.is_republication
    assert republication.original is not None and republication.original.outlet is not None
    assert republication.original.outlet.name == "dpa"


def test_only_the_first_br_line_after_a_picture_stands_beside_it() -> None:
    # a story written as one element of <br> lines after the lead picture: its closing source line is the story's
    body = "Harbourtown. The ferry runs again from Monday, the court said in a ruling today, after a long dispute."
    html = page(f"<article><h1>Ferry fares</h1><figure><img src='a.jpg'></figure><div>{body}<br>Quelle: dpa</div>")
    assert analyse_html(html, "https://harbor.example/news/ferry").republication.is_republication
    # ... while a credit line right under the picture is still the picture's
    html = page(
        f"<article><h1>Ferry fares</h1><p>{body}</p><figure><img src='a.jpg'></figure><div>Quelle: dpa<br>Foto: Jo"
        " Roe</div></article>"
    )
    assert not analyse_html(html, "https://harbor.example/news/ferry").republication.is_republication


def test_a_motoring_agency_after_the_writers_slash_in_the_byline() -> None:
    text = (
        '<div class="byline">Dana Pike/SP-X</div>'
        "<p>Ferry fares rise again on Monday, the operator said in a statement on Friday.</p>"
    )
    assert original_of(text) == "SP-X"


def test_a_firm_named_by_its_founders_keeps_its_commas_in_a_credit() -> None:
    text = (
        "<p>Ferry fares rise again on Monday, the operator said in a statement on Friday.</p>"
        "<p><em>Excerpted from “Tides”. Copyright © 2018 by Dana Pike. Used with permission of Harbor, Pike and "
        "Company, New York. All rights reserved.</em></p>"
    )
    assert original_of(text) == "Harbor, Pike and Company"
    text = "<p>Ferry fares rise again, the operator said.</p><p>Reprinted by permission of Quay, Gull & Co.</p>"
    assert original_of(text) == "Quay, Gull & Co"


_STORY = (
    "<p>Ferry fares rise again on Monday, the operator said in a statement on Friday, the second rise this year "
    "after the fuel surcharge of the spring.</p>"
)


def test_a_source_line_closing_the_story_names_the_sender_of_a_relayed_release() -> None:
    # a club's announcement run as it came: the sender last, then only the picture's credit
    text = _STORY + "<p>Quelle: Harbor Rowing Club</p><p>Foto: Jo Roe</p>"
    assert original_of(text) == "Harbor Rowing Club"


def test_a_closing_source_line_with_the_senders_short_form_date_and_place() -> None:
    text = _STORY + "<div></div><p><em>Quelle: Harbor Rowing Club (HRC), 02. Februar 2022, Harbourtown</em></p>"
    assert original_of(text) == "Harbor Rowing Club"


def test_a_source_line_under_a_chart_or_between_paragraphs_names_where_figures_came_from() -> None:
    chart = '<figure><img src="/chart.png" alt="Fares since 2020"></figure><p>Quelle: Harbor Statistics Office</p>'
    assert original_of(_STORY + chart) is None
    assert original_of(_STORY + "<p>Quelle: Harbor Statistics Office</p>" + _STORY) is None


def test_a_pictures_courtesy_line_closing_the_story_names_no_sender() -> None:
    text = _STORY + "<figure><img src='/p.jpg'><figcaption><p>Quelle: Jo Roe</p></figcaption></figure>"
    assert original_of(text) is None
    assert original_of(_STORY + "<p>Courtesy of Jo Roe</p>") is None
