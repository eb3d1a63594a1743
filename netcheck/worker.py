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


def add_parser(sub, setting_type) -> None:
    w = sub.add_parser("worker", help="crawl for an `audit --redis` running elsewhere, through the same Redis")
    w.add_argument("--redis", required=True, metavar="URL", help="redis://HOST:PORT/N, as given to `audit --redis`")
    w.add_argument("--site", metavar="URL",
                   help="the audited site's start URL (default: the one audit running on this Redis)")
    w.add_argument("--wait", type=float, default=60.0, metavar="SECONDS",
                   help="how long to wait for the audit to start (default: 60)")
    w.add_argument("-s", dest="settings", action="append", type=setting_type, default=[], metavar="NAME=VALUE",
                   help="a Scrapy setting for this worker, on top of the coordinator's")


def add_audit_options(a) -> None:
    a.add_argument("--redis", metavar="URL",
                   help="share the crawl through Redis (redis://HOST:PORT/N) with `netcheck worker` processes; "
                        "this process seeds it, crawls too and writes pages.jsonl")
    a.add_argument("--workers-only-wait", type=float, default=3.0, metavar="SECONDS",
                   help="with --redis: the crawl is over when the queue has been empty and every worker idle "
                        "this long (default: 3)")


def crawl_coordinated(redis_url: str, url: str, run_dir: Path, settings: dict, *, max_pages=None,
                      max_seconds=None, check_external=False, resume=False, idle_wait: float = 3.0) -> dict:
    from crawler.distributed import announce, connect, finish
    from crawler.run import run_crawl

    from .pipeline import PAGES

    import redis

    key = site_key(url)
    try:
        server = connect(redis_url)
    except (redis.RedisError, ValueError) as exc:
        print(f"netcheck: --redis: cannot use Redis at {redis_url}: {exc}", file=sys.stderr)
        raise SystemExit(Exit.USAGE)
    announce(server, key, url, {**settings, "NETCHECK_CHECK_EXTERNAL": bool(check_external)}, fresh=not resume)
    run_dir.mkdir(parents=True, exist_ok=True)
    stats = {}
    try:
        stats = run_crawl(url, run_dir / PAGES, settings=settings, max_pages=max_pages, max_seconds=max_seconds,
                          check_external=check_external, resume=resume,
                          distributed={"redis_url": redis_url, "site_key": key, "role": "coordinator",
                                       "idle_wait": idle_wait})
    finally:
        finish(server, key, stats.get("finish_reason"))
    stats["redis"] = {"url": redis_url, "key": key}
    return stats


def cmd_worker(args) -> int:
    import redis

    from crawler.distributed import AUDITS, connect, keys
    from crawler.run import run_crawl

    try:
        server = connect(args.redis)
    except (redis.RedisError, ValueError) as exc:
        print(f"netcheck: worker: cannot use Redis at {args.redis}: {exc}", file=sys.stderr)
        return Exit.USAGE
    deadline = time.monotonic() + args.wait
    key = site_key(args.site) if args.site else None
    config = None
    while True:
        if key is None:
            running = sorted(k.decode() for k in server.smembers(AUDITS))
            if len(running) > 1:
                print(f"netcheck: worker: several audits on this Redis ({', '.join(running)}): pick one with --site",
                      file=sys.stderr)
                return Exit.USAGE
            candidate = running[0] if running else None
        else:
            candidate = key
        if candidate:
            k = keys(candidate)
            raw = server.hgetall(k["site"])
            if raw.get(b"start_url") and not server.exists(k["done"]):
                key, config = candidate, {name.decode(): value.decode() for name, value in raw.items()}
                break
        if time.monotonic() > deadline:
            print("netcheck: worker: no audit running on this Redis", file=sys.stderr)
            return Exit.USAGE
        time.sleep(0.2)
    shared = json.loads(config.get("settings") or "{}")
    check_external = bool(shared.pop("NETCHECK_CHECK_EXTERNAL", False))
    settings = {**shared, "LOG_LEVEL": "INFO" if args.verbose else "WARNING", "HTTPCACHE_ENABLED": False,
                **dict(args.settings)}
    stats = run_crawl(config["start_url"], None, settings=settings, check_external=check_external,
                      distributed={"redis_url": args.redis, "site_key": key, "role": "worker"})
    print(f"netcheck worker: {key}: {stats['pages']} pages fetched, {stats['errors']} errors "
          f"({stats['finish_reason']})")
    return Exit.OK
