"""The page in hand: its address, its outlet, title, canonical address and dates."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from bot.engine.dates import day_on_country_clock, human_date, in_country_time, shown_local_day
from bot.engine.decision.evidence import Decided, cite, note
from bot.engine.decision.site_name import (
    address_named,
    is_address,
    name_before_tagline,
    site_name,
    spelled_out,
    squashed,
)
from bot.engine.domains import host_of, looks_like_domain, registered_domain
from bot.engine.facts import Fact, Facts
from bot.engine.party import Party
from bot.engine.platforms import archived_address
from bot.engine.print_issue import names_print_issue
from bot.engine.registry import OutletEntry, Registry
from bot.model import InputInfo, Outlet, Source

# a UTC stamp early enough in the day that places west of Greenwich were still on the day before
_UTC_MORNING = re.compile(r"^\d{4}-\d\d-\d\dT(?:0\d|1[01]):\d\d:\d\d(?:Z|\+00:00)$")
# a machine stamp with its clock but no offset: the publisher's wall clock
_LOCAL_CLOCK = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$")
_TITLE_SUFFIX = re.compile(r"\s+(?:[|·•–—-]|::)\s+[^|·•–—-]{2,60}$")


def page_address(input_info: InputInfo, facts: Facts, registry: Registry | None = None) -> str | None:
    """Where the page is: the address it was fetched from, else the one the page gives for itself, unless that is
    another known outlet's than the one the page names itself (a cross-post keeping the original's og:url). A web
    archive's copy is where the archived address says."""
    if address := input_info.final_url or input_info.url:
        return archived_address(address) or address
    fact = facts.best("page_url")
    if fact is None:
        return None
    named = facts.best("outlet")
    at = registry.by_host(host_of(fact.value)) if registry is not None and named is not None else None
    names = _registry_entry(registry, named.value) if registry is not None and named is not None and at else None
    return None if at and names and at[0] is not names else fact.value


def decide_outlet(facts: Facts, registry: Registry, page_url: str | None) -> Decided[Party | None]:
    """The site the page is on: a registry outlet by its address, else the name the page gives, else its domain."""
    found = registry.by_host(host_of(page_url)) if page_url else None
    if found:
        known, known_domain = found
        if known.platform and (publication := _publication_in_path(facts, page_url)):
            return Party(publication.value, None, known_domain), [cite("outlet", publication)]
        return Party(known.name, known, known_domain), [
            note("outlet", "url", page_url or ""),
            note("outlet", "registry", f"{known_domain}: {known.name} ({known.kind}) in the outlet registry"),
        ]
    named = _site_named(facts, page_url)
    domain = registered_domain(page_url) if page_url else None
    by_address = named is None or (is_address(named.value) and not _address_as_brand(named.value, facts, domain))
    if by_address and (site_named := site_name(facts, page_url or named)):
        named = site_named  # og:site_name "www.diariolibre.com" beside the publisher "Diario Libre"
    elif named and (own := address_named(facts, named, page_url)):
        named = own  # og:site_name "Security" (a section) or a tagline, where the page calls itself "heise online"
    elif named and (apart := _spelled_apart(facts, named.value)):
        named = apart
    elif named and (head := name_before_tagline(named, page_url)):
        named = head
    elif named and (whole := spelled_out(facts, named)):
        named = whole  # og:site_name "DRK e.V." beside the publisher "Deutsches Rotes Kreuz e.V."
    if named:
        entry = _registry_entry(registry, named.value)
        rows = [cite("outlet", named)]
        if entry:
            rows.append(note("outlet", "registry", f"{named.value}: {entry.name} ({entry.kind})"))
        return Party(entry.name if entry else named.value, entry, domain), rows
    if page_url and domain:
        return Party(domain, None, domain), [note("outlet", "url", page_url)]
    return _footer_holder(facts, registry)


def _footer_holder(facts: Facts, registry: Registry) -> Decided[Party | None]:
    """A saved page with neither its address nor a name of its own is the site of the outlet its footer's notice
    names ("©2015 The Associated Press." under AP's own story)."""
    for fact in facts.strongest_first("copyright"):
        entries = [registry.by_holder(h) for h in fact.value.holders] if fact.region == "footer" else []
        if entry := next((e for e in entries if e is not None), None):
            return Party(entry.name, entry, None), [cite("outlet", fact)]
    return None, []


