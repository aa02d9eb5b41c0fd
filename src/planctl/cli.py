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

    from planctl.models import Row, Status
    from planctl.report import Report
    from planctl.status import Change, Outcome
    from planctl.store import DataSet

clitext.install()


class _Swedish:
    """Swedish usage line and help option for both commands and the group."""

    def get_usage(self, ctx: Any) -> str:
        # A mixin: mypy cannot see that super() is the Typer class it is mixed into.
        return clitext.usage(super().get_usage(ctx))  # type: ignore[misc]

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]  # mixin, as above
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


class AnalysisFormat(enum.StrEnum):
    """Output formats of the analysis commands (coverage, summary)."""

    TABLE = "table"
    MARKDOWN = "markdown"
    JSON = "json"
    CSV = "csv"


@dataclass(frozen=True)
class Settings:
    """What the global options and the environment decided, for the commands."""

    data_dir: Path | None
    today: dt.date
    produced: dt.datetime | dt.date = dt.date.min

    def data_root(self) -> Path:
        from planctl.store import find_data_dir

        return find_data_dir(
            explicit=self.data_dir, env=os.environ.get("PLANCTL_DATA"), cwd=Path.cwd()
        )

    def load(self, plan_id: str | None = None) -> DataSet:
        """The data directory's files (only one plan's, when named), refusing errors."""
        from planctl.store import load_data_dir

        return load_data_dir(
            self.data_root(), today=self.today, base=Path.cwd(), plan_id=plan_id
        ).require_valid()


def _today() -> dt.date:
    # PLANCTL_TODAY pins "today" for reproducible reports and tests.
    pinned = os.environ.get("PLANCTL_TODAY")
    if pinned:
        try:
            return dt.date.fromisoformat(pinned)
        except ValueError:
            raise UsageError(f"PLANCTL_TODAY='{pinned}' är inget datum (ÅÅÅÅ-MM-DD)") from None
    now = _now()
    return now.date() if now else dt.date.today()


def _now() -> dt.datetime | None:
    # PLANCTL_NOW pins the time a report says it was produced (golden files, reproducible builds).
    pinned = os.environ.get("PLANCTL_NOW")
    if not pinned:
        return None
    try:
        return dt.datetime.fromisoformat(pinned)
    except ValueError:
        raise UsageError(f"PLANCTL_NOW='{pinned}' är ingen tidpunkt (ÅÅÅÅ-MM-DDTtt:mm)") from None


def _produced() -> dt.datetime | dt.date:
    """When a report is produced: PLANCTL_NOW, else only the day if PLANCTL_TODAY pins it."""
    now = _now()
    if now is not None:
        return now
    if os.environ.get("PLANCTL_TODAY"):
        return _today()  # the day is pinned but the time is not: say only the day
    return dt.datetime.now().replace(second=0, microsecond=0)


def _jobs() -> int:
    """Processes for commands over a whole directory: every core, at most four."""
    return min(os.cpu_count() or 1, 4)


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
    ctx.obj = Settings(data_dir=data_dir, today=_today(), produced=_produced())


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
AnalysisFormatOption = Annotated[
    AnalysisFormat,
    typer.Option("--format", "-f", help="Utdataformat: table, markdown, json eller csv."),
]
PlanOption = Annotated[
    str | None,
    typer.Option("--plan", help="Planens id (behövs bara när datakatalogen har flera planer)."),
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
    responsible: ResponsibleOption = None,
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
    from planctl.query import filter_rows, row_filter
    from planctl.render import rows_table, to_json
    from planctl.report import row_record

    plan = _settings(ctx).load(plan_id).plan(plan_id).model
    wanted = row_filter(
        plan,
        area=area,
        status=status,
        responsible=responsible,
        start=start,
        needs_funding=needs_funding,
        search=search,
    )
    records = [row_record(plan, row) for row in filter_rows(plan, wanted)]
    if fmt is Format.JSON:
        sys.stdout.write(to_json(records))
        return
    title = f"{plan.meta.organisation}: {len(records)} av {len(plan.rows)} rader"
    _console().print(rows_table(records, title=title))


class ReportFormat(enum.StrEnum):
    """Output formats of ``report`` and ``diff``."""

    TABLE = "table"
    MARKDOWN = "markdown"
    CSV = "csv"
    XLSX = "xlsx"
    JSON = "json"
    HTML = "html"


ReportFormatOption = Annotated[
    ReportFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="Utdataformat: table, markdown, csv, xlsx, json eller html. "
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
        help="Skriv rapporten till FIL (.txt, .md, .csv, .xlsx, .json, .html) i stället för "
        "till standard ut.",
        show_default=False,
    ),
]


