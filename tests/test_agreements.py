"""A newsroom's agreements and the reuse wording they change (bot/agreements.py): pure, on hand-built analyses."""

from __future__ import annotations

from bot.agreements import Agreement, agreement_wording, republish_line
from bot.engine.registry import load_registry
from bot.model import Analysis, Copyright, InputInfo, License, Outlet, Republication, Reuse, Source

REGISTRY = load_registry()
AP_SUB = Agreement("subscription", "The Associated Press")


def piece(*, holders: list[str], category: str = "all-rights-reserved", granted_by: str | None = None,
          original: str | None = None, via: list[str] | None = None) -> Analysis:  # fmt: skip
    return Analysis(
        input=InputInfo("url", "https://news.example/story"),
        outlet=Outlet("Example News", "news.example", kind="news"),
        copyright=Copyright(holders=holders),
        reuse=Reuse(category=category, granted_by=granted_by, summary="ask them before reuse",  # type: ignore[arg-type]
                    license=License("CC-BY-4.0", "CC BY 4.0") if category == "open-license" else None),
        republication=Republication(bool(original), Source(original) if original else None,
                                    [Source(v) for v in via or []]),
    )  # fmt: skip


def test_a_wire_subscription_covers_the_wires_copy_by_any_of_its_names() -> None:
    assert (
        agreement_wording(piece(holders=["Associated Press"]), [AP_SUB], REGISTRY) == "your AP subscription covers this"
    )
    copy = piece(holders=[], original="AP", granted_by="AP")
    assert agreement_wording(copy, [Agreement("subscription", "AP")], REGISTRY) == "your AP subscription covers this"
    through = piece(holders=["Example News"], original="Example Wire", via=["The Associated Press"])
    assert agreement_wording(through, [AP_SUB], REGISTRY) == "your AP subscription covers this"


def test_a_syndication_deal_names_the_outlet_and_covers_its_holding_company() -> None:
    deal = Agreement("syndication", "The Guardian")
    found = agreement_wording(piece(holders=["Guardian News & Media Limited"]), [deal], REGISTRY)
    assert found == "your syndication deal with The Guardian covers this"


def test_no_agreement_for_another_party_or_an_open_licence() -> None:
    afp = piece(holders=["Agence France-Presse"], original="AFP", granted_by="AFP")
    assert agreement_wording(afp, [AP_SUB, Agreement("subscription", "Reuters")], REGISTRY) is None
    assert agreement_wording(afp, [], REGISTRY) is None
    assert agreement_wording(piece(holders=["AP"], category="open-license"), [AP_SUB], REGISTRY) is None


def test_agreements_round_trip_and_bad_rows_are_dropped() -> None:
    assert Agreement.from_dict(AP_SUB.to_dict()) == AP_SUB
    assert Agreement.from_dict({"kind": "handshake", "party": "AP"}) is None
    assert Agreement.from_dict({"kind": "subscription", "party": " "}) is None


def test_the_republish_line_puts_the_agreement_first_and_keeps_the_pages_terms() -> None:
    line = republish_line("your AP subscription covers this", "AP copy is licensed to subscribers only.")
    assert line.startswith("Your AP subscription covers this") and "licensed to subscribers only" in line
