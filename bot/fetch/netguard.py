"""Which network addresses the fetcher may talk to.

The bot fetches whatever anyone pastes, so a pasted address must never make it talk to the machine it runs on,
the private network around it, or a cloud metadata service (169.254.169.254). The policy is enforced in three
places, each catching what the one before cannot:

1. `check_url` looks at the address before any request: scheme, credentials, and hosts written as IP numbers in
   any spelling a resolver would accept (`2130706433`, `0x7f.1`, `0177.0.0.1`, `127.1`, `[::ffff:127.0.0.1]` …),
   plus `localhost` names. Literal IPs never reach a resolver in aiohttp, so they must be judged here.
2. `GuardedResolver` wraps the real resolver and drops every private answer, refusing when none is left. The
   addresses it hands back are the very ones the connection is made to, so a name that answers public once and
   private the next time (DNS rebinding) is judged on the answer actually used.
3. `guarded_socket_factory` sees the socket address just before `connect()`; nothing reaches the network without
   passing it, whatever path aiohttp took to get there.

Addresses inside a CIDR listed in `PROVBOT_ALLOW_PRIVATE` are let through (the tests reach their local server so).
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from urllib.parse import unquote

from aiohttp.abc import AbstractResolver, ResolveResult
from yarl import URL

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

ALLOWED_SCHEMES = ("http", "https")

# Shared address space for carrier-grade NAT: not "private" to Python's ipaddress, yet never a public web server.
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
# NAT64 well-known prefix: the last 32 bits are the IPv4 address actually reached.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")

# Names that mean "this machine" without asking DNS (RFC 6761); /etc/hosts may say anything, so we never ask.
_LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")
_LOCAL_ANSWER = (ipaddress.ip_address("127.0.0.1"), ipaddress.ip_address("::1"))

_IPV4_PART = re.compile(r"^(0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*)$")
# What a host name may contain once yarl has turned international names into xn-- form.
_NAME = re.compile(r"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.?$")
_NUMERIC_LOOKING = re.compile(r"^(0[xX][0-9a-fA-F]*|[0-9]+)$")


class Refused(OSError):
    """The address is not one the bot may fetch; str() is the one line shown to people.

    An OSError so that, raised from inside aiohttp's resolver or socket factory, it travels up as the cause of
    aiohttp's connection error instead of being swallowed or turned into a crash.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def _parse_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """Read an IPv4 address the way inet_aton() and browsers do: 1-4 parts, each decimal, 0x-hex or 0-octal.

    Returns None when the host is not numeric (a name); raises Refused when it is numeric but impossible, because
    different resolvers disagree about such hosts and the safe answer is not to guess.
    """
    parts = host.split(".")
    if parts and parts[-1] == "" and len(parts) > 1:
        parts = parts[:-1]  # one trailing dot, as in "127.0.0.1."
    if not parts or len(parts) > 4 or not all(_IPV4_PART.match(p) for p in parts):
        if _NUMERIC_LOOKING.match(parts[-1] if parts else ""):
            # A host whose last label is a number is an IP address to every URL parser, never a DNS name.
            raise Refused(f"refused: {host} is not a valid address")
        return None
    numbers = []
    for part in parts:
        if part[:2].lower() == "0x":
            numbers.append(int(part[2:] or "0", 16))
        elif len(part) > 1 and part.startswith("0"):
            numbers.append(int(part, 8))
        else:
            numbers.append(int(part))
    *head, last = numbers
    if any(n > 255 for n in head) or last >= 256 ** (5 - len(numbers)):
        raise Refused(f"refused: {host} is not a valid address")
    value = last
    for index, number in enumerate(head):
        value += number << (8 * (3 - index))
    return ipaddress.IPv4Address(value)


def parse_ip(host: str) -> IPAddress | None:
    """The IP address a host string stands for, in any spelling, or None when it is a name."""
    host = unquote(host).strip()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if ":" in host:
        # IPv6; a zone id (fe80::1%eth0) only picks the interface, the address is what counts.
        try:
            return ipaddress.IPv6Address(host.partition("%")[0])
        except ValueError:
            raise Refused(f"refused: {host} is not a valid address") from None
    return _parse_ipv4(host)


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one actually delivers to (mapped, 6to4, NAT64, Teredo), if any."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64 or ip in _NAT64_LOCAL:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.teredo is not None:
        return ip.teredo[1]
    # IPv4-compatible (::a.b.c.d, deprecated) still routes to a.b.c.d on some stacks.
    if int(ip) >> 32 == 0 and int(ip) > 1:
        return ipaddress.IPv4Address(int(ip))
    return None


def _not_public(ip: IPAddress) -> bool:
    return (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
        or (isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT)
        or (isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local)
    )


def is_allowed(ip: IPAddress, allow: Sequence[Network] = ()) -> bool:
    """True when the bot may connect to `ip`: a public address, or one inside an allowed CIDR."""
    candidates: list[IPAddress] = [ip]
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            if ip.ipv4_mapped is not None:
                candidates = [embedded]  # ::ffff:a.b.c.d *is* a.b.c.d on the wire
            else:
                candidates.append(embedded)
    for candidate in candidates:
        if any(candidate.version == net.version and candidate in net for net in allow):
            continue
        if _not_public(candidate):
            return False
    return True


def _shown(ip: IPAddress) -> str:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return f"{ip} ({ip.ipv4_mapped})"
    return str(ip)


def refusal(ip: IPAddress, name: str | None = None) -> Refused:
    if name is not None and parse_ip_quietly(name) is None:
        return Refused(f"refused: {name} resolves to {_shown(ip)}, a private address")
    return Refused(f"refused: {_shown(ip)} is a private address")


def parse_ip_quietly(host: str) -> IPAddress | None:
    try:
        return parse_ip(host)
    except Refused:
        return None


def is_local_name(host: str) -> bool:
    name = host.rstrip(".").lower()
    return name in _LOCAL_NAMES or name.endswith(".localhost")


def check_url(url: URL, allow: Sequence[Network] = ()) -> URL:
    """Refuse what must not be fetched; return the URL with an IP host in its one canonical spelling.

    Rewriting `http://0x7f.1/` to `http://127.0.0.1/` means the check and the connection read the same address,
    whatever a resolver further down would have made of the odd spelling.
    """
    scheme = (url.scheme or "").lower()
    if not scheme:
        raise Refused("not a web address (it must start with http:// or https://)")
    if scheme not in ALLOWED_SCHEMES:
        raise Refused(f"refused: only http and https addresses are fetched, not {scheme}:")
    if url.raw_user is not None or url.raw_password is not None:
        raise Refused("refused: addresses with a user name or password in them are not fetched")
    host = url.raw_host
    if not host:
        raise Refused("refused: the address has no site name")
    ip = parse_ip(host)
    if ip is None:
        if not _NAME.match(host):
            # Percent-escapes, spaces and the like in a name are resolved by nobody the same way; at best they are
            # a typo, at worst a disguise.
            raise Refused(f"refused: {unquote(host)} is not a valid address")
        if is_local_name(host):
            for answer in _LOCAL_ANSWER:
                if is_allowed(answer, allow):
                    return url
            raise refusal(_LOCAL_ANSWER[0], host.rstrip("."))
        return url
    if not is_allowed(ip, allow):
        raise refusal(ip)
    canonical = str(ip)
    return url if canonical == host else url.with_host(canonical)


class GuardedResolver(AbstractResolver):
    """Resolve with the wrapped resolver, then keep only addresses the policy allows.

    A name with no allowed address left is refused; the refusal names the first private answer so people can see
    why (`refused: intranet.example resolves to 10.0.0.7, a private address`).
    """

    def __init__(self, base: AbstractResolver, allow: Sequence[Network] = ()) -> None:
        self._base = base
        self._allow = tuple(allow)

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        if is_local_name(host):
            results = [
                ResolveResult(
                    hostname=host,
                    host=str(ip),
                    port=port,
                    family=socket.AF_INET if ip.version == 4 else socket.AF_INET6,
                    proto=0,
                    flags=socket.AI_NUMERICHOST,
                )
                for ip in _LOCAL_ANSWER
                if family in (socket.AF_UNSPEC, socket.AF_INET if ip.version == 4 else socket.AF_INET6)
            ]
        else:
            results = await self._base.resolve(host, port, family)
        kept: list[ResolveResult] = []
        first_refused: IPAddress | None = None
        for result in results:
            ip = parse_ip_quietly(result["host"])
            if ip is not None and is_allowed(ip, self._allow):
                kept.append(result)
            elif first_refused is None and ip is not None:
                first_refused = ip
        if not kept:
            if first_refused is not None:
                raise refusal(first_refused, host.rstrip("."))
            raise OSError(f"no usable address for {host}")
        return kept

    async def close(self) -> None:
        await self._base.close()


# Refusals made by the socket factory during the current fetch. When several addresses are tried at once (happy
# eyeballs), the connection library merges their errors into one text; this list keeps our one-line reason. A list
# inside the variable (not a new value per refusal) because the attempts run in child tasks with copied contexts.
socket_refusals: ContextVar[list[str] | None] = ContextVar("socket_refusals", default=None)


def guarded_socket_factory(allow: Sequence[Network] = ()) -> Callable[[tuple], socket.socket]:
    """A socket factory for aiohttp's connector that refuses to create a socket for a disallowed peer."""
    allowed = tuple(allow)

    def factory(addr_info: tuple) -> socket.socket:
        family, type_, proto, _canonname, sockaddr = addr_info
        ip = parse_ip_quietly(str(sockaddr[0]))
        if ip is None or not is_allowed(ip, allowed):
            refused = Refused(f"refused: {sockaddr[0]} is a private address")
            log = socket_refusals.get()
            if log is not None:
                log.append(str(refused))
            raise refused
        return socket.socket(family=family, type=type_, proto=proto)

    return factory
