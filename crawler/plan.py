"""What one crawl is asked to do: the crawl plan, frozen, built once by whoever starts the crawl.

Every entry point (crawler.run.run_crawl for a local audit and a Redis coordinator, `netcheck
worker`, a Scrapyd job) builds a CrawlPlan and hands it to Scrapy the same way: as the setting
NETCHECK_PLAN, a JSON object (`scrapy crawl portal -s NETCHECK_PLAN='{"start_url": "…"}'`, or
just the start URL: `-s NETCHECK_PLAN=https://www.example.gov.cn/`). Every component that needs
it (the spider, the frontier) reads it from the settings with CrawlPlan.from_settings.

How the crawl is carried out (frontier, politeness, body limit, certificate check, which browser
renders) is not in the plan: those are components chosen by settings (crawler.settings). A new
kind of work a crawl can be asked for is a new field here, with its default (render_budget: how
many pages whose list a script draws may be rendered in a browser, crawler.render).
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from typing import Any

SETTING = "NETCHECK_PLAN"
_TRUE = frozenset({"1", "true", "yes", "on"})
DEFAULT_RENDER_BUDGET = 50  # pages per site: a portal has a few dozen script-drawn list pages, not hundreds


@dataclass(frozen=True)
class CrawlPlan:
    start_url: str
    """The home page to start from; a bare host name is taken as http://host."""
    max_pages: int | None = None
    """End the crawl cleanly after this many fetches (CLOSESPIDER_PAGECOUNT; no more links are
    followed once this many URLs were asked for). None: no page budget."""
    max_seconds: float | None = None
    """End the crawl cleanly after this long (CLOSESPIDER_TIMEOUT). None: no time budget."""
    check_external: bool = False
    """Also check each link to another site once, like a file (HEAD first), never following it."""
    resume_from: str | None = None
    """A pages.jsonl to continue (crawler.resume): its URLs are not fetched again, its pages'
    links that have no record yet are the frontier. None: a fresh crawl."""
    render_budget: int = DEFAULT_RENDER_BUDGET
    """At most this many pages whose list a script draws (PageRecord.scripted) and whose data could not
    be read by GET are fetched again in a headless browser (crawler.render) and recorded rendered.
    0: never; such pages stay `scripted` and their columns "could not verify"."""

    def __post_init__(self):
        if not self.start_url:
            raise ValueError("the portal spider needs a start URL: -s NETCHECK_PLAN=https://…")
        if "://" not in self.start_url:
            object.__setattr__(self, "start_url", f"http://{self.start_url}")
        object.__setattr__(self, "max_pages", int(self.max_pages) if self.max_pages else None)
        object.__setattr__(self, "max_seconds", float(self.max_seconds) if self.max_seconds else None)
        check = self.check_external
        object.__setattr__(self, "check_external", check is True or str(check).lower() in _TRUE)
        object.__setattr__(self, "resume_from", str(self.resume_from) if self.resume_from else None)
        object.__setattr__(self, "render_budget", max(0, int(self.render_budget or 0)))

    def to_json(self) -> str:
        """The plan as NETCHECK_PLAN holds it (fields at their default left out)."""
        defaults = {f.name: f.default for f in fields(self)}
        return json.dumps({k: v for k, v in asdict(self).items() if k == "start_url" or v != defaults[k]})

    @classmethod
    def from_json(cls, value: str | dict) -> "CrawlPlan":
        if isinstance(value, dict):
            data = value
        elif value.lstrip().startswith("{"):
            data = json.loads(value)
        else:  # a bare start URL
            data = {"start_url": value}
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    @classmethod
    def from_settings(cls, settings) -> "CrawlPlan":
        value = settings.get(SETTING)
        if not value:
            raise ValueError("the portal spider needs a crawl plan: -s NETCHECK_PLAN=https://… "
                             "(or a JSON object, crawler.plan.CrawlPlan)")
        return value if isinstance(value, cls) else cls.from_json(value)

    def as_setting(self) -> dict[str, str]:
        return {SETTING: self.to_json()}

    def bounds(self) -> dict[str, Any]:
        """Scrapy's own settings for the plan's page and time budgets (the spider applies them)."""
        bounds: dict[str, Any] = {}
        if self.max_pages:
            bounds["CLOSESPIDER_PAGECOUNT"] = self.max_pages
        if self.max_seconds:
            bounds["CLOSESPIDER_TIMEOUT"] = self.max_seconds
        return bounds
