"""Formats of ``validate`` that CI systems read (GitHub annotations, JUnit, JSON, Markdown
job summaries), and the Markdown of ``changes`` for a pull-request comment."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from planctl.changes import ChangeReport, PlanChanges
from planctl.entries import EntryKind
from planctl.errors import Problem, Severity
from planctl.nouns import count_words
from planctl.progress import NOT_FOLLOWED_UP
from planctl.render.escape import inert, visible
from planctl.render.jsondoc import to_json
from planctl.render.markdown import LEFT, markdown_cell, table_lines
from planctl.render.problems import problems_summary, problems_text
from planctl.render.words import NOTE_LABEL

# GitHub shows at most this many annotations of each kind per step and drops the rest silently.
GITHUB_ANNOTATION_LIMIT = 10
_SEVERITY_EN = {Severity.ERROR: "error", Severity.WARNING: "warning"}


def problems_json(problems: Sequence[Problem], files: Sequence[str]) -> str:
    """One JSON document: the files checked and every problem, for other tools."""
    return to_json(
        {
            "files": list(files),
            "problems": [
                {
                    "file": p.file,
                    "line": p.line,
                    "column": p.column,
                    "rule": p.rule,
                    "severity": _SEVERITY_EN[p.severity],
                    "message": p.message,
                }
                for p in problems
            ],
        }
    )


def github_escape_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's runner unescapes it."""
    # CR and LF are escaped as GitHub wants; any other control character is made visible.
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def github_escape_property(text: str) -> str:
    """A workflow command's property value (file, title): data escaping plus ``:`` and ``,``."""
    return github_escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem) -> str:
    """``::error file=…,line=…,col=…,title=…::message`` for one problem."""
    props = [f"file={github_escape_property(problem.file)}"]
    if problem.line > 0:
        props.append(f"line={problem.line}")
        if problem.column > 0:
            props.append(f"col={problem.column}")
    props.append(f"title={github_escape_property(f'planctl [{problem.rule}]')}")
    command = _SEVERITY_EN[problem.severity]
    return f"::{command} {','.join(props)}::{github_escape_data(problem.message)}"


def split_for_github(
    problems: Sequence[Problem], *, limit: int = GITHUB_ANNOTATION_LIMIT
) -> tuple[list[Problem], list[Problem]]:
    """The problems GitHub will annotate (the first ``limit`` of each severity), and the rest."""
    shown: list[Problem] = []
    rest: list[Problem] = []
    used = dict.fromkeys(Severity, 0)
    for problem in problems:
        if used[problem.severity] < limit:
            used[problem.severity] += 1
            shown.append(problem)
        else:
            rest.append(problem)
    return shown, rest


def problems_github(problems: Sequence[Problem], *, limit: int = GITHUB_ANNOTATION_LIMIT) -> str:
    """Annotations up to GitHub's limit; the rest as plain lines so the log still has them."""
    return "".join(github_parts(problems, limit=limit))


def github_parts(
    problems: Sequence[Problem], *, limit: int = GITHUB_ANNOTATION_LIMIT
) -> tuple[str, str]:
    """:func:`problems_github` as its workflow commands and its plain (inert) log lines."""
    shown, rest = split_for_github(problems, limit=limit)
    commands = "".join(github_annotation(p) + "\n" for p in shown)
    out = ""
    if rest:
        out += (
            f"planctl: {len(rest)} problem till visas bara här (GitHub visar högst {limit} fel "
            f"och {count_words(limit, 'varning', 'varningar')} per steg som annoteringar):\n"
        )
        # Plain log lines: a line break from the YAML must not start a new line, and no line
        # may begin with "::", which the runner would take for a workflow command.
        for problem in rest:
            line = problem.format().replace("\r", " ").replace("\n", " ")
            out += inert(line) + "\n"
    return commands, out


