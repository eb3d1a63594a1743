"""Scrapy settings of the netcheck crawler: polite defaults for a real government server.

Every knob lives here, once, with the reason for its value. Override per run
with `netcheck audit -s NAME=VALUE` (or `scrapy crawl portal -s NAME=VALUE`);
`crawler.run.run_crawl` takes the same overrides as a dict. Audit thresholds
(how old, how late) are not crawl settings: they come from the catalog.
"""

BOT_NAME = "netcheck"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Say who we are: a site's operators must be able to tell an audit from an attack
# and find out who runs it.
USER_AGENT = "netcheck/0.1 (+https://example.invalid/netcheck; government website audit)"

# An audit that ignores robots.txt would be a bad example from the office that
# audits. Forbidden URLs are still recorded (error 'robots', a notice, not a defect).
ROBOTSTXT_OBEY = True

# Government servers are often small; four parallel requests per host at most,
# AutoThrottle keeps the average near two and backs off when the server slows.
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.25  # floor between requests to one host, also AutoThrottle's minimum
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
AUTOTHROTTLE_START_DELAY = 1.0  # Scrapy's 5 s default makes a 300-page audit crawl for minutes for nothing
AUTOTHROTTLE_MAX_DELAY = 10.0  # a slow server still gets audited within the run

# The national inspection counts a page that takes over 15 s as failed; so do we.
DOWNLOAD_TIMEOUT = 15

# A dead link is a finding against the department, so give a flaky server two more
# tries first. 429/408 and the Cloudflare-style 522/524 are transient too.
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
# Scrapy's retry, except that a 429/503 with Retry-After is retried only after waiting
# that long (without holding up other requests). A server asking for more than
# RETRY_AFTER_MAX seconds is not waited for: its answer is recorded as it came.
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.downloadermiddlewares.retry.RetryAfterMiddleware": 550,
}
RETRY_AFTER_MAX = 60

# Every status is a fact to record: 404 and 500 pages reach the spider's callback
# instead of being dropped by HttpErrorMiddleware.
HTTPERROR_ALLOW_ALL = True

# Follow redirects (HTTP and <meta refresh>, which many portals use on their index
# page); the chain is kept in each record.
REDIRECT_ENABLED = True
METAREFRESH_ENABLED = True

# 0 = no depth limit: a portal is bounded by its own size and by CLOSESPIDER_PAGECOUNT
# (the spider's max_pages). Set DEPTH_LIMIT to audit only the upper levels.
DEPTH_LIMIT = 0
# Breadth-first: with a page budget, columns near the home page are seen before
# deep archives, as an inspector would browse.
DEPTH_PRIORITY = 1
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"
# A time budget: CLOSESPIDER_TIMEOUT (seconds, 0 = none), set by the spider's
# max_seconds. The crawl then ends like any other, with pages.jsonl written.

# Further pages of a column list built in script (TRS createPageHTML, Hanweb
# datastore, 共N页): at most this many per list page, so that a bogus page count
# cannot explode the crawl (crawler.extract.pagination).
NETCHECK_MAX_LIST_PAGES = 200

# Crawler traps (crawler.traps): URLs refused before they are fetched, counted in the
# stats as netcheck/trap_skipped. False turns every guard off.
NETCHECK_TRAP_GUARD = True
# A calendar links next month forever: a URL dated more than this many years after
# today (or before 1990) is not fetched.
NETCHECK_CALENDAR_YEARS_AHEAD = 2
# Distinct query strings per path, not counting item and page parameters (id=…,
# page=…), which a path legitimately takes by the thousand; sort/filter/calendar
# parameters beyond this are a combinatorial trap.
NETCHECK_MAX_QUERY_VARIANTS = 20  # a calendar or sort page past this is a trap, and costs every re-audit in full
# Longer URLs are generated, not published (a government page links nothing this long);
# Scrapy's UrlLengthMiddleware and crawler.traps both read it.
URLLENGTH_LIMIT = 512

# External links are recorded on the page that holds them; `check_external` (spider
# argument, `netcheck audit --check-external`) also checks each target once, HEAD
# first, after every internal page (lower priority), never following their links.
# Scrapy keeps one download slot per host, so each external host gets its own
# CONCURRENT_REQUESTS_PER_DOMAIN and DOWNLOAD_DELAY.

# Scrapy's duplicate filter, letting redirect hops through so that a link that
# redirects to an already-fetched page still gets its record.
DUPEFILTER_CLASS = "crawler.dupefilters.RedirectAwareDupeFilter"

# REQUEST_FINGERPRINTER_IMPLEMENTATION is left at Scrapy's default: Scrapy 2.19 no
# longer reads it, its current fingerprinter being the only one.

# Cookies stay on: some CMSs set a session cookie on the first page and answer
# later pages differently without it.
COOKIES_ENABLED = True

LOG_LEVEL = "INFO"
# No listening ports on an audit machine (nor in CI): neither the telnet console
# nor Scrapy 2.19's remote-control HTTP server.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

# Output: pages.jsonl is written through FEEDS by crawler.run; keep Chinese as is.
FEED_EXPORT_ENCODING = "utf-8"

# Repeat audits: cache pages that carry a validator and revalidate every one of them on the
# next run (crawler.httpcache explains why nothing is trusted unasked). The CLI points
# HTTPCACHE_DIR at the user's cache directory; `--no-cache` turns it off.
HTTPCACHE_ENABLED = False
HTTPCACHE_POLICY = "crawler.httpcache.RevalidatePolicy"
HTTPCACHE_STORAGE = "scrapy.extensions.httpcache.FilesystemCacheStorage"
HTTPCACHE_EXPIRATION_SECS = 0  # entries never expire by age: they are revalidated instead
HTTPCACHE_GZIP = True