@app.command("report", cls=_Command)
def report(
    ctx: typer.Context,
    area: AreaOption = None,
    responsible: ResponsibleOption = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            help="Bara rader med statusen (som den var vid tidpunkten rapporten visar).",
            show_default=False,
        ),
    ] = None,
    round_id: Annotated[
        str | None,
        typer.Option(
            "--round",
            metavar="OMGÅNG",
            help="Visa läget vid uppföljningen OMGÅNG (t.ex. 2018-05), per omgångens datum.",
            show_default=False,
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="DATUM",
            help="Visa läget ett visst datum (ÅÅÅÅ-MM-DD). Standard: i dag.",
            show_default=False,
        ),
    ] = None,
    changes_since: Annotated[
        str | None,
        typer.Option(
            "--changes-since",
            metavar="OMGÅNG|DATUM",
            help="Visa bara rader som bytt status sedan OMGÅNG eller DATUM, från → till.",
            show_default=False,
        ),
    ] = None,
    plan_id: PlanOption = None,
    fmt: ReportFormatOption = None,
    output: OutputOption = None,
) -> None:
    """Skriv uppföljningsrapporten: bilagans tabell per område med status och noteringar.

    Varje område och hela planen får antal klart, påbörjat, ej påbörjat och försenade, andel
    klart och en stapel. En rad är försenad när starterminen är slut men raden ej påbörjad;
    * markerar rader som kräver särskilda resurser.
    """
    from planctl.query import row_filter
    from planctl.report import build_report, choose_moments

    settings = _settings(ctx)
    data = settings.load(plan_id)
    plan = data.plan(plan_id).model
    shown, since = choose_moments(
        plan, today=settings.today, round_id=round_id, as_of=as_of, changes_since=changes_since
    )
    wanted = row_filter(plan, area=area, responsible=responsible, status=status)
    built = build_report(
        plan,
        wanted=wanted,
        as_of=shown,
        since=since,
        produced=settings.produced,
        catalogue=data.catalogue.model if data.catalogue else None,
    )
    _emit(built, fmt, output)


@app.command("diff", cls=_Command)
def diff(
    ctx: typer.Context,
    first: Annotated[
        str, typer.Argument(metavar="FRÅN", help="Uppföljning (t.ex. 2018-05) eller datum.")
    ],
    second: Annotated[
        str, typer.Argument(metavar="TILL", help="Uppföljning (t.ex. 2018-10) eller datum.")
    ],
    area: AreaOption = None,
    responsible: ResponsibleOption = None,
    plan_id: PlanOption = None,
    fmt: ReportFormatOption = None,
    output: OutputOption = None,
) -> None:
    """Visa raderna som bytt status mellan två uppföljningar (eller datum), från → till."""
    from planctl.query import row_filter
    from planctl.report import build_report, diff_moments

    settings = _settings(ctx)
    plan = settings.load(plan_id).plan(plan_id).model
    since, shown = diff_moments(plan, first, second)
    wanted = row_filter(plan, area=area, responsible=responsible)
    built = build_report(plan, wanted=wanted, as_of=shown, since=since, produced=settings.produced)
    _emit(built, fmt, output)


def _emit(built: Report, fmt: ReportFormat | None, output: Path | None) -> None:
    """Print a report on stdout or write it to ``output``, in the format asked for."""
    from planctl.render import render_report, report_format_for, report_view
    from planctl.store import save_output

    chosen = fmt.value if fmt else report_format_for(output) if output else ReportFormat.TABLE
    if output is not None:
        shown = save_output(output, render_report(built, chosen), base=Path.cwd())
        sys.stderr.write(f"planctl: skrev {shown} ({chosen})\n")
    elif chosen == ReportFormat.TABLE:
        _console().print(report_view(built))
    elif chosen == ReportFormat.XLSX and sys.stdout.isatty():
        raise UsageError("xlsx är ett binärt format; ange --output RAPPORT.xlsx")
    else:
        sys.stdout.buffer.write(render_report(built, chosen))
        sys.stdout.flush()


