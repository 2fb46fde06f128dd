"""The address policy on its own: every spelling of a private address is recognised, public ones pass."""

from __future__ import annotations

import ipaddress
import socket

import pytest
from aiohttp.abc import AbstractResolver, ResolveResult
from yarl import URL

from bot.fetch.netguard import (
    GuardedResolver,
    Refused,
    check_url,
    guarded_socket_factory,
    is_allowed,
    parse_ip,
)

LOOPBACK_SPELLINGS = [
    "http://127.0.0.1/",
    "http://2130706433/",
    "http://0x7f.1/",
    "http://0x7f000001/",
    "http://0177.0.0.1/",
    "http://0177.0000.0000.0001/",
    "http://127.1/",
    "http://127.0.1/",
    "http://127.0.0.1./",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:7f00:1]/",
    "http://[0:0:0:0:0:ffff:127.0.0.1]/",
    "http://[::1]/",
    "http://[64:ff9b::127.0.0.1]/",
    "http://[2002:7f00:1::]/",
    "http://127。0。0。1/",
    "http://%31%32%37.0.0.1/",
    "http://localhost/",
    "http://LOCALHOST./",
    "http://api.localhost/",
]

OTHER_PRIVATE = [
    "http://10.0.0.1/",
    "http://10.255.255.255/",
    "http://167772161/",  # 10.0.0.1
    "http://0xa.0.0.1/",
    "http://172.16.0.1/",
    "http://192.168.1.1/",
    "http://0300.0250.0.1/",  # 192.168.0.1 in octal
    "http://169.254.169.254/latest/meta-data/",
    "http://2852039166/",  # 169.254.169.254
    "http://[fe80::1]/",
    "http://[fe80::1%25eth0]/",
    "http://[fc00::1]/",
    "http://[fd12:3456::1]/",
    "http://[::ffff:10.0.0.1]/",
    "http://[::ffff:169.254.169.254]/",
    "http://100.64.0.1/",  # carrier-grade NAT
    "http://224.0.0.1/",  # multicast
    "http://[ff02::1]/",
    "http://240.0.0.1/",  # reserved
    "http://255.255.255.255/",
    "http://0.0.0.0/",
    "http://0/",
    "http://[::]/",
    "http://198.18.0.1/",  # benchmarking
    "http://192.0.2.1/",  # documentation
]


@pytest.mark.parametrize("url", LOOPBACK_SPELLINGS + OTHER_PRIVATE)
def test_private_spellings_refused(url: str) -> None:
    with pytest.raises(Refused) as caught:
        check_url(URL(url))
    message = str(caught.value)
    assert message.startswith("refused: ")
    assert "\n" not in message


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("2130706433", "127.0.0.1"),
        ("0x7f.1", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("127.0.1", "127.0.0.1"),
        ("0x7F.0x0.0x0.0x1", "127.0.0.1"),
        ("::ffff:7f00:1", "::ffff:7f00:1"),
        ("[::1]", "::1"),
        ("fe80::1%eth0", "fe80::1"),
        ("93.184.216.34", "93.184.216.34"),
    ],
)
def test_parse_ip_spellings(host: str, expected: str) -> None:
    assert parse_ip(host) == ipaddress.ip_address(expected)


@pytest.mark.parametrize("host", ["example.com", "news.bbc.co.uk", "xn--bcher-kva.example", "a1.b2", "my_host.test"])
def test_names_are_not_ips(host: str) -> None:
    assert parse_ip(host) is None


@pytest.mark.parametrize("host", ["256.0.0.1", "1.2.3.4.5", "4294967296", "08.0.0.1", "foo.123", "0x1g.0.0.1"])
def test_impossible_numbers_refused(host: str) -> None:
    with pytest.raises(Refused):
        check_url(URL(f"http://{host}/"))


def test_message_names_the_canonical_address() -> None:
    with pytest.raises(Refused, match=r"^refused: 127\.0\.0\.1 is a private address$"):
        check_url(URL("http://2130706433/"))
    with pytest.raises(Refused, match=r"^refused: 10\.0\.0\.1 is a private address$"):
        check_url(URL("http://10.0.0.1/"))
    with pytest.raises(Refused, match=r"localhost resolves to 127\.0\.0\.1"):
        check_url(URL("http://localhost:8080/"))


@pytest.mark.parametrize(
    "url",
    ["ftp://example.com/file", "file:///etc/passwd", "gopher://example.com/", "javascript:alert(1)", "data:,x"],
)
def test_other_schemes_refused(url: str) -> None:
    with pytest.raises(Refused, match="only http and https"):
        check_url(URL(url))


@pytest.mark.parametrize("url", ["", "not a url", "example.com/story", "//example.com/x", "/path/only"])
def test_not_web_addresses(url: str) -> None:
    with pytest.raises(Refused, match=r"^not a web address"):
        check_url(URL(url))


