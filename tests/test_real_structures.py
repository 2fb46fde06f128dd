"""Page structures met on real pages that hid or faked provenance; each page here is invented to reproduce one."""

from __future__ import annotations

from bot.engine import analyse_html, document
from bot.engine.notices import parse_notice
from bot.engine.signals import rights, text
from tests.engine_helpers import context_for_html, context_for_text, page, values


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


def notices_in(body: str) -> list[tuple[str, ...]]:
    return [fact.value.holders for fact in rights.read(context_for_html(page(body))) if fact.field == "copyright"]


def test_picture_credits_are_no_copyright_notice() -> None:
    body = (
        "<article><h1>Ferry strike ends</h1>"
        '<div class="photo-caption">Ferries wait at the pier. © Jo Roe / Harbor Wire</div>'
        '<div class="credits">© Dana Pike</div>'
        "<p>© Jo Roe/Press Union/Harbor Wire/Archive</p></article>"
        "<footer><p>© 2024 Harbor Ledger. All rights reserved.</p></footer>"
    )
    assert notices_in(body) == [("Harbor Ledger",)]


def test_a_holder_and_its_site_is_a_notice() -> None:
    assert notices_in("<footer><p>© Harbor Broadcasting / harborledger.de</p></footer>") == [("Harbor Broadcasting",)]


def test_notice_holders_stop_at_the_address_or_the_company_form() -> None:
    assert parse_notice("© 2019 Harbor Media, Inc. 12 East 9th Street, 5th Floor, Portville")[0] == [
        "Harbor Media, Inc."
    ]
    assert parse_notice("© 2011 Harbor Holdings Limited, Published by Harbor Press Limited, Quay House")[0] == [
        "Harbor Holdings Limited"
    ]
    assert parse_notice("© 1998–2024 Přístav Média, a.s.    Přístav.cz, a.s.Obsah je chráněn")[0] == [
        "Přístav Média, a.s"
    ]
    assert parse_notice("All Rights Reserved © 2020") == ([], 2020, "© 2020")
    assert parse_notice("© Harbor Wire, hw:240516-99-53606/3 (hw)")[0] == ["Harbor Wire"]


def test_footer_menus_keep_the_legal_line() -> None:
    body = (
        "<article><h1>Tram line opens</h1><p>The new line opened on Monday.</p></article>"
        "<footer><nav><h3><a href='/'>Harbor Radio © 2009-2024</a></h3></nav>"
        "<ul class='menu'><li class='menu-item'><a href='/c'>Copyright © 2024 Harbor Group, Inc.</a></li></ul></footer>"
    )
    assert notices_in(body) == [("Harbor Radio",), ("Harbor Group",)]


def test_circled_c_and_capital_c_in_parentheses_are_notices() -> None:
    assert notices_in("<footer><p>Copyright ⓒ Harbor Daily</p></footer>") == [("Harbor Daily",)]
    assert notices_in("<footer><p>Copyright (C) The Harbor Shimbun.</p></footer>") == [("The Harbor Shimbun",)]


def test_hints_find_blocks_after_letters_whose_lower_case_is_longer() -> None:
    # "İ" lower-cases to two code points; blocks after it must still be found
    body = "<p>" + "İSTANBUL İZMİR " * 40 + "</p><footer><p>Liman Ajansı © 2021</p></footer>"
    assert notices_in(body) == [("Liman Ajansı",)]


def original_of(html: str) -> str | None:
    result = analyse_html(html, "https://www.harbor-daily.com/world/2024/05/02/ferry-strike")
    return result.republication.original.name if result.republication.original else None


def test_a_wire_byline_with_the_place_it_filed_from() -> None:
    html = page(
        "<article><h1>Ferry strike ends</h1><p>The strike ended on Thursday, the union said.</p></article>",
        '<meta property="article:author" content="Agence France-Presse in Lisbon">',
    )
    assert original_of(html) == "AFP"


def test_bracketed_wire_dateline_of_japanese_and_chinese_copy() -> None:
    html = page(
        "<article><h1>フェリーのストが終了</h1><p>【5月2日 AFP】リスボンのフェリーのストが2日、終了した。</p></article>"
    )
    assert original_of(html) == "AFP"


def test_a_wires_sign_off_closing_the_story() -> None:
    html = page(
        "<article><h1>Ferry strike ends</h1><p>The strike ended on Thursday, the union said.</p>"
        "<p>Talks resume next month, officials said. PTI</p></article>"
    )
    assert original_of(html) == "PTI"


def test_an_agency_closing_a_picture_caption_is_the_pictures() -> None:
    html = page(
        "<article><h1>Ferry strike ends</h1>"
        '<div class="img_cptn">Ferries wait at the pier on Thursday. (Reuters)</div>'
        "<figure><figcaption>Strikers at the gate. (AP)</figcaption></figure>"
        "<p>The strike ended on Thursday, the union said.</p></article>"
    )
    assert original_of(html) is None


