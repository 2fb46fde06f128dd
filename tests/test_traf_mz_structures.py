"""Structures met on trafilatura's test pages (names m to z); each page here is invented to reproduce one of them."""

from __future__ import annotations

from bot.engine import analyse_html

HEADLINE = "Rowing club calls its members to the harbour clean-up"


def _page(head: str = "", footer: str = "", byline: str = "") -> str:
    body = "".join(f"<p>Paragraph {n} on the boats, the bags and the tide.</p>" for n in range(6))
    return (
        f"<!doctype html><html lang='de'><head><meta charset='utf-8'><title>{HEADLINE}</title>{head}</head><body>"
        f"<main><article><h1>{HEADLINE}</h1>{byline}{body}<p>12. September 2013</p></article></main>"
        f"<footer>{footer}</footer></body></html>"
    )


def test_the_theme_maker_in_the_author_tag_is_no_writer() -> None:
    # the theme writes its maker into every page's author tag and credits him under the page
    page = _page(
        "<meta name='author' content='Ola Berg'>",
        "<aside>Theme by <a href='https://berg.example/'>Ola Berg</a></aside>",
    )
    assert analyse_html(page, "https://ruderclub.example/blog/2013/09/12/aufraeumen/").authors == []


def test_a_theme_signed_as_designed_in_the_author_tag_is_no_writer() -> None:
    page = _page("<meta name='author' content='Ola Berg und Fuchsy designed'>")
    assert analyse_html(page, "https://ruderclub.example/aufraeumen/").authors == []


def test_the_author_tag_stays_when_the_theme_credits_someone_else() -> None:
    page = _page(
        "<meta name='author' content='Mara Lind'>",
        "<aside>Theme by <a href='https://berg.example/'>Ola Berg</a></aside>",
    )
    assert analyse_html(page, "https://ruderclub.example/blog/2013/09/12/aufraeumen/").authors == ["Mara Lind"]


def test_a_title_may_set_the_sites_name_apart_with_a_single_angle_quote() -> None:
    # "Headline › Site": no og:site_name, the address's name not the site's
    page = (
        f"<!doctype html><html lang='de'><head><meta charset='utf-8'><title>{HEADLINE} › Ruderverband Nordküste</title>"
        f"</head><body><main><article><h1>{HEADLINE}</h1><p>Paragraph on the boats and the tide.</p></article></main>"
        "</body></html>"
    )
    result = analyse_html(page, "https://rv-nk.example/blog/2013/09/12/aufraeumen/")
    assert result.outlet is not None and result.outlet.name == "Ruderverband Nordküste"


def test_the_wordpress_install_account_names_no_writer() -> None:
    page = _page(byline="<p class='meta'>26 Okt 2018 von <a href='/author/wordpressadmin/'>wordpressadmin</a></p>")
    assert analyse_html(page, "https://ruderclub.example/blog/aufraeumen/").authors == []


def test_text_and_photos_credited_to_one_writer_name_her() -> None:
    # a fishing magazine's "Text & Fotos: Jo Roe" over the piece: she wrote it and took the pictures
    page = _page(byline="<p class='authorbold'>Text &amp; Fotos: Mara Lind</p>")
    assert analyse_html(page, "https://fischerei.example/winterhechte/").authors == ["Mara Lind"]


def test_a_wordpress_byline_that_opens_with_its_day_names_the_writer_after_it() -> None:
    # "Posted on 28. Juli 2019 Author Jo Roe 4 Kommentare": the theme's screen-reader labels, the day, the writer's
    # linked name, the comment count; no "by" anywhere
    byline = (
        "<p class='entry-meta'><span class='posted-on'><span class='screen-reader-text'>Posted on</span>"
        "<a href='/aufraeumen/' rel='bookmark'><time>28. Juli 2019</time><time>28. Juli 2019</time></a></span>"
        "<span class='byline'><span class='author vcard'><span class='screen-reader-text'>Author</span>"
        "<a class='url fn n' href='/author/mlind/'>Mara Lind</a></span></span>"
        "<span class='comments-link'><a href='/aufraeumen/#comments'>4 Kommentare</a></span></p>"
    )
    result = analyse_html(_page(byline=byline), "https://ruderclub.example/aufraeumen/")
    assert result.authors == ["Mara Lind"]


def test_a_date_line_with_a_category_after_it_names_no_writer() -> None:
    page = _page(byline="<p class='entry-meta'>Posted on 28. Juli 2019 in Allgemein</p>")
    assert analyse_html(page, "https://ruderclub.example/aufraeumen/").authors == []


def test_the_licence_choosers_attribution_line_names_the_holder() -> None:
    # the Creative Commons chooser's line: "<work> von <name> ist lizenziert unter einer Creative Commons …"
    footer = (
        "<p>Ruderblog von <a href='https://ruderblog.example'>Mara Lind</a> ist lizenziert unter einer "
        "<a rel='license' href='http://creativecommons.org/licenses/by/4.0/'>Creative Commons Namensnennung 4.0 "
        "International Lizenz</a>.</p>"
    )
    result = analyse_html(_page(footer=footer), "https://ruderblog.example/aufraeumen/")
    assert result.copyright.holders == ["Mara Lind"]
    assert result.reuse.license is not None and result.reuse.license.id == "CC-BY-4.0"


def test_a_licence_line_naming_a_person_and_her_society_names_both() -> None:
    footer = (
        "<p>Der Hafenfunk-Podcast von Mara Lind/Nordische Gesellschaft steht unter einer Creative Commons "
        "Namensnennung 4.0-Lizenz (CC-BY 4.0).</p>"
    )
    result = analyse_html(_page(footer=footer), "https://hafenfunk.example/folge-12/")
    assert result.copyright.holders == ["Mara Lind", "Nordische Gesellschaft"]
