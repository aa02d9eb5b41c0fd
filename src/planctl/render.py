"""The only module that knows output formats: Rich tables for people, JSON, Markdown and CI formats.

Renderers take the plain records of :mod:`planctl.report` (or problems) and return either a Rich
renderable or a string. JSON is plain UTF-8 with sorted keys, never Rich markup.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from planctl.errors import Problem, Severity

if TYPE_CHECKING:
    from planctl.changes import ChangeReport

STATUS_STYLE = {"Klart": "green", "Påbörjat": "yellow", "Ej påbörjat": "red"}
UNIT_LABEL = {
    "procent": "%",
    "antal": "st",
    "antal_per_år": "per år",
    "timmar_per_vecka": "timmar per vecka",
    "kronor": "kr",
}


def make_console(stream: IO[str] | None = None, *, width: int | None = None) -> Console:
    """A console for ``stream`` (default stdout): colour only on a terminal, NO_COLOR honoured."""
    return Console(
        file=stream or sys.stdout,
        width=width,
        highlight=False,
        soft_wrap=False,
        emoji=False,
    )


def to_json(data: Any) -> str:
    """Stable, readable JSON: sorted keys, two-space indent, å/ä/ö as themselves."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def status_text(status: str) -> Text:
    """A status, coloured on a terminal."""
    return Text(status, style=STATUS_STYLE.get(status, ""))


def target_text(target: dict[str, Any]) -> str:
    """A target in words, e.g. ``minst 90 % – andel ärenden …``."""
    value = target["value"]
    shown = f"{value:g}" if isinstance(value, float) else str(value)
    unit = UNIT_LABEL.get(target["unit"], target["unit"])
    return f"{target['direction']} {shown} {unit} – {target['measured']}"


FUNDING_MARK = "*"
FUNDING_NOTE = "* kräver särskilda resurser"


