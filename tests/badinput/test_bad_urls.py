"""Start URLs `netcheck audit` refuses: not http(s), or pointing into a private network.

No DNS is asked here except for 'localhost' (resolved from the hosts file); a host name that
resolves to a private address is tested with a resolver of our own.
"""
from __future__ import annotations

import socket

import pytest

from netcheck.cli import main
from netcheck.targets import private_address


@pytest.mark.parametrize("url", [
    "ftp://www.example.gov.cn/", "file:///etc/passwd", "file://localhost/etc/passwd", "javascript:alert(1)",
    "mailto:zwgk@example.gov.cn", "www.example.gov.cn", "//www.example.gov.cn/", "http://", "gopher://x.gov.cn/",
])
def test_urls_that_are_not_http_are_refused_as_bad_usage(tmp_path, capsys, url):
    with pytest.raises(SystemExit) as exit_:
        main(["audit", url, "--out", str(tmp_path / "run")])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert f"not an http(s) URL: {url!r}" in err.splitlines()[-1]
    assert not (tmp_path / "run").exists()


PRIVATE = [
    ("http://127.0.0.1:8080/", "127.0.0.1 is a loopback address"),
    ("http://127.8.9.10/", "127.8.9.10 is a loopback address"),
    ("http://localhost/", "localhost (127.0.0.1) is a loopback address"),
    ("http://[::1]/", "::1 is a loopback address"),
    ("http://[::ffff:127.0.0.1]/", "::ffff:127.0.0.1 (127.0.0.1) is a loopback address"),
    ("http://2130706433/", "2130706433 (127.0.0.1) is a loopback address"),  # 127.0.0.1 as one number
    ("http://10.1.2.3/", "10.1.2.3 is a private address"),
    ("https://172.16.0.1/", "172.16.0.1 is a private address"),
    ("http://172.31.255.254/", "172.31.255.254 is a private address"),
    ("http://192.168.1.1/index.html", "192.168.1.1 is a private address"),
    ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),  # cloud metadata
    ("http://[fe80::1]/", "fe80::1 is a link-local address"),
    ("http://[fd00::1]/", "fd00::1 is a private address"),
    ("http://0.0.0.0/", "0.0.0.0 is an unspecified address"),
]


@pytest.mark.parametrize("url, why", PRIVATE)
def test_private_and_loopback_addresses_are_refused_without_allow_private(tmp_path, capsys, url, why):
    out = tmp_path / "run"
    assert main(["audit", url, "--out", str(out), "--no-history"]) == 2
    err = capsys.readouterr().err
    assert err == f"netcheck: refusing to audit {url}: {why}; pass --allow-private if you mean it\n"
    assert not out.exists()


@pytest.mark.parametrize("url", ["http://172.15.255.255/", "http://172.32.0.1/", "http://8.8.8.8/",
                                 "http://[2400:3200::1]/", "http://11.0.0.1/"])
def test_public_addresses_are_not_refused(url):
    assert private_address(url) is None


def fake_resolver(answers: dict):
    def resolve(host, port, family=0, type=0):
        if host not in answers:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, 0))
                for a in answers[host]]
    return resolve


def test_a_host_name_resolving_to_a_private_address_is_refused():
    resolve = fake_resolver({"intranet.example.gov.cn": ["10.20.30.40"],
                             "split.example.gov.cn": ["202.96.1.1", "192.168.0.5"],  # any private answer counts
                             "v6.example.gov.cn": ["fe80::1%eth0"],
                             "www.example.gov.cn": ["202.96.1.1"]})
    assert private_address("http://intranet.example.gov.cn/", resolve) == \
        "intranet.example.gov.cn (10.20.30.40) is a private address"
    assert private_address("http://split.example.gov.cn/", resolve) == \
        "split.example.gov.cn (192.168.0.5) is a private address"
    assert private_address("http://v6.example.gov.cn/", resolve) == "v6.example.gov.cn (fe80::1) is a link-local address"
    assert private_address("http://www.example.gov.cn/", resolve) is None
    # a name that does not resolve is let through: the crawl records it (error 'dns', site.unreachable)
    assert private_address("http://gone.example.gov.cn/", resolve) is None
