"""Head metadata: OpenGraph, article:*, Dublin Core, <link rel> (canonical, license, syndication-source)."""

from __future__ import annotations

import re
import unicodedata

from bot.engine.company_names import is_company_name
from bot.engine.dates import date_in_title, parse_machine_date
from bot.engine.decision.site_name import spells
from bot.engine.document import Document
from bot.engine.domains import host_of, is_web_address, looks_like_domain, names_a_host, registered_domain
from bot.engine.facts import Credit, Fact, FactField, Notice, snippet
from bot.engine.head_meta import PARSELY_DAY
from bot.engine.name_forms import surname_first
from bot.engine.notices import parse_notice
from bot.engine.party import is_writers_own_site
from bot.engine.platforms import is_blog_generator
from bot.engine.signals.context import Context
from bot.engine.signals.publisher import is_publisher, publisher_keys
from bot.engine.vocabulary import one_of, words
from bot.engine.weights import WEIGHT
from bot.model import Signal

PUBLISHED = (
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
    "article.published", "publish-date", "publish_date", "publishdate", "pubdate", "date", "dc.date",
    "dc.date.issued", "dcterms.date", "dcterms.created", "dcterms.issued", "citation_publication_date",
    "parsely-pub-date", "sailthru.date", "article_date_original", "original-publish-date", "pub_date", "pdate",
)  # fmt: skip
MODIFIED = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified")
# "articleAuthor": Turkish news CMSs' name for the piece's writer or source agency ("Anadolu Ajansı")
AUTHORS = ("author", "article:author", "og:article:author", "dc.creator", "dcterms.creator", "parsely-author",
           "sailthru.author", "citation_author", "byl", "articleauthor")  # fmt: skip
# Dublin Core and citation tags write a name "Surname, Given"
SURNAME_FIRST = frozenset({"dc.creator", "dcterms.creator", "citation_author"})
SITE_NAMES = (
    ("og:site_name", WEIGHT.firm),
    ("application-name", WEIGHT.slight),
    ("publisher", WEIGHT.modest),
    ("dc.publisher", WEIGHT.modest),
    ("citation_publisher", WEIGHT.weak),
)
ORIGINALS = ("syndication-source", "original-source", "dcterms.source", "dc.source", "citation_original_url")


# "20110920": older CMSs' pub_date/pdate tags write the day without separators
_COMPACT_DAY = re.compile(r"^((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$")
_MARK = re.compile(r"©|\(c\)|copyright", re.I)
# "Developed By Jo Roe" in an author tag: who built the site, not who wrote the piece; so does a name with its web
# address ("Pixelworks d.o.o. - www.pixelworks.example", "Created by the W-Team http://www.w-team.example/")
_BUILT_BY = re.compile(
    r"^\W*(?:developed|designed|powered|built|coded|programmed|made|created)\s+by\b|\s(?:https?://|www\.)\S"
    # "Jo Roe und Al Poe designed": a theme's makers signing it in the author tag of every page it dresses
    r"|\s(?:designed|developed)\W*$",
    re.I,
)
# "Theme by Jo Roe" under every page: the theme's maker, whom the theme also writes into each page's author tag
_THEME_BY = r"\b(?:theme|design|designed|template|layout)\b\W{0,3}(?:by|von)\s+"
_NOT_ALNUM = re.compile(r"[\W_]+")
_LETTER = re.compile(r"[^\W\d_]")
# "{$plugin.tx_news.opengraph.site_name}", "{{ site.name }}", "%%sitename%%": a template's variable left unfilled
_UNFILLED = re.compile(r"\{\{.*\}\}|\{\$.*\}|\$\{.*\}|%%\w+%%")
# "Headline | Site", "Headline » Section » Site", "Headline › Site", and CJK titles' "見出し：サイト" and
# "标题_栏目_网站" (a Japanese title's full-width dash, spaced: "見出し － Publickey")
# "Weekly Edition for March 26 [Tides.net]": the site's name in square brackets at the title's end
_BRACKETED_END = re.compile(r"^(?P<headline>.*\S)\s+\[(?P<name>[^\[\]]{2,60})\]$")
# ("Headline « Blog", "Headline ‹ Site": older WordPress themes' separators)
_TITLE_SEPARATOR = re.compile(r"\s+[|·•–—»«‹›\-－]\s+|\s*[｜：]\s*|\s*_(?=[^\x00-\x7f])")
# "How to scrape a site - By jroe": a title's byline part names its writer, not the site
_BYLINE_PART = re.compile(rf"^(?:{one_of('bylines', 'starts')})\s", re.I)