def reuse_of(html: str) -> tuple[str, str | None]:
    result = analyse_html(html, "https://www.harbor-daily.com/culture/2024/05/02/tram-art")
    return result.reuse.category, result.reuse.license.id if result.reuse.license else None


ARTICLE = "<article><h1>Tram art</h1><p>Artists painted the trams this spring, the city said.</p></article>"
FOOTER = "<footer><p>Copyright © 2024 Harbor Daily Association, Inc. All rights reserved.</p></footer>"


def test_a_republish_dialog_states_the_pieces_licence() -> None:
    dialog = (
        '<div class="republish-article-popup"><h2>Republish This Story</h2><p>We are happy to make this story '
        'available to republish for free under an <a href="https://creativecommons.org/licenses/by-nc-nd/4.0/">'
        "Attribution-NonCommercial-NoDerivatives Creative Commons license</a>.</p></div>"
    )
    assert reuse_of(page(ARTICLE + dialog + FOOTER)) == ("open-license", "CC-BY-NC-ND-4.0")


def test_a_picture_credits_licence_is_not_the_articles() -> None:
    credit = (
        '<div class="photo-credit"><p class="credit-desc"><a href="https://creativecommons.org/licenses/by-sa/4.0/">'
        "CC BY-SA 4.0</a></p></div>"
    )
    footer = (
        "<footer><p>Except where otherwise noted, the content of this site is licensed under a "
        '<a href="https://creativecommons.org/licenses/by-sa/3.0/">Creative Commons Attribution-ShareAlike 3.0</a>'
        " license.</p></footer>"
    )
    assert reuse_of(page(ARTICLE.replace("</article>", credit + "</article>") + footer)) == (
        "open-license",
        "CC-BY-SA-3.0",
    )


def test_a_licence_discussed_in_the_story_is_not_its_licence() -> None:
    prose = (
        "<p>Der Fotograf verlangt, dass Nutzer stets auf seine Seite verlinken. Eine solche Pflicht ist im konkreten "
        "Fall fraglich, zudem müsste eine solche Bedingung für alle klar erkennbar sein. Ein Hinweis darauf findet "
        "sich nur auf einer Unterseite seines Profils. Die zusätzliche Bedingung dürfte hier nach den Bestimmungen "
        "der gewählten Lizenzversion im Detail (CC BY-ND 2.0), aber auch nach allgemeinem Vertragsrecht unwirksam "
        "sein, meinen mehrere Juristen, die sich mit dem Fall befasst haben.</p>"
    )
    footer = (
        '<footer><p>Die Inhalte stehen unter der Lizenz <a href="https://creativecommons.org/licenses/by-nc-sa/4.0/">'
        "Creative Commons BY-NC-SA 4.0</a>.</p></footer>"
    )
    assert reuse_of(page(ARTICLE.replace("</article>", prose + "</article>") + footer)) == (
        "open-license",
        "CC-BY-NC-SA-4.0",
    )


def test_a_national_port_keeps_its_country_when_spdx_names_it() -> None:
    from bot.engine.licenses import load_licenses
    from bot.engine.reuse import short_license

    licenses = load_licenses()
    german = licenses.from_url("http://creativecommons.org/licenses/by-nc-sa/3.0/de/deed.de")
    assert german is not None and german.id == "CC-BY-NC-SA-3.0-DE"
    assert short_license(german.id) == "CC BY-NC-SA 3.0 DE"
    assert licenses.from_url("https://creativecommons.org/licenses/by/4.0/deed.de").id == "CC-BY-4.0"  # type: ignore[union-attr]
    assert licenses.from_url("https://creativecommons.org/licenses/by/2.0/fr/").id == "CC-BY-2.0"  # type: ignore[union-attr]
    assert licenses.from_text("unter CC BY-NC-SA 3.0 DE (nicht-kommerziell)")[0].id == "CC-BY-NC-SA-3.0-DE"  # type: ignore[index]


def test_a_provided_by_line_names_the_pieces_source() -> None:
    html = page(
        "<article><h1>Jellyfish regrow limbs</h1><p>Researchers found that young jellyfish regrow lost limbs.</p>"
        '<div class="text-medium"><p>Provided by <a href="https://www.harbor-daily.com/partners/university-of-harbor/">'
        "University of Harbor</a></p></div></article>"
    )
    assert original_of(html) == "University of Harbor"
    story_source = page(
        "<article><h1>Memory in machines</h1><p>A model stores memories the way a brain does.</p></article>"
        "<p>Story Source: Materials provided by Harbor Institute for Science. Note: Content may be edited.</p>"
    )
    assert original_of(story_source) == "Harbor Institute for Science"


