"""How a site the registry does not know is named when its pages print its address where its name goes; each
page here is invented to reproduce a structure met on labelled real pages."""

from __future__ import annotations

import json

import pytest

from bot.engine import analyse_html
from tests.engine_helpers import page

ARTICLE_URL = "https://www.harborcourier.com/region/ferry-strike-ends-EN1234"
BODY = "<article><h1>Ferry strike ends</h1><p>The strike ended on Tuesday.</p></article>"


def _ld(data: dict[str, object]) -> str:
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def _result(head: str, body: str = BODY, url: str = ARTICLE_URL) -> dict[str, object]:
    return analyse_html(page(body, head), url).to_dict()


def test_an_address_site_name_gives_way_to_the_author_credit_that_spells_it_apart() -> None:
    # og:site_name is the host, the publisher its address with capitals, and the only name with its words apart is
    # the one the system prints where the writer's goes (meta author, a microdata Person)
    head = (
        '<meta property="og:site_name" content="www.harborcourier.com">'
        '<meta name="author" content="Harbor Courier">'
        + _ld(
            {
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "headline": "Ferry strike ends",
                "author": {"@type": "Person", "name": "Harbor Courier"},
                "publisher": {"@type": "Organization", "name": "HarborCourier.com"},
            }
        )
    )
    result = _result(head)
    assert result["outlet"]["name"] == "Harbor Courier"  # type: ignore[index]
    assert result["authors"] == []


def test_a_publisher_written_as_an_accented_address_gives_way_to_the_name_in_the_byline_area() -> None:
    url = "https://harborrepublica.pe/datos/2022/05/02/ferry-strike/"
    head = _ld(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "Ferry strike ends",
            "publisher": {"@type": "Organization", "name": "HarborRepública.pe"},
        }
    )
    body = "<article><h1>Ferry strike ends</h1><div class='byline'>Harbor República</div><p>It ended.</p></article>"
    result = _result(head, body, url)
    assert result["outlet"]["name"] == "Harbor República"  # type: ignore[index]
    assert result["authors"] == []


def test_a_person_whose_name_is_not_the_sites_keeps_the_byline() -> None:
    head = '<meta property="og:site_name" content="www.harborcourier.com">' + _ld(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "Ferry strike ends",
            "author": {"@type": "Person", "name": "Jo Quayside"},
        }
    )
    assert _result(head)["authors"] == ["Jo Quayside"]


def test_a_german_address_spells_out_the_umlaut_of_the_name_its_notice_gives() -> None:
    # no site name anywhere but the footer notice, cut short after "a brand of"; the address writes ö as "oe"
    url = "https://www.hafen-boerse.de/maerkte/zinsen-steigen"
    body = BODY + "<footer><div class='copyright'>© 2024 Hafen-Börse – eine Marke der</div></footer>"
    assert _result("", body, url)["outlet"]["name"] == "Hafen-Börse"  # type: ignore[index]


def test_a_writers_own_site_whose_notice_is_hers_names_her_when_nothing_else_does() -> None:
    url = "https://joquayside.com/2020/09/ferry-strike-ends"
    body = BODY + "<footer><p>© Jo Quayside 2016-2020</p></footer>"
    html = page(body, '<meta name="copyright" content="Jo Quayside">', title="Ferry strike ends | Jo Quayside")
    assert analyse_html(html, url).to_dict()["authors"] == ["Jo Quayside"]


def test_a_publishing_company_named_like_a_person_is_still_no_writer() -> None:
    # the owner's name where the writer's goes, on a magazine's site that is not at that name's address
    url = "https://www.harbormagazine.com/article/ferry-strike-ends"
    head = '<meta property="og:site_name" content="Conde Quay">' + _ld(
        {"@type": "Article", "headline": "Ferry strike ends", "author": {"@type": "Person", "name": "Conde Quay"}}
    )
    assert _result(head, BODY, url)["authors"] == []


def test_a_publication_its_software_names_like_a_person_gets_no_writer_from_its_notice() -> None:
    url = "https://joquayside.com/2020/09/ferry-strike-ends"
    body = BODY + "<footer><p>© 2020 Jo Quayside</p></footer>"
    head = '<meta property="og:site_name" content="Jo Quayside">'
    assert analyse_html(page(body, head, title="Ferry strike ends | Jo Quayside"), url).to_dict()["authors"] == []


