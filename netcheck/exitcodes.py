"""Exit status, as the SPEC fixes it."""
from enum import IntEnum

from checks.findings import SEVERITY_RANK


class Exit(IntEnum):
    OK = 0  # no finding at or above --fail-on
    FINDINGS = 1  # a finding at or above --fail-on
    USAGE = 2  # bad command line, bad catalog, bad run directory
    INCOMPLETE = 3  # the judgement is incomplete (a rule or a later step failed): no verdict
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as shells report it)


FAIL_ON = ("veto", "deduct", "notice", "never")


def exit_status(severities, fail_on: str, veto: bool = False) -> Exit:
    """1 when a finding at or above `fail_on` exists; a site failed by a counting rule
    (e.g. five blank columns, each only a deduction) fails at every level but `never`."""
    if fail_on == "never":
        return Exit.OK
    if veto:
        return Exit.FINDINGS
    threshold = SEVERITY_RANK[fail_on]
    return Exit.FINDINGS if any(SEVERITY_RANK[s] <= threshold for s in severities) else Exit.OK
