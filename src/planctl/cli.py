"""The ``planctl`` command line: parse, call the core, render, exit.

Every command body is a few lines. The single error boundary is :class:`_Group.invoke`: a
:class:`~planctl.errors.PlanctlError` becomes one Swedish line on stderr (plus the list of problems
it carries) and its exit code; usage errors stay Typer's (exit 2); anything else is a bug and keeps
its traceback. Only this module reads the clock and the environment. Heavy modules (pydantic, Rich)
are imported inside the commands so that ``planctl --help`` starts quickly.
"""

from __future__ import annotations

import datetime as dt
import enum
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from planctl import __version__, clitext
from planctl.errors import PlanctlError, UsageError

if TYPE_CHECKING:
    from rich.console import Console

    from planctl.store import DataSet

clitext.install()


class _Swedish:
    """Swedish usage line and help option for both commands and the group."""

    def get_usage(self, ctx: Any) -> str:
        return clitext.usage(super().get_usage(ctx))  # type: ignore[misc]

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = clitext.HELP_OPTION_TEXT
        return option


class _Command(_Swedish, TyperCommand):
    pass


class _Group(_Swedish, TyperGroup):
    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except PlanctlError as exc:
            report_error(exc)
            raise typer.Exit(exc.exit_code) from None


def report_error(exc: PlanctlError) -> None:
    """The error boundary's output: every problem, then one line saying what went wrong."""
    from planctl.render import problems_text

    if exc.problems:
        sys.stderr.write(problems_text(exc.problems))
    sys.stderr.write(f"planctl: fel: {exc.message}\n")


app = typer.Typer(
    name="planctl",
    cls=_Group,
    help=(
        "Följ upp kommunala handlingsplaner för personalförsörjning som YAML-filer i git: "
        "validera, lista, registrera status och skriv uppföljningsrapporter."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(enum.StrEnum):
    """Output formats of the listing commands."""

    TABLE = "table"
    JSON = "json"


@dataclass(frozen=True)
class Settings:
    """What the global options and the environment decided, for the commands."""

    data_dir: Path | None
    today: dt.date

    def data_root(self) -> Path:
        from planctl.store import find_data_dir

        return find_data_dir(
            explicit=self.data_dir, env=os.environ.get("PLANCTL_DATA"), cwd=Path.cwd()
        )

    def load(self) -> DataSet:
        """The data directory's files, refusing to go on when they have errors."""
        from planctl.store import load_data_dir

        return load_data_dir(self.data_root(), today=self.today, base=Path.cwd()).require_valid()


def _today() -> dt.date:
    # PLANCTL_TODAY pins "today" for reproducible reports and tests.
    pinned = os.environ.get("PLANCTL_TODAY")
    if pinned:
        try:
            return dt.date.fromisoformat(pinned)
        except ValueError:
            raise UsageError(f"PLANCTL_TODAY='{pinned}' är inget datum (ÅÅÅÅ-MM-DD)") from None
    return dt.date.today()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"planctl {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            help="Datakatalogen. Standard: PLANCTL_DATA, annars ./data i aktuell katalog "
            "eller närmaste överliggande.",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Visa versionen och avsluta."
        ),
    ] = False,
) -> None:
    """Följ upp kommunala handlingsplaner för personalförsörjning som YAML-filer i git."""
    ctx.obj = Settings(data_dir=data_dir, today=_today())


def _settings(ctx: typer.Context) -> Settings:
    settings = ctx.obj
    assert isinstance(settings, Settings)
    return settings


def _console() -> Console:
    from planctl.render import make_console

    return make_console()


