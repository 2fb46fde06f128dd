"""Structures met on trafilatura's test pages (tenth round); each page here is invented to reproduce one of them."""

from __future__ import annotations

from bot.engine import analyse_html

HEADLINE = "Why the village bakery opens at four"
CAPTURE = "https://web.archive.org/web/20150321101010/http://crumbblog.example/2014/03/why-the-bakery-opens-early/"
TOOLBAR = (
    "<!-- BEGIN WAYBACK TOOLBAR INSERT --><div id='wm-ipp-base'><div id='wm-ipp'>"
    "<table><tr><td>Feb</td><td>MAR</td><td>Apr</td></tr><tr><td>21</td></tr>"
    "<tr><td>2014</td><td>2015</td><td>2016</td></tr></table><p>2 captures</p><p>21 Mar 2015</p>"
    "<p>About this capture</p><p>COLLECTED BY Organization: Internet Archive</p></div></div>"
    "<!-- END WAYBACK TOOLBAR INSERT -->"
)


def _capture(canonical: str = CAPTURE, toolbar: str = TOOLBAR) -> str:
    body = "".join(f"<p>Paragraph {n} on flour, ovens and the early shift.</p>" for n in range(6))
    return (
        "<!doctype html><html lang='de'><head><meta charset='utf-8'>"
        f"<title>{HEADLINE} | Crumb Blog</title><meta property='og:site_name' content='Crumb Blog'>"
        f"<link rel='canonical' href='{canonical}'></head><body>{toolbar}"
        f"<article><h1>{HEADLINE}</h1><p class='meta'>Posted on 14 March 2014 by Greta Sommer</p>{body}</article>"
        "<footer><p>© 2014 Crumb Blog</p></footer></body></html>"
    )


def test_an_archive_copy_whose_canonical_is_its_own_capture_is_no_republication() -> None:
    # the archive rewrote the page's canonical link to its capture: that is the archived page's own address
    result = analyse_html(_capture(), CAPTURE)
    assert result.republication.is_republication is False
    assert result.republication.original is None
    assert result.copyright.holders == ["Crumb Blog"]


def test_the_archive_toolbar_capture_day_is_not_the_page_date() -> None:
    result = analyse_html(_capture(), CAPTURE)
    assert result.published is not None and result.published.startswith("2014-03-14")


def test_a_saved_capture_is_read_the_same_without_its_address() -> None:
    result = analyse_html(_capture())
    assert result.republication.is_republication is False
    assert result.published is not None and result.published.startswith("2014-03-14")


def test_an_archive_copy_crediting_another_site_keeps_the_credit() -> None:
    # a capture of a page whose canonical names another site's story: still that site's original
    other = "https://web.archive.org/web/20150321101010/http://flournews.example/2014/03/bakers-at-dawn/"
    result = analyse_html(_capture(canonical=other), CAPTURE)
    assert result.republication.is_republication is True
    assert result.republication.original is not None
    assert "flournews.example" in (result.republication.original.url or "")


def _reblog(heading: str, opening: str) -> str:
    return (
        f"<!doctype html><html lang='de'><head><meta charset='utf-8'><title>{heading} | Quay Log"
        f"</title></head><body><article><h2>{heading}</h2>"
        "<p class='meta'>8. März 2015, Posted by Quaylogger under Rebloggt</p>"
        "<p>A few words of my own on why this post is worth reading.</p>"
        f"<p><a href='https://harbornotes.example/2015/03/07/tides/'>{opening}</a><br>The tide came in early.</p>"
        + "".join(f"<p>Paragraph {n} on boats and moorings.</p>" for n in range(4))
        + "</article></body></html>"
    )


def test_a_reblog_names_the_other_blog_as_the_original_even_in_lower_case() -> None:
    # WordPress's reblog: "Rebloggt von <blog>: <its title>:" linked to the other blog's post, then its opening
    result = analyse_html(
        _reblog("Rebloggt von harbor notes: Tides", "Rebloggt von harbor notes: Tides:"),
        "https://quaylog.example/2015/03/08/tides/",
    )
    assert result.republication.is_republication is True
    assert result.republication.original is not None
    assert result.republication.original.name == "harbor notes"


def test_a_reblog_category_is_no_credit() -> None:
    # "Posted by … under Rebloggt": the blog files its own post under that category
    result = analyse_html(
        _reblog("Tides", "Tides, as harbor notes told them"), "https://quaylog.example/2015/03/08/tides/"
    )
    assert result.republication.original is None


def _compiled(regions: list[str]) -> str:
    sections = "".join(
        f"<h2>{region}</h2><p>In {region} the salons open to customers who show a test.</p>"
        f"<p><em>Quelle: <a href='https://www.{region.lower()}-chamber.example/salons'>Kammer {region}</a></em></p>"
        for region in regions
    )
    return (
        "<!doctype html><html lang='de'><head><meta charset='utf-8'><title>What applies at the hairdresser now</title>"
        "</head><body><article><h1>What applies at the hairdresser now</h1>"
        "<p class='meta'>Text: Mara Quell / craftportal.example, 14.01.2022</p>"
        f"<p>The rules differ from region to region.</p>{sections}</article></body></html>"
    )


def test_source_lines_under_three_sections_cite_them_and_credit_no_original() -> None:
    # a guide compiled region by region, each section closed by its own "Quelle: …"
    page = _compiled(["Nordmark", "Suedtal", "Westheide"])
    result = analyse_html(page, "https://craftportal.example/themen/friseur-regeln")
    assert result.republication.is_republication is False
    assert result.republication.original is None


def test_one_source_line_still_credits_the_original() -> None:
    page = _compiled(["Nordmark"])
    result = analyse_html(page, "https://craftportal.example/themen/friseur-regeln")
    assert result.republication.original is not None
    assert result.republication.original.name == "Kammer Nordmark"


def test_a_dublin_core_rights_holder_names_the_holder() -> None:
    # a blog whose only rights statement is its Dublin Core metadata beside a licence link
    page = (
        "<!doctype html><html lang='de'><head><meta charset='utf-8'><title>Award voting opens » Webwerk.example</title>"
        "<meta name='DC.creator' content='Lind, Tove'><meta name='DC.rights.rightsHolder' content='Tove Lind'>"
        "<link rel='license' href='https://creativecommons.org/licenses/by-sa/3.0/at/'></head><body><article>"
        "<h1>Award voting opens</h1><p>17. September 2011</p>"
        + "".join(f"<p>Paragraph {n} on the shortlist and the jury.</p>" for n in range(5))
        + "</article></body></html>"
    )
    result = analyse_html(page, "https://webwerk.example/2011/09/17/award-voting/")
    assert result.copyright.holders == ["Tove Lind"]
