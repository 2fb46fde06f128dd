"""Addresses as people paste them, reduced to the form we cache under and show back.

`clean_url` removes what only tracks the reader (campaign tags, click ids) and what never reaches the server (the
#fragment), and writes scheme, host and port one way, so the same article pasted from a newsletter and from a
social network is one cache entry and one line in the digest. Everything else is kept byte for byte and in order:
query parameters can carry the article id, and re-encoding them could change what the server returns.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

# Parameter names (compared case-insensitively, after percent-decoding) that identify a campaign or a click and
# never select content. Kept deliberately short: a wrongly stripped parameter can break a link, a missed one
# only costs a duplicate cache entry.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "li_fat_id",
        "mc_cid",
        "mc_eid",
        "igshid",
        "igsh",
        "ref_src",
        "ref_url",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "__hssc",
        "__hstc",
        "__hsfp",
        "hsctatracking",
        "mkt_tok",
        "oly_anon_id",
        "oly_enc_id",
        "vero_id",
        "vero_conv",
        "s_cid",
        "at_medium",
        "at_campaign",
        "at_custom1",
        "at_custom2",
        "at_custom3",
        "at_custom4",
        "spm",
        "sr_share",
        "wt.mc_id",
        "xtor",
    }
)
# Whole families: Google Analytics campaign tags (utm_source, utm_medium, …) and Piwik/Matomo ones.
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_")

_DEFAULT_PORTS = {"http": "80", "https": "443"}
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def is_tracking_param(name: str) -> bool:
    key = unquote(name).strip().lower()
    return key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIXES)


def _clean_netloc(netloc: str, scheme: str) -> str:
    userinfo, at, hostport = netloc.rpartition("@")
    if hostport.startswith("["):
        # IPv6 literal: the colon inside the brackets is not the port separator.
        end = hostport.find("]")
        host, rest = (hostport[: end + 1], hostport[end + 1 :]) if end != -1 else (hostport, "")
        port = rest[1:] if rest.startswith(":") else None
    else:
        host, colon, port_text = hostport.partition(":")
        port = port_text if colon else None
    if port is not None and (port == "" or port == _DEFAULT_PORTS.get(scheme)):
        port = None
    result = host.lower()
    if port is not None:
        result += f":{port}"
    return f"{userinfo}{at}{result}"


def _clean_query(query: str) -> str:
    kept = [part for part in query.split("&") if part and not is_tracking_param(part.partition("=")[0])]
    return "&".join(kept)


def clean_url(url: str) -> str:
    """Strip tracking parameters and the #fragment, lower-case scheme and host, drop a default port.

    Anything that is not an absolute address (no scheme) is returned stripped of surrounding space and fragment
    only, so callers can pass whatever a person typed.
    """
    url = url.strip()
    url = url.partition("#")[0]
    match = _SCHEME.match(url)
    if not match:
        return url
    scheme = match.group(1).lower()
    rest = url[match.end() :]
    if not rest.startswith("//"):
        # mailto:, urn: and the like have no host to normalise.
        return f"{scheme}:{rest}"
    rest = rest[2:]
    # The authority ends at the first /, ? (or # — already removed).
    cut = len(rest)
    for sep in ("/", "?"):
        pos = rest.find(sep)
        if pos != -1:
            cut = min(cut, pos)
    netloc, tail = rest[:cut], rest[cut:]
    path, question, query = tail.partition("?")
    if not path and scheme in _DEFAULT_PORTS:
        # "http://example.com" and "http://example.com/" are the same request; cache them as one.
        path = "/"
    query = _clean_query(query) if question else ""
    result = f"{scheme}://{_clean_netloc(netloc, scheme)}{path}"
    if query:
        result += f"?{query}"
    return result
