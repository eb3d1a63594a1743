"""The history database's tables, in SQLAlchemy Core so that one schema serves SQLite and PostgreSQL.

Dates are DATE columns (comparison by as-of date is the point of the store); the run's start and
finish times stay the ISO strings run.json has, so the two never disagree by a time zone.
Bump SCHEMA_VERSION with any change to these tables (and teach `migrate` the step).
"""
from __future__ import annotations

import sqlalchemy as sa

SCHEMA_VERSION = 3  # 2: runs.status; 3: reviews

metadata = sa.MetaData()

# Each step from one schema version to the next, as SQL both SQLite and PostgreSQL run.
MIGRATIONS = {
    1: ["ALTER TABLE runs ADD COLUMN status VARCHAR(16)"],
    2: [],  # the reviews table: a new table, which create_all makes
}

# One row per key: 'schema_version' (an integer, as text).
meta = sa.Table(
    "netcheck_meta", metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

runs = sa.Table(
    "runs", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    # run.json's run_id: one per crawl, kept when the crawl is re-judged, so a re-judgement
    # replaces its own row instead of adding a second one.
    sa.Column("run_key", sa.String(64), nullable=False, unique=True),
    sa.Column("site", sa.String(400), nullable=False, index=True),  # the site key (site_key())
    sa.Column("site_url", sa.Text, nullable=False),
    sa.Column("as_of", sa.Date, nullable=False),
    sa.Column("started", sa.String(40)),
    sa.Column("finished", sa.String(40)),
    sa.Column("run_dir", sa.Text),
    sa.Column("score", sa.Float),
    sa.Column("veto", sa.Boolean, nullable=False, default=False),
    sa.Column("counts", sa.JSON),  # run.json's counts
    sa.Column("catalog_digest", sa.String(128)),
    sa.Column("new", sa.Integer),
    sa.Column("persisting", sa.Integer),
    sa.Column("fixed", sa.Integer),
    # run.json's status: complete, partial (the crawl ended early) or incomplete (a rule failed),
    # or unreachable (the site was down). Only a complete run is the one the next run is compared
    # with; NULL: a run from schema 1.
    sa.Column("status", sa.String(16)),
    sa.Index("ix_runs_site_as_of", "site", "as_of"),
)

# Every Finding field but `site` (the run has it), so that fixed.jsonl can repeat a finding whole.
findings = sa.Table(
    "findings", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("fingerprint", sa.String(64), nullable=False, index=True),
    sa.Column("rule", sa.String(64), nullable=False),
    sa.Column("severity", sa.String(16), nullable=False),
    sa.Column("points", sa.Float),
    sa.Column("category", sa.Text),
    sa.Column("department", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("target", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("evidence", sa.Text),
    sa.Column("basis", sa.Text),
    sa.Column("detected_on", sa.Date),
    sa.Column("deadline", sa.Date),
    sa.Column("first_seen", sa.Date),
    sa.Column("status", sa.String(16)),
    sa.Column("details", sa.JSON),
)

# What offices reported back in their filled-in 整改清单 (netcheck import-status).
statuses = sa.Table(
    "statuses", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("site", sa.String(400), nullable=False),
    sa.Column("fingerprint", sa.String(64), nullable=False),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("reported_on", sa.Date, nullable=False),
    sa.Column("source_file", sa.Text),
    sa.Index("ix_statuses_site_fingerprint", "site", "fingerprint"),
)

# The office's review of wording hits (content.wrong_term): `netcheck review`, or a 状态 of 已确认 /
# 已忽略 read back by import-status. A hit is known by its page (path on the site), term and snippet;
# the latest decision wins, and a dismissed hit is no finding in the site's later runs.
reviews = sa.Table(
    "reviews", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("site", sa.String(400), nullable=False),
    sa.Column("url", sa.Text, nullable=False),  # the page's path on the site (checks.previous.relative)
    sa.Column("term", sa.Text, nullable=False),
    sa.Column("snippet", sa.Text, nullable=False),
    sa.Column("decision", sa.String(16), nullable=False),  # confirmed | dismissed
    sa.Column("fingerprint", sa.String(64)),  # the finding it was decided on
    sa.Column("decided_on", sa.Date, nullable=False),
    sa.Column("source", sa.Text),  # 'netcheck review' or the imported workbook
    sa.Index("ix_reviews_site", "site"),
)
