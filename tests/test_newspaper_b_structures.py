"""Page structures of the codelucas/newspaper test pages (batch b), rebuilt small with invented names and sites."""

from __future__ import annotations

from bot.engine import analyse_html
from tests.engine_helpers import page


def _story(line: str) -> str:
    """Thirty paragraphs of an invented piece: `line` with its number at `{n}`."""
    return "".join(f"<p>{line.format(n=n)}</p>" for n in range(30))


_BODY = _story("Step {n}: stir the leeks into the pan and let them soften over a low heat.")


def _recipe_page(under_title: str) -> str:
    return page(
        "<main><h1>Leek and Barley Bake</h1>"
        '<div class="photo"><img src="/img/leek-bake.jpg" alt="Leek bake"></div>'
        f"{under_title}"
        '<div class="rating"><span class="ratingBy">by</span> <span class="votes">17</span>&nbsp;people</div>'
        f"{_BODY}</main><footer><p>© 2015 Harbor Media Corp. All Rights Reserved</p></footer>",
        '<meta property="og:site_name" content="Harbor Recipes">',
    )


def test_a_rating_tally_after_by_is_no_byline() -> None:
    # "rated by 17 people" under a recipe's stars counts its raters: "people" is no pen name and no outlet
    result = analyse_html(_recipe_page(""), "https://recipes.example/leek-and-barley-bake/")
    assert result.authors == []
    assert not result.republication.is_republication


def test_a_recipe_from_line_under_the_picture_names_the_partner_title() -> None:
    # a recipe site's partner line under the title and picture: the recipe is the partner magazine's
    partner = '<a href="https://homeandhearth.example/">Home and Hearth Monthly</a>'
    under_title = f'<div class="partner"><span>Recipe from </span>{partner}</div>'
    result = analyse_html(_recipe_page(under_title), "https://recipes.example/leek-and-barley-bake/")
    assert result.republication.is_republication
    assert result.republication.original is not None
    assert result.republication.original.name == "Home and Hearth Monthly"


def test_a_state_flag_naming_pop_ups_does_not_make_the_article_box_a_pop_up() -> None:
    # "modal-enabled" says the box's links may open pop-ups: the byline and day inside it are the article's own
    # (here no headline is found to vouch for the box)
    story = _story("Paragraph {n} about the ferry company and the harbour board's long talks.")
    html = page(
        '<div class="left-column"><div class="box article modal-enabled"><div class="article-header">'
        "<p class='section-tag'><a href='/harbour/'>Harbour</a></p>"
        '<div id="author-byline"><p class="byline">By Maren J. Oakes</p></div>'
        '<p class="byline-date">March 4, 2015 | 11:38pm</p></div>'
        f'<div class="entry-content">{story}</div></div></div>',
        '<meta property="article:published_time" content="2015-03-05T04:38:49+00:00">',
    )
    result = analyse_html(html, "https://harborpost.example/2015/03/04/ferry-fare-dispute/")
    assert result.authors == ["Maren J. Oakes"]
    assert (result.published or "")[:10] == "2015-03-04"


def test_a_template_publication_date_years_before_the_posts_month_gives_way_to_its_date_line() -> None:
    # a magazine blog's template keeps one article:published_time for every post; the post's own date line and the
    # month its address files it under agree
    address = "https://magazine.example/style/blogs/the-eye/2016/05/packing-for-a-long-weekend.html"
    head = (
        '<meta property="article:published_time" content="2011-03-02T00:00:00-04:00">'
        f'<meta property="og:url" content="{address}">'
    )
    story = _story("Tip {n}: roll the shirts, and leave the second pair of shoes at home.")
    html = page(
        '<article><div class="entry-metadata date">On May 20, 2016 at 1:30 PM</div>'
        "<h1>How to pack for a long weekend</h1>"
        f'<div class="entry-metadata">By Tobias Venn</div>{story}</article>',
        head,
    )
    assert (analyse_html(html, address).published or "")[:10] == "2016-05-20"


def test_a_site_name_that_is_the_sites_twitter_handle_gives_way_to_the_name_in_its_title() -> None:
    head = '<meta property="og:site_name" content="Harbor_Style"><meta name="twitter:site" content="@Harbor_Style">'
    story = _story("Line {n} of the piece about the winter coats seen on the harbour front.")
    html = page(
        f"<article><h1>Winter coats take over the harbour front</h1><p>By Ilse Marrow</p>{story}</article>",
        head,
        title="Winter coats on the harbour front | Fashion | Harbor Style Daily",
    )
    result = analyse_html(html, "https://harborstyledaily.example/2016/01/winter-coats")
    assert result.outlet is not None and result.outlet.name == "Harbor Style Daily"


def test_a_captions_copyright_holder_property_is_the_pictures_and_a_permission_footer_reserves_the_rights() -> None:
    # the illustration's credit is marked up as the article item's copyrightHolder; the footer reserves the rights
    story = _story("Verse {n}: the snow has gone, and the sledges rust in the harbour sheds.")
    html = page(
        '<article itemscope itemtype="http://schema.org/NewsArticle">'
        '<h1 itemprop="headline">Carols for a warm winter</h1>'
        '<p>By <span itemprop="author">Tobias Venn</span></p><div itemprop="articleBody">'
        '<figure><img itemprop="image" src="/img/carols.jpg"><figcaption itemprop="description">'
        '<span class="credit" itemprop="copyrightHolder">Credit Illustration by Ilse Marrow</span>'
        "</figcaption></figure>"
        f"{story}</div></article><footer><p>The material on this site may not be reproduced, distributed or otherwise "
        "used, except with the prior written permission of Harbor Magazines.</p></footer>",
        '<meta property="og:site_name" content="The Harbor Review">',
    )
    result = analyse_html(html, "https://harborreview.example/magazine/2016/12/19/carols-for-a-warm-winter")
    assert all("Marrow" not in holder for holder in result.copyright.holders)
    assert result.reuse is not None and result.reuse.category == "all-rights-reserved"


def test_a_partner_named_by_a_linked_microdata_name_and_an_agency_under_the_lead_picture() -> None:
    # the partner's name is a link marked itemprop="name" (its value by the HTML rules is the address); the lead
    # picture's agency sits in a wrapper of its own right after the picture's
    story = _story("Point {n}: offer the client a rebate for the year ahead and thank him.")
    html = page(
        '<div itemscope itemtype="http://schema.org/NewsArticle"><h1 itemprop="name">How to keep a stingy client</h1>'
        '<p itemprop="author" itemscope itemtype="http://schema.org/Person">By <span itemprop="name">Dana Whitcombe'
        '</span></p><div itemprop="sourceOrganization" itemscope itemtype="http://schema.org/Organization">'
        '<a itemprop="name" href="http://www.harborbusiness.example/">HarborBusiness.example</a></div>'
        '<div class="slideshow" itemprop="associatedMedia" itemscope itemtype="http://schema.org/MediaObject">'
        '<ul><li><div class="m"><a href="#"><img src="/img/office.jpg" alt="office"></a></div><div class="summary">'
        '<p itemprop="sourceOrganization" itemscope itemtype="http://schema.org/Organization">'
        '<span class="source" itemprop="name">REUTERS</span></p></div></li></ul></div>'
        f'<div class="article-text" itemprop="articleBody">{story}</div></div>',
        '<meta property="og:site_name" content="Valley Small Business Center">',
    )
    result = analyse_html(html, "https://smallbusiness.valleynews.example/2016/12/23/stingy-client/")
    assert result.republication.is_republication
    assert result.republication.original is not None
    assert result.republication.original.name.lower() == "harborbusiness.example"
