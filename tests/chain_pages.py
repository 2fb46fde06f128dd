"""Invented original/copy article pairs for the chain tests and benchmark: one invented story, and the pages an
original outlet and a republisher would serve for it. No real article text."""

from __future__ import annotations

import html

HEADLINE = "River towns test floating gardens as floods return each spring"
AUTHOR = "Mara Lindqvist"
PARAGRAPHS = (
    "Every spring the river climbs over its banks in the low towns of the valley, and every spring the vegetable "
    "beds along the water disappear under a brown sheet of silt. This year, three towns are trying something new.",
    "Gardeners in Elmsford, Barrow Creek and Little Haven have built rafts of recycled barrels and cedar planks, each "
    "carrying a bed of soil that rises and falls with the water. The idea came from a visiting agronomist.",
    "“We lost two harvests in four years,” said Ines Okafor, who runs the community plot in Barrow Creek. “The rafts "
    "cost us a weekend and some borrowed tools. If they float, we eat.”",
    "The rafts are tethered to posts sunk deep into the bank, so that a strong current cannot carry them away. Each "
    "one holds about six square metres of soil, enough for beans, chard and a row of squash.",
    "Researchers at the regional agricultural college are measuring how the plants respond. Early results suggest "
    "the roots cope well with the damp, although tomatoes have struggled in the cooler air above the water.",
    "Floating gardens are not new. Farmers in several delta regions have grown crops on woven mats of water "
    "hyacinth for centuries, and the valley project borrowed openly from their methods.",
    "The towns have paid for the first twenty rafts from a small resilience fund set up after the floods of 2019. "
    "Local schools have joined in, and pupils take turns recording water levels each morning.",
    "Not everyone is convinced. Some residents worry that the rafts will break loose in a severe flood and damage "
    "bridges downstream, and the county engineer has asked for stronger anchoring before next season.",
    "For now the gardeners are cautiously hopeful. The first beans were picked last week, a month earlier than on "
    "the old plots, and the chard has done better than anyone expected.",
    "“It is a small thing,” Okafor said. “But when the water comes, we will still have something growing.”",
)


def original_page(
    headline: str = HEADLINE,
    paragraphs: tuple[str, ...] = PARAGRAPHS,
    *,
    site: str = "The Conversation",
    license_url: str | None = "https://creativecommons.org/licenses/by-nd/4.0/",
    notice: str | None = None,
    lang: str = "en",
) -> str:
    licence = (
        f'<p>Published under a <a rel="license" href="{license_url}">Creative Commons licence</a>.</p>'
        if (license_url)
        else ""
    )
    notice_html = f"<footer><p>{html.escape(notice)}</p></footer>" if notice else ""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(headline)}</title>
<meta property="og:site_name" content="{site}"><meta property="og:title" content="{html.escape(headline)}">
<meta name="author" content="{AUTHOR}"><meta property="article:published_time" content="2026-11-10T08:00:00Z">
</head><body><nav><a href="/">Home</a></nav><article><h1>{html.escape(headline)}</h1>
<p class="byline">By {AUTHOR}</p>
{body}
{licence}</article>{notice_html}</body></html>"""


def copy_page(
    original_url: str | None,
    headline: str = HEADLINE,
    paragraphs: tuple[str, ...] = PARAGRAPHS,
    *,
    site: str = "Valley Ledger",
    credit: str = "The Conversation",
    author: str | None = AUTHOR,
    ads: bool = False,
) -> str:
    if original_url:
        credit_line = (f'<p>This article is republished from <a href="{original_url}">{credit}</a> under a Creative '
                       'Commons license.</p>')  # fmt: skip
    else:
        credit_line = f"<p>This article is republished from {credit} under a Creative Commons license.</p>"
    byline = f'<p class="byline">By {author}</p>' if author else ""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    ad_script = (
        '<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js"></script>' if ads else ""
    )
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(headline)}</title>
<meta property="og:site_name" content="{site}">{ad_script}</head><body><nav><a href="/">Home</a></nav>
<article><h1>{html.escape(headline)}</h1>{byline}
{body}
{credit_line}</article><footer><p>© 2026 {site}</p></footer></body></html>"""


# The same story in French (for the translation case), invented like the English one.
PARAGRAPHS_FR = (
    "Chaque printemps, la rivière déborde dans les villes basses de la vallée, et chaque printemps les potagers le "
    "long de l'eau disparaissent sous une nappe de limon brun. Cette année, trois villes essaient autre chose.",
    "Les jardiniers d'Elmsford, de Barrow Creek et de Little Haven ont construit des radeaux de tonneaux recyclés et "
    "de planches de cèdre, chacun portant un lit de terre qui monte et descend avec l'eau.",
    "« Nous avons perdu deux récoltes en quatre ans », a déclaré Ines Okafor, qui gère le jardin communautaire de "
    "Barrow Creek. « Les radeaux nous ont coûté un week-end et quelques outils empruntés. »",
    "Les radeaux sont attachés à des poteaux enfoncés profondément dans la berge, afin qu'un courant fort ne puisse "
    "pas les emporter. Chacun porte environ six mètres carrés de terre, assez pour des haricots et des blettes.",
)