def test_a_chinese_date_lines_source_names_the_original() -> None:
    html = page(
        '<h1>港口的新渡轮</h1><div class="info"><span>2020-02-19 20:29</span> <span>来源： 港湾周刊 </span></div>'
        "<p>新渡轮今天开始运营。</p>"
    )
    assert original_of(html) == "港湾周刊"


def test_a_chinese_source_line_naming_the_site_itself_is_no_copy() -> None:
    html = page("<h1>港口的新渡轮</h1><div>2020-02-19 20:29 来源：新华网</div><p>新渡轮今天开始运营。</p>")
    result = analyse_html(html, "http://www.xinhuanet.com/2020-02/19/c_1125598235.htm")
    assert not result.republication.is_republication


def test_notice_holders_without_labelled_lines_registrations_or_label_words() -> None:
    assert parse_notice("Harbor Radio Opphavsrett Harbor Radio © 2024 Ansvarlig redaktør: Jo Roe Nettsjef: Al Poe")[
        0
    ] == ["Harbor Radio"]
    assert parse_notice("© Harbor Papers Limited in England No. 123456 Registered office: 1 Quay Street, Portville")[
        0
    ] == ["Harbor Papers Limited"]
    assert parse_notice("© 2026 Harbor.com, a division of Harbor Network Inc. All rights reserved.")[0] == [
        "Harbor Network"
    ]
    assert parse_notice("© Licencja na publikację") is None
    assert parse_notice("© harbor magazine 2019")[0] == ["harbor magazine"]
    assert parse_notice("© 2020 Harbor.org powered by Quay Network")[0] == ["Harbor.org"]
    assert parse_notice('Copyright ©2019 Harbor Papers. "Harbor Daily" is a registered trademark.')[0] == [
        "Harbor Papers"
    ]


def test_a_captions_agency_and_a_menus_name_are_no_byline_credit() -> None:
    html = page(
        "<article><h1>Ministers meet</h1>"
        '<figure><img src="a.jpg"><figcaption class="image-footer">The minister in Madrid. EFE/ J.J. Roe'
        "</figcaption></figure>"
        '<h4 class="author">The Harbor and Quay defence ministries</h4>'
        "<p>The ministers met on Sunday to discuss the border.</p></article>"
    )
    assert original_of(html) is None


def test_a_copy_without_licence_on_a_page_under_copyright_is_all_rights_reserved() -> None:
    html = page(
        "<article><h1>Moon water</h1><p>Scientists confirmed water vapour on the moon.</p>"
        "<p>This article was originally published by Harbor Science. Read the original article.</p></article>"
        "<footer><p>Copyright 1995-2024 Harbor Daily or by other parties, where indicated.</p></footer>"
    )
    assert reuse_of(html) == ("all-rights-reserved", None)
    assert parse_notice("Copyright 1995-2024 Harbor Daily or by other parties, where indicated.")[0] == ["Harbor Daily"]


def test_a_copy_without_any_notice_stays_unknown() -> None:
    html = page(
        "<article><h1>Moon water</h1><p>Scientists confirmed water vapour on the moon.</p>"
        "<p>This article was originally published by Harbor Science.</p></article>"
    )
    assert reuse_of(html) == ("unknown", None)


def test_notices_that_name_their_holder_out_of_the_usual_place() -> None:
    assert parse_notice("©All Rights Reserved Harbor Institute 2019, a nonprofit organization")[0] == [
        "Harbor Institute"
    ]
    assert parse_notice("Copyright © 2000—2019. Harbor Media | Content of this site")[0] == ["Harbor Media"]
    assert parse_notice("© 2004-2019 All rights reserved. HD is the registered trade mark of Harbor Media.")[0] == []
    assert notices_in("<footer><p>무단 사용하는 것은 금지 Copyright by harbor-daily.com</p></footer>") == [
        ("harbor-daily.com",)
    ]


def test_the_copyright_meta_names_the_sites_holder_below_any_printed_notice() -> None:
    from bot.engine.signals import meta

    facts = meta.read(context_for_html(page("<p>Body.</p>", '<meta name="copyright" content="Harbor Connectors, SL">')))
    [notice] = [f for f in facts if f.field == "copyright"]
    assert notice.value.holders == ("Harbor Connectors, SL",)
    assert reuse_of(page(ARTICLE, '<meta name="copyright" content="Harbor Connectors, SL">')) == (
        "all-rights-reserved",
        None,
    )
    html = page(ARTICLE + FOOTER, '<meta name="copyright" content="Harbor Connectors, SL">')
    assert analyse_html(html).copyright.holders == ["Harbor Daily Association"]
    none = meta.read(context_for_html(page("<p>Body.</p>", '<meta name="copyright" content="All rights reserved">')))
    assert [f for f in none if f.field == "copyright"] == []