def rows_table(records: Sequence[dict[str, Any]], *, title: str) -> Table:
    """Plan rows as a table grouped by area: id, proposal, responsible, start, status.

    A row that needs extra funding has a star after its id, explained in the caption.
    """
    table = Table(title=title, box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Id", no_wrap=True)
    table.add_column("Förslag", ratio=5)
    table.add_column("Ansvar", ratio=2, overflow="fold")
    table.add_column("Start", ratio=2, overflow="fold")
    table.add_column("Status", no_wrap=True, min_width=11)
    area = None
    for record in records:
        if record["area_name"] != area:
            area = record["area_name"]
            table.add_row("", Text(area, style="bold"), "", "", "")
        mark = FUNDING_MARK if record["needs_funding"] else ""
        table.add_row(
            record["id"] + mark,
            record["proposal"],
            record["responsible"],
            record["start"],
            status_text(record["status"]),
        )
    if any(r["needs_funding"] for r in records):
        table.caption = FUNDING_NOTE
    return table


def measures_table(records: Sequence[dict[str, Any]], *, title: str) -> Table:
    """Catalogue measures as a table: number, area, text."""
    table = Table(title=title, box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Nr", justify="right", no_wrap=True)
    table.add_column("Område", ratio=1, min_width=12)
    table.add_column("Insats", ratio=4, min_width=20)
    for record in records:
        text = record["text"]
        if record["targets"]:
            text += "".join(f"\nMål: {target_text(t)}" for t in record["targets"])
        table.add_row(str(record["id"]), record["area_name"], text)
    return table


def _fields(pairs: Sequence[tuple[str, RenderableType | str]]) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for label, value in pairs:
        grid.add_row(label, value)
    return grid


def history_table(history: Sequence[dict[str, Any]]) -> Table:
    """A row's status history, oldest first."""
    table = Table(box=box.SIMPLE_HEAD)
    for heading in ("Datum", "Status", "Uppföljning", "Av", "Notering"):
        table.add_column(heading)
    for entry in history:
        table.add_row(
            entry["date"],
            status_text(entry["status"]),
            entry["round"] or "",
            entry["by"] or "",
            entry["note"] or "",
        )
    return table


def row_view(record: dict[str, Any]) -> RenderableType:
    """One plan row in full."""
    start = record["start"]
    if record["start_term"]:
        start += f" ({record['start_term']})"
    pairs: list[tuple[str, RenderableType | str]] = [
        ("Område", record["area_name"]),
        ("Förslag", record["proposal"]),
    ]
    if record["details"]:
        pairs.append(("Detaljer", record["details"]))
    pairs += [
        ("Ansvar", record["responsible"]),
        ("Start", start),
        ("Finansiering", "kräver särskilda resurser" if record["needs_funding"] else "inom ram"),
        ("Status", status_text(record["status"])),
    ]
    parts: list[RenderableType] = [_fields(pairs)]
    linked = record["linked_measures"]
    parts.append(Text("\nKopplade insatser i katalogen", style="bold"))
    if linked:
        for measure in linked:
            text = measure["text"] or "(finns inte i katalogen)"
            parts.append(Text(f"  {measure['id']}. {text}"))
    else:
        parts.append(Text("  (inga)"))
    parts.append(Text("\nStatushistorik", style="bold"))
    if record["history"]:
        parts.append(history_table(record["history"]))
    else:
        parts.append(Text("  (ingen historik än – status Ej påbörjat)"))
    return Panel(Group(*parts), title=escape(f"{record['id']} · {record['plan']}"), expand=False)


def measure_view(record: dict[str, Any]) -> RenderableType:
    """One catalogue measure in full, with the rows that carry it out."""
    pairs: list[tuple[str, RenderableType | str]] = [
        ("Område", record["area_name"]),
        ("Text", record["text"]),
    ]
    for target in record["targets"]:
        pairs.append(("Mål", target_text(target)))
    parts: list[RenderableType] = [
        _fields(pairs),
        Text("\nPlanrader som genomför insatsen", style="bold"),
    ]
    if record["plan_rows"]:
        table = Table(box=box.SIMPLE_HEAD)
        for heading in ("Plan", "Id", "Förslag", "Status"):
            table.add_column(heading)
        for row in record["plan_rows"]:
            table.add_row(row["plan"], row["id"], row["proposal"], status_text(row["status"]))
        parts.append(table)
    else:
        parts.append(Text("  (ingen)"))
    return Panel(Group(*parts), title=f"Insats {record['id']}", expand=False)


def problems_text(problems: Sequence[Problem]) -> str:
    """Every problem on its own line, ``file:line:column: fel [rule] message``."""
    return "".join(p.format() + "\n" for p in problems)


def problems_summary(problems: Sequence[Problem], files: int) -> str:
    """One line: how many errors and warnings in how many files."""
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    warnings = len(problems) - errors
    noun = "fil" if files == 1 else "filer"
    if not problems:
        return f"OK: {files} {noun} kontrollerade, inga problem"
    return f"{errors} fel och {warnings} varningar i {files} {noun}"


# --- validate: the formats CI systems read ---------------------------------------------------

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
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


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
    shown, rest = split_for_github(problems, limit=limit)
    out = "".join(github_annotation(p) + "\n" for p in shown)
    if rest:
        out += (
            f"planctl: {len(rest)} problem till visas bara här (GitHub visar högst {limit} fel "
            f"och {limit} varningar per steg som annoteringar):\n"
        )
        out += problems_text(rest)
    return out


def _markdown_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def problems_markdown(
    problems: Sequence[Problem], files: int, *, limit: int = GITHUB_ANNOTATION_LIMIT
) -> str:
    """A Markdown table of every problem, for a job summary (``$GITHUB_STEP_SUMMARY``)."""
    _, rest = split_for_github(problems, limit=limit)
    lines = [f"### planctl validate: {problems_summary(problems, files)}", ""]
    if rest:
        lines += [f"{len(rest)} av problemen syns bara här och i loggen, inte som annoteringar."]
        lines.append("")
    lines += [
        "| Fil | Rad | Kolumn | Allvar | Regel | Meddelande |",
        "|---|---:|---:|---|---|---|",
    ]
    for p in problems:
        lines.append(
            f"| `{_markdown_cell(p.file)}` | {p.line} | {p.column} | {p.severity.value} "
            f"| `{p.rule}` | {_markdown_cell(p.message)} |"
        )
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
        case = ET.SubElement(suite, "testcase", classname="planctl.validate", name=name, file=name)
        mine = [p for p in problems if p.file == name]
        errors = [p for p in mine if p.severity is Severity.ERROR]
        warnings = [p for p in mine if p.severity is Severity.WARNING]
        if errors:
            failures += 1
            failure = ET.SubElement(
                case, "failure", type="planctl", message=problems_summary(mine, 1)
            )
            failure.text = problems_text(errors)
        if warnings:
            ET.SubElement(case, "system-out").text = problems_text(warnings)
    counts = {"tests": str(len(names)), "failures": str(failures), "errors": "0"}
    suite.attrib.update({**counts, "skipped": "0"})
    root = ET.Element("testsuites", {"name": "planctl validate", **counts})
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# --- changes: Markdown for a pull-request comment ---------------------------------------------


def _quote(text: str | None) -> str:
    return "(tomt)" if text is None else f"”{_markdown_cell(text)}”"


def changes_markdown(report: ChangeReport) -> str:
    """The changes between two revisions as Markdown, ready to paste into a PR comment."""
    lines = [
        "## Ändringar i handlingsplanen",
        "",
        f"Jämför {report.base} med {report.head}.",
    ]
    if not report.plans or all(p.empty for p in report.plans):
        return "\n".join([*lines, "", "Inga ändringar i planerna."]) + "\n"
    for plan in report.plans:
        lines += ["", f"### {_markdown_cell(plan.title)} (`{plan.plan_id}`)", ""]
        if plan.base_missing:
            lines += ["Planen är ny.", ""]
        if plan.head_missing:
            lines += ["Planen är borttagen.", ""]
        if plan.empty:
            lines += ["Inga ändringar.", ""]
        if plan.statuses:
            lines += [
                f"**Statusändringar ({len(plan.statuses)})**",
                "",
                "| Rad | Förslag | Från | Till | Datum | Notering |",
                "|---|---|---|---|---|---|",
            ]
            for change in plan.statuses:
                note = _markdown_cell(change.note or "")
                if change.by:
                    note = f"{note} ({_markdown_cell(change.by)})" if note else change.by
                lines.append(
                    f"| {change.row_id} | {_markdown_cell(change.proposal)} "
                    f"| {change.old.value} | **{change.new.value}** "
                    f"| {change.date.isoformat()} | {note} |"
                )
            lines.append("")
        if plan.added:
            lines += [f"**Nya rader ({len(plan.added)})**", ""]
            lines += [f"- **{r.id}** ({r.area}): {_markdown_cell(r.proposal)}" for r in plan.added]
            lines.append("")
        if plan.removed:
            lines += [f"**Borttagna rader ({len(plan.removed)})**", ""]
            lines += [f"- ~~**{r.id}**: {_markdown_cell(r.proposal)}~~" for r in plan.removed]
            lines.append("")
        if plan.reworded:
            lines += [f"**Omformulerade rader ({len(plan.reworded)})**", ""]
            for row in plan.reworded:
                lines.append(f"- **{row.row_id}**")
                lines += [f"  - {f.key}: {_quote(f.old)} → {_quote(f.new)}" for f in row.fields]
            lines.append("")
        if plan.history_rewritten:
            rows = ", ".join(plan.history_rewritten)
            lines += [
                f"**Obs!** Historiken har ändrats i efterhand för {rows}; "
                "tidigare poster ska aldrig redigeras eller tas bort.",
                "",
            ]
    return "\n".join(lines).rstrip("\n") + "\n"
