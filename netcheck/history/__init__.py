"""Run history: past runs in a database, so that an audit can say what is new, what persists
and what was fixed since the site's previous run (整改销号).

location.py says where the database is and whose runs are whose (the site key); schema.py holds
the tables; store.py reads and writes them; compare.py is the new/persisting/fixed logic;
workbook.py reads an office's filled-in 整改清单 back; listing.py renders `netcheck history`.
"""
from .compare import Comparison, compare, run_summary
from .location import ENV, history_url, site_key
from .store import HistoryError, HistoryStore, open_history

__all__ = ["ENV", "Comparison", "HistoryError", "HistoryStore", "compare", "history_url", "open_history",
           "run_summary", "site_key"]
