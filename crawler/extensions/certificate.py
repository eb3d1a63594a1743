"""Would a browser accept the home page's certificate? Asked once per crawl, beside the crawl.

Scrapy never verifies certificates, so a crawl alone cannot tell a valid certificate from a
self-signed or expired one (crawler.tls explains the check). When the home page's response
arrives over https (after its redirects: the page a visitor lands on), this extension starts
the check in a thread, so that a blocking TLS handshake does not stall the crawl, and hands the
pending verdict to the response as response.meta['netcheck_certificate'] (a Deferred firing
with the problem, or None); the spider puts it on the home page's record
(PageRecord.certificate_error). The stats say what was found (netcheck/certificate).

NETCHECK_CHECK_TLS = False turns it off (`netcheck audit --allow-invalid-tls`); the handshake
waits DOWNLOAD_TIMEOUT seconds at most.
"""
from __future__ import annotations

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import threads

from crawler.tls import certificate_problem

VERDICT = "netcheck_certificate"  # response.meta: a Deferred firing with the certificate problem or None


class CertificateCheck:
    def __init__(self, crawler, timeout: float):
        self.crawler = crawler
        self.timeout = timeout

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("NETCHECK_CHECK_TLS", True):
            raise NotConfigured
        extension = cls(crawler, crawler.settings.getfloat("DOWNLOAD_TIMEOUT") or 10.0)
        crawler.signals.connect(extension.response_received, signal=signals.response_received)
        return extension

    def response_received(self, response, request, spider) -> None:
        if not request.meta.get("netcheck_start") or not response.url.startswith("https://"):
            return
        request.meta[VERDICT] = threads.deferToThread(certificate_problem, response.url, self.timeout) \
            .addCallback(self._stats)

    def _stats(self, problem: str | None) -> str | None:
        self.crawler.stats.set_value("netcheck/certificate", problem or "no problem found")
        return problem