def _registry_entry(registry: Registry, name: str) -> OutletEntry | None:
    """The registry outlet a site's name is, with its tagline or not ("Yahoo News - Latest News & Headlines")."""
    return registry.by_name(name) or registry.by_name(_TITLE_SUFFIX.sub("", name))


def _site_named(facts: Facts, page_url: str | None) -> Fact | None:
    """The strongest name the page gives its site, passing over one that is the section its address files it
    under (og:site_name "Diversao" on …/diversao/…) unless the page names its site nothing else (og:site_name and
    the JSON-LD publisher "Intelligencer" on nymag.com/intelligencer/…)."""
    path = urlsplit(page_url).path.lower() if page_url else ""
    named = facts.strongest_first("outlet")
    for fact in named:
        if f"/{'-'.join(_squashed_words(fact.value))}/" not in path:
            return fact
        if all(_squashed_words(f.value) == _squashed_words(fact.value) for f in named):
            return fact  # every name the page gives is the section's: it is a publication ("Intelligencer")
    return None


def _publication_in_path(facts: Facts, page_url: str | None) -> Fact | None:
    """On a platform, the publication its address files the page under, by the name the page gives it
    ("Practice in Public" on medium.com/practice-in-public/…): the publication, not the platform, publishes it."""
    segment = urlsplit(page_url).path.lower().strip("/").split("/")[0] if page_url else ""
    if not segment or segment.startswith("@"):
        return None
    return next((f for f in facts.strongest_first("outlet") if "-".join(_squashed_words(f.value)) == segment), None)


def _squashed_words(name: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in folded if not unicodedata.combining(c)).split()


def _spelled_apart(facts: Facts, name: str) -> Fact | None:
    """A name that is an address ("ELESPECTADOR.COM", "www.harborcourier.com", "HarborCourier.com") names the site
    by its address: the name the page gives elsewhere with the same letters and its words apart ("El Espectador")
    is its name, as another outlet name or as the author its system credits with the site's own name. A brand that
    writes its address in mixed case ("Boston.com", "PanARMENIAN.Net") and is never spelled apart keeps it."""
    if " " in name.strip() or not (looks_like_domain(_squashed_accents(name)) or _squashed_label(name)):
        return None
    label = squashed(name.lower().removeprefix("www.").split(".")[0])
    spaced = [*facts.strongest_first("outlet"), *facts.strongest_first("author")]
    fact = next((f for f in spaced if isinstance(f.value, str) and _is_spelled_apart(f.value, label)), None)
    return Fact("outlet", fact.value, fact.signal, fact.snippet, fact.weight) if fact else None


def _squashed_label(name: str) -> bool:
    """A site name its software printed as one word in small letters ("theweek"): the address's label, not a name."""
    return name.isascii() and name.isalnum() and name.islower() and len(name) > 4


def _is_spelled_apart(value: str, label: str) -> bool:
    words = value.split()
    return 1 < len(words) <= 5 and value[:1].isupper() and squashed(value) == label


def _squashed_accents(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if not unicodedata.combining(c))


def _address_as_brand(address: str, facts: Facts, domain: str | None) -> bool:
    """A site that calls itself by its address in more than one place (og:site_name, the title's end, its notice:
    "ntv.de") goes by that name; not by another, shorter address ("dhz.net" on deutsche-handwerks-zeitung.de),
    which abbreviates the name the page gives elsewhere."""
    key = address.removeprefix("www.")
    if domain and looks_like_domain(key) and registered_domain(f"https://{key}/") not in (domain, None):
        return False
    named = [f.value for f in facts.all("outlet")] + [h for f in facts.all("copyright") for h in f.value.holders]
    return sum(name.lower().removeprefix("www.") == key for name in named) > 1


