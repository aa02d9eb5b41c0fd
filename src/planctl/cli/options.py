"""Options shared by several commands, declared once."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer


class Format(enum.StrEnum):
    """Output formats of the listing commands."""

    TABLE = "table"
    JSON = "json"


class ListFormat(enum.StrEnum):
    """Output formats of ``list``."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


class AnalysisFormat(enum.StrEnum):
    """Output formats of the analysis commands (coverage, summary)."""

    TABLE = "table"
    MARKDOWN = "markdown"
    JSON = "json"
    CSV = "csv"


AreaOption = Annotated[
    str | None,
    typer.Option(
        "--area",
        "-a",
        help="Område: id, namn eller alias, utan å/ä/ö och förkortat går bra "
        "(t.ex. lonebildning, lönevillkor, kompetens).",
        show_default=False,
    ),
]
SearchOption = Annotated[
    str | None,
    typer.Option("--search", "-s", help="Visa bara det som innehåller TEXT.", show_default=False),
]
FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="Utdataformat: table eller json.")
]
ListFormatOption = Annotated[
    ListFormat, typer.Option("--format", "-f", help="Utdataformat: table, json eller csv.")
]
AnalysisFormatOption = Annotated[
    AnalysisFormat,
    typer.Option("--format", "-f", help="Utdataformat: table, markdown, json eller csv."),
]
PlanOption = Annotated[
    str | None,
    typer.Option(
        "--plan",
        envvar="PLANCTL_PLAN",
        help="Planens id eller organisation, utan å/ä/ö och förkortat går bra (behövs bara när "
        "datakatalogen har flera planer och raden inte avgör). Standard: PLANCTL_PLAN.",
        show_default=False,
    ),
]

ResponsibleOption = Annotated[
    str | None,
    typer.Option(
        "--responsible",
        "--ansvar",
        help="Ansvarig roll (del av texten räcker).",
        show_default=False,
    ),
]


class ReportFormat(enum.StrEnum):
    """Output formats of ``report`` and ``diff``."""

    TABLE = "table"
    MARKDOWN = "markdown"
    CSV = "csv"
    XLSX = "xlsx"
    JSON = "json"
    HTML = "html"
    DOCX = "docx"
    PDF = "pdf"


ReportFormatOption = Annotated[
    ReportFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="Utdataformat: table, markdown, csv, xlsx, json, html, docx (Word) eller pdf. "
        "Standard: av filändelsen i --output, annars table.",
        show_default=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        "-O",  # kept: the first release spelled it -O; -o is what schema (and most tools) use
        metavar="FIL",
        help="Skriv rapporten till FIL (.txt, .md, .csv, .xlsx, .json, .html, .docx, .pdf) i "
        "stället för "
        "till standard ut.",
        show_default=False,
    ),
]

DateOption = Annotated[
    str | None,
    typer.Option(
        "--date",
        "-d",
        help="Dag då statusen gällde, ÅÅÅÅ-MM-DD. Standard: i dag.",
        show_default=False,
    ),
]
ByOption = Annotated[
    str | None,
    typer.Option(
        "--by", "--av", help="Roll som registrerar, t.ex. Förhandlingschef.", show_default=False
    ),
]
