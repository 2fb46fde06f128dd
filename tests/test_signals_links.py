"""The links reader: anchors to licence deeds, rel=license or plain, weighed by the page region they sit in."""

from __future__ import annotations

from bot.engine.facts import Fact
from bot.engine.signals import links
from tests.engine_helpers import context_for_html, of, page

BY_ND = "https://creativecommons.org/licenses/by-nd/4.0/"
BY_NC_SA = "https://creativecommons.org/licenses/by-nc-sa/4.0/"


def read(body: str) -> list[Fact]:
    return of(links.read(context_for_html(page(body), "https://harborledger.example/a")), "license")


def test_rel_license_anchor_in_the_article() -> None:
    facts = read(f'<article><p>This story is licensed <a rel="license" href="{BY_ND}">CC BY-ND 4.0</a>.</p></article>')
    assert [f.value.id for f in facts] == ["CC-BY-ND-4.0"]
    fact = facts[0]
    assert fact.region == "article"
    assert fact.signal == "link"
    assert fact.url == BY_ND
    assert 'rel="license"' in fact.snippet and BY_ND in fact.snippet


def test_plain_anchor_to_a_deed_in_the_article() -> None:
    facts = read(f'<article><p>Republish under <a href="{BY_ND}">this licence</a>.</p></article>')
    assert [f.value.id for f in facts] == ["CC-BY-ND-4.0"]
    assert 'rel="license"' not in facts[0].snippet


def test_rel_license_outweighs_a_plain_anchor_in_the_same_region() -> None:
    rel = read(f'<article><p>Licence: <a rel="license" href="{BY_ND}">CC</a></p></article>')[0]
    plain = read(f'<article><p>Licence: <a href="{BY_ND}">CC</a></p></article>')[0]
    assert rel.weight > plain.weight


def test_article_licence_outweighs_the_same_licence_in_the_footer() -> None:
    article = read(f'<article><p>Licence: <a rel="license" href="{BY_ND}">CC</a></p></article>')[0]
    footer = read(f'<footer><p>Licence: <a rel="license" href="{BY_ND}">CC</a></p></footer>')[0]
    assert footer.region == "footer"
    assert article.weight > footer.weight


def test_footer_anchor_is_marked_footer() -> None:
    facts = read(
        f"<article><p>All about tides.</p></article>"
        f'<div class="site-footer"><p>Site content under <a href="{BY_NC_SA}">CC BY-NC-SA</a></p></div>'
    )
    assert [(f.value.id, f.region) for f in facts] == [("CC-BY-NC-SA-4.0", "footer")]


def test_one_fact_per_licence_and_region() -> None:
    facts = read(
        f'<article><p><a href="{BY_ND}">CC BY-ND</a> and again <a rel="license" href="{BY_ND}">here</a></p>'
        f'<p>And once more <a href="{BY_ND}">CC</a> licence.</p></article>'
        f'<footer><p><a href="{BY_ND}">CC BY-ND</a> licence</p></footer>'
    )
    assert sorted((f.value.id, f.region) for f in facts) == [("CC-BY-ND-4.0", "article"), ("CC-BY-ND-4.0", "footer")]


def test_different_licences_in_one_region_are_each_reported() -> None:
    facts = read(f'<article><p><a href="{BY_ND}">text licence</a>; <a href="{BY_NC_SA}">data licence</a></p></article>')
    assert sorted(f.value.id for f in facts) == ["CC-BY-NC-SA-4.0", "CC-BY-ND-4.0"]


def test_picture_credits_do_not_license_the_article() -> None:
    facts = read(
        f'<article><figure><img src="x.jpg"><figcaption>Photo: Kim Park, <a href="{BY_NC_SA}">CC BY-NC-SA</a>'
        "</figcaption></figure><p>Photo by Kim Park / Wikimedia Commons, "
        f'<a href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a></p></article>'
    )
    assert facts == []


def test_a_licence_after_a_pictures_credit_inside_a_long_caption_is_the_pictures() -> None:
    caption = (
        "<p><em><small>Tide gauges along the coast, compared over ten years. The more stations report, the finer the "
        'map. (Data from the harbour office, 2018.) <a href="https://commons.example/File:Gauges.png">Image</a> by '
        'Ola Nord, <a href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a>.</small></em></p>'
    )
    assert read(f"<article><p>The gauges were read at dawn.</p>{caption}</article>") == []


def test_lines_under_a_picture_credits_heading_credit_pictures() -> None:
    credits = (
        "<p>Bildnachweise (von oben nach unten):<br> "
        f'<a href="https://photos.example/1">Hafen</a> von Ola Nord <a href="{BY_ND}">CC BY-ND 4.0</a><br> '
        f'<a href="https://photos.example/2">Pier</a> von Kim Park <a href="{BY_NC_SA}">CC BY-NC-SA 4.0</a></p>'
    )
    assert read(f"<article><p>Die Pegel wurden im Morgengrauen abgelesen.</p>{credits}</article>") == []


def test_a_rel_license_line_after_a_banner_is_the_pages_licence_not_the_pictures() -> None:
    # a blog's sidebar: a partner's banner, then the blog's own licence line as a rel=license link
    sidebar = (
        '<aside><a href="https://partner.example/"><img src="banner.png" alt="Partner"></a><br><br>'
        f'<a href="{BY_NC_SA}" rel="license" class="cc_lizenz"><span>Creative Commons: BY-NC-SA</span></a></aside>'
    )
    assert [f.value.id for f in read(f"<article><p>Die Pegel wurden abgelesen.</p></article>{sidebar}")] == [
        "CC-BY-NC-SA-4.0"
    ]
    # the same link in a picture's caption still licenses the picture only
    caption = f'<figure><img src="x.jpg"><figcaption>Kim Park, <a rel="license" href="{BY_NC_SA}">CC BY-NC-SA</a>'
    assert read(f"<article>{caption}</figcaption></figure><p>Die Pegel wurden abgelesen.</p></article>") == []


def test_public_domain_dedication_anchor() -> None:
    facts = read('<article><p><a href="https://creativecommons.org/publicdomain/zero/1.0/">CC0</a></p></article>')
    assert [f.value.id for f in facts] == ["CC0-1.0"]


def test_links_that_are_not_licences_give_nothing() -> None:
    body = (
        '<article><p>Read the <a href="https://harborledger.example/terms">licence terms</a> and '
        '<a href="https://creativecommons.org/about/">about Creative Commons</a>.</p></article>'
    )
    assert read(body) == []
