"""The crawler: fetches one portal and records what it finds, one PageRecord per URL, in pages.jsonl.

It records facts and never judges (soft-404s, lateness, privacy are decided in checks/).

- `items`        the on-disk schema (PageRecord, Link, Entry)
- `settings`     Scrapy settings: polite defaults for a government server
- `plan`         the crawl plan (start URL, budgets, external links, resume), NETCHECK_PLAN
- `spiders`      the `portal` spider: responses into page records, links to follow
- `frontier`     what a crawl asks for and what the site is (NETCHECK_FRONTIER): local;
                 `resume` resumed from pages.jsonl; `distributed` shared through Redis
- `extract`      pure functions from HTML to facts (breadcrumb, metadata table, dates, lists …)
- `fetch_errors` why a fetch got no answer ('timeout', 'refused', 'robots' …)
- `dupefilters`  Scrapy's duplicate filter, letting redirect hops through
- `downloadermiddlewares`  retry that honours Retry-After on 429/503, robots.txt Crawl-delay,
                 a User-Agent with the auditing office's contact, the body size limit
- `downloader`   Scrapy's downloader, keeping the per-host concurrency limit
- `tls`          whether a browser would accept the home page's certificate
- `extensions`   crawl progress on the console, the home page's certificate check
- `traps`        URLs refused before fetching (calendars, looping paths, query explosions)
- `run`          `run_crawl()`: the crawl in-process, for the netcheck CLI
"""
