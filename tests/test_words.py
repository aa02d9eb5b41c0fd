"""One vocabulary: the same share, number and target read the same in every command and format.

Each test is a drift class the issue found between copies of the same words (two ``percent``
functions, three target texts, two CSV dialects) and holds that they now agree.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import get_args

from planctl.coverage import AreaCoverage, Coverage
from planctl.indicators import Movement
from planctl.models import DEFAULT_STATUSES
from planctl.render import report_text, words
from planctl.render.coverage import coverage_markdown, coverage_view
from planctl.render.summary import summary_markdown
from planctl.report import Counts
from planctl.summary import PlanSummary, Summary
from tests.conftest import Invoke

FIVE_OF_EIGHT = "63\u00a0%"


def test_percent_rounds_half_up() -> None:
    """Shares on a half round up (5/8 → 63, 1/8 → 13), never to the even neighbour."""
    assert [words.percent(n / 8) for n in range(9)] == [0, 13, 25, 38, 50, 63, 75, 88, 100]
    assert words.percent(2 / 3) == 67 and words.percent(1 / 3) == 33
    assert words.decimal_percent(1 / 16) == "6,3"  # 6.25 → 6,3 in spreadsheets too


def test_percent_drift_report_summary_coverage_agree() -> None:
    """5 of 8 done reads 63 % in the report, the summary and coverage alike."""
    done, started, not_started = DEFAULT_STATUSES
    counts = Counts(((done, 5), (started, 2), (not_started, 1)))
    report_line = report_text.counts_sentence(counts)
    plan = PlanSummary("p", "Kommun", "Plan", 8, 5, 2, 1, 0, 0, 0, None)
    summary = Summary(dt.date(2026, 1, 1), (plan,), (), (), ())
    area = AreaCoverage("a", "Område", (1, 2, 3, 4, 5), (6, 7, 8))
    coverage = Coverage("p", "Kommun", "k", (area,))
    assert FIVE_OF_EIGHT in report_line
    assert "63 %" in summary_markdown(summary)  # Markdown cells keep one ordinary space
    assert "63 %" in coverage_markdown(coverage)
    assert any(FIVE_OF_EIGHT in str(cell) for cell in coverage_view(coverage).columns[2].cells)


def test_number_and_target_use_decimal_comma() -> None:
    """Numbers have a decimal comma and no exponent; a target is direction and quantity."""
    assert words.number_label(2.5) == "2,5" and words.number_label(1500) == "1500"
    assert words.number_label(1_000_000.0) == "1000000"
    assert words.target_label("minst", 2.5, "timmar_per_vecka") == "minst 2,5\u00a0timmar per vecka"


def _half_hour_target(data_dir: Path) -> None:
    """Measure 101 asks for at least 2.5 hours a week, and LB-1 carries it out."""
    catalogue = data_dir / "measures.yaml"
    text = catalogue.read_text(encoding="utf-8")
    old = '"timmar friskvård per medarbetare och vecka"\n        värde: 1\n'
    assert old in text
    catalogue.write_text(text.replace(old, old.replace("värde: 1", "värde: 2.5")), "utf-8")
    plan = data_dir / "boras_plan.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("insatser: [7]", "insatser: [7, 101]", 1), encoding="utf-8")


def test_target_text_drift_show_and_report_agree(invoke: Invoke, data_dir: Path) -> None:
    """A target reads 'minst 2,5 timmar per vecka' in show, measures and report alike."""
    _half_hour_target(data_dir)
    recorded = invoke(
        "indicator", "set", "LB-1", "3", "--measure", "101", "--round", "2018-05",
        "--date", "2018-05-31",
    )  # fmt: skip
    assert recorded.exit_code == 0, recorded.stderr
    wide = {"COLUMNS": "200"}
    target = "minst 2,5\u00a0timmar per vecka"
    for args in (("show", "LB-1"), ("show", "101"), ("measures", "--search", "friskvård")):
        result = invoke(*args, env=wide)
        assert result.exit_code == 0, result.stderr
        assert target in result.stdout, args
    for fmt in ("table", "markdown", "html"):
        result = invoke("report", "--format", fmt, env=wide)
        assert result.exit_code == 0, result.stderr
        assert target in result.stdout.replace("&nbsp;", "\u00a0"), fmt


def test_count_words_singular_and_plural() -> None:
    """Exactly one takes the singular; zero and more the plural (1 rad, 0 rader, 2 rader)."""
    from planctl.nouns import agree, count_words

    assert count_words(1, "rad", "rader") == "1 rad"
    assert count_words(0, "rad", "rader") == "0 rader"
    assert count_words(2, "rad", "rader") == "2 rader"
    assert agree(1, "tillagd", "tillagda") == "tillagd"
    assert words.count_words is count_words  # one helper, offered to the outputs too


def test_messages_with_one_use_the_singular() -> None:
    """Each message that counts says 1 fil, 1 varning, 1 post tillagd, 1 plan, 1 ej uppföljd."""
    from planctl.errors import Problem, Severity
    from planctl.render.outcome import outcome_text
    from planctl.render.problems import problems_summary

    warning = Problem("plan.yaml", 1, 1, "regel", "text", Severity.WARNING)
    assert problems_summary([warning], 1) == "0 fel och 1 varning i 1 fil"
    assert problems_summary([], 1) == "OK: 1 fil kontrollerad, inga problem"
    assert problems_summary([warning, warning], 2) == "0 fel och 2 varningar i 2 filer"
    assert "1 post tillagd i plan.yaml:" in outcome_text(
        "plan.yaml", ["x"], [], written=True, dry_run=False
    )
    assert "2 poster tillagda" in outcome_text("p", ["x", "y"], [], written=True, dry_run=False)


# A count written straight before a noun that has a plural form: the message is then wrong for one
# (``1 rader``). Every such message goes through planctl.nouns.count_words instead.
_PLURALS = (
    "rader|poster|filer|planer|insatser|områden|varningar|uppföljningar|omgångar|utkastrader|"
    "historikposter|kolumner|dagar|månader|rättelser|ändringar|noteringar|mätningar|bedömningar"
)


def test_no_message_puts_a_count_before_a_plural_noun_by_hand() -> None:
    """No f-string in src writes ``{n} rader`` (or another plural) or picks the noun by hand."""
    import re

    source = Path(__file__).resolve().parent.parent / "src" / "planctl"
    by_hand = re.compile(r"\{[^{}]+\}[ \u00a0](?:" + _PLURALS + r")\b|== 1 else \"")
    found = [
        f"{path.relative_to(source)}:{number}: {line.strip()}"
        for path in sorted(source.rglob("*.py"))
        if path.name != "nouns.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if by_hand.search(line)
    ]
    assert found == []


def test_every_trend_an_indicator_takes_has_its_arrow() -> None:
    """The trend values a standing can take (``up``, ``down``, ``same``) are exactly those the
    vocabulary draws an arrow for."""
    assert set(get_args(Movement)) == set(words.TREND_ARROWS) == {"up", "down", "same"}


def test_amounts_read_alike_in_a_target_a_value_and_a_cost() -> None:
    """One formatter for numbers people read: a target of 1500 kronor, a measured 1500 kronor and
    a cost of 1500 kronor all read ``1 500 kr`` (no-break spaces); decimals keep the comma."""
    nbsp = "\u00a0"
    assert words.quantity_label(1500, "kronor") == f"1{nbsp}500{nbsp}kr"
    assert report_text.kronor_label(1500) == words.quantity_label(1500, "kronor")
    assert words.target_label("minst", 1500, "kronor") == f"minst 1{nbsp}500{nbsp}kr"
    assert words.grouped_label(12500.5) == f"12{nbsp}500,5"
    assert words.grouped_label(-2500) == f"-2{nbsp}500"
    assert words.grouped_label(999) == "999"
    # A spreadsheet cell stays a number it can read.
    assert words.number_label(1500) == "1500"
