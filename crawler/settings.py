"""Scrapy settings of the netcheck crawler: polite defaults for a real government server.

Every knob lives here, once, with the reason for its value. Override per run
with `netcheck audit -s NAME=VALUE` (or `scrapy crawl portal -s NAME=VALUE`);
`crawler.run.run_crawl` takes the same overrides as a dict. Audit thresholds
(how old, how late) are not crawl settings: they come from the catalog.
"""

BOT_NAME = "netcheck"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# What to crawl: the crawl plan (crawler.plan.CrawlPlan: start URL, page and time budgets,
# external links, the crawl to resume), as JSON or a bare start URL. Every entry point sets it
# (crawler.run.run_crawl, `netcheck worker` from Redis, a Scrapyd job's schedule.json);
# `scrapy crawl portal -s NETCHECK_PLAN=https://www.example.gov.cn/` by hand. No default: the
# spider refuses to start without one.
NETCHECK_PLAN = None

# Say who we are: a site's operators must be able to tell an audit from an attack
# and find out who runs it. NETCHECK_CONTACT is the auditing office's contact (a mailto:
# or a web page; set it: `-s NETCHECK_CONTACT=mailto:zwgk@example.gov.cn`), filled into
# USER_AGENT's `{contact}` by crawler.downloadermiddlewares.useragent.
NETCHECK_CONTACT = "https://example.invalid/netcheck"
USER_AGENT = "netcheck/0.1 (+{contact}; government website audit)"

# An audit that ignores robots.txt would be a bad example from the office that
# audits. Forbidden URLs are still recorded (error 'robots', a notice, not a defect).
# robots.txt groups are matched by our product token, not by the whole User-Agent line.
ROBOTSTXT_OBEY = True
ROBOTSTXT_USER_AGENT = "netcheck"
# Scrapy obeys Allow/Disallow but not Crawl-delay; crawler.downloadermiddlewares.crawldelay
# does, up to this many seconds between requests (a longer delay is held to it, and the
# stats say so: an audit must finish).
NETCHECK_CRAWL_DELAY_MAX = 60

# Government servers are often small; four parallel requests per host at most,
# AutoThrottle keeps the average near two and backs off when the server slows.
# crawler.downloader keeps that limit, which Scrapy 2.19's own downloader lets a burst exceed.
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOADER = "crawler.downloader.BoundedDownloader"
DOWNLOAD_DELAY = 0.25  # floor between requests to one host, also AutoThrottle's minimum
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
AUTOTHROTTLE_START_DELAY = 1.0  # Scrapy's 5 s default makes a 300-page audit crawl for minutes for nothing
AUTOTHROTTLE_MAX_DELAY = 10.0  # a slow server still gets audited within the run

# The national inspection counts a page that takes over 15 s as failed; so do we.
DOWNLOAD_TIMEOUT = 15

# No government page is 20 MB of HTML; a body that big is a misconfigured stream (a log or
# a video served as a page, a body that never ends) and would hold the crawl's memory. It is
# cut off there and recorded with its status and error 'too large' (crawler.downloadermiddlewares.bodysize),
# also when gzip inflates past it. Scrapy's 1 GB default is for archives, not for audits.
# Attachments are checked with HEAD, so their size does not count.
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024  # logged: the largest real portal pages are about 1 MB

# Internal attachments that hold words (PDF, DOC/DOCX, XLS/XLSX, WPS, ET: crawler.extract.attachments.
# READABLE_EXTENSIONS) are fetched with GET and read (crawler.spidermiddlewares.attachments), up to this
# many bytes, so that the personal data in a penalty decision's PDF is seen as a page's is (privacy.leak).
# A bigger one is cut off at this size and recorded unread ('too large'), its status still checked.
# Other files (images, zip …) keep their HEAD.
# 0: no attachment is read (HEAD for every file, as before).
NETCHECK_ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
# An attachment's record keeps at most this many characters of its text (a 5 MB budget table is
# millions): pages.jsonl stays small, and the checks say what was beyond it.
NETCHECK_ATTACHMENT_MAX_CHARS = 100_000

# Scrapy never verifies certificates, and the crawl goes on whatever the certificate (the
# national check's crawler reads the page too). A visitor's browser does verify: so the home
# page's certificate is checked against the system's trust store and a failure recorded
# (crawler.extensions.certificate, in EXTENSIONS; judged as site.tls_invalid). False skips the check, for a site whose
# certificate is known and accepted: `netcheck audit --allow-invalid-tls`.
NETCHECK_CHECK_TLS = True

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
    "scrapy.downloadermiddlewares.useragent.UserAgentMiddleware": None,
    "crawler.downloadermiddlewares.useragent.ContactUserAgentMiddleware": 500,
    # After RobotsTxtMiddleware (100), which has read the host's robots.txt by then.
    "crawler.downloadermiddlewares.crawldelay.CrawlDelayMiddleware": 110,
    # Cuts a body over DOWNLOAD_MAXSIZE, keeping its status, and skips bodies never parsed (see DOWNLOAD_MAXSIZE).
    "crawler.downloadermiddlewares.bodysize.BodySizeLimit": 360,
    # A render that fails (no browser, a timeout, an error answer) replaces nothing (see NETCHECK_BROWSER).
    # Next to the download handler: it sees a render's failure before retry or cache do.
    "crawler.render.downloadermiddleware.RenderFailures": 950,
}
RETRY_AFTER_MAX = 60

