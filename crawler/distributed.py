"""One crawl shared by several processes through Redis (scrapy-redis).

`netcheck audit URL --redis redis://HOST:PORT/N` is the coordinator: it seeds the start request,
crawls too, and drains every process's page records into the run's pages.jsonl.
`netcheck worker --redis …` processes, on any machine, take requests from the same queue.

Per audit (site key `k`, netcheck.history.site_key of the start URL), in Redis:

    netcheck:k:requests    the frontier (scrapy_redis PriorityQueue, pickled requests)
    netcheck:k:dupefilter  the seen-set (request fingerprints): the authority on duplicates
    netcheck:k:items       page records, one JSON object each, pushed by every process
    netcheck:k:site        hash: start_url, plan (the workers' crawler.plan, JSON), settings (JSON), site_url, site_name
    netcheck:k:worker:ID   heartbeat of one process: "busy" or "idle", expires after HEARTBEAT_TTL
    netcheck:k:done        set by the coordinator when the crawl is over: workers then stop
    netcheck:audits        set of the keys of audits running now (for `netcheck worker` without --site)

The queue and the seen-set persist (SCHEDULER_PERSIST): a crawl whose processes were all stopped
resumes with `netcheck audit URL --redis … --resume --out SAME_DIR`. A finished crawl deletes its keys.
The crawl is over when the queue is empty and every process has been idle for
NETCHECK_REDIS_IDLE_WAIT seconds (`--workers-only-wait`).

The components (all chosen by the settings redis_settings() returns, declared in crawler.settings):
RedisFrontier (NETCHECK_FRONTIER), scrapy-redis's Scheduler with RedirectAwareRedisDupeFilter,
RedisItemsPipeline, and the RedisCoordination extension.
"""
from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path
from typing import Any

import redis
from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.serialize import ScrapyJSONEncoder
from scrapy_redis.dupefilter import RFPDupeFilter
from twisted.internet import task

from crawler.exporters import record_line
from crawler.frontier import Site
from crawler.items import PageRecord
from crawler.resume import ResumedFrontier

PREFIX = "netcheck"
AUDITS = f"{PREFIX}:audits"
HEARTBEAT_TTL = 5  # seconds: a killed worker stops counting as busy after this long
TICK = 0.5  # seconds between heartbeats, drains and wake-ups


def base_key(site_key: str) -> str:
    # scrapy-redis formats its keys with %(spider)s: a literal % must be doubled.
    return f"{PREFIX}:{site_key}"


def keys(site_key: str) -> dict[str, str]:
    base = base_key(site_key)
    return {name: f"{base}:{name}" for name in ("requests", "dupefilter", "items", "site", "done")}


def connect(url: str) -> redis.Redis:
    server = redis.Redis.from_url(url)
    server.ping()
    return server


def redis_settings(redis_url: str, site_key: str, role: str, idle_wait: float = 3.0) -> dict[str, Any]:
    """Scrapy settings that put the frontier and seen-set in Redis and the records in netcheck:k:items."""
    k = {name: key.replace("%", "%%") for name, key in keys(site_key).items()}
    return {
        "SCHEDULER": "scrapy_redis.scheduler.Scheduler",
        "SCHEDULER_PERSIST": True,
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.PriorityQueue",
        "SCHEDULER_QUEUE_KEY": k["requests"],
        "SCHEDULER_DUPEFILTER_KEY": k["dupefilter"],
        "SCHEDULER_IDLE_BEFORE_CLOSE": 0,  # never block the reactor on a pop; RedisCoordination decides when to stop
        "DUPEFILTER_CLASS": "crawler.distributed.RedirectAwareRedisDupeFilter",
        "NETCHECK_FRONTIER": "crawler.distributed.RedisFrontier",
        "REDIS_URL": redis_url,
        "NETCHECK_REDIS_SITE_KEY": site_key,
        "NETCHECK_REDIS_ROLE": role,
        "NETCHECK_REDIS_IDLE_WAIT": idle_wait,
    }