def test_a_blog_on_a_platforms_country_address_is_named_by_its_title_not_the_platform() -> None:
    # "Harbor Notes: Ferry strike ends" under the blog's own name as its <h1>, at harbornotes.blogspot.fr
    url = "http://harbornotes.blogspot.fr/2011/10/ferry-strike-ends.html"
    body = (
        "<h1 class='title'><a href='http://harbornotes.blogspot.fr/'>Harbor Notes</a></h1>"
        "<h3 class='post-title'>Ferry strike ends</h3><div class='post-body'><p>The strike ended.</p></div>"
    )
    outlet = analyse_html(page(body, title="Harbor Notes: Ferry strike ends"), url).to_dict()["outlet"]
    assert outlet["name"] == "Harbor Notes"
    assert outlet["domain"] == "harbornotes.blogspot.fr"


def test_a_title_ending_with_the_sites_accented_name_names_it_on_an_unaccented_address() -> None:
    url = "https://harborrepublica.pe/datos/2022/05/02/ferry-strike/"
    html = page(BODY, title="Strike over: when do the ferries sail again? | datos | Harbor República")
    assert analyse_html(html, url).to_dict()["outlet"]["name"] == "Harbor República"


def test_a_title_part_that_is_the_sites_address_names_it_before_the_tagline_after_it() -> None:
    url = "https://www.harborrebelde.cu/cuba/2022-04-27/ferry-strike"
    html = page(BODY, title="Ferry strike ends - Harbor Rebelde - Diario de la juventud del puerto")
    assert analyse_html(html, url).to_dict()["outlet"]["name"] == "Harbor Rebelde"


def test_a_site_name_left_as_the_templates_unfilled_variable_names_no_site() -> None:
    for unfilled in ("{$plugin.tx_news.opengraph.site_name}", "{{ site.name }}", "%%sitename%%"):
        head = f'<meta property="og:site_name" content="{unfilled}"><meta name="publisher" content="Harbor Institute">'
        assert _result(head)["outlet"]["name"] == "Harbor Institute"  # type: ignore[index]


def test_a_site_name_in_one_small_word_gives_way_to_the_titles_name_with_its_words_apart() -> None:
    # og:site_name "theharborcourier" (the address's label); the JSON-LD publisher and the title's end name it
    head = (
        '<meta property="og:site_name" content="theharborcourier">'
        "<title>Ferry strike ends | The Harbor Courier</title>"
        + _ld({"@context": "https://schema.org", "@type": "NewsArticle", "publisher": "The Harbor Courier"})
    )
    result = _result(head, url="https://theharborcourier.com/us/1234/ferry-strike-ends")
    assert result["outlet"]["name"] == "The Harbor Courier"  # type: ignore[index]


def test_a_brand_in_one_small_word_keeps_its_name() -> None:
    head = '<meta property="og:site_name" content="harborblog"><title>Ferry strike ends | harborblog</title>'
    result = _result(head, url="https://harborblog.com/ferry-strike-ends")
    assert result["outlet"]["name"] == "harborblog"  # type: ignore[index]


def _outlet(head: str, title: str) -> object:
    result = analyse_html(page(BODY, head, title=title), "https://www.harborcourier.com/news/ferry-fares").to_dict()
    return result["outlet"]["name"]


def test_a_site_name_tag_filled_with_the_pieces_own_title_names_no_site() -> None:
    # a newsroom CMS puts the headline part of "Headline | Site" into og:site_name; the title's site part stands
    title = "Fahrpreise für die Fähren steigen | HarborCourier"
    head = f'<meta property="og:title" content="{title}">'
    head += '<meta property="og:site_name" content="Fahrpreise für die Fähren steigen">'
    assert _outlet(head, title) == "HarborCourier"
    # a site-first title keeps the site name the tag gives
    head = '<meta property="og:site_name" content="Harbor Courier">'
    assert _outlet(head, "Harbor Courier | Fahrpreise für die Fähren steigen") == "Harbor Courier"


def test_a_site_name_tag_repeating_a_sentence_long_title_names_no_site() -> None:
    title = "Fähren: Wie der Betreiber mit neuen Tarifen Rekordumsätze macht"
    head = f"<meta property='og:site_name' content='{title}'><meta property='og:title' content='Ferry fares rise'>"
    assert _outlet(head, title) != title


def test_a_byline_at_the_end_of_the_title_is_no_site_name() -> None:
    # "How to … - By jroe" on a publishing platform: the writer's handle, not the site
    title = "How To Read Ferry Timetables With Python - By jroe"
    assert _outlet("<meta property='og:title' content='How To Read Ferry Timetables With Python'>", title) != "By jroe"


def test_a_site_name_and_tagline_in_og_title_is_no_headline() -> None:
    # a portal's og:title and application-name both "Site - Tagline", its <title> the story's headline
    head = (
        '<meta name="application-name" content="Harbor News - Latest News &amp; Headlines">'
        '<meta property="og:title" content="Harbor News - Latest News &amp; Headlines">'
    )
    assert _outlet(head, "Ferry: Fares rise again on Monday, the operator says") is not None


