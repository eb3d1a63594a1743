"""Start URLs `netcheck audit` refuses: not http(s), or pointing into a private network; and the
bare host names it takes as http://.

No DNS is asked here except for 'localhost' (resolved from the hosts file); a host name that
resolves to a private address is tested with a resolver of our own.
"""
from __future__ import annotations

import socket

import pytest

from netcheck.cli import main
from netcheck.targets import private_address, start_url


@pytest.mark.parametrize("url", [
    "ftp://www.example.gov.cn/", "file:///etc/passwd", "file://localhost/etc/passwd", "javascript:alert(1)",
    "mailto:zwgk@example.gov.cn", "//www.example.gov.cn/", "http://", "gopher://x.gov.cn/",
    "http://www.example.gov.cn:99999/",
])
def test_urls_that_are_not_http_are_refused_as_bad_usage(tmp_path, capsys, url):
    assert main(["audit", url, "--out", str(tmp_path / "run")]) == 2
    err = capsys.readouterr().err
    assert err == f"netcheck audit: 不是网站网址：{url!r}（应以 http:// 或 https:// 开头，如 https://www.example.gov.cn/）\n"
    assert not (tmp_path / "run").exists()


@pytest.mark.parametrize("text, url", [
    ("www.example.gov.cn", "http://www.example.gov.cn/"),
    ("127.0.0.1:8801", "http://127.0.0.1:8801/"),
    ("localhost:8801/zwgk/", "http://localhost:8801/zwgk/"),
    ("[::1]:8080", "http://[::1]:8080/"),
    ("https://www.example.gov.cn", "https://www.example.gov.cn/"),
    (" http://www.example.gov.cn/index.html ", "http://www.example.gov.cn/index.html"),
])
def test_a_host_without_its_scheme_is_taken_as_http(text, url):
    assert start_url(text) == url


def test_a_local_file_named_like_a_host_is_not_taken_for_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "catalog.yaml").write_text("categories: []\n", encoding="utf-8")
    with pytest.raises(ValueError, match="不是网站网址"):
        start_url("catalog.yaml")


def test_a_bare_loopback_address_is_taken_as_http_then_refused_in_two_lines_not_a_usage_page(tmp_path, capsys):
    out = tmp_path / "run"
    assert main(["audit", "127.0.0.1:8801", "--out", str(out), "--no-history"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "netcheck: 网址未写 http:// 或 https://，按 http://127.0.0.1:8801/ 访问",
        "netcheck: 拒绝审计 http://127.0.0.1:8801/：127.0.0.1 是本机回环地址；确要审计本机或内网网站，请加 --allow-private"]
    assert not out.exists()


PRIVATE = [
    ("http://127.0.0.1:8080/", "127.0.0.1 是本机回环地址"),
    ("http://127.8.9.10/", "127.8.9.10 是本机回环地址"),
    ("http://localhost/", "localhost (127.0.0.1) 是本机回环地址"),
    ("http://[::1]/", "::1 是本机回环地址"),
    ("http://[::ffff:127.0.0.1]/", "::ffff:127.0.0.1 (127.0.0.1) 是本机回环地址"),
    ("http://2130706433/", "2130706433 (127.0.0.1) 是本机回环地址"),  # 127.0.0.1 as one number
    ("http://10.1.2.3/", "10.1.2.3 是内网地址"),
    ("https://172.16.0.1/", "172.16.0.1 是内网地址"),
    ("http://172.31.255.254/", "172.31.255.254 是内网地址"),
    ("http://192.168.1.1/index.html", "192.168.1.1 是内网地址"),
    ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 是链路本地地址"),  # cloud metadata
    ("http://[fe80::1]/", "fe80::1 是链路本地地址"),
    ("http://[fd00::1]/", "fd00::1 是内网地址"),
    ("http://0.0.0.0/", "0.0.0.0 是未指定地址"),
]


@pytest.mark.parametrize("url, why", PRIVATE)
def test_private_and_loopback_addresses_are_refused_without_allow_private(tmp_path, capsys, url, why):
    out = tmp_path / "run"
    assert main(["audit", url, "--out", str(out), "--no-history"]) == 2
    err = capsys.readouterr().err
    assert err == f"netcheck: 拒绝审计 {url}：{why}；确要审计本机或内网网站，请加 --allow-private\n"
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
    assert private_address("http://intranet.example.gov.cn/", resolve) == "intranet.example.gov.cn (10.20.30.40) 是内网地址"
    assert private_address("http://split.example.gov.cn/", resolve) == "split.example.gov.cn (192.168.0.5) 是内网地址"
    assert private_address("http://v6.example.gov.cn/", resolve) == "v6.example.gov.cn (fe80::1) 是链路本地地址"
    assert private_address("http://www.example.gov.cn/", resolve) is None
    # a name that does not resolve is let through: the crawl records it (error 'dns', site.unreachable)
    assert private_address("http://gone.example.gov.cn/", resolve) is None