def apply(settings, options: dict, out_path, resume: bool) -> None:
    """Turn crawler.run's Settings into a distributed crawl's. `options`: redis_url, site_key, role
    ('coordinator' or 'worker'), idle_wait. The coordinator writes `out_path` (pages.jsonl) from
    netcheck:k:items instead of a feed; a worker writes nothing locally."""
    settings.setdict(redis_settings(options["redis_url"], options["site_key"], options.get("role", "worker"),
                                    options.get("idle_wait", 3.0)), priority="cmdline")
    pipelines = settings.getdict("ITEM_PIPELINES")
    pipelines["crawler.distributed.RedisItemsPipeline"] = 900
    extensions = settings.getdict("EXTENSIONS")
    extensions["crawler.distributed.RedisCoordination"] = 510
    settings.set("ITEM_PIPELINES", pipelines, priority="cmdline")
    settings.set("EXTENSIONS", extensions, priority="cmdline")
    if out_path is not None:
        out_path = Path(out_path)
        out_path.parent.mkdir(parents=True, exist_ok=True)
        if not resume:
            out_path.write_bytes(b"")
        settings.set("NETCHECK_REDIS_OUT", str(out_path.resolve()), priority="cmdline")
        settings.set("NETCHECK_REDIS_DEDUPE_DRAIN", resume, priority="cmdline")


class PendingRecords:
    """This process's page records on their way to netcheck:k:items, pushed BATCH at a time: one Redis
    round trip for many pages, not one each (a round trip blocks the reactor). They are also pushed
    before this process reports itself idle, when it closes, and ahead of every URL it adds to the
    shared seen-set (in the same round trip). So, as when each record was pushed at once, a request
    is shared only after the record of the page it was found on: a resumed crawl, which follows the
    recorded pages' links again, misses nothing; a record lost with a killed process is fetched again."""

    BATCH = 64

    def __init__(self, server: redis.Redis, key: str):
        self.server, self.key = server, key
        self.lines: list[str] = []

    @classmethod
    def of(cls, crawler) -> "PendingRecords":
        """The crawler's one buffer, shared by the items pipeline, the dupefilter and RedisCoordination."""
        pending = getattr(crawler, "netcheck_pending_records", None)
        if pending is None:
            s = crawler.settings
            pending = cls(connect(s.get("REDIS_URL")), keys(s.get("NETCHECK_REDIS_SITE_KEY"))["items"])
            crawler.netcheck_pending_records = pending
        return pending

    def add(self, line: str) -> None:
        self.lines.append(line)
        if len(self.lines) >= self.BATCH:
            self.flush()

    def take(self, pipe) -> None:
        """Put the waiting records on `pipe`, ahead of the commands that follow them there."""
        if self.lines:
            pipe.rpush(self.key, *self.lines)
            self.lines = []

    def flush(self) -> None:
        if self.lines:
            lines, self.lines = self.lines, []
            try:
                self.server.rpush(self.key, *lines)
            except redis.RedisError:
                self.lines[:0] = lines  # kept for the next try
                raise


class RedirectAwareRedisDupeFilter(RFPDupeFilter):
    """scrapy-redis's shared seen-set, letting redirect hops through (as crawler.dupefilters does locally).
    Pushes the process's pending records first, in the same round trip (PendingRecords)."""

    pending: PendingRecords | None = None

    @classmethod
    def from_spider(cls, spider):
        dupefilter = super().from_spider(spider)
        dupefilter.pending = PendingRecords.of(spider.crawler)
        return dupefilter

    def request_seen(self, request) -> bool:
        fp = self.request_fingerprint(request)
        if self.pending is not None and self.pending.lines:
            pipe = self.server.pipeline(transaction=False)
            self.pending.take(pipe)
            pipe.sadd(self.key, fp)
            added = pipe.execute()[-1]
        else:
            added = self.server.sadd(self.key, fp)
        return added == 0 and not request.meta.get("redirect_urls")


def record_json(item) -> str:
    """One page record as pages.jsonl holds it (as Scrapy's jsonlines feed writes it)."""
    if isinstance(item, PageRecord):
        return record_line(item)
    return json.dumps(ItemAdapter(item).asdict(), ensure_ascii=False, cls=ScrapyJSONEncoder)


class RedisItemsPipeline:
    """Push every record to netcheck:k:items (as scrapy-redis's RedisPipeline does, as JSON lines),
    in batches (PendingRecords)."""

    def __init__(self, pending: PendingRecords):
        self.pending = pending

    @classmethod
    def from_crawler(cls, crawler):
        return cls(PendingRecords.of(crawler))

    def process_item(self, item, spider=None):
        self.pending.add(record_json(item))
        return item