def problems_markdown(
    problems: Sequence[Problem], files: int, *, limit: int = GITHUB_ANNOTATION_LIMIT
) -> str:
    """A Markdown table of every problem, for a job summary (``$GITHUB_STEP_SUMMARY``)."""
    _, rest = split_for_github(problems, limit=limit)
    lines = [f"### planctl validate: {problems_summary(problems, files)}", ""]
    if rest:
        lines += [f"{len(rest)} av problemen syns bara här och i loggen, inte som annoteringar."]
        lines.append("")
    # No code span around the file name: a backtick in it would end the span.
    rows = [
        [
            markdown_cell(p.file, breaks=" "),
            str(p.line),
            str(p.column),
            p.severity.value,
            f"`{p.rule}`",
            markdown_cell(p.message, breaks=" "),
        ]
        for p in problems
    ]
    headings = ["Fil", "Rad", "Kolumn", "Allvar", "Regel", "Meddelande"]
    lines += table_lines(headings, rows, rules=[LEFT, "---:", "---:", LEFT, LEFT, LEFT])
    return "\n".join(lines) + "\n\n"


def append_summary(path: Path, markdown: str) -> None:
    """Append ``markdown`` to a job summary file (GitHub reads it after the step)."""
    with path.open("a", encoding="utf-8") as summary:
        summary.write(markdown)


def problems_junit(problems: Sequence[Problem], files: Sequence[str]) -> str:
    """A JUnit XML report: one test case per file, failing when the file has errors.

    Errors are the failure's text; warnings go to the test case's ``system-out``, so CI systems
    that show JUnit reports (GitLab, Jenkins, …) list them without failing the file.
    """
    names = list(dict.fromkeys([*files, *(p.file for p in problems)]))
    failures = 0
    suite = ET.Element("testsuite", name="planctl validate")
    for name in names:
        # XML 1.0 cannot hold most control characters: every text is made visible first.
        shown = visible(name)
        case = ET.SubElement(
            suite, "testcase", classname="planctl.validate", name=shown, file=shown
        )
        mine = [p for p in problems if p.file == name]
        errors = [p for p in mine if p.severity is Severity.ERROR]
        warnings = [p for p in mine if p.severity is Severity.WARNING]
        if errors:
            failures += 1
            failure = ET.SubElement(
                case, "failure", type="planctl", message=problems_summary(mine, 1)
            )
            failure.text = visible(problems_text(errors))
        if warnings:
            ET.SubElement(case, "system-out").text = visible(problems_text(warnings))
    counts = {"tests": str(len(names)), "failures": str(failures), "errors": "0"}
    suite.attrib.update({**counts, "skipped": "0"})
    root = ET.Element("testsuites", {"name": "planctl validate", **counts})
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# --- changes: Markdown for a pull-request comment ---------------------------------------------


def _quote(text: str | None) -> str:
    return "(tomt)" if text is None else f"”{markdown_cell(text)}”"


def _entry_tables(plan: PlanChanges) -> list[str]:
    """Real status changes first (counted), then corrections, then confirmations and notes."""
    lines: list[str] = []
    changed = plan.entries(EntryKind.CHANGE)
    if changed:
        lines += [f"**Statusändringar ({len(changed)})**", ""]
        lines += table_lines(
            ["Rad", "Förslag", "Från", "Till", "Datum", "Uppföljning", NOTE_LABEL, "Av"],
            [
                [
                    markdown_cell(c.row_id),
                    markdown_cell(c.proposal),
                    markdown_cell(c.old or NOT_FOLLOWED_UP),
                    f"**{markdown_cell(c.new)}**",
                    c.date.isoformat(),
                    c.round or "",
                    markdown_cell(c.note or ""),
                    markdown_cell(c.by or ""),
                ]
                for c in changed
            ],
        )
        lines.append("")
    corrected = plan.entries(EntryKind.CORRECTION)
    if corrected:
        lines += [f"**Rättelser ({len(corrected)})**", ""]
        lines += table_lines(
            ["Rad", "Rättar post", "Från", "Till", "Uppföljning", NOTE_LABEL, "Av"],
            [
                [
                    markdown_cell(c.row_id),
                    str(c.corrects),
                    markdown_cell(c.old or NOT_FOLLOWED_UP),
                    f"**{markdown_cell(c.new)}**",
                    c.round or "",
                    markdown_cell(c.note or ""),
                    markdown_cell(c.by or ""),
                ]
                for c in corrected
            ],
        )
        lines.append("")
    same = [c for c in plan.statuses if c.kind in (EntryKind.CONFIRMATION, EntryKind.NOTE)]
    if same:
        lines += [f"**Oförändrad status: bekräftelser och noteringar ({len(same)})**", ""]
        lines += table_lines(
            ["Rad", "Status", "Datum", "Uppföljning", "Slag", NOTE_LABEL, "Av"],
            [
                [
                    markdown_cell(c.row_id),
                    markdown_cell(c.new),
                    c.date.isoformat(),
                    c.round or "",
                    c.kind.value,
                    markdown_cell(c.note or ""),
                    markdown_cell(c.by or ""),
                ]
                for c in same
            ],
        )
        lines.append("")
    return lines