@app.command("measures", cls=_Command)
def list_measures(
    ctx: typer.Context,
    area: AreaOption = None,
    search: SearchOption = None,
    uncovered: Annotated[
        bool,
        typer.Option("--uncovered", help="Bara de insatser som planen inte genomför."),
    ] = False,
    plan_id: PlanOption = None,
    fmt: FormatOption = Format.TABLE,
) -> None:
    """Lista katalogens insatser, med filter."""
    from planctl.coverage import covered_ids
    from planctl.query import filter_measures, match_catalogue_area
    from planctl.render import measures_table, to_json
    from planctl.report import measure_record

    data = _settings(ctx).load(plan_id)
    catalogue = data.require_catalogue()
    area_id = match_catalogue_area(catalogue, area).id if area is not None else None
    left_out = covered_ids(data.plan(plan_id).model) if uncovered else frozenset()
    records = [
        measure_record(catalogue, m)
        for m in filter_measures(catalogue, area=area_id, search=search)
        if m.id not in left_out
    ]
    if fmt is Format.JSON:
        sys.stdout.write(to_json(records))
        return
    title = f"{catalogue.meta.title}: {len(records)} av {len(catalogue.measures)} insatser"
    if uncovered:
        title += f" som {data.plan(plan_id).model.meta.organisation} inte genomför"
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
    from planctl.query import match_row
    from planctl.render import measure_view, row_view, to_json
    from planctl.report import measure_detail, row_detail

    data = _settings(ctx).load(None if item.strip().isdigit() else plan_id)
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
        record = row_detail(plan, match_row(plan, item), catalogue, today=_settings(ctx).today)
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


