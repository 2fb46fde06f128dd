"""The text reader: credit lines, wire datelines, bylines, date lines, copyright notices, licences in words,
publishers' grants, reservations, fair-use claims and redated reposts."""

from __future__ import annotations

import pytest

from bot.engine.facts import Credit, Fact, Grant, Notice
from bot.engine.signals import text
from tests.engine_helpers import context_for_html, context_for_text, of, page, values


def read(pasted: str) -> list[Fact]:
    return text.read(context_for_text(pasted))


def credits(pasted: str) -> list[Credit]:
    return values(read(pasted), "credit")


def originals(pasted: str) -> list[str]:
    return [c.name for c in credits(pasted) if c.role == "original"]


# -- credit lines: every wording in bot/data/phrases.toml ---------------------------------------------------------


CREDIT_LINES = [
    (
        "This article is republished from The Conversation under a Creative Commons license. "
        "Read the original article.",
        "The Conversation",
    ),
    ("This article is republished from The Conversation.", "The Conversation"),
    ("This story was republished from Grist under a Creative Commons license.", "Grist"),
    ("This story was originally published by ProPublica.", "ProPublica"),
    ("This piece originally appeared on Truthout.", "Truthout"),
    ("This post first appeared on Common Dreams.", "Common Dreams"),
    ("It was previously published in The Guardian.", "The Guardian"),
    ("The original source of this article is RT Op Edge", "RT Op Edge"),
    ("This article by Jane Doe was originally published in The Nation.", "The Nation"),
    ("Authored by Jane Doe via The Epoch Times,", "The Epoch Times"),
    ("Reprinted with permission of The Daily Signal.", "The Daily Signal"),
    ("Republished with permission from KFF Health News.", "KFF Health News"),
    ("Reprinted from The Atlantic.", "The Atlantic"),
    ("We are republishing this story from Grist.", "Grist"),
    ("We're republishing this article courtesy of The Marshall Project.", "The Marshall Project"),
    ("This story was produced by ProPublica.", "ProPublica"),
    ("Read the original article on Business Insider.", "Business Insider"),
    ("Source: Xinhua", "Xinhua"),
    ("Source: Xinhua, March 3, 2025. All rights reserved.", "Xinhua"),
    ("Via: theguardian.com", "theguardian.com"),
    ("Publicado originalmente en El País.", "El País"),
    ("Initialement publié sur Mediapart.", "Mediapart"),
    ("Zuerst erschienen bei Der Spiegel.", "Der Spiegel"),
    ("This story was originally published by the Texas Tribune.", "The Texas Tribune"),
    (
        "Originally published at the Institute for New Economic Thinking website.",
        "The Institute for New Economic Thinking",
    ),
    ("This article was first published by China Daily. Source: China Daily", "China Daily"),
    (
        "©2025 The Kansas City Star. Visit kansascity.com. Distributed by Tribune Content Agency, LLC.",
        "The Kansas City Star",
    ),
    ("Copyright, Truthout.org. Reprinted with permission.", "Truthout.org"),
    (
        "Fonte: Agência Brasil. Este conteúdo foi publicado originalmente pela Agência Brasil sob a licença CC BY.",
        "Agência Brasil",
    ),
    ("Este conteúdo foi publicado originalmente pela Agência Brasil.", "Agência Brasil"),
    ("Esta reportagem foi publicada originalmente pela Agência Pública em 20 de maio de 2025.", "Agência Pública"),
    ("Dieser Beitrag ist zuerst bei Hafenblatt erschienen.", "Hafenblatt"),
    ("Der Artikel erschien zuerst auf hafenblatt.de.", "hafenblatt.de"),
    ("Dieser Beitrag erschien zuerst im Blog Hafenblatt.", "Hafenblatt"),
    ("Der Text ist zuerst in der Zeitschrift Hafenblatt erschienen.", "Hafenblatt"),
    ("Questo articolo è stato pubblicato originariamente su Il Porto Quotidiano.", "Il Porto Quotidiano"),
    ("Articolo apparso per la prima volta su Voce del Porto.", "Voce del Porto"),
    ("Provided by Harbor Ledger", "Harbor Ledger"),
    ("Courtesy of ProPublica.", "ProPublica"),
    ("Lire la suite sur Collectif Rivage !", "Collectif Rivage"),
    ("Read the rest of this article at Harbor Ledger.", "Harbor Ledger"),
    ("Nous relayons ci-dessous le communiqué du Collectif Rivage.", "Collectif Rivage"),
    ("We publish below the statement of the Harbour Tenants Union.", "The Harbour Tenants Union"),
]


