"""Scrapy's UserAgentMiddleware, with the auditing office's contact filled into USER_AGENT.

A site's operators who see an audit in their logs must be able to tell who runs it and how to
reach them. The office's contact is configuration (NETCHECK_CONTACT: a mailto: or a web page),
while the rest of the User-Agent is the tool's, so USER_AGENT is a template with `{contact}`;
a USER_AGENT without it is sent as it is.
"""
from __future__ import annotations

from scrapy import signals
from scrapy.downloadermiddlewares.useragent import UserAgentMiddleware


def user_agent(template: str, contact: str) -> str:
    """USER_AGENT with NETCHECK_CONTACT in place of `{contact}`."""
    return template.replace("{contact}", contact.strip()) if template else template


class ContactUserAgentMiddleware(UserAgentMiddleware):
    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        middleware = cls(user_agent(settings.get("USER_AGENT", ""), settings.get("NETCHECK_CONTACT", "")))
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        return middleware
