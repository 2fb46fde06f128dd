"""A member's handle as a post's byline: a community site or a blog's software prints the account's one-word name,
linked to the account's page at that same name ("<a href="/user/PlanetaryCough/">u/PlanetaryCough</a>",
"<a href="/author/jdoe/">jdoe</a>"). The name is no person's full name, but it is who posted the piece."""

from __future__ import annotations

import re

from bot.engine.document import Block
from bot.engine.name_forms import is_desk_name
from bot.engine.vocabulary import words

# "admin", "Redaktion", "Editorial": the account a site's staff post under, naming no one
_NO_ONE = frozenset(words("names", "not_names") + words("names", "labels"))

# the account's page: the handle is the address's last part, after a word for a member or a writer
_ACCOUNT_PAGE = re.compile(r"/(?:authors?|users?|u|members?|profiles?)/(?:[^/?#]+/)*(?P<handle>[^/?#]+)/?$", re.I)
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
        and page["handle"].lower() == handle.lower()
        and handle.lower() not in _NO_ONE
        and not is_desk_name(handle)
    }
    return found.pop() if len(found) == 1 else None