def test_a_sentence_about_what_comes_next_is_no_read_the_rest_credit() -> None:
    assert originals("Lire la suite de l'enquête dans notre prochain numéro, le mois prochain, sur papier.") == []
    assert originals("La suite sur le terrain sera difficile.") == []


@pytest.mark.parametrize(("line", "original"), CREDIT_LINES)
def test_credit_lines_name_the_original(line: str, original: str) -> None:
    assert original in originals(line)


def test_every_credit_wordings_needs_hold_in_what_it_matches() -> None:
    """`needs` in phrases.toml only skips a pattern early: it must never hide a match."""
    from bot.engine.phrases import load_phrases

    lines = [line for line, _ in CREDIT_LINES] + [
        "SOURCE Halvorsen Robotics, Inc.",
        "Syndicated by Tribune Content Agency.",
    ]
    for phrase in load_phrases().credits:
        for line in lines:
            if phrase.pattern.search(line):
                assert phrase.may_match(line.lower()), (phrase.id, line)


def test_credit_line_fact_details() -> None:
    line = "This story was originally published by ProPublica on May 3, 2024."
    [fact] = of(read(line), "credit")
    assert fact.value == Credit("ProPublica", None, "2024-05-03", "original")
    assert fact.signal == "text"
    assert "originally published by ProPublica" in fact.snippet
    assert fact.weight >= 80


def test_credit_line_takes_the_article_link_on_the_original_domain() -> None:
    html = page(
        '<article><p>This article is republished from <a href="https://theconversation.com/">The Conversation</a> '
        "under a Creative Commons license. Read the "
        '<a href="https://theconversation.com/tides-rise-123">original article</a>.</p></article>'
    )
    facts = of(text.read(context_for_html(html, "https://harborledger.example/a")), "credit")
    assert [f.value.url for f in facts] == ["https://theconversation.com/tides-rise-123"]


def test_article_by_credit_names_the_author_too() -> None:
    facts = read("This article by Jane Doe was originally published in The Nation.")
    assert values(facts, "author") == ["Jane Doe"]


def test_reprinted_with_permission_is_also_a_grant_for_this_copy() -> None:
    [grant] = values(read("Reprinted with permission of The Daily Signal."), "grant")
    assert isinstance(grant, Grant)
    assert any("The Daily Signal" in c for c in grant.conditions)
    assert any("The Daily Signal" in r for r in grant.restrictions)


def test_distributed_by_is_a_via_not_an_original() -> None:
    [credit] = credits("This story was distributed by The Associated Press.")
    assert credit.role == "via"


@pytest.mark.parametrize(
    "line",
    [
        "Source: the minister's office",  # loose wordings need a known outlet or a domain
        "Via a friend of mine",
        "He first appeared on television in 1999.",
        "The story originally published on the front page was longer.",
        "Among them is a survey that was first published in 1887 and has not been reprinted since.",
        "The story, first reported by The Washington Post, drew a response from the agency within hours.",
    ],
)
def test_loose_wordings_without_an_outlet_are_not_credits(line: str) -> None:
    assert originals(line) == []


# -- wire datelines ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "wire"),
    [
        ("LINCOLN, Neb. (AP) — The governor said on Thursday that taxes would fall.", "The Associated Press"),
        ("Bengaluru, Feb 19 (IANS) The state will build 12 cold storage hubs, the minister said.", "IANS"),
        ("New Delhi, Feb 19 (PTI) Prices rose for a third month, official data showed.", "PTI"),
        ("Lisboa, 12 mar 2025 (Lusa) - O Governo aprovou hoje o novo regime.", "Lusa"),
        ("SANTIAGO (Reuters) - Chile's president said on Monday the reform would pass.", "Reuters"),
        ("PARIS (AFP) – France's government said it would act.", "AFP"),
        ("BEIJING, March 3 (Xinhua) -- China said on Sunday it would expand trade.", "Xinhua"),
        ("MADRID, 4 mar (EFE).- El Gobierno aprobó hoy la ley.", "EFE"),
        ("Hannover (dpa/lno) - Die Landesregierung will die Brücke bis Mai sanieren.", "dpa"),
        ("ROMA, 12 MAR - (ANSA) - Il governo ha approvato oggi il decreto.", "ANSA"),
        ("SEOUL, March 12 (Yonhap) -- The government said on Tuesday it would act.", "Yonhap"),
        ("TOKYO (Kyodo) -- The government said on Tuesday it would act.", "Kyodo News"),
        ("ANKARA (AA) - The ministry said on Tuesday it would act.", "Anadolu Agency"),
    ],
)
def test_wire_datelines_credit_the_agency(line: str, wire: str) -> None:
    facts = of(read(line), "credit")
    assert [f.value.name for f in facts] == [wire]
    assert facts[0].phrase == "dateline"


