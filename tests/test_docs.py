"""The README stays true: its set-up commands are the ones CI runs, and every rule is documented."""
from pathlib import Path

import checks
from checks.findings import SEVERITIES
from checks.registry import SCOPES

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_ci_runs_the_readme_test_command_word_for_word():
    test_command = README.split("Install and run the tests:")[1].split("```sh")[1].split("```")[0].strip()
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_rule_has_an_id_a_description_and_a_row_in_the_readme():
    for rule in checks.RULES:
        assert rule.rule_id.count(".") == 1
        assert rule.description and rule.description != rule.rule_id
        # one declaration holds what the reports and the catalog derive from
        assert rule.spec.id == rule.rule_id and rule.spec.name and rule.spec.scope in SCOPES
        assert rule.spec.severity in SEVERITIES
        assert f"| `{rule.rule_id}` |" in README, rule.rule_id


def test_rule_ids_are_the_specs():
    spec_ids = {"site.unreachable", "site.homepage_stale", "column.missing", "column.empty", "column.stale",
                "item.late", "item.metadata_missing", "link.broken", "link.unverified", "privacy.leak",
                "report.annual_late", "content.wrong_term"}
    # The SPEC's ids are stable; new rules get new ids, listed here as they are added.
    added = {"site.tls_invalid", "site.identity", "site.error_entry_missing", "service.guide_incomplete",
             "site.search_missing", "content.backdated", "interaction.unanswered", "report.inconsistent"}
    added |= {"link.hijacked", "a11y.html_lang", "a11y.img_alt", "a11y.form_label", "a11y.link_name",  # issue 16
              "a11y.iframe_title", "a11y.heading_order", "a11y.autoplay", "a11y.same_title", "a11y.elder_entry"}
    assert {r.rule_id for r in checks.RULES} == spec_ids | added
