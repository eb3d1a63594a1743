"""The history store: past runs, their findings and the offices' reported statuses.

SQLAlchemy Core against any database it speaks (SQLite by default, PostgreSQL by URL). A run
and its findings are written in one transaction: a run killed half-way leaves no run row, and
a re-judged run replaces its own row in the same transaction that writes the new one.
"""
from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Iterable

import sqlalchemy as sa

from checks.findings import Finding
from reports.runrecord import HistorySummary, RunRecord, TrendPoint

from ..i18n import _
from . import schema
from .compare import Comparison, compare, history_status
from .location import history_url
from .schema import findings as F
from .schema import runs as R
from .schema import reviews as V
from .schema import statuses as S

TREND_RUNS = 12  # run.json's trend: the site's last runs, this one included
BATCH = 1000  # findings per INSERT: a million-finding run stays within memory and driver limits
_FINDING_COLUMNS = [c.name for c in F.columns if c.name not in ("id", "run_id")]
_DATE_COLUMNS = ("detected_on", "deadline", "first_seen")


class HistoryError(RuntimeError):
    """The history database cannot be opened or is not one of ours."""


def open_history(where=None) -> "HistoryStore":
    """The store for --history (a path or URL; None: $NETCHECK_HISTORY or the default file)."""
    return HistoryStore(history_url(where))


