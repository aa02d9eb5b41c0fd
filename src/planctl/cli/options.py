"""Options shared by several commands, declared once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from planctl.render.formats import choice_enum, format_help, suffix_list

# The --format choices come from the registry of output formats (planctl.render.formats);
# mypy sees them as the strings they are.
if TYPE_CHECKING:
    Format = str
    AnalysisFormat = str
    HistoryFormat = str
    ReportFormat = str
    ValidateFormat = str
else:
    Format = choice_enum("list")
    AnalysisFormat = choice_enum("coverage")
    HistoryFormat = choice_enum("history")
    ReportFormat = choice_enum("report")
    ValidateFormat = choice_enum("validate")


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
FormatOption = Annotated[Format, typer.Option("--format", "-f", help=format_help("list"))]
AnalysisFormatOption = Annotated[
    AnalysisFormat,
    typer.Option("--format", "-f", help=format_help("coverage")),
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


ReportFormatOption = Annotated[
    ReportFormat | None,
    typer.Option(
        "--format",
        "-f",
        help=format_help("report", by_suffix=True),
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
        help=f"Skriv rapporten till FIL ({suffix_list('report')}) i stället för till standard ut.",
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