class SharedSite(Site):
    """crawler.frontier.Site shared through netcheck:k:site: learnt from the start page by whichever
    process fetched it, asked for by the others until they know the home page's name."""

    def __init__(self, url: str, state: "SiteState"):
        super().__init__(url)
        self.state = state

    def refresh(self) -> None:
        if self.name is None:
            self.url, self.name = self.state.get(self.url, self.name)

    def publish(self) -> None:
        self.state.put(self.url, self.name)


class RedisFrontier(ResumedFrontier):
    """The frontier of a crawl shared through Redis: scrapy-redis's scheduler and the shared seen-set
    (RedirectAwareRedisDupeFilter) hold the queue and decide on duplicates, so no page budget caps what
    this process asks for; the site and the trap guards' query variants are shared; only the coordinator
    (NETCHECK_REDIS_ROLE) seeds the crawl, from the home page or from the record it resumes."""

    seen_kept = True

    def __init__(self, crawler, plan):
        super().__init__(crawler, plan)
        s = crawler.settings
        server = connect(s.get("REDIS_URL"))
        site_key = s.get("NETCHECK_REDIS_SITE_KEY")
        self.seeds = s.get("NETCHECK_REDIS_ROLE") == "coordinator"
        self.budget = None
        self.site = SharedSite(plan.start_url, SiteState(server, keys(site_key)["site"]))
        self.traps.admit_variant = SharedVariants(server, f"{base_key(site_key)}:variants",
                                                  self.traps.max_query_variants)

    def start_requests(self, spider):
        if self.seeds:  # workers only take from the shared queue
            yield from super().start_requests(spider)


class SiteState:
    """The site's URL and name, learnt from the start page by whichever process fetched it."""

    def __init__(self, server: redis.Redis, key: str):
        self.server, self.key = server, key

    def put(self, site_url: str, site_name: str | None) -> None:
        self.server.hset(self.key, mapping={"site_url": site_url, "site_name": site_name or ""})

    def get(self, site_url: str, site_name: str | None) -> tuple[str, str | None]:
        url, name = self.server.hmget(self.key, ["site_url", "site_name"])
        return (url.decode() if url else site_url), (name.decode() if name else site_name)


class SharedVariants:
    """crawler.traps' query-variant count per path, shared by every process of the crawl (atomically:
    two processes cannot both take the last place)."""

    SCRIPT = """
    if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return 1 end
    if redis.call('SCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
    redis.call('SADD', KEYS[1], ARGV[1])
    return 1
    """

    def __init__(self, server: redis.Redis, prefix: str, limit: int):
        self.script = server.register_script(self.SCRIPT)
        self.prefix, self.limit = prefix, limit

    def __call__(self, path: str, query: str) -> bool:
        return bool(self.script(keys=[f"{self.prefix}:{path}"], args=[query, self.limit]))


