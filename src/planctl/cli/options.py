"""Options shared by several commands, declared once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.models import OptionInfo

from planctl.render.formats import choice_enum, format_help, suffix_list

# The --format choices come from the registry of output formats (planctl.render.formats);
# mypy sees them as the strings they are.
if TYPE_CHECKING:
    ReportFormat = str
    ChartFormat = str
    RemindFormat = str
    ChangesFormat = str
    ValidateFormat = str
else:
    ReportFormat = choice_enum("report")
    ChartFormat = choice_enum("chart")
    RemindFormat = choice_enum("remind")
    ChangesFormat = choice_enum("changes")
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


def dash_is_stdout(value: Path | None) -> Path | None:
    """``-o -`` is standard out, as in most tools (a file named ``-``: ``> -``)."""
    return None if value is not None and str(value) == "-" else value


OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        "-O",  # kept: the first release spelled it -O; -o is what schema (and most tools) use
        metavar="FIL",
        callback=dash_is_stdout,
        help=f"Skriv rapporten till FIL ({suffix_list('report')}) i stället för till standard ut.",
        show_default=False,
    ),
]


def date_option(default: str) -> OptionInfo:
    """``-d/--date ÅÅÅÅ-MM-DD`` of a command that writes an entry; ``default`` says what an
    undated entry gets, in this command's own words (only its own options)."""
    option: OptionInfo = typer.Option(
        "--date",
        "-d",
        help=f"Dag då posten gäller, ÅÅÅÅ-MM-DD. Standard: {default}",
        show_default=False,
    )
    return option


DateOption = Annotated[
    str | None,
    date_option("med --round omgångens datum om det har passerat, annars i dag."),
]
ByOption = Annotated[
    str | None,
    typer.Option(
        "--by", "--av", help="Roll som registrerar, t.ex. Förhandlingschef.", show_default=False
    ),
]
DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Visa diffen som skulle skrivas; ändra ingenting.")
]


def note_option(purpose: str) -> OptionInfo:
    """``-n/--note TEXT`` of a command that writes an entry; ``purpose`` is its help."""
    option: OptionInfo = typer.Option("--note", "-n", help=purpose, show_default=False)
    return option


def entry_option(which: str) -> OptionInfo:
    """``-e/--entry DATUM|N``: the entry a correction corrects; ``which`` is its help."""
    option: OptionInfo = typer.Option(
        "--entry", "-e", metavar="DATUM|N", help=which, show_default=False
    )
    return option


# The names of a plan that new and import make; new requires them, import takes them if given.
ORGANISATION = typer.Option("--organisation", help="Kommun eller organisation.", show_default=False)
TITLE = typer.Option("--title", help="Planens titel.", show_default=False)
NewPlanIdOption = Annotated[
    str | None,
    typer.Option(
        "--id", help="Planens id. Standard: bildas av organisationens namn.", show_default=False
    ),
]


def file_option(purpose: str, *, dash: bool = False) -> OptionInfo:
    """``-o/--output FIL``: the file a command writes; ``purpose`` is its help. ``dash``: ``-o -``
    means standard out (:func:`dash_is_stdout`), for commands that print by default."""
    option: OptionInfo = typer.Option(
        "--output",
        "-o",
        metavar="FIL",
        help=purpose,
        show_default=False,
        callback=dash_is_stdout if dash else None,
    )
    return option


def output_option(output: str) -> Any:
    """``-o/--output FIL`` for a command that prints data; the suffix picks the format."""
    return Annotated[
        Path | None,
        file_option(
            f"Skriv till FIL ({suffix_list(output)}) i stället för till standard ut; "
            "ändelsen avgör formatet.",
            dash=True,
        ),
    ]


def format_option(output: str, enum_type: Any) -> Any:
    """``-f/--format`` for a command that prints data, its choices from the registry."""
    return Annotated[
        enum_type | None,
        typer.Option(
            "--format", "-f", help=format_help(output, by_suffix=True), show_default=False
        ),
    ]


# -f/--format and -o/--output of the commands that print data, alike on every one of them and each
# declared from the command's own entry in the registry: its formats, and only their suffixes.
if TYPE_CHECKING:
    ListFormatOption = str | None
    MeasuresFormatOption = str | None
    ShowFormatOption = str | None
    HistoryFormatOption = str | None
    CoverageFormatOption = str | None
    SummaryFormatOption = str | None
    ReportFormatOption = str | None
    ChartFormatOption = str | None
    ListOutputOption = Path | None
    MeasuresOutputOption = Path | None
    ShowOutputOption = Path | None
    HistoryOutputOption = Path | None
    CoverageOutputOption = Path | None
    SummaryOutputOption = Path | None
    RemindFormatOption = str | None
    ChangesFormatOption = str | None
    RemindOutputOption = Path | None
    ChangesOutputOption = Path | None
else:
    ListFormatOption = format_option("list", choice_enum("list"))
    MeasuresFormatOption = format_option("measures", choice_enum("measures"))
    ShowFormatOption = format_option("show", choice_enum("show"))
    HistoryFormatOption = format_option("history", choice_enum("history"))
    CoverageFormatOption = format_option("coverage", choice_enum("coverage"))
    SummaryFormatOption = format_option("summary", choice_enum("summary"))
    ReportFormatOption = format_option("report", ReportFormat)
    ChartFormatOption = format_option("chart", ChartFormat)
    ListOutputOption = output_option("list")
    MeasuresOutputOption = output_option("measures")
    ShowOutputOption = output_option("show")
    HistoryOutputOption = output_option("history")
    CoverageOutputOption = output_option("coverage")
    SummaryOutputOption = output_option("summary")
    RemindFormatOption = format_option("remind", RemindFormat)
    ChangesFormatOption = format_option("changes", ChangesFormat)
    RemindOutputOption = output_option("remind")
    ChangesOutputOption = output_option("changes")