@app.command(
    "validate",
    cls=_Command,
    help="Kontrollera datafilerna och visa alla problem på en gång (fil:rad:kolumn).\n\n"
    "Slutkod 0 när inga fel finns, 1 när fel hittas, 2 vid användningsfel eller filer som "
    "inte går att läsa.",
)
def validate(
    ctx: typer.Context,
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="FILER",
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
    """Kontrollera datafilerna och visa alla problem på en gång (fil:rad:kolumn)."""
    from planctl import render
    from planctl.errors import Severity, as_errors
    from planctl.render import validation
    from planctl.store import catalogue_for, check_paths, data_dir_files, expand_paths

    settings = _settings(ctx)
    base = Path.cwd()
    jobs = _jobs()
    if files:
        try:
            root: Path | None = settings.data_root()
        except PlanctlError:
            root = None
        paths = expand_paths(list(files), base=base)
        helper_catalogue = catalogue_for(paths, data_root=root)
        data = check_paths(
            paths,
            today=settings.today,
            base=base,
            extra_catalogue=helper_catalogue,
            jobs=jobs,
        )
    else:
        root = settings.data_root()
        data = check_paths(
            data_dir_files(root, base=base), today=settings.today, base=base, root=root, jobs=jobs
        )
    problems = as_errors(data.problems) if strict else data.problems
    if fmt is None:
        on_github = os.environ.get("GITHUB_ACTIONS") == "true"
        fmt = ValidateFormat.GITHUB if on_github else ValidateFormat.TEXT
    if fmt is ValidateFormat.JSON:
        sys.stdout.write(validation.problems_json(problems, data.files))
    elif fmt is ValidateFormat.JUNIT:
        sys.stdout.write(validation.problems_junit(problems, data.files))
    else:
        if fmt is ValidateFormat.GITHUB:
            sys.stdout.write(validation.problems_github(problems))
            summary = os.environ.get("GITHUB_STEP_SUMMARY")
            if summary and problems:
                validation.append_summary(
                    Path(summary), validation.problems_markdown(problems, len(data.files))
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
    from planctl.store import save_output

    text = to_json(json_schema(SchemaKind(kind.value)))
    if output is None:
        sys.stdout.write(text)
    else:
        save_output(output, text.encode("utf-8"), base=Path.cwd())


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
    from planctl.render.validation import changes_markdown

    report = changes_between(_settings(ctx).data_root(), base, head, cwd=Path.cwd())
    sys.stdout.write(changes_markdown(report))


def _print_analysis(output: object) -> None:
    """Text formats go straight to stdout; a Rich table through the console."""
    if isinstance(output, str):
        sys.stdout.write(output)
    else:
        _console().print(output)


@app.command("coverage", cls=_Command)
def coverage(
    ctx: typer.Context,
    plan_id: PlanOption = None,
    area: Annotated[
        str | None,
        typer.Option(
            "--area",
            "-a",
            help="Bara ett av katalogens områden (t.ex. god-introduktion, halsoframjande).",
            show_default=False,
        ),
    ] = None,
    by_row: Annotated[
        bool, typer.Option("--by-row", help="Visa varje planrad med de insatser den genomför.")
    ] = False,
    fmt: AnalysisFormatOption = AnalysisFormat.TABLE,
) -> None:
    """Visa hur stor del av katalogens insatser planen genomför, per område."""
    from planctl.coverage import plan_coverage, row_coverage
    from planctl.query import match_catalogue_area
    from planctl.render import render_analysis

    data = _settings(ctx).load(plan_id)
    catalogue, plan = data.require_catalogue(), data.plan(plan_id).model
    area_id = match_catalogue_area(catalogue, area).id if area is not None else None
    build = row_coverage if by_row else plan_coverage
    _print_analysis(render_analysis(build(catalogue, plan, area=area_id), fmt.value))


@app.command("new", cls=_Command)
def new(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FIL",
            help="Den nya planfilen, t.ex. data/exempelkommun.yaml.",
            show_default=False,
        ),
    ],
    organisation: Annotated[
        str, typer.Option("--organisation", help="Kommun eller organisation.", show_default=False)
    ],
    title: Annotated[str, typer.Option("--title", help="Planens titel.", show_default=False)],
    measures: Annotated[
        str | None,
        typer.Option(
            "--measures",
            metavar="NR,…",
            help="Katalogens insatser, t.ex. 7,47,84.",
            show_default=False,
        ),
    ] = None,
    areas: Annotated[
        list[str] | None,
        typer.Option(
            "--area",
            "-a",
            metavar="OMRÅDE",
            help="Alla insatser i ett av katalogens områden (kan anges flera gånger).",
            show_default=False,
        ),
    ] = None,
    rounds: Annotated[
        str | None,
        typer.Option(
            "--rounds",
            metavar="ÅÅÅÅ-MM,…",
            help="Uppföljningsomgångar som månader, t.ex. 2026-05,2026-10.",
            show_default=False,
        ),
    ] = None,
    plan_id: Annotated[
        str | None,
        typer.Option(
            "--id", help="Planens id. Standard: bildas av organisationens namn.", show_default=False
        ),
    ] = None,
) -> None:
    """Skapa en ny plan ur katalogen: ett utkast per vald insats. Skriver aldrig över en fil."""
    from planctl.newplan import choose_measures, new_plan, parse_measure_numbers, parse_rounds
    from planctl.store import check_new_plan, create_file, display_path

    settings = _settings(ctx)
    data = settings.load()
    catalogue = data.require_catalogue()
    numbers = parse_measure_numbers(measures) if measures is not None else []
    draft = new_plan(
        catalogue,
        organisation=organisation,
        title=title,
        measures=choose_measures(catalogue, numbers=numbers, areas=areas or []),
        rounds=parse_rounds(rounds) if rounds is not None else [],
        today=settings.today,
        plan_id=plan_id,
        taken_ids=[loaded.model.meta.id for loaded in data.plans],
    )
    check_new_plan(
        file,
        draft.text,
        today=settings.today,
        base=Path.cwd(),
        catalogue=data.catalogue.path if data.catalogue else None,
    )
    create_file(file, draft.text, base=Path.cwd())
    row_word = "utkastrad" if len(draft.measures) == 1 else "utkastrader"
    area_word = "område" if len(draft.areas) == 1 else "områden"
    sys.stderr.write(
        f"Skrev {display_path(file, Path.cwd())}: planen '{draft.plan_id}' med "
        f"{len(draft.measures)} {row_word} i {len(draft.areas)} {area_word}. "
        "Fyll i ansvar och start och kör 'planctl validate'.\n"
    )


