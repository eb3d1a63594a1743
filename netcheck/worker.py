"""`netcheck audit URL --redis …` (the coordinator's crawl) and `netcheck worker --redis …`.

Several processes, on any machines that reach one Redis, share one site's crawl: see
crawler.distributed for the keys and for when the crawl is over.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from .exitcodes import Exit
from .history import site_key
from .i18n import _


def add_parser(sub, setting_type) -> None:
    w = sub.add_parser("worker", help=_("通过同一个 Redis，为别处运行的 `audit --redis` 分担抓取"))
    w.add_argument("--redis", required=True, metavar="URL", help=_("redis://主机:端口/库号，与 `audit --redis` 相同"))
    w.add_argument("--site", metavar="URL",
                   help=_("被审计网站的首页网址（默认：这个 Redis 上正在进行的那一次审计）"))
    w.add_argument("--wait", type=float, default=60.0, metavar="SECONDS",
                   help=_("等待审计开始的秒数（默认 60）"))
    w.add_argument("-s", dest="settings", action="append", type=setting_type, default=[], metavar="NAME=VALUE",
                   help=_("这个 worker 的 Scrapy 设置，在审计进程的设置之上"))


def add_audit_options(a) -> None:
    a.add_argument("--redis", metavar="URL",
                   help=_("通过 Redis（redis://主机:端口/库号）与 `netcheck worker` 进程共同抓取；"
                          "本进程发起抓取、自己也抓，并写出 pages.jsonl"))
    a.add_argument("--workers-only-wait", type=float, default=3.0, metavar="SECONDS",
                   help=_("与 --redis 同用：队列为空、所有 worker 空闲这么多秒后，抓取结束（默认 3）"))


def crawl_coordinated(redis_url: str, plan, run_dir: Path, settings: dict, *, idle_wait: float = 3.0) -> dict:
    """Carry out `plan` (crawler.plan.CrawlPlan) as the coordinator of a crawl shared through Redis."""
    from dataclasses import replace

    from crawler.distributed import announce, connect, finish
    from crawler.run import run_crawl

    from .pipeline import PAGES

    import redis

    key = site_key(plan.start_url)
    try:
        server = connect(redis_url)
    except (redis.RedisError, ValueError) as exc:
        print(_("netcheck: --redis：无法使用 {url} 上的 Redis（{error}）：请检查地址，以及 Redis 是否已启动").format(
            url=redis_url, error=exc), file=sys.stderr)
        raise SystemExit(Exit.USAGE)
    # The workers' plan: the same site and links, without the coordinator's budgets and checkpoint.
    shared = replace(plan, max_pages=None, max_seconds=None, resume_from=None)
    announce(server, key, shared, settings, fresh=plan.resume_from is None)
    run_dir.mkdir(parents=True, exist_ok=True)
    stats = {}
    try:
        stats = run_crawl(plan, run_dir / PAGES, settings=settings,
                          distributed={"redis_url": redis_url, "site_key": key, "role": "coordinator",
                                       "idle_wait": idle_wait})
    finally:
        finish(server, key, stats.get("finish_reason"))
    stats["redis"] = {"url": redis_url, "key": key}
    return stats


def cmd_worker(args) -> int:
    import redis

    from crawler.distributed import AUDITS, connect, keys
    from crawler.plan import CrawlPlan
    from crawler.run import run_crawl

    try:
        server = connect(args.redis)
    except (redis.RedisError, ValueError) as exc:
        print(_("netcheck: worker：无法使用 {url} 上的 Redis（{error}）：请检查地址，以及 Redis 是否已启动").format(
            url=args.redis, error=exc), file=sys.stderr)
        return Exit.USAGE
    deadline = time.monotonic() + args.wait
    key = site_key(args.site) if args.site else None
    config = None
    while True:
        if key is None:
            running = sorted(k.decode() for k in server.smembers(AUDITS))
            if len(running) > 1:
                print(_("netcheck: worker：这个 Redis 上有多个审计在进行（{audits}）：请用 --site 选一个").format(
                    audits="、".join(running)), file=sys.stderr)
                return Exit.USAGE
            candidate = running[0] if running else None
        else:
            candidate = key
        if candidate:
            k = keys(candidate)
            raw = server.hgetall(k["site"])
            if raw.get(b"plan") and not server.exists(k["done"]):
                key, config = candidate, {name.decode(): value.decode() for name, value in raw.items()}
                break
        if time.monotonic() > deadline:
            print(_("netcheck: worker：这个 Redis 上没有正在进行的审计：请先启动 `netcheck audit --redis`，"
                    "或用 --wait 多等一会"), file=sys.stderr)
            return Exit.USAGE
        time.sleep(0.2)
    shared = json.loads(config.get("settings") or "{}")
    settings = {**shared, "LOG_LEVEL": "INFO" if args.verbose else "WARNING", "HTTPCACHE_ENABLED": False,
                **dict(args.settings)}
    stats = run_crawl(CrawlPlan.from_json(config["plan"]), None, settings=settings,
                      distributed={"redis_url": args.redis, "site_key": key, "role": "worker"})
    print(_("netcheck worker：{key}：抓取 {pages} 个地址，出错 {errors} 个（{reason}）").format(
        key=key, pages=stats["pages"], errors=stats["errors"], reason=stats["finish_reason"]))
    return Exit.OK