def test_cross_post_opening_names_the_writer_and_the_original() -> None:
    line = (
        "By Teodora Vance, a senior economist at a shipping consultancy. "
        "Originally published at the Institute for New Economic Thinking website"
    )
    facts = read(line)
    assert originals(line) == ["The Institute for New Economic Thinking"]
    assert next(f for f in of(facts, "author") if f.credited).value == "Teodora Vance"


def test_dateline_of_an_unknown_agency_is_ignored() -> None:
    assert credits("SPRINGFIELD (Harbor Wire) — The mayor resigned.") == []


def test_parenthesis_in_prose_is_not_a_dateline() -> None:
    assert credits("The minister (AP photo caption aside) said nothing.") == []


# -- bylines -------------------------------------------------------------------------------------------------


def test_byline_with_two_people_and_an_outlet() -> None:
    facts = read("By Ava Stone and Ben Ruiz | ProPublica\nThe state's prisons are full.")
    people = [f.value for f in of(facts, "author") if f.author_kind != "outlet"]
    assert people == ["Ava Stone", "Ben Ruiz"]
    assert "ProPublica" in [c.name for c in values(facts, "credit")]


def test_byline_in_capitals_with_the_wire() -> None:
    facts = read("By MARCUS ELLERY, Associated Press\nLINCOLN, Neb. (AP) — The governor said taxes would fall.")
    people = [f.value for f in of(facts, "author") if f.author_kind != "outlet"]
    assert people == ["Marcus Ellery"]
    assert {c.name for c in values(facts, "credit")} == {"The Associated Press"}


def test_byline_element_with_the_outlet_glued_to_the_name() -> None:
    html = page('<article><div class="byline">John Smith The Associated Press</div><p>Words.</p></article>')
    facts = text.read(context_for_html(html, "https://harborledger.example/a"))
    people = [f.value for f in of(facts, "author") if f.author_kind != "outlet"]
    assert people == ["John Smith"]
    assert "The Associated Press" in [c.name for c in values(facts, "credit")]


def test_author_line_under_a_pasted_headline_names_each_affiliated_author() -> None:
    pasted = (
        "Why river deltas are sinking faster than the sea is rising\n"
        "Ines Carvalho, University of Lisbon and Tomas Brandt, Leibniz Institute for Baltic Sea Research\n"
        "Deltas hold a tenth of the world's people on a sliver of its land."
    )
    assert [f.value for f in of(read(pasted), "author")] == ["Ines Carvalho", "Tomas Brandt"]


def test_byline_drops_the_date_and_time() -> None:
    facts = read("By Kim Park | Published May 21, 2025 at 10:30 a.m.\nThe story.")
    people = [f.value for f in of(facts, "author") if f.author_kind != "outlet"]
    assert people == ["Kim Park"]


def test_byline_drops_the_reading_time_and_keeps_the_outlet_apart() -> None:
    html = page(
        '<article><h1>Villages map their peat forests</h1><div class="article-byline"><span>By Ratri Kusuma</span> '
        "<span>Dialogue Earth</span> 6 minute read · August 6, 2025</div><p>Words.</p></article>"
    )
    facts = text.read(context_for_html(html, "https://www.eco-business.com/news/villages"))
    people = [f.value for f in of(facts, "author") if f.author_kind != "outlet"]
    assert people == ["Ratri Kusuma"]
    assert "Dialogue Earth" in [c.name for c in values(facts, "credit")]


@pytest.mark.parametrize(
    ("markup", "people"),
    [
        (
            '<h4 class="media-heading"><span>By</span> <a href="/author/g/">Greta Lindqvist</a></h4>',
            ["Greta Lindqvist"],
        ),
        (
            "<div class='post-footer'><span class='post-author vcard'>Posted by <span class='fn'>Ruth Adler</span>"
            "</span> <span>at <a href='#'>7:42 AM</a></span></div>",
            ["Ruth Adler"],
        ),
        (
            '<div class="article-meta">Von Jana Kessler <span>Do, 12. März 2026, 18:40 Uhr</span></div>',
            ["Jana Kessler"],
        ),
    ],
)
def test_bylines_as_sites_mark_them_up(markup: str, people: list[str]) -> None:
    html = page(f"<article><h1>Radbrücke über die Dreisam soll 2027 fertig werden</h1>{markup}<p>Words.</p></article>")
    facts = text.read(context_for_html(html, "https://harborledger.example/a"))
    assert [f.value for f in of(facts, "author") if f.author_kind != "outlet"] == people