@app.command("summary", cls=_Command)
def summary(
    ctx: typer.Context,
    top: Annotated[
        int,
        typer.Option(
            "--top", min=1, help="Hur många insatser som visas som mest och minst genomförda."
        ),
    ] = 5,
    fmt: AnalysisFormatOption = AnalysisFormat.TABLE,
) -> None:
    """Sammanställ alla planer i datakatalogen: status per plan och insatsernas spridning."""
    import functools

    from planctl.render import render_analysis
    from planctl.store import check_paths, data_dir_files, no_catalogue, no_plans
    from planctl.summary import plan_facts, summarise_facts

    settings = _settings(ctx)
    root = settings.data_root()
    checked = check_paths(
        data_dir_files(root, base=Path.cwd()),
        today=settings.today,
        base=Path.cwd(),
        root=root,
        jobs=_jobs(),
        each_plan=functools.partial(plan_facts, today=settings.today),
    ).require_valid()
    if checked.catalogue is None:
        raise no_catalogue(root)
    if not checked.results:
        raise no_plans(root)
    result = summarise_facts(checked.catalogue, checked.results, today=settings.today, top=top)
    _print_analysis(render_analysis(result, fmt.value))


# --- recording status ----------------------------------------------------------------------

EXIT_INTERRUPTED = 130

status_app = typer.Typer(
    name="status",
    cls=_Group,
    help="Registrera status för planens rader.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(status_app)

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


@status_app.command("set", cls=_Command)
def status_set(
    ctx: typer.Context,
    args: Annotated[
        list[str],
        typer.Argument(
            metavar="ID STATUS",
            help="En eller flera rader och den nya statusen: klart, påbörjat eller ej-påbörjat "
            "(valfritt skiftläge, utan å/ä/ö går bra, även done, started, not-started).",
            show_default=False,
        ),
    ],
    note: Annotated[
        str | None,
        typer.Option("--note", "-n", help="Notering till posten.", show_default=False),
    ] = None,
    date: DateOption = None,
    by: ByOption = None,
    round_id: Annotated[
        str | None,
        typer.Option(
            "--round",
            "-r",
            help="Uppföljningsomgång, t.ex. 2018-05. Standard: omgången som datumet infaller i "
            "eller före.",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Visa diffen som skulle skrivas; ändra ingenting.")
    ] = False,
    plan_id: PlanOption = None,
) -> None:
    """Registrera status för en eller flera rader: en ny post sist i varje rads historik.

    Samma status som raden redan har registreras bara med --note (en ny iakttagelse).

    Ett datum i framtiden eller före radens senaste post vägras.

    Bara de nya raderna läggs till i filen; allt annat lämnas orört.
    """
    from planctl.status import (
        StatusRequest,
        parse_date,
        prepare_status,
        split_arguments,
        update_plan,
    )

    settings = _settings(ctx)
    ids, status = split_arguments(args)
    day = parse_date(date) if date is not None else settings.today
    request = StatusRequest(ids, status, day, note=note, by=by, round_id=round_id)
    outcome = update_plan(
        settings.data_root(),
        lambda plan, _catalogue: prepare_status(plan, request, today=settings.today),
        today=settings.today,
        base=Path.cwd(),
        plan_id=plan_id,
        dry_run=dry_run,
    )
    _report_outcome(outcome, dry_run=dry_run)


indicator_app = typer.Typer(
    name="indicator",
    cls=_Group,
    help="Registrera mätvärden för radernas mål.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(indicator_app)


@indicator_app.command("set", cls=_Command)
def indicator_set(
    ctx: typer.Context,
    target: Annotated[
        str,
        typer.Argument(
            metavar="RAD|INSATS",
            help="Radens id (t.ex. LB-4) eller katalogens insatsnummer (t.ex. 84).",
            show_default=False,
        ),
    ],
    value: Annotated[
        str,
        typer.Argument(
            metavar="VÄRDE",
            help="Det uppmätta värdet, med decimalkomma och enhet om du vill: 12,5 · 90 % · "
            "1500 kr.",
            show_default=False,
        ),
    ],
    round_id: Annotated[
        str,
        typer.Option(
            "--round", "-r", help="Uppföljningsomgång, t.ex. 2018-05.", show_default=False
        ),
    ],
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            "-d",
            help="Dag då värdet mättes, ÅÅÅÅ-MM-DD. Standard: i dag.",
            show_default=False,
        ),
    ] = None,
    note: Annotated[
        str | None,
        typer.Option("--note", "-n", help="Notering till mätningen.", show_default=False),
    ] = None,
    by: ByOption = None,
    measure: Annotated[
        int | None,
        typer.Option(
            "--measure",
            "--insats",
            metavar="NR",
            help="Insatsen vars mål värdet mäter, när raden följer flera mål.",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Visa diffen som skulle skrivas; ändra ingenting.")
    ] = False,
    plan_id: PlanOption = None,
) -> None:
    """Registrera ett mätvärde för ett mål: en ny post sist i radens mätningar.

    Värdet kontrolleras mot målets enhet och tillåtna värden.

    Bara de nya raderna läggs till i filen; allt annat lämnas orört.
    """
    from planctl.indicators import MeasurementRequest, prepare_measurement
    from planctl.status import parse_date, update_plan

    settings = _settings(ctx)
    day = parse_date(date) if date is not None else settings.today
    request = MeasurementRequest(target, value, round_id, day, measure, note=note, by=by)
    outcome = update_plan(
        settings.data_root(),
        lambda plan, catalogue: prepare_measurement(plan, catalogue, request, today=settings.today),
        today=settings.today,
        base=Path.cwd(),
        plan_id=plan_id,
        dry_run=dry_run,
    )
    _report_outcome(outcome, dry_run=dry_run)


def _report_outcome(outcome: Outcome, *, dry_run: bool = False) -> None:
    from planctl.render import change_line, measurement_line, outcome_text

    if dry_run:
        sys.stdout.write(outcome.diff)
    lines = [
        change_line(
            c.row_id, c.previous.value, c.entry.status.value, str(c.entry.date), c.entry.round
        )
        for c in outcome.changes
    ]
    lines += [measurement_line(m.row_id, m.entry, m.target) for m in outcome.measurements]
    sys.stderr.write(
        outcome_text(outcome.file, lines, outcome.notices, written=outcome.written, dry_run=dry_run)
    )


class HistoryFormat(enum.StrEnum):
    """Output formats of ``history``."""

    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"


@app.command("history", cls=_Command)
def history(
    ctx: typer.Context,
    item: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]", help="Radens id. Standard: hela planen.", show_default=False
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help="Från ett datum (ÅÅÅÅ-MM-DD) eller en uppföljning (t.ex. 2018-05: omgångens "
            "poster och allt daterat från omgångens datum).",
            show_default=False,
        ),
    ] = None,
    plan_id: PlanOption = None,
    fmt: Annotated[
        HistoryFormat,
        typer.Option("--format", "-f", help="Utdataformat: table, json eller markdown."),
    ] = HistoryFormat.TABLE,
) -> None:
    """Visa statushistoriken för en rad, eller alla statusändringar i planen i datumordning."""
    from planctl.query import match_row, match_since
    from planctl.render import changes_table, history_markdown, to_json
    from planctl.report import history_records

    plan = _settings(ctx).load(plan_id).plan(plan_id).model
    row = match_row(plan, item) if item is not None else None
    records = history_records(plan, row, match_since(plan, since) if since else None)
    title = f"{row.id}: {row.proposal}" if row else f"{plan.meta.organisation}: statushistorik"
    if since:
        title += f" (från {since})"
    if fmt is HistoryFormat.JSON:
        sys.stdout.write(to_json(records))
    elif fmt is HistoryFormat.MARKDOWN:
        sys.stdout.write(history_markdown(records, title=title))
    else:
        _console().print(changes_table(records, title=title))


