"""A member's handle as a post's byline: a community site or a blog's software prints the account's one-word name,
linked to the account's page at that same name ("<a href="/user/PlanetaryCough/">u/PlanetaryCough</a>",
"<a href="/author/jdoe/">jdoe</a>"). The name is no person's full name, but it is who posted the piece."""

from __future__ import annotations

import re

from bot.engine.document import Block
from bot.engine.facts import Fact, snippet
from bot.engine.name_forms import is_desk_name
from bot.engine.vocabulary import words
from bot.engine.weights import WEIGHT

# "admin", "Redaktion", "Editorial": the account a site's staff post under, naming no one
_NO_ONE = frozenset(words("names", "not_names") + words("names", "labels"))

# the account's page: the handle is the address's last part, after a word for a member or a writer, or the account's
# number there ("/profile/338123")
# (a forum's software may add the account's number: "/members/jo-roe.1482317/")
_ACCOUNT_PAGE = re.compile(
    r"/(?:authors?|users?|u|members?|profiles?)/(?:[^/?#]+/)*(?P<handle>[^/?#]+?)(?:\.\d+)?/?$", re.I
)
# "u/jdoe", "@jdoe", "/u/jdoe": how a site prefixes its members' names
_HANDLE_PREFIX = re.compile(r"^(?:/?u/|@)")
_HANDLE = re.compile(r"^[^\W_][\w.-]{1,38}$")


def linked_handle(block: Block) -> str | None:
    """The handle of the one account a byline's block links by its own name."""
    found = {
        handle
        for link in block.links
        if (handle := _HANDLE_PREFIX.sub("", link.text.strip()))
        and _HANDLE.match(handle)
        and (page := _ACCOUNT_PAGE.search(link.href)) is not None
        and (page["handle"].lower() == handle.lower() or page["handle"].isdigit())
        and is_account_name(handle)
    }
    return found.pop() if len(found) == 1 else None


def is_account_name(handle: str) -> bool:
    """A member's one-word name, not the account a site's staff post under ("admin", "Redaktion")."""
    # "webadmin", "jdadmin": the site's administrator account, whoever runs it
    staff = handle.lower() in _NO_ONE or handle.lower().endswith("admin")
    return bool(_HANDLE.match(handle)) and not staff and not is_desk_name(handle)


def handle_facts(block: Block) -> list[Fact]:
    """The member's handle a byline's block links by its own name, as an author of the "handle" kind."""
    if (handle := linked_handle(block)) is None:
        return []
    return [Fact("author", handle, "text", snippet(block.text, 160), WEIGHT.weak, block.region, author_kind="handle")]


def marked_as_handle_only(block: Block) -> bool:
    """An element classed as a member's "username" and as nothing else a byline is: only an account link in it names
    the poster (a site's own menu prints the reader's login and "Log out" in one)."""
    return "handle_markup" in block.hints and not {"byline_markup", "byline"} & block.hints