def test_a_german_date_line_after_the_byline_is_the_publication_date() -> None:
    line = "Von Jana Kessler Do, 12. März 2026, 18:40 Uhr Freiburg\nDie Brücke soll 2027 fertig werden."
    assert values(read(line), "published") == ["2026-03-12"]


def test_reuters_reporting_line_names_reporters_not_editors() -> None:
    facts = read(
        "The talks ended without a deal.\n(Reporting by Jane Doe and Ali Khan in London; Editing by Mark Porter)"
    )
    assert values(facts, "author") == ["Jane Doe", "Ali Khan"]


def test_additional_reporting_and_writing_by() -> None:
    facts = read("(Additional reporting by Sara Lin; Writing by Tom Reed; Editing by Alex Richardson)")
    assert values(facts, "author") == ["Sara Lin", "Tom Reed"]


# -- date lines ----------------------------------------------------------------------------------------------


def test_a_bare_date_line_is_the_publication_date() -> None:
    facts = read("Tides rise along the harbor\nMay 21, 2025\nThe water came in.")
    assert values(facts, "published") == ["2025-05-21"]


def test_published_and_updated_labels() -> None:
    facts = read("Tides rise\nPublished: May 21, 2025\nUpdated: May 22, 2025\nThe water came in.")
    assert values(facts, "published") == ["2025-05-21"]
    assert values(facts, "modified") == ["2025-05-22"]


def test_outlet_name_and_date_line() -> None:
    facts = read("Tides rise\nGlobal Research, September 30, 2016\nThe water came in.")
    assert values(facts, "dated_name") == [("Global Research", "2016-09-30")]


@pytest.mark.parametrize(("lang", "published"), [("en-GB", "2025-04-03"), ("en-US", "2025-03-04"), ("en", None)])
def test_numeric_date_line_read_in_the_page_language(lang: str, published: str | None) -> None:
    html = page('<article><h1>Ferry timetable changes this spring</h1><p class="date">03/04/2025</p></article>')
    html = html.replace("<html>", f'<html lang="{lang}">')
    facts = text.read(context_for_html(html, "https://harborledger.example/a"))
    assert values(facts, "published") == ([published] if published else [])


def test_a_date_line_that_says_published_in_other_words() -> None:
    facts = read(
        "Los embalses cierran febrero al 28 %\nEste contenido fue publicado el 19 noviembre 2024 - 16:45\nTexto."
    )
    assert values(facts, "published") == ["2024-11-19"]


def test_a_dateline_with_its_year_dates_the_piece() -> None:
    facts = read("Governo aprova regime\nLisboa, 12 mar 2025 (Lusa) - O Governo aprovou hoje o novo regime.")
    assert values(facts, "published") == ["2025-03-12"]
    [credit] = values(facts, "credit")
    assert (credit.name, credit.published) == ("Lusa", "2025-03-12")


def test_weekday_words_are_never_a_date() -> None:
    facts = read("The governor said on Thursday that taxes would fall.\nOn Monday, lawmakers met.")
    assert values(facts, "published") == []
    assert values(facts, "dated_name") == []


def test_a_date_inside_prose_is_not_a_date_line() -> None:
    facts = read("The treaty, signed on May 21, 2025, after years of talks between both governments, ends the dispute.")
    assert values(facts, "published") == []


# -- copyright notices ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "holders", "year"),
    [
        ("Copyright © RT News, RT Op Edge, 2016", ("RT News", "RT Op Edge"), 2016),
        ("© 2024 The Associated Press. All rights reserved.", ("The Associated Press",), 2024),
        ("Copyright 2025 Harbor Ledger", ("Harbor Ledger",), 2025),
        ("(c) 2019 Jane Doe", ("Jane Doe",), 2019),
        ("© Badischer Verlag GmbH & Co. KG 2026. Alle Rechte vorbehalten.", ("Badischer Verlag GmbH & Co. KG",), 2026),
        ("Copyright: Project Syndicate, 2025. www.project-syndicate.org", ("Project Syndicate",), 2025),
        ("Copyright, Truthout.org. Reprinted with permission.", ("Truthout.org",), None),
        ("Copyright 2025 © RCS Mediagroup S.p.a. Tutti i diritti sono riservati", ("RCS Mediagroup S.p.a",), 2025),
    ],
)
def test_copyright_notices(line: str, holders: tuple[str, ...], year: int) -> None:
    [notice] = values(read(line), "copyright")
    assert isinstance(notice, Notice)
    assert (notice.holders, notice.year) == (holders, year)