@app.command("followup", cls=_Command)
def followup(
    ctx: typer.Context,
    round_id: Annotated[
        str, typer.Argument(metavar="OMGÅNG", help="Uppföljningsomgången, t.ex. 2018-05.")
    ],
    area: AreaOption = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            "-d",
            help="Datum för posterna, ÅÅÅÅ-MM-DD. Standard: omgångens datum (i dag om det "
            "ligger i framtiden).",
            show_default=False,
        ),
    ] = None,
    by: ByOption = None,
    plan_id: PlanOption = None,
) -> None:
    """Uppföljningsmöte: gå igenom raderna och fråga efter ny status och notering.

    Enter behåller radens status.

    Allt sparas på en gång på slutet, efter en sammanfattning och en fråga.

    Ctrl-C eller "nej" sparar ingenting.
    """
    from planctl.query import RowFilter, filter_rows, match_plan_area, match_round
    from planctl.status import (
        Prepared,
        check_date,
        followup_date,
        parse_date,
        text_option,
        update_plan,
    )

    settings = _settings(ctx)
    loaded = settings.load(plan_id).plan(plan_id)
    plan = loaded.model
    chosen = match_round(plan, round_id)
    day = parse_date(date) if date is not None else followup_date(chosen, today=settings.today)
    check_date(day, today=settings.today)
    by = text_option("--by", by)
    area_id = match_plan_area(plan, area).id if area is not None else None
    rows = filter_rows(plan, RowFilter(area=area_id))
    try:
        changes = _ask_changes(rows, day=day, by=by, round_id=chosen.id, title=chosen.name)
        if not changes:
            typer.echo("Inga ändringar; inget skrevs.")
            return
        noun = "ändring" if len(changes) == 1 else "ändringar"
        if not _confirm(f"Spara {len(changes)} {noun} i {loaded.doc.file}?"):
            typer.echo("Inget skrevs.")
            return
    except typer.Abort:
        sys.stderr.write("\nAvbrutet – inget skrevs.\n")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    outcome = update_plan(
        settings.data_root(),
        lambda _plan, _catalogue: Prepared(tuple(changes)),
        today=settings.today,
        base=Path.cwd(),
        plan_id=plan_id,
        snapshot=loaded.doc.text,
    )
    _report_outcome(outcome)