class RedisCoordination:
    """Heartbeats, wake-ups, and when to stop; in the coordinator also the drain into pages.jsonl."""

    def __init__(self, crawler):
        s = crawler.settings
        self.crawler = crawler
        self.server = connect(s.get("REDIS_URL"))
        self.site_key = s.get("NETCHECK_REDIS_SITE_KEY")
        self.keys = keys(self.site_key)
        self.role = s.get("NETCHECK_REDIS_ROLE", "worker")
        self.idle_wait = s.getfloat("NETCHECK_REDIS_IDLE_WAIT", 3.0)
        self.out_path = s.get("NETCHECK_REDIS_OUT")
        self.dedupe_drain = s.getbool("NETCHECK_REDIS_DEDUPE_DRAIN")
        self.id = f"{socket.gethostname()}-{os.getpid()}-{self.role}"
        self.heartbeat_key = f"{base_key(self.site_key)}:worker:{self.id}"
        self.pending = PendingRecords.of(crawler)
        self.quiet_since: float | None = None
        self.loop: task.LoopingCall | None = None
        self.drained = 0
        self.recorded: set[str] = set()
        self._out = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def spider_opened(self, spider):
        if self.role == "coordinator" and self.out_path:
            path = Path(self.out_path)
            if self.dedupe_drain and path.is_file():
                from crawler.resume import recover_feed

                self.recorded = {rec["url"] for rec in recover_feed(path)}  # also cuts a torn last line
            self._out = open(path, "a", encoding="utf-8")
            self.drain()
        self.loop = task.LoopingCall(self.tick)
        self.loop.start(TICK, now=True)

    def tick(self):
        engine = self.crawler.engine
        try:
            busy = engine is not None and not engine.spider_is_idle()
            self.pending.flush()  # before "idle": every record of this process is then in Redis
            self.server.set(self.heartbeat_key, "busy" if busy else "idle", ex=HEARTBEAT_TTL)
            if self._out is not None:
                self.drain()
            # Scrapy looks at its scheduler every 5 s when idle; requests pushed by other processes come sooner.
            slot = getattr(engine, "_slot", None)
            if slot is not None and self.server.zcard(self.keys["requests"]):
                slot.nextcall.schedule()
            elif slot is not None and not busy:
                slot.nextcall.schedule()  # lets spider_idle below look at the other processes again
        except redis.RedisError as exc:
            self.crawler.spider.logger.warning("redis: %s", exc)

    def drain(self, batch: int = 500) -> int:
        """Append the records waiting in netcheck:k:items to pages.jsonl; how many."""
        total = 0
        while True:
            pipe = self.server.pipeline(transaction=True)
            pipe.lrange(self.keys["items"], 0, batch - 1)
            pipe.ltrim(self.keys["items"], batch, -1)
            raw, _ = pipe.execute()
            if not raw:
                break
            lines = []
            for line in raw:
                text = line.decode("utf-8")
                if self.dedupe_drain:  # a resumed crawl may fetch a URL twice: keep its first record
                    record = json.loads(text)
                    url = record.get("url")
                    if url in self.recorded and not record.get("rendered"):  # a render replaces it (crawler.render)
                        continue
                    self.recorded.add(url)
                lines.append(text + "\n")
            self._out.write("".join(lines))
            self._out.flush()
            total += len(lines)
            if len(raw) < batch:
                break
        self.drained += total
        self.crawler.stats.set_value("netcheck/drained", self.drained)
        return total

    def others_busy(self) -> bool:
        for key in self.server.scan_iter(f"{base_key(self.site_key)}:worker:*".replace("[", "\\[")):
            if key.decode() != self.heartbeat_key and self.server.get(key) == b"busy":
                return True
        return False

    def spider_idle(self, spider):
        if self.role != "coordinator":
            if self.server.exists(self.keys["done"]):
                return  # the crawl is over: let this worker close
            raise DontCloseSpider
        if self.server.zcard(self.keys["requests"]) or self.others_busy():
            self.quiet_since = None
            raise DontCloseSpider
        now = time.monotonic()
        if self.quiet_since is None:
            self.quiet_since = now
        if now - self.quiet_since < self.idle_wait:
            raise DontCloseSpider
        self.server.set(self.keys["done"], "1")

    def spider_closed(self, spider, reason):
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        self.pending.flush()
        self.server.delete(self.heartbeat_key)
        if self._out is not None:
            self.drain()
            self._out.close()
            self._out = None


def announce(server: redis.Redis, site_key: str, plan, settings: dict, *, fresh: bool) -> None:
    """The coordinator, before crawling: a fresh audit clears this site's keys; both publish the audit:
    the workers' crawl plan (crawler.plan.CrawlPlan) and the Scrapy settings they share."""
    k = keys(site_key)
    if fresh:
        stale = list(server.scan_iter(f"{base_key(site_key)}:*".replace("[", "\\[")))
        if stale:
            server.delete(*stale)
    server.delete(k["done"])
    shared = {name: value for name, value in settings.items()
              if not name.startswith(("HTTPCACHE_", "LOG_")) and name not in ("FEEDS",)}
    server.hset(k["site"], mapping={"start_url": plan.start_url, "plan": plan.to_json(),
                                    "settings": json.dumps(shared, default=str)})
    server.sadd(AUDITS, site_key)


def finish(server: redis.Redis, site_key: str, finish_reason: str | None) -> None:
    """After the coordinator's crawl: a finished crawl leaves nothing behind; a stopped one keeps its frontier."""
    k = keys(site_key)
    server.set(k["done"], "1", ex=120)  # workers stop either way
    if finish_reason == "finished" and not server.llen(k["items"]):
        leftover = [key for key in server.scan_iter(f"{base_key(site_key)}:*".replace("[", "\\["))
                    if not key.decode().endswith(":done")]
        if leftover:
            server.delete(*leftover)
        server.srem(AUDITS, site_key)
