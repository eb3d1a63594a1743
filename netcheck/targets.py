"""Which start URLs `netcheck audit` refuses to crawl, and why.

An audit fetches whatever its URL names, from the machine it runs on, which usually sits
inside an office network. Pointed at a loopback, private or link-local address it would probe
that network (a router's admin page, a cloud metadata service at 169.254.169.254) instead of
a public government portal. So such a URL is refused unless the auditor says they mean it
(`--allow-private`: an intranet portal, the tests' servers on 127.0.0.1; `netcheck demo`
audits its own loopback server without asking).

A host name is resolved to find out where it points; a name that does not resolve is let
through, since the crawl then records it (error 'dns', site.unreachable). The refusal is for
the start URL: the crawl stays on the start page's host, and a site that later redirects into
a private network is its own finding to make.
"""
from __future__ import annotations

import ipaddress
import socket
from typing import Callable
from urllib.parse import urlsplit

# (test, name) in the order a refusal names them: the first that holds is the reason.
PRIVATE_KINDS: tuple[tuple[str, str], ...] = (
    ("is_loopback", "a loopback"),
    ("is_link_local", "a link-local"),
    ("is_unspecified", "an unspecified"),
    ("is_multicast", "a multicast"),
    ("is_private", "a private"),  # 10/8, 172.16/12, 192.168/16, fc00::/7 …
    ("is_reserved", "a reserved"),
)


def _addresses(host: str, resolve: Callable) -> list:
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    try:
        infos = resolve(host, None, 0, socket.SOCK_STREAM)
    except (OSError, UnicodeError):  # does not resolve: the crawl will say so
        return []
    out = []
    for info in infos:
        try:
            out.append(ipaddress.ip_address(info[4][0].split("%")[0]))  # drop an IPv6 zone id
        except ValueError:
            continue
    return out


def private_address(url: str, resolve: Callable = socket.getaddrinfo) -> str | None:
    """Why `url`'s host is not a public address ('127.0.0.1 is a loopback address'), or None."""
    host = urlsplit(url).hostname
    if not host:
        return None
    for address in _addresses(host, resolve):
        mapped = getattr(address, "ipv4_mapped", None)  # ::ffff:127.0.0.1 is 127.0.0.1
        address = mapped or address
        for test, name in PRIVATE_KINDS:
            if getattr(address, test):
                shown = host if host == str(address) else f"{host} ({address})"
                return f"{shown} is {name} address"
    return None