class HistoryStore:
    def __init__(self, url: str):
        self.url = url
        try:
            parsed = sa.engine.make_url(url)
            args = {}
            if parsed.get_backend_name() == "sqlite":
                args["connect_args"] = {"timeout": 30}  # wait for a concurrent audit's commit
                if parsed.database and parsed.database != ":memory:":
                    Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            self.engine = sa.create_engine(parsed, json_serializer=_json_dumps, **args)
            self._ensure_schema()
        except HistoryError:
            raise
        except (sa.exc.SQLAlchemyError, ImportError, OSError) as exc:
            raise HistoryError(_("无法打开历史数据库 {url}（{error}）：请检查 --history 给出的文件或网址").format(
                url=parsed_safe(url), error=f"{exc.__class__.__name__}: {exc}")) from exc

    def _ensure_schema(self) -> None:
        try:
            schema.metadata.create_all(self.engine)
        except sa.exc.DBAPIError:
            # Parallel audits (audit --sites) may all find a new database empty; one creates the
            # tables first and the others' CREATE fails. Once more sees them and creates nothing.
            schema.metadata.create_all(self.engine)
        try:
            with self.engine.begin() as conn:
                conn.execute(schema.meta.insert().values(key="schema_version", value=str(schema.SCHEMA_VERSION)))
        except sa.exc.IntegrityError:
            pass  # a version is already recorded: check it below
        with self.engine.connect() as conn:
            found = conn.execute(sa.select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")).scalar()
            if int(found) > schema.SCHEMA_VERSION:
                raise HistoryError(_("历史数据库 {url} 的结构版本是 {found}，比这个 netcheck 的 {ours} 新：请升级 netcheck")
                                   .format(url=parsed_safe(self.url), found=found, ours=schema.SCHEMA_VERSION))
        if int(found) < schema.SCHEMA_VERSION:
            self._migrate(int(found))

    def _migrate(self, version: int) -> None:
        """Bring an older database up to this schema, one step per version, in one transaction."""
        with self.engine.begin() as conn:
            for step in range(version, schema.SCHEMA_VERSION):
                for statement in schema.MIGRATIONS[step]:
                    try:
                        conn.execute(sa.text(statement))
                    except sa.exc.DBAPIError:  # a concurrent audit migrated it first
                        pass
            conn.execute(schema.meta.update().where(schema.meta.c.key == "schema_version")
                         .values(value=str(schema.SCHEMA_VERSION)))

    def close(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------ one run

    def compare(self, site: str, run_key: str, as_of: date, findings: list[Finding], reverify=None) -> Comparison:
        """Mark findings new/persisting against the site's previous complete run (see
        compare.compare). `reverify(rows)`, given the previous run's finding rows that are gone
        now, says which of them this run could not check again (fingerprint → reason): those stay
        open instead of fixed. A partial or incomplete run is never the previous run: what it did
        not see is not gone."""
        with self.engine.connect() as conn:
            previous = self._previous(conn, site, run_key, as_of)
            if previous is None:
                return compare(findings, None, [], as_of)
            rows = [dict(r) for r in conn.execute(sa.select(F).where(F.c.run_id == previous["id"])).mappings()]
            reported = self._reported(conn, site)
            dismissed = self._dismissed(conn, site)
        # A hit the office dismissed since is no finding any more: not fixed, just not one.
        rows = [r for r in rows if _review_key(r, previous["site_url"]) not in dismissed]
        now = {f.fingerprint for f in findings}
        gone = [{**r, "site_url": previous["site_url"]} for r in rows if r["fingerprint"] not in now]
        unverified = reverify(gone) if reverify else {}
        return compare(findings, dict(previous), rows, as_of, reported, unverified)

    def previous_run(self, site: str, run_key: str, as_of: date, rule: str) -> tuple[dict, list[dict]] | None:
        """The run `compare` compares with (the site's newest complete run up to this as-of date,
        not this one) and its findings of `rule`; None for a site's first run."""
        with self.engine.connect() as conn:
            previous = self._previous(conn, site, run_key, as_of)
            if previous is None:
                return None
            rows = [dict(r) for r in conn.execute(
                sa.select(F).where(F.c.run_id == previous["id"], F.c.rule == rule)).mappings()]
        return dict(previous), rows

    @staticmethod
    def _previous(conn, site: str, run_key: str, as_of: date):
        return conn.execute(
            sa.select(R).where(R.c.site == site, R.c.as_of <= as_of, R.c.run_key != run_key,
                               sa.or_(R.c.status.is_(None), R.c.status == "complete"))
            .order_by(R.c.as_of.desc(), R.c.id.desc()).limit(1)).mappings().first()

    def trend(self, site: str, run_key: str, as_of: date) -> list[TrendPoint]:
        """The site's runs up to this as-of date (this run's own row excluded), oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(R.c.as_of, R.c.score, R.c.veto, R.c.counts, R.c.status)
                .where(R.c.site == site, R.c.as_of <= as_of, R.c.run_key != run_key)
                .order_by(R.c.as_of.desc(), R.c.id.desc()).limit(TREND_RUNS - 1)).mappings().all()
        return [TrendPoint(as_of=r["as_of"].isoformat(), score=r["score"], veto=bool(r["veto"]),
                           findings=(r["counts"] or {}).get("findings"), status=r["status"] or "complete")
                for r in reversed(rows)]

    def record(self, site: str, run: RunRecord, findings: Iterable[Finding | dict], run_dir: Path | None) -> int:
        """Store the run and its findings in one transaction, replacing the run's earlier row."""
        summary = run.history or HistorySummary()
        values = dict(
            run_key=run.run_id, site=site, site_url=run.site, as_of=date.fromisoformat(run.as_of),
            started=run.started, finished=run.finished,
            run_dir=str(Path(run_dir).resolve()) if run_dir else None, score=run.score,
            veto=bool(run.veto), counts=run.counts.to_dict(), catalog_digest=run.catalog.digest,
            new=summary.new, persisting=summary.persisting, fixed=summary.fixed,
            status=history_status(run))
        with self.engine.begin() as conn:
            earlier = conn.execute(sa.select(R.c.id).where(R.c.run_key == values["run_key"])).scalars().all()
            self._delete_runs(conn, earlier)
            run_id = conn.execute(R.insert().values(**values)).inserted_primary_key[0]
            batch = []
            for f in findings:
                batch.append(_finding_row(f, run_id))
                if len(batch) >= BATCH:
                    conn.execute(F.insert(), batch)
                    batch = []
            if batch:
                conn.execute(F.insert(), batch)
        return run_id

    # ------------------------------------------------------------ listing and pruning

    def runs(self, site: str) -> list[dict]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(R).where(R.c.site == site).order_by(R.c.as_of, R.c.id)).mappings().all()
        return [dict(r) for r in rows]

    def sites(self) -> list[dict]:
        """Every site with its number of runs and newest as-of date."""
        query = (sa.select(R.c.site, sa.func.count().label("runs"), sa.func.max(R.c.as_of).label("latest"))
                 .group_by(R.c.site).order_by(R.c.site))
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def prune(self, keep: int, site: str | None = None) -> tuple[list[dict], list[dict]]:
        """Delete all but the newest `keep` runs of each site (or of one); return (removed, kept)."""
        removed, kept = [], []
        with self.engine.begin() as conn:
            query = sa.select(R.c.id, R.c.site, R.c.as_of, R.c.run_dir, R.c.run_key)
            if site is not None:
                query = query.where(R.c.site == site)
            per_site: dict[str, list[dict]] = {}
            for row in conn.execute(query.order_by(R.c.site, R.c.as_of.desc(), R.c.id.desc())).mappings():
                per_site.setdefault(row["site"], []).append(dict(row))
            for rows in per_site.values():
                kept += rows[:keep]
                removed += rows[keep:]
            if removed:
                self._delete_runs(conn, [r["id"] for r in removed])
        return removed, kept

    # ------------------------------------------------------------ reported statuses

    def sites_of(self, fingerprints: Iterable[str]) -> dict[str, str]:
        """fingerprint → the site of the newest run that had it; unknown fingerprints are left out."""
        wanted = sorted(set(fingerprints))
        out: dict[str, str] = {}
        with self.engine.connect() as conn:
            for k in range(0, len(wanted), BATCH):
                query = (sa.select(F.c.fingerprint, R.c.site).join(R, R.c.id == F.c.run_id)
                         .where(F.c.fingerprint.in_(wanted[k:k + BATCH])).order_by(R.c.as_of, R.c.id))
                out.update({fp: site for fp, site in conn.execute(query)})
        return out

    def add_statuses(self, rows: list[dict]) -> int:
        """Store reported statuses; a row repeating its fingerprint's latest status is skipped,
        so importing the same workbook twice stores nothing twice. Returns how many were stored."""
        fresh = []
        with self.engine.begin() as conn:
            latest: dict[str, dict] = {}
            for site in sorted({r["site"] for r in rows}):
                latest.update({(site, fp): v for fp, v in self._reported(conn, site).items()})
            for row in rows:
                last = latest.get((row["site"], row["fingerprint"]))
                if last and (last["status"], last.get("note")) == (row["status"], row.get("note")):
                    continue
                fresh.append(row)
                latest[(row["site"], row["fingerprint"])] = row
            if fresh:
                conn.execute(S.insert(), fresh)
        return len(fresh)

    @staticmethod
    def _reported(conn, site: str) -> dict[str, dict]:
        rows = conn.execute(sa.select(S).where(S.c.site == site).order_by(S.c.reported_on, S.c.id)).mappings()
        return {r["fingerprint"]: dict(r) for r in rows}  # the latest report wins

    # ------------------------------------------------------------ reviews of wording hits

    def reviews(self, site: str) -> list[dict]:
        """The site's review decisions, oldest first (the latest for a hit wins)."""
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(
                sa.select(V).where(V.c.site == site).order_by(V.c.decided_on, V.c.id)).mappings()]

    def add_reviews(self, rows: list[dict]) -> int:
        """Store decisions ({site, url, term, snippet, decision, fingerprint, decided_on, source});
        one repeating its hit's latest decision is skipped. Returns how many were stored."""
        fresh = []
        with self.engine.begin() as conn:
            latest = {}
            for site in sorted({r["site"] for r in rows}):
                for r in conn.execute(sa.select(V).where(V.c.site == site).order_by(V.c.decided_on, V.c.id)).mappings():
                    latest[(site, r["url"], r["term"], r["snippet"])] = r["decision"]
            for row in rows:
                key = (row["site"], row["url"], row["term"], row["snippet"])
                if latest.get(key) == row["decision"]:
                    continue
                latest[key] = row["decision"]
                fresh.append(row)
            if fresh:
                conn.execute(V.insert(), fresh)
        return len(fresh)

    def latest_findings(self, fingerprints: Iterable[str]) -> dict[str, dict]:
        """fingerprint → its row in the newest run that had it, with the run's site and site_url."""
        wanted = sorted(set(fingerprints))
        out: dict[str, dict] = {}
        with self.engine.connect() as conn:
            for k in range(0, len(wanted), BATCH):
                query = (sa.select(F, R.c.site, R.c.site_url).join(R, R.c.id == F.c.run_id)
                         .where(F.c.fingerprint.in_(wanted[k:k + BATCH])).order_by(R.c.as_of, R.c.id))
                out.update({r["fingerprint"]: dict(r) for r in conn.execute(query).mappings()})
        return out

    @staticmethod
    def _dismissed(conn, site: str) -> set[tuple[str, str, str]]:
        latest = {}
        for r in conn.execute(sa.select(V).where(V.c.site == site).order_by(V.c.decided_on, V.c.id)).mappings():
            latest[(r["url"], r["term"], r["snippet"])] = r["decision"]
        return {k for k, v in latest.items() if v == "dismissed"}

    @staticmethod
    def _delete_runs(conn, ids: list[int]) -> None:
        # Explicit, not ON DELETE CASCADE: SQLite only cascades with a per-connection pragma.
        if not ids:
            return
        conn.execute(F.delete().where(F.c.run_id.in_(ids)))
        conn.execute(R.delete().where(R.c.id.in_(ids)))


def _finding_row(f: Finding | dict, run_id: int) -> dict:
    data = asdict(f) if isinstance(f, Finding) else f
    row = {c: data.get(c) for c in _FINDING_COLUMNS}
    for c in _DATE_COLUMNS:
        row[c] = _date(row[c])
    row["run_id"] = run_id
    return row


def _review_key(row: dict, site_url: str) -> tuple[str, str, str] | None:
    """A stored wording finding's review key (checks.wording.review_key); None for other findings."""
    details = row.get("details") or {}
    if row.get("rule") != "content.wrong_term" or "snippet" not in details:
        return None
    from checks.wording.review import review_key

    return review_key(row.get("url"), site_url, details.get("term") or "", details["snippet"])


def _date(value) -> date | None:
    if isinstance(value, date) or value is None:
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _json_dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, default=_jsonable)


def _jsonable(value):
    """Details carry dates and numpy scalars; JSON carries neither."""
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, (set, tuple)):
        return list(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def parsed_safe(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return url
