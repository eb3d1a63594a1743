"""Wording (content.wrong_term): the catalog's lists — outdated agency names (wrong_terms), typos,
phrases in their fixed form, leaders and their titles — matched on a page's text.

- automaton.py  one Aho-Corasick automaton per catalog over every listed term, simplified
- titles.py     which title stands beside a name, and whether a leader may have it
- scan.py       one text's hits: kind, level (严重/疑似/一般), position and snippet
- review.py     the office's review of hits (confirmed, dismissed), as the judge is handed it
"""
from .automaton import Matcher, build
from .review import CONFIRMED, DISMISSED, Reviews
from .scan import GENERAL, SEVERE, SUSPECTED, Hit, scan

__all__ = ["CONFIRMED", "DISMISSED", "GENERAL", "Hit", "Matcher", "Reviews", "SEVERE", "SUSPECTED", "build", "scan"]