AreaOption = Annotated[
    str | None,
    typer.Option(
        "--area",
        "-o",
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
PlanOption = Annotated[
    str | None,
    typer.Option("--plan", help="Planens id (behövs bara när datakatalogen har flera planer)."),
]


@app.command("list", cls=_Command)
def list_rows(
    ctx: typer.Context,
    area: AreaOption = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            help="Status: klart, påbörjat eller ej-påbörjat (även done, started, not-started).",
            show_default=False,
        ),
    ] = None,
    responsible: Annotated[
        str | None,
        typer.Option(
            "--responsible",
            "--ansvar",
            help="Ansvarig roll (del av texten räcker).",
            show_default=False,
        ),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--start", help="Starttermin, t.ex. HT2017 eller 'våren 2018'.", show_default=False
        ),
    ] = None,
    needs_funding: Annotated[
        bool | None,
        typer.Option(
            "--needs-funding/--no-needs-funding",
            help="Bara rader som kräver (eller inte kräver) särskild finansiering.",
            show_default=False,
        ),
    ] = None,
    search: SearchOption = None,
    plan_id: PlanOption = None,
    fmt: FormatOption = Format.TABLE,
) -> None:
    """Lista planens rader, med filter."""
    from planctl.query import RowFilter, filter_rows, match_plan_area, match_status, match_term
    from planctl.render import rows_table, to_json
    from planctl.report import row_record

    plan = _settings(ctx).load().plan(plan_id).model
    wanted = RowFilter(
        area=match_plan_area(plan, area).id if area is not None else None,
        status=match_status(status) if status is not None else None,
        responsible=responsible,
        term=match_term(start) if start is not None else None,
        needs_funding=needs_funding,
        search=search,
    )
    records = [row_record(plan, row) for row in filter_rows(plan, wanted)]
    if fmt is Format.JSON:
        sys.stdout.write(to_json(records))
        return
    title = f"{plan.meta.organisation}: {len(records)} av {len(plan.rows)} rader"
    _console().print(rows_table(records, title=title))


@app.command("measures", cls=_Command)
def list_measures(
    ctx: typer.Context,
    area: AreaOption = None,
    search: SearchOption = None,
    fmt: FormatOption = Format.TABLE,
) -> None:
    """Lista katalogens insatser, med filter."""
    from planctl.query import filter_measures, match_catalogue_area
    from planctl.render import measures_table, to_json
    from planctl.report import measure_record

    catalogue = _settings(ctx).load().require_catalogue()
    area_id = match_catalogue_area(catalogue, area).id if area is not None else None
    records = [
        measure_record(catalogue, m)
        for m in filter_measures(catalogue, area=area_id, search=search)
    ]
    if fmt is Format.JSON:
        sys.stdout.write(to_json(records))
        return
    title = f"{catalogue.meta.title}: {len(records)} av {len(catalogue.measures)} insatser"
    _console().print(measures_table(records, title=title))


@app.command("show", cls=_Command)
def show(
    ctx: typer.Context,
    item: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="Radens id (t.ex. LB-4) eller insatsens nummer (t.ex. 47)."
        ),
    ],
    plan_id: PlanOption = None,
    fmt: FormatOption = Format.TABLE,
) -> None:
    """Visa en planrad eller en insats i sin helhet, med historik och kopplingar."""
    from planctl.render import measure_view, row_view, to_json
    from planctl.report import measure_detail, row_detail

    data = _settings(ctx).load()
    catalogue = data.catalogue.model if data.catalogue else None
    if item.strip().isdigit():
        measure = catalogue.measure(int(item)) if catalogue else None
        if catalogue is None or measure is None:
            raise UsageError(f"insats {item.strip()} finns inte i katalogen")
        plans = [loaded.model for loaded in data.plans]
        record = measure_detail(catalogue, measure, plans)
        view = measure_view(record)
    else:
        plan = data.plan(plan_id).model
        row = plan.row(item.strip())
        if row is None:
            raise UsageError(
                f"raden '{item}' finns inte i planen; giltiga id:n: "
                + ", ".join(r.id for r in plan.rows)
            )
        record = row_detail(plan, row, catalogue)
        view = row_view(record)
    if fmt is Format.JSON:
        sys.stdout.write(to_json(record))
        return
    _console().print(view)


class ValidateFormat(enum.StrEnum):
    """Output formats of ``validate``."""

    TEXT = "text"
    GITHUB = "github"
    JSON = "json"
    JUNIT = "junit"


