"""Would a browser accept the site's certificate? Checked once, for the home page.

Scrapy does not verify certificates (a crawler wants the page whatever the certificate), so a
crawl alone cannot tell a valid certificate from a self-signed or expired one. A visitor's
browser can: it stops at a full-page warning. So the spider asks Python's ssl module, with the
system's trust store (SSL_CERT_FILE / SSL_CERT_DIR when set), and records the answer on the
home page's record (PageRecord.certificate_error); checks/ judges it (site.tls_invalid).

Only certificate verdicts are recorded. A connection that fails outright is the crawl's to
record (error 'refused', 'timeout', 'tls' …), not a certificate problem.
"""
from __future__ import annotations

import socket
import ssl
from urllib.parse import urlsplit


def certificate_problem(url: str, timeout: float = 10.0) -> str | None:
    """Why `url`'s certificate fails verification (OpenSSL's words, e.g. 'self-signed
    certificate', 'certificate has expired', "Hostname mismatch, …"), or None when it passes,
    when `url` is not https, or when no TLS connection could be made to ask."""
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        return None
    context = ssl.create_default_context()
    try:
        with socket.create_connection((parts.hostname, parts.port or 443), timeout=timeout) as sock:
            with context.wrap_socket(sock, server_hostname=parts.hostname):
                return None
    except ssl.SSLCertVerificationError as exc:
        return exc.verify_message or str(exc)
    except (OSError, ValueError):  # refused, timed out, not TLS at all: the crawl records those
        return None