@pytest.mark.parametrize("url", ["http://exa mple.com/", "http://a%2eb.com/", "http://a..b/", "http:///x"])
def test_malformed_names_refused(url: str) -> None:
    with pytest.raises(Refused):
        check_url(URL(url))


@pytest.mark.parametrize("url", ["http://user:pass@example.com/", "https://user@example.com/", "http://:pw@e.com/"])
def test_credentials_refused(url: str) -> None:
    with pytest.raises(Refused, match="user name or password"):
        check_url(URL(url))


@pytest.mark.parametrize(
    "url", ["https://example.com/a", "http://93.184.216.34/", "http://[2606:2800:220:1::]/", "http://8.8.8.8:8080/"]
)
def test_public_addresses_pass(url: str) -> None:
    assert check_url(URL(url)).host == URL(url).host


def test_odd_spelling_is_rewritten_to_the_address_checked() -> None:
    allow = (ipaddress.ip_network("127.0.0.0/8"),)
    assert str(check_url(URL("http://0x7f.1:8080/a?b=1"), allow)) == "http://127.0.0.1:8080/a?b=1"
    assert str(check_url(URL("http://2130706433/"), allow)) == "http://127.0.0.1/"


def test_allow_list() -> None:
    allow = (ipaddress.ip_network("127.0.0.1/32"), ipaddress.ip_network("10.1.0.0/16"))
    assert is_allowed(ipaddress.ip_address("127.0.0.1"), allow)
    assert is_allowed(ipaddress.ip_address("::ffff:127.0.0.1"), allow)  # the same address on the wire
    assert is_allowed(ipaddress.ip_address("10.1.2.3"), allow)
    assert not is_allowed(ipaddress.ip_address("127.0.0.2"), allow)
    assert not is_allowed(ipaddress.ip_address("10.2.0.1"), allow)
    assert not is_allowed(ipaddress.ip_address("::1"), allow)
    assert is_allowed(ipaddress.ip_address("93.184.216.34"), ())
    check_url(URL("http://localhost/"), allow)  # localhost is 127.0.0.1, which is allowed


class FakeResolver(AbstractResolver):
    """Plays DNS from a table; never touches the network."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        self.table = table
        self.calls: list[str] = []

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        self.calls.append(host)
        return [
            ResolveResult(
                hostname=host,
                host=address,
                port=port,
                family=socket.AF_INET6 if ":" in address else socket.AF_INET,
                proto=0,
                flags=socket.AI_NUMERICHOST,
            )
            for address in self.table[host]
        ]

    async def close(self) -> None:
        pass


async def test_resolver_refuses_names_with_only_private_answers() -> None:
    base = FakeResolver({"intranet.test": ["10.0.0.7", "192.168.1.4"], "meta.test": ["169.254.169.254"]})
    resolver = GuardedResolver(base)
    with pytest.raises(Refused, match=r"^refused: intranet\.test resolves to 10\.0\.0\.7, a private address$"):
        await resolver.resolve("intranet.test", 80)
    with pytest.raises(Refused, match=r"169\.254\.169\.254"):
        await resolver.resolve("meta.test", 80)


async def test_resolver_keeps_only_allowed_answers() -> None:
    base = FakeResolver({"mixed.test": ["10.0.0.7", "93.184.216.34", "::1", "2606:2800:220:1::"]})
    results = await GuardedResolver(base).resolve("mixed.test", 443)
    assert [r["host"] for r in results] == ["93.184.216.34", "2606:2800:220:1::"]


async def test_resolver_answers_localhost_itself() -> None:
    base = FakeResolver({})
    with pytest.raises(Refused, match=r"localhost resolves to 127\.0\.0\.1"):
        await GuardedResolver(base).resolve("localhost", 80, socket.AF_UNSPEC)
    allowed = await GuardedResolver(base, (ipaddress.ip_network("127.0.0.1/32"),)).resolve(
        "localhost", 80, socket.AF_UNSPEC
    )
    assert [r["host"] for r in allowed] == ["127.0.0.1"]
    assert base.calls == []  # /etc/hosts or DNS never get a say about localhost


@pytest.mark.parametrize(
    "addr_info",
    [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.1", 80)),
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("169.254.169.254", 80)),
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("192.168.0.1", 80)),
        (socket.AF_INET6, socket.SOCK_STREAM, 6, "", ("::ffff:10.0.0.1", 80, 0, 0)),
    ],
)
def test_socket_factory_refuses_before_a_socket_exists(addr_info: tuple, monkeypatch: pytest.MonkeyPatch) -> None:
    created: list[tuple] = []
    monkeypatch.setattr(socket, "socket", lambda *a, **k: created.append((a, k)))
    with pytest.raises(Refused, match="private address"):
        guarded_socket_factory()(addr_info)
    assert created == []


def test_socket_factory_allows_listed_networks() -> None:
    factory = guarded_socket_factory((ipaddress.ip_network("127.0.0.1/32"),))
    sock = factory((socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", 80)))
    sock.close()