def test_a_documentation_sites_name_set_as_its_first_heading_names_it_from_the_title() -> None:
    # a documentation theme: the project's name as the sidebar's <h1>, then the chapter's own <h1>; the <title>
    # is "Chapter — Project"; no site name anywhere else and no address known
    body = (
        "<div class='sphinxsidebar'><h1 class='logo'><a href='index.html'>tidewatch docs</a></h1></div>"
        "<div class='body'><h1>Sharing tide tables¶</h1><p>" + "Tide tables can be shared between boats. " * 30
    ) + "</p></div>"
    result = analyse_html(page(body, title="Sharing tide tables — tidewatch docs"), None)
    assert result.outlet is not None and result.outlet.name == "tidewatch docs"


def test_a_site_name_in_brackets_after_the_headline_in_the_title_names_the_site() -> None:
    # "<title>Headline [Site]</title>" over the page's <h1>Headline</h1>, no other name, no address known
    body = "<h1>Tide Weekly for March 5, 2020</h1><p>" + "This week the tides ran high. " * 30 + "</p>"
    result = analyse_html(page(body, title="Tide Weekly for March 5, 2020 [Tides.example]"), None)
    assert result.outlet is not None and result.outlet.name == "Tides.example"


def test_the_old_wordpress_title_names_the_site_before_blog_archive() -> None:
    # "Site » Blog Archive » Post": the blog's <h1> is its own name (a link home), the post's title an <h2>
    body = (
        "<div id='header'><h1><a href='https://blogs.harbor.example/quaynotes/'>Quay Notes</a></h1></div>"
        "<div class='post'><h2>Ferry strike ends</h2><p>The strike ended on Tuesday, the union said.</p></div>"
    )
    html = page(body, title="Quay Notes » Blog Archive » Ferry strike ends")
    result = analyse_html(html, "https://blogs.harbor.example/quaynotes/2013/02/08/ferry-strike-ends/")
    assert result.outlet is not None and result.outlet.name == "Quay Notes"


def test_a_site_named_by_its_initials_and_in_full_goes_by_the_full_name() -> None:
    # og:site_name "HSV e.V." beside the JSON-LD publisher "Hafen Segel Verein e.V."; "HWE" beside
    # "Hafenverband WindEnergie" (its capitals)
    url = "https://www.hafen-example.de/aktuelles/faehre"

    def named(short: str, full: str) -> object:
        publisher = {"@type": "Organization", "name": full}
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Ferry", "publisher": publisher}
        return _result(f'<meta property="og:site_name" content="{short}">' + _ld(ld), BODY, url)["outlet"]["name"]  # type: ignore[index]

    assert named("HSV e.V.", "Hafen Segel Verein e.V.") == "Hafen Segel Verein e.V."
    assert named("HWE", "Hafenverband WindEnergie") == "Hafenverband WindEnergie"
    assert named("HWE", "Quay Media Group") == "HWE"  # not its initials
    # a copyright holder spelled out is the body in law: the site still goes by its initials
    html = page(BODY + "<footer><p>© 2015 Hafen Werbe Einheit</p></footer>", title="Ferry strike ends | HWE")
    result = analyse_html(html, url)
    assert result.outlet is not None and result.outlet.name == "HWE"


@pytest.mark.parametrize(
    ("site_name", "address", "named"),
    [
        ("Harbourpost | Satire | Kabarett", "https://harbourpost.example/2021/ebbe", "Harbourpost"),
        ("harbourpost.eu | inside the docks", "https://harbourpost.eu/2021/ebbe", "harbourpost.eu"),
        ("HPX 7News | Harbour News, Weather, Sports", "https://hpx.example/2021/ebbe", "HPX 7News"),
    ],
)
def test_og_site_name_s_tagline_after_a_bar_is_no_part_of_the_name(site_name: str, address: str, named: str) -> None:
    html = page(
        "<article><h1>Low tide strands the ferry</h1><p>The ferry sat on the mud for six hours.</p></article>",
        f'<meta property="og:site_name" content="{site_name}">',
    )
    assert analyse_html(html, address).outlet.name == named


def test_an_application_name_that_is_the_whole_title_names_no_site() -> None:
    # the CMS fills application-name with the page's <title>: the site's name is the title's end
    title = "Cup-Vorschau: Beim SV Harbour freut man sich auf ein Bruderduell - Handball Harbour"
    html = page(
        "<article><h1>Beim SV Harbour freut man sich auf ein Bruderduell</h1><p>Am Samstag.</p></article>",
        f'<meta name="application-name" content="{title}">',
        title=title,
    )
    assert analyse_html(html, "https://www.handball-harbour.example/de/news/cup").outlet.name == "Handball Harbour"