def describe_outlet(facts: Facts, outlet: Party | None) -> Decided[Outlet | None]:
    """The outlet as the result shows it; one the registry does not know takes its kind from the page."""
    if outlet is None:
        return None, []
    kind_hint = facts.best("outlet_kind")
    described = outlet.outlet(kind_hint.value if kind_hint else None)
    rows = []
    if not outlet.entry and kind_hint:
        rows.append(cite("outlet.kind", kind_hint))
    if not outlet.entry and described.country:
        rows.append(note("outlet.country", "url", f"{outlet.domain}: a country domain"))
    return described, rows


def decide_title(facts: Facts) -> Decided[str | None]:
    """The most trusted title; a <title> or og:title loses the site name after its last separator."""
    best = facts.best("title")
    if best is None:
        return None, []
    title = _TITLE_SUFFIX.sub("", best.value) if best.signal == "meta" else best.value
    return title.strip(), [cite("title", best)]


def decide_canonical(facts: Facts) -> Decided[Fact | None]:
    canonical = facts.best("canonical")
    return canonical, [cite("canonical_url", canonical)] if canonical else []


@dataclass(frozen=True)
class Dates:
    published: str | None = None
    modified: str | None = None


def decide_dates(
    facts: Facts, text_outlet: Party | None, is_copy: bool, is_text: bool = True, country: str | None = None
) -> Decided[Dates]:
    """The piece's dates: the most trusted of each; for pasted text, the date its outlet's 'Name, date' line gives;
    then the piece's own earlier date on a redated repost; last, a last-updated date. A UTC stamp is told on the
    clock of the outlet's country."""
    published, modified = facts.best("published"), facts.best("modified")
    rows = [cite(name, fact) for name, fact in (("published", published), ("modified", modified)) if fact]
    day = published.value if published else None
    first = next((f for f in facts.all("published") if f.phrase == "first_published"), None)
    if first and day and first.value[:10] < day[:10]:
        # the page's own "First published on March 3" under a machine date that is the last update's
        day = first.value
        rows = [row for row in rows if row.field != "published"] + [cite("published", first)]
    shown = _shown_date(facts)
    if published and shown and published.region == "header" and day != shown.value:
        # a site's top bar ("Mon, 25 Dec 2023", today's date) weighs no more than the article's, nor than a date
        # line in the page's body where the layout marks no article
        day = shown.value
        rows = [row for row in rows if row.field != "published"] + [cite("published", shown)]
    elif shown and day and _shown_as_update(facts, day, shown):
        day = shown.value  # the machine date is the day the page itself shows as its last update
        rows = [row for row in rows if row.field != "published"] + [cite("published", shown)]
    elif shown and day and not _prints_day(facts, day) and (local := _shown_day_of_stamps(facts, day, shown, country)):
        day = local  # the day the article's own date line prints, where the story was published
        rows.append(cite("published", shown))
    elif shown and day and (_day_late_date_alone(facts, day, shown) or _filed_after(facts, day, shown)):
        day = shown.value  # the article's own date line and its address agree on a day the meta date misses
        rows.append(cite("published", shown))
    elif day and (clock := _same_instant_on_local_clock(facts, day)):
        day = clock.value  # the UTC stamp's instant, as another tag gives it on the publisher's own clock
        rows.append(cite("published", clock))
    elif not shown and day and (updated := _shown_update_before(facts, day)):
        day = updated.value  # published no later than the day it shows as updated, a time zone before the UTC day
        rows.append(cite("published", updated))
    if day is None:
        # pasted text: the date its outlet's 'Name, date' line gives; a page: the 'Name date' line by its headline
        dated = next((f for f in facts.all("dated_name") if _dates_the_piece(f, text_outlet, is_text)), None)
        if dated:
            day = dated.value[1]
            rows.append(cite("published", dated))
    redated = facts.best("redated")
    if day is None and redated and redated.value and not is_copy:
        # "This story was originally published on March 3, 2023, and has been updated": the piece's own date
        day = redated.value
        rows.append(cite("published", redated))
    if day is None and modified and modified.value:
        # a page that shows only when it was last updated was published that day or before; that day is the
        # closest date the page gives
        day = modified.value
        rows.append(note("published", modified.signal, f"only a last-updated date is given: {modified.snippet}"))
    # the day the article's date line prints for the stamp is the publisher's, whatever its country's clock says
    if day and not (shown and shown.value[:10] == day[:10]) and (local := in_country_time(day, country)):
        rows.append(note("published", "url", f"{day} is {local} on the clock of the outlet's country ({country})"))
        day = local
    return Dates(day, modified.value if modified else None), rows


