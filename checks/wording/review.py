"""The office's review of wording hits, as the judge is handed it (the pipeline reads it from history;
checks never reads the database): a hit is known by its page, its term and its snippet, so that a
page edited elsewhere keeps its reviewed hits, and the same site served at a new address too.

Dismissed (误报): the hit is no finding in later runs. Confirmed: it counts as the catalog says.
Neither: a 严重 hit counts; any other is a notice until confirmed.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..previous import host_of, relative

CONFIRMED, DISMISSED = "confirmed", "dismissed"
DECISIONS = (CONFIRMED, DISMISSED)


def review_key(url: str | None, site: str, term: str, snippet: str) -> tuple[str, str, str]:
    """(page on its site, term, snippet): what a review is kept by."""
    return relative(url or "", host_of(site)), term, " ".join((snippet or "").split())


@dataclass
class Reviews:
    decisions: dict[tuple[str, str, str], str] = field(default_factory=dict)  # review_key → decision

    @classmethod
    def from_rows(cls, rows) -> "Reviews":
        """From stored {url (relative, as review_key gives it), term, snippet, decision} rows, oldest
        first (the latest decision wins)."""
        out = cls()
        for r in rows:
            out.decisions[(r["url"], r["term"], " ".join((r["snippet"] or "").split()))] = r["decision"]
        return out

    def decision(self, url: str | None, site: str, term: str, snippet: str) -> str | None:
        return self.decisions.get(review_key(url, site, term, snippet))
