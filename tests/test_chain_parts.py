"""The chain's parts on their own: where the original's address comes from, the rules data, and the renderings."""

from __future__ import annotations

import pytest

from bot.chain.finder import find_candidates, links_in
from bot.chain.render import chain_one_liner, render_chain_text
from bot.chain.rules import load_rules
from bot.chain.terms import licence_label
from bot.engine import analyse_html, analyse_text
from bot.engine.registry import load_registry
from bot.model import ChainLink, Finding, Outlet

ORIGINAL = "https://www.propublica.org/article/river-towns-floating-gardens"
COPY = "https://valley-ledger.example/news/2026/story"
HEAD = '<meta property="og:site_name" content="Valley Ledger">'


@pytest.mark.parametrize(
    ("head", "signal"),
    [
        (
            f'<script type="application/ld+json">{{"@type": "NewsArticle", "isBasedOn": "{ORIGINAL}"}}</script>',
            "json-ld",
        ),
        (f'<meta name="syndication-source" content="{ORIGINAL}">', "meta"),
        (f'<meta name="original-source" content="{ORIGINAL}">', "meta"),
        (f'<link rel="canonical" href="{ORIGINAL}">', "link"),
    ],
)
def test_the_originals_address_from_the_pages_own_tags(head: str, signal: str) -> None:
    html = f"<html><head>{HEAD}{head}</head><body><article><p>The story's text.</p></article></body></html>"
    analysis = analyse_html(html, COPY)
    candidates, findings = find_candidates(analysis, links_in(html, True, COPY))
    assert [c.url for c in candidates] == [ORIGINAL] and findings == []
    assert candidates[0].how.startswith(f"{signal}: ")


def test_a_page_that_credits_no_one_has_nothing_to_follow() -> None:
    html = f"<html><head>{HEAD}</head><body><article><p>Our own story, <a href='/news/other-1'>and more</a>.</p>"
    assert find_candidates(analyse_html(html, COPY), links_in(html, True, COPY)) == ([], [])


def test_a_paste_naming_a_wire_without_a_link_says_what_would_confirm_it() -> None:
    pasted = (
        "Floating gardens return\n\nELMSFORD (Reuters) - Gardeners built rafts of barrels.\n\n(Reporting by Mara Lind)"
    )
    candidates, findings = find_candidates(analyse_text(pasted), links_in(pasted, False, None))
    assert candidates == []
    assert findings[0].finding.startswith("The copy names Reuters as the original but links no page of it")
    assert findings[0].ok is None and "Reuters" in findings[0].evidence


def test_links_are_absolute_and_cleaned() -> None:
    html = '<p><a href="/a/1?utm_source=x">one</a> <a href="mailto:x@example.org">mail</a> <a href="https://b.example/2#top">two</a>'
    assert links_in(html, True, "https://site.example/news/") == ["https://site.example/a/1", "https://b.example/2"]
    assert links_in("see <https://b.example/2|this> and https://c.example/3.", False, None) == [
        "https://b.example/2",
        "https://c.example/3",
    ]


def test_every_rule_names_a_registry_outlet_and_its_sources() -> None:
    book, registry = load_rules(), load_registry()
    assert {r.outlet for r in book.rules.values()} >= {
        "The Conversation",
        "ProPublica",
        "KFF Health News",
        "Global Voices",
    }
    for rules in book.rules.values():
        assert registry.by_name(rules.outlet) is not None, rules.outlet
        assert all(s.startswith("https://") for s in rules.sources) and rules.says
    assert book.for_outlet("the conversation") is book.for_outlet("The Conversation")
    assert "adsbygoogle" in book.ad_markers


def test_licence_labels_as_creative_commons_writes_them() -> None:
    assert licence_label("CC-BY-NC-ND-4.0") == "CC BY-NC-ND 4.0"
    assert licence_label("CC0-1.0") == "CC0-1.0"