# "Site » Blog Archive » Headline": the old default WordPress theme's title for a single post names the site first
_BLOG_ARCHIVE = frozenset(_NOT_ALNUM.sub("", word.lower()) for word in words("titles", "blog_archive"))


def _squashed(text: str) -> str:
    """Letters and digits only, accents dropped as addresses drop them ("La República" for larepublica.pe)."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _NOT_ALNUM.sub("", text.lower())


_TITLE_HEADINGS = 2


def _site_name_in_title(title: str, page_url: str | None, doc: Document) -> str | None:
    """The site's name in '<title>Headline - Section - Site</title>' (or 'Site: Headline'), when the page names
    itself nowhere else: the end part that is not the headline and matches the address or frames the headline."""
    headline = doc.meta_first("og:title", "twitter:title") or (doc.headings[0] if doc.headings else None)
    # (a page's first <h1> may be its section's name, "Press releases", and the headline the next)
    headlines = {_squashed(h) for h in (headline, *doc.headings[:_TITLE_HEADINGS]) if h}
    # a saved page without its address still names it in og:url or its canonical link
    page_url = page_url or doc.meta_first("og:url") or doc.head_link("canonical")
    domain = registered_domain(page_url) if page_url else None
    label = _squashed(domain.split(".")[0]) if domain else ""
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) > 2 and _squashed(parts[1]) in _BLOG_ARCHIVE and 2 <= len(parts[0].strip()) <= 60:
        return parts[0].strip()
    # "Headline - sn.dk - Forsiden - Erhverv": the part that is the site's own address; "Headline - Harbor Rebel -
    # Daily of the harbour's youth" on harborrebel.example: its name, however much of a tagline follows
    own = {_squashed(domain), label if len(label) >= 4 else None} if domain else set()
    # "… - WP SportoweFakty" on sportowefakty.wp.pl: a group's section on a host of its own, named by both
    section = (host_of(page_url) or "").removeprefix("www.").removesuffix(f".{domain}") if domain else ""
    if section and "." not in section and len(section) >= 4:
        own |= {_squashed(label + section), _squashed(section + label)}
    if named := [p.strip() for p in parts[1:] if _squashed(p) in own]:
        return named[0]
    if framed := _named_by_form(title, parts, doc, label, headlines):
        return framed
    candidates = [(parts[-1], parts[:-1])] if len(parts) > 1 else []
    if bracketed := _BRACKETED_END.match(title):
        candidates.append((bracketed["name"], [bracketed["headline"]]))  # "Headline [Site]"
    if ":" in title:
        first, rest = title.split(":", 1)
        candidates.append((first, [rest]))
        # "Headline: Site" (the headline itself has no colon, or its own colon comes before); a sentence's words
        # before it, not "Startseite: City of X" (a front page's word) nor "Old Blog: 2011" (a blog's archive)
        headline_part, end = title.rsplit(":", 1)
        if len(headline_part.split()) >= 3 and _LETTER.search(end):
            candidates.append((end, [headline_part]))
    for name, others in candidates:
        name = name.strip()
        squashed = _squashed(name)
        # (the address inside a sentence is no name: "Headline - Jetzt schießt X gegen Y und ihren Neuen Harborflash")
        inside = label in squashed and (squashed.startswith(label) or len(name.split()) <= 6)
        matches_address = len(label) >= 4 and (inside or squashed in label)
        # "Aktuelles | Deutscher Schwimm-Verband e.V." on dsv.de: a short address is the name's initials
        matches_address = matches_address or (len(label) in (2, 3) and len(name.split()) >= 2 and spells(name, label))
        # a blog's <h1> is its own name ("Harbor Notes: Ferry strike ends" under <h1>Harbor Notes</h1>)
        is_headline = headline is not None and _squashed(name) == _squashed(headline) and not matches_address
        if is_headline and _squashed(others[0]) in {_squashed(h) for h in doc.headings[1:2]}:
            return name  # a documentation theme's first <h1> is the project's name, the page's own comes next
        if not 2 <= len(name) <= 60 or is_headline or _BYLINE_PART.match(name):
            continue
        if matches_address or _squashed(others[0]) in headlines:
            return name
    return None


_SEPARATORS = " |·•–—»«‹›-－:：_"
# "标题_栏目_网站": a Chinese title's headline, section and site, joined by underscores
_CJK_PARTS = re.compile(r"\s*_(?=[^\x00-\x7f])")


def _named_by_form(title: str, parts: list[str], doc: Document, label: str, headlines: set[str]) -> str | None:
    """A site named by the title's form: the last of three or more underscored parts ("标题_栏目_网站"); a last part
    that is the page's first <h1> (the site's logo) and far shorter than the first ("好奇心日报" of
    "这个约会软件…_智能_好奇心日报"); a first part that spells the address before the headline ("Harbor Tech Blog |
    Managing ferries" on harbor.example); the words after the headline where the title is the page's <h1> and
    more ("Ferry fares rise- Harbor+Ledger", a separator without its space or none at all)."""
    for heading in doc.headings[:_TITLE_HEADINGS]:
        after = title[len(heading) :] if len(heading) > 10 and title.startswith(heading) else ""
        rest = after.strip(_SEPARATORS)
        # (not "Harbor Notes: Ferry strike ends" under <h1>Harbor Notes</h1>: a blog's name, then its post's title)
        if after.lstrip()[:1] in (":", "：") or not 2 <= len(rest) < min(len(heading), 40):
            continue
        if rest[0].isupper() and len(rest.split()) <= 4:
            return rest
    if len(parts) < 2:
        return None
    cjk = _CJK_PARTS.split(title)
    if len(cjk) >= 3 and 2 <= len(cjk[-1].strip()) <= 30:
        return cjk[-1].strip()
    first, last = parts[0].strip(), parts[-1].strip()
    logo = _squashed(doc.headings[0]) if doc.headings else ""
    if logo and _squashed(last) == logo and 2 <= len(last) <= 60 and 2 * len(last) < len(first):
        return last  # (a short <h1> equal to the title's first part is as often a short headline)
    # (not the address itself, "harbor.de - Headline": a name the site gives elsewhere may spell it out)
    site_first = len(label) >= 4 and _squashed(first).startswith(label) and not looks_like_domain(first.lower())
    if site_first and _squashed(parts[1]) in headlines:
        return first if len(first) <= 60 else None
    return None


def _meta_notice(value: str) -> Notice | None:
    """<meta name="copyright" content="Display Connectors, SL">: the site's holder, weaker than any notice the
    page prints; a value that names no one ("All rights reserved") is none."""
    if len(value) > 120:
        return None
    parsed = parse_notice(value if _MARK.search(value) else f"© {value}")
    if not parsed or not parsed[0]:
        return None
    holders, year, _ = parsed
    return Notice(value.strip(), tuple(holders), year)


def tag(name: str, value: str) -> str:
    return snippet(f'<meta {"property" if ":" in name else "name"}="{name}" content="{value}">', 200)


def _headline_parts(doc: Document) -> set[str]:
    """What a CMS that fills og:site_name with the piece's own title copies: the headline part of a
    "Headline | Site" title (or og:title), or a whole title long enough to be a sentence (the <title> with the
    site's name after it too), never a site's name."""
    parts = set()
    for title in (doc.html_title, doc.meta_first("og:title")):
        pieces = _TITLE_SEPARATOR.split(title) if title else []
        # (a site-first title, "Harbor Ledger | Ferry fares rise", keeps the site's name: the longer piece leads)
        if len(pieces) > 1 and len(pieces[0].split()) > len(pieces[-1].split()):
            parts.add(_squashed(pieces[0]))
        if title and len(title.split()) >= 6 and (len(pieces) == 1 or title == doc.html_title):
            parts.add(_squashed(title))
    return parts - {""}


def _is_account_handle(value: str, doc: Document) -> bool:
    """og:site_name filled with the site's Twitter account ("Grazia_Live" beside twitter:site "@Grazia_Live"): a
    handle's underscore joins words a name would space."""
    handle = (doc.meta_first("twitter:site") or "").lstrip("@").lower()
    return "_" in value and " " not in value.strip() and value.strip().lower() == handle


def _site_names(doc: Document) -> list[Fact]:
    facts = []
    # the headline: the <title> where the first <h1> says the same (either alone may be the site's name)
    headline = _squashed(doc.html_title) if doc.html_title and doc.headings[:1] == [doc.html_title] else None
    headline_parts = _headline_parts(doc)
    for name, weight in SITE_NAMES:
        value = doc.meta_first(name)
        if value and not is_web_address(value) and not _UNFILLED.search(value):  # (nor a site's address)
            if name == "application-name" and _squashed(value) == headline:
                continue  # a CMS that fills in the app name with the page's headline names no site
            if _squashed(value) in headline_parts:
                continue  # og:site_name "Ferry fares rise" beside <title>Ferry fares rise | Harbor Ledger</title>
            if name == "publisher" and _BUILT_BY.search(value):
                continue  # "Pixelworks GmbH - www.pixelworks.example": the agency that built the site signs it
            if name == "og:site_name" and _is_account_handle(value, doc):
                weight = WEIGHT.last_resort  # "Grazia_Live": the site's social account, below its <title>'s name
            if name.endswith("publisher") and is_company_name(value):
                # "RS-RegioMediaServices Ltd. & Co. KG": the company behind the site, not the name it goes by;
                # it stands only where the page names its site nothing else, not even in its <title>
                weight = WEIGHT.last_resort
            facts.append(Fact("outlet", value, "meta", tag(name, value), weight))
        elif value and name == "og:site_name" and is_web_address(value) and (domain := registered_domain(value)):
            # "https://www.harbor.example": the site names itself by its address, which still outweighs a guess
            # from its <title> ("Kicker: Headline" is no "Site: Headline")
            facts.append(Fact("outlet", domain, "meta", tag(name, value), WEIGHT.faint))
    return facts


def read(context: Context) -> list[Fact]:
    doc = context.doc
    facts: list[Fact] = []

    for name in ("og:title", "twitter:title", "title", "dc.title", "citation_title"):
        if value := doc.meta_first(name):
            weight = WEIGHT.strong if name.startswith("og") else WEIGHT.moderate
            facts.append(Fact("title", value, "meta", tag(name, value), weight))
            break
    if doc.html_title:
        facts.append(Fact("title", doc.html_title, "meta", f"<title>{doc.html_title}</title>", WEIGHT.modest))
    facts += _site_names(doc)
    if doc.html_title and (site := _site_name_in_title(doc.html_title, context.page_url, doc)):
        facts.append(Fact("outlet", site, "meta", f"<title>{doc.html_title}</title>", WEIGHT.poor))
    social = doc.meta_first("og:title")
    if social and social != doc.html_title and (site := _site_name_in_title(social, context.page_url, doc)):
        # og:title "Headline | Site" over an <h1> of the headline alone: the site's name a second time
        facts.append(Fact("outlet", site, "meta", tag("og:title", social), WEIGHT.poor))
    date_fields: tuple[tuple[tuple[str, ...], FactField], ...] = ((PUBLISHED, "published"), (MODIFIED, "modified"))
    for names, field in date_fields:
        for name in names:
            raw = doc.meta_first(name)
            if raw and (parsed := parse_machine_date(_COMPACT_DAY.sub(r"\1-\2-\3", raw.strip()))):
                facts.append(Fact(field, parsed, "meta", tag(name, raw), WEIGHT.firm))
                break
    raw = doc.meta_first(PARSELY_DAY)
    if raw and not any(f.field == "published" for f in facts) and (parsed := parse_machine_date(raw)):
        # Parse.ly's UTC day, where no other tag dates the piece: weaker than any day the page prints
        facts.append(Fact("published", parsed, "meta", tag("parsely-page", raw), WEIGHT.faint))
    if day := date_in_title(doc.html_title):
        # the weakest date a page gives: its title's, where nothing in the page says more
        facts.append(Fact("published", day, "meta", f"<title>{doc.html_title}</title>", WEIGHT.faint))
    facts += _meta_authors(doc)
    facts += _original_statements(doc)
    for name in ("dc.rights", "dcterms.rights", "copyright", "rights"):
        if value := doc.meta_first(name):
            facts.append(Fact("rights_text", value, "meta", tag(name, value), WEIGHT.plain))
    # Dublin Core's rights holder ("DC.rights.rightsHolder", "dcterms.rightsHolder") names the holder as plainly
    for name in ("copyright", "dcterms.rightsholder", "dc.rights.rightsholder", "dc.rightsholder"):
        if (value := doc.meta_first(name)) and (notice := _meta_notice(value)):
            facts.append(Fact("copyright", notice, "meta", tag(name, value), WEIGHT.faint, "head"))
            break
    if is_blog_generator(generator := doc.meta_first("generator")):
        facts.append(Fact("outlet_kind", "blog", "meta", tag("generator", generator or ""), WEIGHT.weak))
    if value := doc.absolute(doc.meta_first("og:url")):
        facts.append(Fact("page_url", value, "meta", tag("og:url", value), WEIGHT.fair))
    facts += _other_language_address(doc)
    canonical = doc.absolute(doc.head_link("canonical"))
    if canonical and names_a_host(canonical):
        facts.append(
            Fact("canonical", canonical, "link", f'<link rel="canonical" href="{canonical}">', WEIGHT.very_strong)
        )
    for link in doc.head_links:
        rels = link.rel.split()
        if "license" in rels and (info := context.licenses.from_url(link.href)):
            facts.append(
                Fact("license", info, "link", f'<link rel="license" href="{link.href}">', WEIGHT.explicit, "head")
            )
    return facts


def _meta_authors(doc: Document) -> list[Fact]:
    facts: list[Fact] = []
    publishers = publisher_keys(doc)
    for name in AUTHORS:
        for value in doc.meta.get(name, ()):
            if _MARK.match(value.strip()):
                # "Copyright Jo Roe GmbH & Co. KG - all rights reserved" where the writer goes: the site's rights
                # statement, not a writer (split at its "&", it would make "Co. KG" one)
                facts.append(Fact("rights_text", value, "meta", tag(name, value), WEIGHT.plain))
                if notice := _meta_notice(value):
                    facts.append(Fact("copyright", notice, "meta", tag(name, value), WEIGHT.faint, "head"))
            # the publisher's own name where the writer's goes ("Condé Nast", "BBC News") names no writer, unless
            # the site is named after her and names itself nowhere else (decided with the outlet)
            elif value and not is_web_address(value) and not _BUILT_BY.search(value) and not _theme_maker(doc, value):
                person = surname_first(value) if name in SURNAME_FIRST else value
                if not is_publisher(value, publishers):
                    facts.append(Fact("author", person, "meta", tag(name, value), WEIGHT.moderate))
                elif _names_no_site(doc) and is_writers_own_site(value, doc.url or doc.head_link("canonical")):
                    facts.append(
                        Fact("author", person, "meta", tag(name, value), WEIGHT.moderate, author_kind="outlet")
                    )
    return facts


def _theme_maker(doc: Document, name: str) -> bool:
    """The author tag's name is the one the page credits with its theme or design."""
    credit = re.compile(_THEME_BY + re.escape(name.strip()) + r"\b", re.I)
    return any(
        "maker" in block.hints and name.strip() in block.text and credit.search(block.text) for block in doc.blocks
    )


def _names_no_site(doc: Document) -> bool:
    """A writer's own site generator names no site to readers' software; a publication's names itself (og:site_name),
    however much its name looks like a person's ("Presse Augsburg")."""
    return not (doc.meta.get("og:site_name") or doc.meta.get("application-name"))


def _original_statements(doc: Document) -> list[Fact]:
    """The page's own machine statement of its source: a meta tag, or the `<link rel>` form of the same names."""
    facts: list[Fact] = []
    for name in ORIGINALS:
        value, shown = doc.meta_first(name), ""
        signal: Signal = "meta"
        if value:
            shown = tag(name, value)
        elif value := doc.absolute(doc.head_link(name)):
            signal, shown = "link", f'<link rel="{name}" href="{value}">'
        if value and is_web_address(value):
            host = (host_of(value) or value).removeprefix("www.")
            facts.append(Fact("credit", Credit(host, value), signal, shown, WEIGHT.certain))
        elif value and looks_like_domain(value):  # <meta name="dc.source" content="AllBusiness.com">: the partner
            facts.append(Fact("credit", Credit(value, f"http://{value.lower()}/"), signal, shown, WEIGHT.certain))
    return facts


def _other_language_address(doc: Document) -> list[Fact]:
    """This page in another language is on this page's own site: where a saved page has no og:url, its site."""
    for link in doc.head_links:
        if link.hreflang and "alternate" in link.rel.split() and is_web_address(link.href):
            tag = f'<link rel="alternate" hreflang="{link.hreflang}" href="{link.href}">'
            return [Fact("page_url", link.href, "link", tag, WEIGHT.faint)]
    return []