def test_reproduction_reserved_names_no_holder() -> None:
    assert values(read("© RIPRODUZIONE RISERVATA"), "copyright") == []
    assert values(read("© RIPRODUZIONE RISERVATA"), "reservation") != []


def test_the_word_copyright_in_prose_is_not_a_notice() -> None:
    assert values(read("The court ruled on the copyright dispute last week."), "copyright") == []


def test_footer_notice_is_weaker_than_one_in_the_article() -> None:
    html = page(
        "<article><p>Tides rose.</p><p>© 2016 Global Research</p></article>"
        "<footer><p>© 2024 Harbor Ledger. All rights reserved.</p></footer>"
    )
    facts = of(text.read(context_for_html(html, "https://harborledger.example/a")), "copyright")
    by_region = {f.region: f for f in facts}
    assert by_region["article"].value.holders == ("Global Research",)
    assert by_region["footer"].value.holders == ("Harbor Ledger",)
    assert by_region["article"].weight > by_region["footer"].weight


def test_picture_credit_notice_is_not_the_article_notice() -> None:
    html = page("<article><figure><figcaption>© 2024 Getty Images</figcaption></figure><p>Words.</p></article>")
    assert values(text.read(context_for_html(html)), "copyright") == []


# -- licences in words ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "spdx"),
    [
        ("This work is licensed under CC BY-NC-SA 4.0.", "CC-BY-NC-SA-4.0"),
        (
            "This work is licensed under a Creative Commons Attribution-NonCommercial-NoDerivs 3.0 Unported License.",
            "CC-BY-NC-ND-3.0",
        ),
        ("Text available under CC BY 4.0 unless noted.", "CC-BY-4.0"),
    ],
)
def test_licences_in_words(line: str, spdx: str) -> None:
    assert [info.id for info in values(read(line), "license")] == [spdx]


def test_unnamed_creative_commons_licence_is_not_a_particular_licence() -> None:
    # an open licence all the same, but the answer names none (reuse reads `unstated`)
    found = values(read("This article is republished under a Creative Commons license."), "license")
    assert [info.unstated for info in found] == [True]


@pytest.mark.parametrize(
    ("line", "spdx"),
    [
        # a story about a museum's release names a licence that covers the pictures, not the story
        (
            "The images, paintings and prints among them, are offered under a Creative Commons Zero (CC0) dedication.",
            None,
        ),
        ("The agency's satellite data sets are published under CC BY 4.0, officials said on Tuesday.", None),
        # the same words about the article itself are its licence
        ("This story and its photos are published under CC BY 4.0.", "CC-BY-4.0"),
        ("Like all content on this site, the images and text are licensed under CC BY-SA 4.0.", "CC-BY-SA-4.0"),
    ],
)
def test_a_licence_in_prose_about_other_things_is_not_the_articles(line: str, spdx: str | None) -> None:
    assert [info.id for info in values(read(line), "license")] == ([spdx] if spdx else [])


# -- grants, reservations and fair use -----------------------------------------------------------------------

GLOBAL_RESEARCH_GRANT = (
    "The Centre for Research on Globalization grants permission to cross-post Global Research articles on "
    "community internet sites as long as the source and copyright are acknowledged together with a hyperlink to "
    "the original Global Research article. For publication of Global Research articles in print or other forms "
    "including commercial internet sites, contact: publications@globalresearch.ca"
)


def test_global_research_cross_post_grant_with_conditions_and_contact() -> None:
    facts = read(GLOBAL_RESEARCH_GRANT)
    [grant] = values(facts, "grant")
    assert "only on community internet sites" in grant.conditions
    assert "acknowledge the source and copyright" in grant.conditions
    assert any("hyperlink to the original Global Research article" in c for c in grant.conditions)
    assert grant.contact == "publications@globalresearch.ca"
    [limits] = values(facts, "grant_restriction")
    assert any("commercial internet sites" in r and "needs permission" in r for r in limits.restrictions)