def test_the_wire_in_the_byline_wrote_it_and_the_wire_in_the_notice_distributed_it() -> None:
    html = page(
        "<article><h1>Ferry strike ends</h1><div class='byline'>By Jo Roe and Al Poe | The Associated Press</div>"
        "<p>The strike ended on Thursday, the union said.</p><p>© 2026 The Canadian Press</p></article>"
    )
    result = analyse_html(html, "https://www.harbor-daily.com/news/2026/05/24/ferry-strike")
    assert result.republication.original is not None
    assert result.republication.original.name == "The Associated Press"
    assert [source.name for source in result.republication.via] == ["The Canadian Press"]


def test_a_canonical_on_the_same_site_under_another_country_domain_is_no_original() -> None:
    html = page(
        "<article><h1>Road to the moon</h1><p>Notes on the long road.</p></article>",
        '<link rel="canonical" href="http://harborjit.blogspot.com/2011/10/road.html">',
    )
    result = analyse_html(html, "http://harborjit.blogspot.fr/2011/10/road.html")
    assert not result.republication.is_republication


def test_made_available_by_in_a_photo_caption_is_no_distributor() -> None:
    html = page(
        "<article><h1>Sleeping astronauts</h1>"
        "<p>In this 2006 file photo, made available by Harbor Space Agency, an astronaut floats.</p>"
        "<p>Agencies study long sleep for long flights.</p></article>"
    )
    result = analyse_html(html, "https://www.harbor-daily.com/sci/2019/11/18/sleep")
    assert result.republication.via == []


def test_an_at_sign_typed_for_the_copyright_mark() -> None:
    assert notices_in("<article><p>Copyright @ 2019 Harbor Arab.</p></article>") == [("Harbor Arab",)]


def test_a_founding_year_after_the_holder_is_not_part_of_it() -> None:
    assert parse_notice("© 2025 The Harbor News - Established 1977")[0] == ["The Harbor News"]


def test_a_dateline_naming_the_sites_desk_then_the_agency_after_a_slash() -> None:
    # "PLACE (Site News / Agency - date) Text": the site's own desk, then the wire it has the story from
    html = page(
        "<article><h1>Ferry strike ends</h1><p>LISBON (Harbor Daily News / Sputnik - 2nd May, 2024) The strike "
        "ended on Thursday, the union said.</p><p>Ferries run again.</p></article>"
    )
    assert original_of(html) == "Sputnik"
    # a slash between two names neither of them a wire is no credit
    html = page(
        "<article><h1>Ferry strike ends</h1><p>LISBON (Harbor Daily News / Quay Desk - 2nd May, 2024) The strike "
        "ended on Thursday, the union said.</p><p>Ferries run again.</p></article>"
    )
    assert original_of(html) is None


def test_a_source_line_that_is_only_a_link_to_another_sites_article_names_it() -> None:
    # a translated copy closing with "<a>Quelle: the original's headline</a>", the whole line one link to it
    story = "<p>Die Fähren fahren wieder, sagte die Gewerkschaft am Donnerstag.</p>" * 3
    link = "<p><a href='https://quaywatch.example/ferries-run-again-after-strike'>Quelle: {}</a></p>"
    headline = "Ferries run again after the long strike"
    html = page(f"<article><h1>Fähren fahren wieder</h1>{story}{link.format(headline)}</article>")
    assert original_of(html) == "quaywatch.example"
    # a dated source of a claim, as fact checks link it, is no original
    html = page(
        f"<article><h1>Fähren fahren wieder</h1>{story}{link.format('Harbor Ministry, October 25, 2019')}</article>"
    )
    assert original_of(html) is None
    # a link to the site's own page names no original
    html = page(
        f"<article><h1>Fähren</h1>{story}<p><a href='/archiv/2024/ferries-run-again'>Quelle: Archiv</a></p></article>"
    )
    assert original_of(html) is None


def test_a_dateline_with_a_stop_after_the_agency_and_the_sites_desk() -> None:
    # "Place (AGENCY/desk). Text": a church weekly's copy of an agency story, its own initials after the slash
    story = "<p>Die Synode tagte am Mittwoch in der Stadthalle, sagte eine Sprecherin.</p><p>Sie endet am Freitag.</p>"
    html = page(
        f"<article><h1>Synode tagt</h1><p>Eastbrook (KNA/hw). Der Bischof sprach zur Eröffnung.</p>{story}</article>"
    )
    assert original_of(html) == "KNA"
    # a stop after an outlet that is no wire ends an opening sentence, and credits no one
    html = page(
        f"<article><h1>Synode tagt</h1><p>Ein Bericht der Zeitung (Le Monde). Der Bischof sprach.</p>{story}</article>"
    )
    assert original_of(html) is None