# Every status is a fact to record: 404 and 500 pages reach the spider's callback
# instead of being dropped by HttpErrorMiddleware.
HTTPERROR_ALLOW_ALL = True

# Follow redirects (HTTP and <meta refresh>, which many portals use on their index
# page); the chain is kept in each record. A loop (or a chain past REDIRECT_MAX_TIMES, Scrapy's
# and browsers' 20) is recorded with error 'too many redirects': a browser gives up too, so
# the link is broken.
REDIRECT_ENABLED = True
REDIRECT_MAX_TIMES = 20
METAREFRESH_ENABLED = True

# 0 = no depth limit: a portal is bounded by its own size and by CLOSESPIDER_PAGECOUNT
# (the plan's max_pages). Set DEPTH_LIMIT to audit only the upper levels.
DEPTH_LIMIT = 0
# Breadth-first: with a page budget, columns near the home page are seen before
# deep archives, as an inspector would browse.
DEPTH_PRIORITY = 1
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"
# A time budget: CLOSESPIDER_TIMEOUT (seconds, 0 = none), set from the plan's
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

# External links are recorded on the page that holds them; `check_external` (in the crawl
# plan, NETCHECK_PLAN: `netcheck audit --check-external`) also checks each target once, HEAD
# first, after every internal page (lower priority), never following their links.
# Scrapy keeps one download slot per host, so each external host gets its own
# CONCURRENT_REQUESTS_PER_DOMAIN and DOWNLOAD_DELAY.
# Each target is fetched with GET and read up to this many bytes (crawler.downloadermiddlewares.bodysize):
# enough for its title and the top of its text, which link.hijacked judges (crawler.extract.external).
NETCHECK_EXTERNAL_MAXSIZE = 256 * 1024

# Pages whose list a script draws in the browser (PageRecord.scripted) and whose data could not be
# read with GET are fetched once more in a headless browser and recorded `rendered`, up to the plan's
# render_budget pages per site (`netcheck audit --render N`, `--no-render`; crawler.render). Only those
# requests go through scrapy-playwright's download handler (installed by the add-on below when the
# plan allows rendering and a browser is there); every other request goes through Scrapy's own.
# NETCHECK_BROWSER: the browser's executable (a path, or a name on PATH); None: the first of chromium,
# chromium-browser, google-chrome on PATH. The system's browser is driven by its path: nothing is
# downloaded. None there, or a browser that does not start: scripted pages are recorded as read, their
# columns "could not verify", and the run says why.
NETCHECK_BROWSER = None
# Seconds a page may take to load in the browser (its load event); then its data requests are waited
# for up to 5 s more (crawler.render.browser.SETTLE_SECONDS). As DOWNLOAD_TIMEOUT: the national check
# counts a page that takes over 15 s as failed. A page that does not load in time stays as read.
NETCHECK_RENDER_TIMEOUT = 15
ADDONS = {"crawler.render.addon.Rendering": 0}
# Which scripted pages are rendered, within the budget, and the mark on their records.
SPIDER_MIDDLEWARES = {"crawler.render.spidermiddleware.RenderScripted": 600,
                      # the one search the crawl makes, with the home page's GET search form
                      "crawler.spidermiddlewares.searchprobe.SearchProbe": 610,
                      # internal PDF/Word/Excel files are read, not only checked (NETCHECK_ATTACHMENT_MAX_BYTES)
                      "crawler.spidermiddlewares.attachments.ReadAttachments": 620}
# False: the crawl does not try the site's search (site.search_missing then cannot verify a search form).
NETCHECK_SEARCH_PROBE = True
# scrapy-playwright's settings, read only when the add-on installed its handler (it adds the executable path).
PLAYWRIGHT_BROWSER_TYPE = "chromium"
PLAYWRIGHT_LAUNCH_OPTIONS = {
    "headless": True,
    # No sandbox (CI runs as root), no GPU, none of the browser's own traffic (crawler.render.browser).
    "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--no-first-run", "--disable-quic"],
}
# Two pages at a time in the browser's one context: a render costs far more CPU than a plain page.
# (No PLAYWRIGHT_MAX_CONTEXTS: before scrapy-playwright 0.0.48 its semaphore is never released when
# the browser fails to start, and the next render waits for ever.)
PLAYWRIGHT_MAX_PAGES_PER_CONTEXT = 2
# Images, media and fonts are not loaded by a rendered page: the list is text.
PLAYWRIGHT_ABORT_REQUEST = "crawler.render.browser.abort_request"
# Playwright (its driver process) starts with the first rendered page, not with the crawl
# (scrapy-playwright >= 0.0.48; older versions ignore this and start it with the crawl).
PLAYWRIGHT_BROWSER_PROVIDER = "crawler.render.provider.LazyBrowserProvider"