def _shown_date(facts: Facts) -> Fact | None:
    """The date line the article prints: one inside the article (its header, its byline) before one elsewhere in
    the page's body (a top bar's "Wednesday, May 4, 2022", today's date, above the headline)."""
    shown = [f for f in facts.all("published") if f.signal == "text" and f.region in ("article", "body")]
    shown = [f for f in shown if not names_print_issue(f.snippet)]  # a magazine's cover date is the issue's
    return next((f for f in shown if f.region == "article"), shown[0] if shown else None)


def _shown_day_of_stamps(facts: Facts, day: str, shown: Fact, country: str | None) -> str | None:
    """`shown_local_day` for the chosen stamp, or else for another stamp of the same day: a JSON-LD
    '2019-11-20T02:15:49-06:00' beside a meta '2019-11-20T02:15:49+00:00' is the UTC clock given the publisher's
    offset by mistake, and the date line's 'Nov 19, 2019, 8:15 pm CST' is the day it was published. Not where a
    stamp without an offset (the publisher's own clock) sits beside a line showing the day a machine dateModified
    gives (the byline prints the last update's time), nor where no machine date gives the line's day and the
    publisher's country's clock keeps a UTC stamp on its own (the line is another story's, a teaser's)."""
    machine_updates = [f.value for f in facts.all("modified") if f.signal in ("json-ld", "meta")]
    if any(update[:10] == shown.value[:10] > day[:10] for update in machine_updates):
        return None if _NO_OFFSET.match(day) else _local_day_of(facts, day, shown)
    if day_on_country_clock(day, country) not in (None, shown.value[:10]):
        return None
    return _local_day_of(facts, day, shown)


_NO_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT[\d:.]+$")


def _local_day_of(facts: Facts, day: str, shown: Fact) -> str | None:
    stamps = [day] + [f.value for f in facts.all("published") if f.signal in ("json-ld", "meta")]
    same_day = (stamp for stamp in stamps if isinstance(stamp, str) and stamp[:10] == day[:10])
    return next((local for stamp in same_day if (local := shown_local_day(stamp, shown.value))), None)


def _prints_day(facts: Facts, day: str) -> bool:
    """The page prints the machine date's own day ("28 kwietnia 2021" beside "2021-04-28T09:45Z"): a day before it
    shown elsewhere (a teaser's date under the story) is another story's, not this one's local day."""
    return any(
        f.signal == "text" and f.region in ("article", "body") and f.value[:10] == day[:10]
        for f in facts.all("published")
    )


def _shown_as_update(facts: Facts, day: str, shown: Fact) -> bool:
    """A machine date ('<meta name="date" content="2021-10-15">') on the day the article shows as its last update
    ("Zuletzt geändert am: 15.10.2021"), after the day it shows as published ("Erschienen am: 13.10.2021"): the
    tag gives the update, and the shown publication day is the piece's. So where the machine dates disagree and
    another publication stamp gives the day the article's date line shows (a JSON-LD datePublished of the 3rd,
    article:published_time and the byline of the 6th)."""
    if shown.region != "article" or shown.value[:10] == day[:10]:
        return False
    stamps = [f for f in facts.all("published") if f.signal in ("json-ld", "meta")]
    # (a field named for the publication only: a bare <meta name="date"> is as often the last update's)
    if day[:10] in [f.value[:10] for f in stamps] and any(
        f.value[:10] == shown.value[:10] and "publish" in f.snippet.lower() for f in stamps
    ):
        return True
    if shown.value[:10] > day[:10] or _prints_day(facts, day):
        return False
    shown_updates = (f for f in facts.all("modified") if f.signal == "text" and f.region in ("article", "body"))
    return any(f.value[:10] == day[:10] for f in shown_updates)