def test_the_address_inside_a_sentence_of_the_title_is_no_site_name() -> None:
    title = "Ehezoff eskaliert - Jetzt schießt Olli gegen Amira und ihren Neuen Harborflash"
    html = page("<article><h1>Olli schießt gegen Amira</h1><p>Am Samstag.</p></article>", title=title)
    assert analyse_html(html, "https://www.harborflash.example/ehezoff").outlet.name != title.split(" - ")[1]


def test_a_site_named_after_its_writer_whose_author_tag_names_her_is_hers() -> None:
    # a developer's own site: its generator names no site, its <h1> and notice are her name, its author tag too
    url = "https://joquayside.com/2020/09/ferry-strike-ends"
    body = "<header><h1><a href='/'>Jo Quayside</a></h1></header>" + BODY + "<footer>© 2020 - Jo Quayside</footer>"
    head = '<meta name="author" content="Jo Quayside">'
    assert analyse_html(page(body, head, title="Ferry strike ends"), url).to_dict()["authors"] == ["Jo Quayside"]


def test_a_publication_named_like_a_person_names_no_writer_by_its_author_tag() -> None:
    # "Harbor Quayside" on harborquayside.com names itself to readers' software: its name is the publisher's
    url = "https://harborquayside.com/2020/09/ferry-strike-ends"
    head = '<meta property="og:site_name" content="Harbor Quayside"><meta name="author" content="Harbor Quayside">'
    assert analyse_html(page(BODY, head), url).to_dict()["authors"] == []


def test_a_site_name_after_the_headline_and_a_colon_in_the_title_names_the_site() -> None:
    # "<title>Headline: Site</title>" over the page's <h1>Headline</h1> (a hyphen inside the headline is no separator)
    body = "<h1>Ferry fares rise - what riders pay now</h1><p>" + "The fares rose on Monday. " * 30 + "</p>"
    title = "Ferry fares rise - what riders pay now : Chamber of Harbour Trades"
    result = analyse_html(page(body, title=title), "https://www.cht-harbour.example/news/fares")
    assert result.outlet is not None and result.outlet.name == "Chamber of Harbour Trades"
    # "Site: Headline" stays the site first
    result = analyse_html(page(body, title="Harbour Trades: Ferry fares rise - what riders pay now"), None)
    assert result.outlet is not None and result.outlet.name == "Harbour Trades"


def test_a_blogs_archive_title_names_no_site_after_its_colon() -> None:
    # Blogger's archive page: "<title>Blog Name: 2011</title>" under og:title "Blog Name": the year is no site
    body = "<h1>Harbour Notes</h1><p>" + "The ferry ran late again on Monday. " * 30 + "</p>"
    head = '<meta property="og:title" content="Harbour Notes">'
    result = analyse_html(page(body, head, title="Harbour Notes: 2011"), "https://jroe42.example/2011/")
    assert result.outlet is None or result.outlet.name != "2011"


def test_a_publisher_tag_that_signs_the_sites_maker_names_no_outlet() -> None:
    # the web agency that built the site fills in <meta name="publisher"> with its name and address; the site's own
    # name stands only at the end of the <title>
    for maker in (
        "Pixelworks GmbH - www.pixelworks.example - QS / Pixelworks GmbH / Nordland",
        "Pixelworks - www.pixelworks.example",
    ):
        head = f"<meta name='publisher' content='{maker}'>"
        result = analyse_html(page(BODY, head, title="Ferry strike ends - Harbor Courier"), ARTICLE_URL)
        assert result.outlet is not None and result.outlet.name == "Harbor Courier", maker


def test_a_person_as_the_json_ld_publisher_gives_way_to_the_sites_name_in_its_title() -> None:
    # a radio site's page object names the piece's maker as its publisher, typed Person (with "type" or "@type");
    # the site's name stands in the <title>
    for key in ("type", "@type"):
        head = _ld(
            {"@context": "http://schema.org", "@type": "WebPage", "publisher": {key: "Person", "name": "Jo Roe"}}
        )
        result = analyse_html(page(BODY, head, title="Ferry strike ends | Harbor Radio"), ARTICLE_URL)
        assert result.outlet is not None and result.outlet.name == "Harbor Radio", key


def test_a_person_as_the_json_ld_publisher_still_names_her_one_person_blog() -> None:
    # nothing else names the site: the writer publishing her own blog is its publisher
    ld = {"@context": "https://schema.org", "@type": "BlogPosting", "headline": "Ferry strike ends"}
    ld |= {"author": {"@type": "Person", "name": "Jo Roe"}, "publisher": {"@type": "Person", "name": "Jo Roe"}}
    result = analyse_html(page(BODY, _ld(ld), title="Ferry strike ends"), "https://joroe.example/2024/ferry")
    assert result.outlet is not None and result.outlet.name == "Jo Roe"
