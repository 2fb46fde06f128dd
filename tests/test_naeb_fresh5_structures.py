"""Page structures met on a fifth fresh batch of NAEB pages (labelled before any rule saw them); each page here is
invented to reproduce one."""

from __future__ import annotations

from bot.engine import analyse_html
from tests.engine_helpers import page

URL = "https://www.harbor-courier.example/fitness/2025/lifting-after-loss"
_BODY = "".join(f"<p>Paragraph {n} of the story about the lifting club and its members.</p>" for n in range(20))


def test_an_as_told_to_byline_credits_the_teller_and_the_writer() -> None:
    # a first-person story: the microdata author's name is "<teller> as told to <writer>", linked to the writer
    html = page(
        '<article><h1>Why I lift</h1><div itemprop="author" itemscope itemtype="https://schema.org/Person">'
        '<a href="/author/tessa-marlow" itemprop="name">Rona Fielding as told to Tessa Marlow</a>'
        f"<div>March 7, 2025</div></div>{_BODY}</article>"
    )
    assert analyse_html(html, URL).authors == ["Rona Fielding", "Tessa Marlow"]


def test_a_pasted_as_told_to_byline_credits_both() -> None:
    html = page(f"<article><h1>Why I lift</h1><p class='byline'>By Rona Fielding as told to Tessa Marlow</p>{_BODY}")
    assert analyse_html(html, URL).authors == ["Rona Fielding", "Tessa Marlow"]