def changes_markdown(report: ChangeReport) -> str:
    """The changes between two revisions as Markdown, ready to paste into a PR comment."""
    lines = [
        "## Ändringar i handlingsplanen",
        "",
        f"Jämför {markdown_cell(report.base)} med {markdown_cell(report.head)}.",
    ]
    if not report.plans or all(p.empty for p in report.plans):
        return "\n".join([*lines, "", "Inga ändringar i planerna."]) + "\n"
    for plan in report.plans:
        lines += ["", f"### {markdown_cell(plan.title)} ({markdown_cell(plan.plan_id)})", ""]
        if plan.base_missing:
            lines += ["Planen är ny.", ""]
        if plan.head_missing:
            lines += ["Planen är borttagen.", ""]
        if plan.empty:
            lines += ["Inga ändringar.", ""]
        lines += _entry_tables(plan)
        if plan.added:
            lines += [f"**Nya rader ({len(plan.added)})**", ""]
            for r in plan.added:
                area, proposal = markdown_cell(r.area), markdown_cell(r.proposal)
                lines.append(f"- **{markdown_cell(r.id)}** ({area}): {proposal}")
            lines.append("")
        if plan.removed:
            lines += [f"**Borttagna rader ({len(plan.removed)})**", ""]
            lines += [
                f"- ~~**{markdown_cell(r.id)}**: {markdown_cell(r.proposal)}~~"
                for r in plan.removed
            ]
            lines.append("")
        if plan.reworded:
            lines += [f"**Omformulerade rader ({len(plan.reworded)})**", ""]
            for row in plan.reworded:
                lines.append(f"- **{markdown_cell(row.row_id)}**")
                lines += [f"  - {f.key}: {_quote(f.old)} → {_quote(f.new)}" for f in row.fields]
            lines.append("")
        if plan.history_rewritten:
            rows = ", ".join(markdown_cell(r) for r in plan.history_rewritten)
            lines += [
                f"**Obs!** Historiken har ändrats i efterhand för {rows}; "
                "tidigare poster ska aldrig redigeras eller tas bort.",
                "",
            ]
    return "\n".join(lines).rstrip("\n") + "\n"


VALIDATE_FORMATS = ("text", "github", "json", "junit")


@dataclass(frozen=True)
class ValidationOutput:
    """What ``validate`` prints: ``stdout``, ``stderr``, and Markdown for GitHub's step summary."""

    stdout: str
    stderr: str = ""
    step_summary: str | None = None
    commands: str = ""
    """GitHub workflow commands planctl made itself (written before ``stdout``, unguarded)."""


def validation_output(
    problems: Sequence[Problem], files: Sequence[str], fmt: str | None, *, on_github: bool
) -> ValidationOutput:
    """``validate``'s output in ``fmt`` (one of :data:`VALIDATE_FORMATS`).

    Without ``fmt`` the format is ``github`` on GitHub Actions (``on_github``), else ``text``.
    Text and GitHub annotations end with a one-line count on stderr; GitHub also gets the problems
    as Markdown for the step summary when there are any. JSON and JUnit are complete documents.
    """
    chosen = fmt or ("github" if on_github else "text")
    if chosen == "json":
        return ValidationOutput(problems_json(problems, files))
    if chosen == "junit":
        return ValidationOutput(problems_junit(problems, files))
    count = problems_summary(problems, len(files)) + "\n"
    if chosen == "github":
        summary = problems_markdown(problems, len(files)) if problems else None
        commands, plain = github_parts(problems)
        return ValidationOutput(plain, count, summary, commands)
    return ValidationOutput(problems_text(problems), count)