@pytest.mark.parametrize(
    "line",
    [
        "You are free to republish this article under the terms below.",
        "Readers may republish this story for free with credit.",
        "Republish our articles for free, online or in print.",
        "Other media outlets are welcome to publish PublicSource stories with credit to PublicSource.",
        "News organizations are encouraged to republish our reporting.",
    ],
)
def test_other_grants(line: str) -> None:
    assert len(values(read(line), "grant")) == 1


def test_a_credits_link_spells_out_a_name_the_wording_cut_short() -> None:
    html = page(
        '<article><p>This article first appeared on the <a href="https://blogs.lse.ac.uk/politicsandpolicy/x/">'
        "LSE British Politics and Policy blog</a> on 29 October 2025.</p></article>"
    )
    facts = text.read(context_for_html(html, "https://ukandeu.ac.uk/x/"))
    assert [c.name for c in values(facts, "credit")] == ["LSE British Politics and Policy"]


def test_a_loose_source_line_counts_when_it_links_the_name_to_a_site() -> None:
    html = page(
        '<article><p>Source: <a href="https://www.tampabay.com/news/2025/03/03/polk/">Tampa Bay Times, March 3, '
        "2025</a>. Copyright 2025 Tampa Bay Times.</p></article>"
    )
    facts = text.read(context_for_html(html, "https://gulfcoastwater.blogspot.com/2025/03/a.html"))
    credits_found = [c for c in values(facts, "credit") if c.role == "original"]
    assert [(c.name, c.url) for c in credits_found] == [
        ("Tampa Bay Times", "https://www.tampabay.com/news/2025/03/03/polk/")
    ]


def test_a_grant_with_credit_to_names_whom_to_credit() -> None:
    line = (
        "Other media outlets are welcome to publish PublicSource stories with credit to PublicSource and the writers."
    )
    [grant] = values(read(line), "grant")
    assert grant.conditions == ("credit PublicSource and the writers",)


def test_a_licence_badge_without_words_is_read_from_its_image() -> None:
    html = page(
        '<footer><a rel="license" href="https://creativecommons.org/licenses/by-nc-sa/4.0/">'
        '<img alt="Creative Commons Lizenzvertrag" src="/88x31.png"></a></footer>'
    )
    doc = context_for_html(html, "https://netzpolitik.org/2025/a/").doc
    [block] = [b for b in doc.blocks if b.links]
    assert block.text == "Creative Commons Lizenzvertrag" and block.region == "footer"


def test_all_rights_reserved_is_a_reservation() -> None:
    assert len(of(read("© 2024 Harbor Ledger. All rights reserved."), "reservation")) == 1


def test_ap_rights_line_is_a_reservation_with_its_restriction() -> None:
    line = (
        "Copyright 2025 The Associated Press. All rights reserved. This material may not be published, broadcast, "
        "rewritten or redistributed."
    )
    restrictions = values(read(line), "reservation")
    assert any(r and "may not be published, broadcast, rewritten or redistributed" in r for r in restrictions)


def test_reservation_in_another_language() -> None:
    assert len(of(read("© 2024 Le Monde. Tous droits réservés."), "reservation")) == 1


FAIR_USE = (
    "This site contains copyrighted material the use of which has not always been specifically authorized by the "
    "copyright owner. We are making such material available in an effort to advance a better understanding of "
    "political issues. We believe this constitutes a 'fair use' of any such copyrighted material as provided for "
    "in section 107 of the US Copyright Law."
)


def test_fair_use_claim() -> None:
    facts = of(read(FAIR_USE), "fair_use")
    assert len(facts) == 1
    assert "fair use" in facts[0].snippet.lower()


def test_fair_use_disclaimer_is_not_a_copyright_notice() -> None:
    """The disclaimer talks about copyright; it names no holder ("This site contains" is not one)."""
    assert values(read(FAIR_USE), "copyright") == []


# -- redated reposts -----------------------------------------------------------------------------------------


def test_originally_published_with_a_date_and_no_outlet_is_a_redated_repost() -> None:
    facts = read("Editor's note: This article was originally published November 18, 2023.")
    assert values(facts, "redated") == ["2023-11-18"]
    assert values(facts, "credit") == []


def test_credit_to_another_outlet_is_not_a_redated_repost() -> None:
    facts = read("This article was originally published by ProPublica on November 18, 2023.")
    assert values(facts, "redated") == []
    assert originals("This article was originally published by ProPublica on November 18, 2023.") == ["ProPublica"]


def test_plain_prose_gives_no_provenance_facts() -> None:
    facts = read("The water came in at dawn.\nNeighbours carried sandbags to the school.")
    assert [f for f in facts if f.field != "title"] == []