def _link(relation: str, *oks: bool | None, **kw: object) -> ChainLink:
    findings = [Finding("Original found at x.", "text: credit", ok=True)]
    words = ["Credit to the outlet present", "A link to the original present", "Something asked?"]
    findings += [
        Finding(w if ok is not False else w.replace("present", "missing"), "e", ok=ok)
        for w, ok in zip(words, oks, strict=False)
    ]
    return ChainLink(
        "https://theconversation.com/a-1", Outlet("The Conversation"), relation, 0.9, findings=findings, **kw
    )  # type: ignore[arg-type]


def test_one_liners() -> None:
    assert chain_one_liner([]) is None
    verbatim = _link("verbatim", True, True)
    assert chain_one_liner([verbatim]) == (
        "Checked against the original on theconversation.com: verbatim copy, credit and link present ✓"
    )
    assert chain_one_liner([_link("verbatim", True, False)]).endswith("verbatim copy, credit present, link missing ✗")  # type: ignore[union-attr]
    excerpt = _link(
        "excerpt",
        True,
        True,
        None,
        changes=["30% of the original kept (3 of 10 paragraphs)"],
        license_id="CC-BY-ND-4.0",
    )
    assert chain_one_liner([excerpt]) == (
        "Excerpt of a CC BY-ND 4.0 piece on theconversation.com: 30% of the original kept (3 of 10 paragraphs) ?"
    )
    named = ChainLink("", Outlet("Reuters"), "unreachable", findings=[Finding("The copy names Reuters …", "e")])
    assert chain_one_liner([named]) == (
        "Reuters is named as the original but not linked: a link to the piece on its site would confirm it ?"
    )
    gone = ChainLink(
        "https://a.example/x-1", None, "unreachable", findings=[Finding("…: the site answered 404 (Not Found).", "e")]
    )
    assert chain_one_liner([gone, verbatim]) == chain_one_liner([verbatim])  # the link that was compared leads


def test_the_chain_block_for_the_terminal() -> None:
    assert render_chain_text([]) == ""
    link = _link("edited", False, changes=["headline changed", "3 paragraphs cut at the end"])
    block = render_chain_text([link], width=100)
    assert block.splitlines()[:3] == [
        "Chain:",
        "  Original: https://theconversation.com/a-1 (The Conversation): edited, similarity 0.90",
        "  Changes:  headline changed; 3 paragraphs cut at the end",
    ]
    assert "  ✗ Credit to the outlet missing" in block and "      from: text: credit" in block
    assert "from:" not in render_chain_text([link], evidence=False)
    assert link.to_dict() == {
        "url": "https://theconversation.com/a-1",
        "outlet": {
            "name": "The Conversation",
            "domain": None,
            "organization": None,
            "country": None,
            "kind": "other",
            "notes": [],
        },
        "relation": "edited",
        "similarity": 0.9,
        "changes": ["headline changed", "3 paragraphs cut at the end"],
        "findings": [
            {"finding": "Original found at x.", "evidence": "text: credit"},
            {"finding": "Credit to the outlet missing", "evidence": "e"},
        ],
    }


def test_a_missing_author_credit_is_named_in_the_one_liner() -> None:
    link = _link("verbatim", True, True)
    link.findings.append(Finding("Credit to the authors missing (required by CC BY-ND 4.0).", "e", ok=False))
    assert chain_one_liner([link]) == (
        "Checked against the original on theconversation.com: verbatim copy, credit and link present, "
        "author credit missing ✗"
    )


def test_a_saved_original_is_not_chased_through_its_own_canonical() -> None:
    """A page saved without its address names its own site: its canonical there is itself, not an original."""
    from bot.chain.finder import find_candidates
    from bot.model import Analysis, InputInfo, Outlet

    page = Analysis(
        input=InputInfo("html"),
        outlet=Outlet("Valley Courier", "valleycourier.example"),
        canonical_url="https://www.valleycourier.example/news/2026/11/rafts-return",
    )
    assert find_candidates(page, []) == ([], [])
    elsewhere = Analysis(
        input=InputInfo("html"),
        outlet=Outlet("Valley Courier", "valleycourier.example"),
        canonical_url="https://harborledger.example/news/2026/11/rafts-return",
    )
    assert [c.url for c in find_candidates(elsewhere, [])[0]] == [elsewhere.canonical_url]
