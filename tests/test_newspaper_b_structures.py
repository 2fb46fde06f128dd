"""Page structures of the codelucas/newspaper test pages (batch b), rebuilt small with invented names and sites."""

from __future__ import annotations

from bot.engine import analyse_html
from tests.engine_helpers import page

_BODY = "".join(f"<p>Step {n}: stir the leeks into the pan and let them soften over a low heat.</p>" for n in range(30))


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
