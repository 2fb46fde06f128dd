"""The warnings a careful reader must not miss, worded from `bot/data/messages.toml`."""

from __future__ import annotations

import tomllib
from functools import lru_cache

from bot.engine.decide import Decision
from bot.engine.party import Party
from bot.engine.registry import name_key
from bot.model import Evidence
from bot.paths import DATA_DIR

DATA_FILE = DATA_DIR / "messages.toml"


@lru_cache(maxsize=1)
def _data() -> dict[str, dict[str, str]]:
    return tomllib.loads(DATA_FILE.read_text(encoding="utf-8"))


def messages() -> dict[str, str]:
    return _data()["warnings"]


def country_name(code: str) -> str:
    """'RU' -> 'Russia', as the warnings say it; a code the data file does not name stays a code."""
    return _data()["countries"].get(code, code)


def _state_note(party: Party) -> str:
    entry = party.entry
    country = country_name(entry.country) if entry and entry.country else "a state"
    organization = entry.organization if entry else None
    # "TASS, controlled by …" rather than "TASS is TASS, controlled by …"
    named = entry is not None and organization and name_key(organization) != name_key(entry.name)
    owner = f"{organization}, " if named else ""
    return f"{owner}controlled by the state of {country}".replace("state of the", "state of")


def rights_owner(decision: Decision) -> str:
    """Who owns the rights, said plainly: the original outlet's name, with the holders its notice names
    ("RT (© RT News, RT Op Edge)"), or the holders themselves."""
    holders = decision.analysis.copyright.holders
    original = decision.original_party
    if original and original.entry and holders and all(original.matches(h) for h in holders):
        names = ", ".join(holders)
        return original.entry.name if names == original.entry.name else f"{original.entry.name} (© {names})"
    return " / ".join(holders)


def cautions(decision: Decision) -> tuple[list[str], list[Evidence]]:
    text = messages()
    analysis = decision.analysis
    out: list[str] = []
    evidence: list[Evidence] = []
    outlet, original = decision.outlet_party, decision.original_party
    holders = analysis.copyright.holders
    owner = rights_owner(decision)
    if holders and outlet and not any(outlet.owns_rights_as(h) for h in holders):
        # the site's own grant is real, so say what it does not reach rather than that it cannot license anything
        grant = analysis.reuse.category == "permission-granted" and outlet.matches(analysis.reuse.granted_by)
        key = "rights_elsewhere_grant" if grant else "rights_elsewhere"
        out.append(text[key].format(holder=owner, outlet=outlet.name))
    elif holders and outlet is None and original is not None:
        out.append(text["rights_elsewhere_no_outlet"].format(holder=owner))
    if original and original.entry and original.entry.kind == "state-controlled":
        out.append(text["state_original"].format(name=original.entry.name, note=_state_note(original)))
        evidence.append(Evidence("warnings", "registry", f"{original.entry.name}: state-controlled"))
    for via in decision.via_parties:
        if via.entry and via.entry.kind == "state-controlled":
            out.append(text["state_via"].format(name=via.entry.name, note=_state_note(via)))
    if outlet and outlet.entry and outlet.entry.kind == "state-controlled":
        out.append(text["state_outlet"].format(name=outlet.entry.name, note=_state_note(outlet)))
        evidence.append(Evidence("warnings", "registry", f"{outlet.entry.name}: state-controlled"))
    if analysis.reuse.fair_use_claim:
        out.append(text["fair_use"].format(outlet=outlet.name if outlet else "The site"))
    return out, evidence