@app.command("validate", cls=_Command)
def validate(
    ctx: typer.Context,
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[FILER]...",
            help="Filer att kontrollera. Standard: alla YAML-filer i datakatalogen.",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Behandla varningar som fel.")] = False,
    fmt: Annotated[
        ValidateFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Utdataformat: text, github (annoteringar i GitHub Actions), json eller junit "
            "(JUnit XML). Standard: github när GITHUB_ACTIONS=true, annars text.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Kontrollera datafilerna och visa alla problem på en gång (rad och kolumn).

    Avslutas med 0 när allt är rätt, 1 när fel hittas och 2 vid användningsfel eller filer
    som inte går att läsa.
    """
    from planctl import render
    from planctl.errors import Severity, as_errors
    from planctl.store import catalogue_file, load_data_dir, load_files

    settings = _settings(ctx)
    base = Path.cwd()
    if files:
        try:
            helper_catalogue = catalogue_file(settings.data_root())
        except PlanctlError:
            helper_catalogue = None
        data = load_files(
            list(files), today=settings.today, base=base, extra_catalogue=helper_catalogue
        )
    else:
        data = load_data_dir(settings.data_root(), today=settings.today, base=base)
    problems = as_errors(data.problems) if strict else data.problems
    if fmt is None:
        on_github = os.environ.get("GITHUB_ACTIONS") == "true"
        fmt = ValidateFormat.GITHUB if on_github else ValidateFormat.TEXT
    if fmt is ValidateFormat.JSON:
        sys.stdout.write(render.problems_json(problems, data.files))
    elif fmt is ValidateFormat.JUNIT:
        sys.stdout.write(render.problems_junit(problems, data.files))
    else:
        if fmt is ValidateFormat.GITHUB:
            sys.stdout.write(render.problems_github(problems))
            summary = os.environ.get("GITHUB_STEP_SUMMARY")
            if summary and problems:
                render.append_summary(
                    Path(summary), render.problems_markdown(problems, len(data.files))
                )
        else:
            sys.stdout.write(render.problems_text(problems))
        sys.stderr.write(render.problems_summary(problems, len(data.files)) + "\n")
    raise typer.Exit(1 if any(p.severity is Severity.ERROR for p in problems) else 0)


class SchemaChoice(enum.StrEnum):
    """The data files ``schema`` can describe (mirrors :class:`planctl.schema.SchemaKind`)."""

    CATALOGUE = "catalogue"
    PLAN = "plan"


@app.command("schema", cls=_Command)
def schema(
    kind: Annotated[
        SchemaChoice,
        typer.Argument(
            metavar="SLAG",
            help="Vilken fil schemat gäller: catalogue (katalogen) eller plan.",
        ),
    ] = SchemaChoice.PLAN,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Skriv schemat till FIL i stället för stdout.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Skriv JSON Schema (draft 2020-12) för katalogen eller en plan, genererat ur modellerna.

    Editorer som VS Code använder schemat för att komplettera och kontrollera fälten.
    """
    from planctl.render import to_json
    from planctl.schema import SchemaKind, json_schema
    from planctl.store import write_output

    text = to_json(json_schema(SchemaKind(kind.value)))
    if output is None:
        sys.stdout.write(text)
    else:
        write_output(output, text, base=Path.cwd())


@app.command("changes", cls=_Command)
def changes(
    ctx: typer.Context,
    base: Annotated[
        str,
        typer.Argument(
            metavar="BASE", help="Revisionen att jämföra från, t.ex. origin/main eller en commit."
        ),
    ],
    head: Annotated[
        str | None,
        typer.Argument(
            metavar="HEAD",
            help="Revisionen att jämföra med. Standard: arbetskopian (filerna som de är nu).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Visa vad som ändrats i planen mellan två git-revisioner, som Markdown för en PR-kommentar.

    Listar nya, borttagna och omformulerade rader och varje statusändring (från → till, med
    datum och notering). Fungerar i en grund kloning när BASE har hämtats.
    """
    from planctl.changes import changes_between
    from planctl.render import changes_markdown

    report = changes_between(_settings(ctx).data_root(), base, head, cwd=Path.cwd())
    sys.stdout.write(changes_markdown(report))


def run() -> None:
    """Run the app as the ``planctl`` program."""
    app(prog_name="planctl")