def _day_late_date_alone(facts: Facts, day: str, shown: Fact) -> bool:
    """A meta date without a time ('2014-06-30') one day after the day both the article's date line ('June 29,
    2014 08:08 pm') and its address ('/2014/6/29/') give: the tag took the UTC day of an evening's story."""
    if len(day) != 10 or shown.region != "article" or shown.value[:10] >= day:
        return False
    in_address = {f.value[:10] for f in facts.all("published") if f.signal == "url"}
    return shown.value[:10] in in_address and shown_local_day(f"{day}T00:00:00Z", shown.value) is not None


_ADDRESS_MONTH = re.compile(r"/((?:19|20)\d\d)/([01]\d)/")


def _filed_after(facts: Facts, day: str, shown: Fact) -> bool:
    """A machine date ('2009-09-02') months before the month both the article's date line ('May 23, 2014') and its
    address ('/2014/05/') give: a template's leftover (a blog's whole section shares it), not the post's day."""
    months = {"-".join(m.groups()) for f in facts.all("page_url") if (m := _ADDRESS_MONTH.search(str(f.value)))}
    return shown.region == "article" and day[:7] < shown.value[:7] and shown.value[:7] in months


def _dates_the_piece(fact: Fact, text_outlet: Party | None, is_text: bool) -> bool:
    """Pasted text's 'Name, date' line dates the piece when it names the text's outlet; a page's 'Name date' line
    by its headline (an agency's or a writer's name beside the day) dates it when nothing else does."""
    if is_text:
        return text_outlet is not None and text_outlet.matches(fact.value[0])
    return fact.phrase == "by_headline"


def _same_instant_on_local_clock(facts: Facts, day: str) -> Fact | None:
    """A tag without an offset ('sailthru.date 2019-11-18 20:58:46') that gives a UTC stamp's instant
    ('2019-11-19T04:58:46Z') to the second on a clock whole hours behind: the publisher's own clock, still on the
    day before."""
    if not _UTC_MORNING.match(day):
        return None
    for fact in facts.all("published"):
        local = fact.value if fact.signal in ("meta", "json-ld") and isinstance(fact.value, str) else ""
        if not _LOCAL_CLOCK.match(local) or local[13:19] != day[13:19] or local[:10] >= day[:10]:
            continue
        apart = datetime.fromisoformat(day[:19]) - datetime.fromisoformat(local[:19])
        if apart.total_seconds() % 3600 == 0 and 0 < apart.total_seconds() <= 12 * 3600:
            return fact
    return None


def _shown_update_before(facts: Facts, day: str) -> Fact | None:
    """The article's shown 'Updated 10:01 pm PST, November 19, 2019' under a UTC stamp of November 20: the piece
    was published that day or earlier where it was published, so the UTC day is a time zone too late."""
    if not _UTC_MORNING.match(day):
        return None  # a stamp without its offset, or with the publisher's own, already gives the publisher's day
    updated = next((f for f in facts.all("modified") if f.signal == "text" and f.region in ("article", "body")), None)
    if updated and updated.value[:10] < day[:10] and shown_local_day(day, updated.value):
        return updated
    return None


def date_the_original(facts: Facts, original: Source | None, published: str | None) -> Decided[str | None]:
    """A copy that pastes the original's own date line under its own ("Post by … Feb 11, 2025", then the
    article's "10.02.2025"): the earlier date is the original's, when its credit gave none."""
    if original is None or original.published or not published:
        return (original.published if original else None), []
    own_day = published[:10]
    earlier = [f for f in facts.all("published") if f.signal == "text" and f.value[:10] < own_day]
    if not earlier:
        return original.published, []
    fact = max(earlier, key=lambda f: f.value)
    return fact.value, [cite("republication.original.published", fact)]


def note_redated(facts: Facts, is_copy: bool) -> Decided[list[str]]:
    """The warning for the outlet's own piece posted again under a new date."""
    fact = facts.best("redated")
    if fact is None or is_copy:
        return [], []
    when = f" (first published {human_date(fact.value)})" if fact.value else ""
    warning = f"Redated repost of the outlet's own piece{when}: not a copy from elsewhere."
    return [warning], [cite("warnings", fact)]