def _ask_changes(
    rows: list[Row], *, day: dt.date, by: str | None, round_id: str, title: str
) -> list[Change]:
    """Ask for each row's status and note; the changes, in row order, as core values."""
    from planctl.render import change_line
    from planctl.status import change_for, date_conflict

    typer.echo(
        f"{title}: {len(rows)} rader, poster daterade {day}. "
        "Enter behåller statusen; Ctrl-C avbryter utan att spara."
    )
    changes: list[Change] = []
    for number, row in enumerate(rows, 1):
        since = f" sedan {row.history[-1].date}" if row.history else ""
        typer.echo(f"\n[{number}/{len(rows)}] {row.id} · {row.proposal}")
        typer.echo(f"  Ansvar: {row.responsible} · Status nu: {row.status.value}{since}")
        conflict = date_conflict(row, day)
        if conflict is not None:
            typer.echo(f"  Hoppas över: {conflict}")
            continue
        status = _ask_status(row)
        note = typer.prompt("  Notering (Enter = ingen)", default="", show_default=False).strip()
        change = change_for(row, status, date=day, note=note or None, by=by, round_id=round_id)
        if change is not None:
            changes.append(change)
    typer.echo("\nSammanfattning:")
    for c in changes:
        line = change_line(c.row_id, c.previous.value, c.entry.status.value, str(day), round_id)
        typer.echo(f"  {line}" + (f" – {c.entry.note}" if c.entry.note else ""))
    if not changes:
        typer.echo("  (inga ändringar)")
    return changes


def _ask_status(row: Row) -> Status:
    from planctl.query import match_status

    while True:
        typed = typer.prompt(
            f"  Ny status – klart, påbörjat, ej påbörjat (Enter = {row.status.value})",
            default="",
            show_default=False,
        )
        if not typed.strip():
            return row.status
        try:
            return match_status(typed)
        except UsageError as exc:
            typer.echo(f"  {exc.message}")


def _confirm(question: str) -> bool:
    """A yes/no question answered in Swedish (or English); asks again until it is clear."""
    while True:
        answer = typer.prompt(f"{question} (ja/nej)", default="", show_default=False)
        word = answer.strip().casefold()
        if word in ("ja", "j", "yes", "y"):
            return True
        if word in ("nej", "n", "no"):
            return False
        typer.echo("Svara ja eller nej.")


def run() -> None:
    """Run the app as the ``planctl`` program.

    Output that cannot be written (stdout on a full disk, ``> /dev/full``) is not a bug: it ends
    in one Swedish line and exit code 3, like a data file that cannot be written. A closed pipe
    (``| head``) stays Typer's: quiet, exit 1.
    """
    import errno
    import io

    try:
        try:
            app(prog_name="planctl")
        finally:
            sys.stdout.flush()  # here, not at exit, so that a failure is reported like the rest
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            raise
        from planctl.errors import EXIT_CONFLICT, ConflictError, os_reason

        sys.stdout = io.StringIO()  # the broken stdout must not be flushed again at exit
        report_error(ConflictError(f"kunde inte skriva utdata ({os_reason(exc)})"))
        raise SystemExit(EXIT_CONFLICT) from None