# Scrapy's duplicate filter, letting redirect hops through so that a link that
# redirects to an already-fetched page still gets its record.
DUPEFILTER_CLASS = "crawler.dupefilters.RedirectAwareDupeFilter"

# The frontier, chosen as SCHEDULER and DUPEFILTER_CLASS are (crawler.frontier): the start
# requests, which links are asked for (each once, within the plan's max_pages, past the trap
# guards) and what counts as this site. crawler.frontier.LocalFrontier is one process's fresh
# crawl; crawler.run sets crawler.resume.ResumedFrontier when the plan resumes a recorded crawl,
# and crawler.distributed.RedisFrontier for a crawl shared through Redis.
NETCHECK_FRONTIER = "crawler.frontier.LocalFrontier"

# A crawl shared through Redis (crawler.distributed; `netcheck audit --redis`, `netcheck worker`).
# crawler.distributed.redis_settings() sets these, with scrapy-redis's REDIS_URL, SCHEDULER and
# DUPEFILTER_CLASS, and adds its item pipeline and RedisCoordination; unused otherwise.
NETCHECK_REDIS_SITE_KEY = None  # the audit's key in Redis (netcheck:KEY:…; netcheck.history.site_key of its URL)
NETCHECK_REDIS_ROLE = "worker"  # "coordinator" seeds the crawl and writes pages.jsonl; a "worker" only crawls
NETCHECK_REDIS_IDLE_WAIT = 3.0  # seconds the queue must stay empty and every process idle before the crawl is over
NETCHECK_REDIS_OUT = None  # the coordinator's pages.jsonl, filled from every process's records
NETCHECK_REDIS_DEDUPE_DRAIN = False  # a resumed crawl may fetch a URL twice: the coordinator keeps its first record

# REQUEST_FINGERPRINTER_IMPLEMENTATION is left at Scrapy's default: Scrapy 2.19 no
# longer reads it, its current fingerprinter being the only one.

# Scrapy 2.13+ starts CONCURRENT_ITEMS asyncio tasks for every response's callback output (100 by
# default), which costs more CPU than a page's whole download. A page yields one record and a
# handful of requests, and the item pipeline does not wait on I/O: one at a time loses nothing.
CONCURRENT_ITEMS = 1

# Cookies stay on: some CMSs set a session cookie on the first page and answer
# later pages differently without it.
COOKIES_ENABLED = True

LOG_LEVEL = "INFO"
# Progress on the console (crawler.extensions.progress): on a terminal one status line,
# redrawn twice a second and erased at the end; otherwise a plain line every
# NETCHECK_PROGRESS_INTERVAL seconds (pages, queued, errors, pages/s, time). 0 = no progress.
EXTENSIONS = {
    "crawler.extensions.progress.Progress": 500,
    "crawler.extensions.certificate.CertificateCheck": 520,  # the home page's certificate (NETCHECK_CHECK_TLS)
}
NETCHECK_PROGRESS_INTERVAL = 10
# The progress line and its time units (seconds, minutes, hours); None: Chinese
# (crawler.extensions.progress.FORMAT, UNITS). The command line passes them in the user's language.
NETCHECK_PROGRESS_FORMAT = None
NETCHECK_PROGRESS_UNITS = None
# No listening ports on an audit machine (nor in CI): neither the telnet console
# nor Scrapy 2.19's remote-control HTTP server.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

# Output: pages.jsonl is written through FEEDS by crawler.run; keep Chinese as is.
FEED_EXPORT_ENCODING = "utf-8"
# The same JSON lines as Scrapy's 'jsonlines' format, several times cheaper per record (crawler.exporters);
# also under 'jsonlines' itself, which a Scrapyd server asks for when it stores a job's items.
FEED_EXPORTERS = {"pagerecords": "crawler.exporters.PageRecordLinesExporter",
                  "jsonlines": "crawler.exporters.PageRecordLinesExporter"}

# Repeat audits: cache pages that carry a validator and revalidate every one of them on the
# next run (crawler.httpcache explains why nothing is trusted unasked). The CLI points
# HTTPCACHE_DIR at the user's cache directory; `--no-cache` turns it off.
HTTPCACHE_ENABLED = False
HTTPCACHE_POLICY = "crawler.httpcache.RevalidatePolicy"
HTTPCACHE_STORAGE = "scrapy.extensions.httpcache.FilesystemCacheStorage"
HTTPCACHE_EXPIRATION_SECS = 0  # entries never expire by age: they are revalidated instead
HTTPCACHE_GZIP = True

# Personal data on audited pages is redacted before a record is written or logged
# (crawler.pipelines explains why); log lines name records by URL only.
ITEM_PIPELINES = {"crawler.pipelines.RedactPersonalData": 100}
LOG_FORMATTER = "crawler.logformatter.QuietLogFormatter"
