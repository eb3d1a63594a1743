"""Which start URLs `netcheck audit` takes, which it refuses to crawl, and why.

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

A start URL written without its scheme (`www.example.gov.cn`, `127.0.0.1:8801`), as people copy
it from a browser's address bar, is taken as http://: a site on https redirects there itself.
"""
from __future__ import annotations

import ipaddress
import os
import re
import socket
from typing import Callable
from urllib.parse import urlsplit

from .i18n import N_, _

# (test, name) in the order a refusal names them: the first that holds is the reason.
PRIVATE_KINDS: tuple[tuple[str, str], ...] = (
    ("is_loopback", N_("本机回环地址")),
    ("is_link_local", N_("链路本地地址")),
    ("is_unspecified", N_("未指定地址")),
    ("is_multicast", N_("组播地址")),
    ("is_private", N_("内网地址")),  # 10/8, 172.16/12, 192.168/16, fc00::/7 …
    ("is_reserved", N_("保留地址")),
)
SCHEMES = ("http", "https")
# What a start URL without a scheme must look like to be taken as http://: a host with a dot (a
# domain or an IPv4 address), localhost, or a bracketed IPv6 address, then a port or path or nothing.
BARE_HOST = re.compile(r"(?:[^\s/:@?#]+\.[^\s/:@?#]+|localhost|\[[0-9a-fA-F:.]+\])(?::\d+)?(?:[/?#]\S*)?")


def start_url(text: str) -> str:
    """The http(s) URL `text` names, '/' for an empty path; a bare host[:port][/path] is http://.

    Raises ValueError with the reason, for the user, when it is not a web site's address."""
    raw = text.strip()
    bare = "://" not in raw and BARE_HOST.fullmatch(raw) and not os.path.exists(raw)  # catalog.yaml is a file
    url = "http://" + raw if bare else raw
    parts = urlsplit(url)
    try:
        port_ok = parts.port is None or parts.port > 0
    except ValueError:  # a port that is not a number, or out of range
        port_ok = False
    if parts.scheme.lower() not in SCHEMES or not parts.hostname or not port_ok:
        raise ValueError(_("不是网站网址：{text!r}（应以 http:// 或 https:// 开头，如 https://www.example.gov.cn/）")
                         .format(text=text))
    return url if parts.path else url + "/"


def is_loopback(url: str) -> bool:
    """True when `url`'s host is this machine (127.0.0.0/8, ::1, localhost …): no one else's server."""
    host = urlsplit(url).hostname
    return bool(host) and any((getattr(a, "ipv4_mapped", None) or a).is_loopback
                              for a in _addresses(host, socket.getaddrinfo))


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
    """Why `url`'s host is not a public address ('127.0.0.1 是本机回环地址'), or None."""
    host = urlsplit(url).hostname
    if not host:
        return None
    for address in _addresses(host, resolve):
        mapped = getattr(address, "ipv4_mapped", None)  # ::ffff:127.0.0.1 is 127.0.0.1
        address = mapped or address
        for test, name in PRIVATE_KINDS:
            if getattr(address, test):
                shown = host if host == str(address) else f"{host} ({address})"
                return _("{host} 是{kind}").format(host=shown, kind=_(name))
    return None
