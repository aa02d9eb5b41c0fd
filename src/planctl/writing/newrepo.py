"""Starting a plan repository from nothing: what ``planctl init`` creates, and creating it.

A new municipality gets, in one folder: ``data/`` with the catalogue shipped in the package and
its plan (empty, or imported), ``schema/`` with both JSON Schemas (the plan file's modeline
points there), a CI workflow for its git host that installs exactly the planctl version that
created it, a pre-commit hook, a ``.gitignore`` for planctl's lock and temporary files and a
short Swedish README for the working group. :func:`repository_files` builds the texts (no I/O);
:func:`create_repository` writes them, never over an existing file, and runs ``git init`` when
the folder is not in a git repository yet.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from planctl.errors import DataError, InputError, UsageError, write_failure
from planctl.importing.planfile import ImportResult
from planctl.importing.values import FollowUp
from planctl.newplan import SCHEMA_MODELINE
from planctl.writing import sidecars

CI_HOSTS = ("github", "gitlab", "none")
CI_COMMAND = "planctl validate --strict"
"""What the generated CI runs (and what ``planctl init``'s result passes as created)."""


@dataclass(frozen=True)
class RepoFile:
    """One file of the new repository: its path inside the folder and its text (UTF-8, LF)."""

    path: PurePosixPath
    text: str


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def empty_plan_text(
    *, plan_id: str, title: str, organisation: str, catalogue_id: str | None, today: dt.date
) -> str:
    """A plan file with no areas and no rows yet, which validates (also with ``--strict``)."""
    lines = [
        SCHEMA_MODELINE,
        "#",
        f"# {title} – {organisation}",
        "#",
        f"# Skapad av `planctl init` den {today.isoformat()}. Planen har ännu inga områden och",
        "# inga rader: importera en befintlig plan med `planctl import bilaga.docx` (Word, Excel",
        "# eller CSV) eller skriv in dem här (se README.md).",
        "#",
        "# Validera filen med: planctl validate",
        "plan:",
        f"  id: {plan_id}",
        f"  titel: {_q(title)}",
        f"  organisation: {_q(organisation)}",
    ]
    if catalogue_id:
        lines.append(f"  katalog: {catalogue_id}")
    lines += ["områden: []", "åtgärder: []", *EXAMPLE_INTRO, *(f"# {line}" for line in EXAMPLE)]
    return "\n".join(lines) + "\n"


EXAMPLE_INTRO = (
    "",
    "# Exempel på en uppföljningsomgång, ett område och en rad. Skriv in er plan i samma form:",
    "# byt ut raderna `områden: []` och `åtgärder: []` ovan mot blocken nedan utan `# ` först,",
    '# och ändra till er egen text. Hela formatet: avsnittet "Dataformatet" i planctls README',
    "# eller `planctl schema plan`.",
    "#",
)
EXAMPLE = (
    "uppföljningar:",
    '  - id: "2026-05"                 # omgångens id, inom citattecken',
    "    namn: Uppföljning maj 2026",
    '    datum: "2026-05-31"           # ÅÅÅÅ-MM-DD',
    "områden:",
    "  - id: rekrytering",
    "    namn: Rekrytering",
    "åtgärder:",
    "  - id: AB-1",
    "    område: rekrytering",
    '    förslag: "Nya former för annonsering"',
    "    ansvar: HR-chef               # en roll, eller en lista med roller",
    '    start: "HT 2026"              # som det står i planen',
    "    insatser: []                  # nummer i katalogen över insatser (data/measures.yaml)",
)
"""The example in an empty plan, uncommented: it validates (``tests/test_newrepo.py``) and the
generated README's commands (``followup 2026-05``, ``status set AB-1``) work on it."""


def _install_spec(version: str, source: str | None) -> str:
    return f"planctl @ {source}" if source else f"planctl=={version}"


def _github_workflow(version: str, source: str | None) -> str:
    spec = _install_spec(version, source)
    notes = ["planctl installeras i exakt den version som skapade repot."]
    if not source:
        notes += [
            "Finns planctl inte i ert paketindex, byt raden mot en git-adress med samma version:",
            f'pip install "planctl @ git+https://<värd>/<ägare>/planctl@v{version}"',
        ]
    pin_note = "\n".join(f"      # {line}" for line in notes)
    return f"""\
# Validerar planerna i varje pull request och på main (skapad av planctl init {version}).
# Felen visas som annoteringar på rätt rad i diffen; ändringarna i planen hamnar i jobbets
# sammanfattning.
name: Validera planer

on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read

jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 1
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
{pin_note}
      - name: Installera planctl {version}
        run: pip install {_q(spec)}
      - name: Validera
        run: {CI_COMMAND}
      - name: Ändringar i planen
        if: always() && github.event_name == 'pull_request'
        run: |
          git fetch --depth=1 origin "${{{{ github.base_ref }}}}"
          planctl changes "origin/${{{{ github.base_ref }}}}" >> "$GITHUB_STEP_SUMMARY"
"""


def _gitlab_ci(version: str, source: str | None) -> str:
    spec = _install_spec(version, source)
    return f"""\
# Validerar planerna i varje merge request och på huvudgrenen (skapad av planctl init {version}).
# JUnit-rapporten visar varje fil som ett testfall i merge requestens testrapport.
validera-planer:
  image: python:3.11
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  script:
    - pip install {_q(spec)}
    - {CI_COMMAND} --format junit > planctl-junit.xml
  artifacts:
    when: always
    reports:
      junit: planctl-junit.xml
"""


def _pre_commit(version: str, source: str | None) -> str:
    if source and source.startswith("git+") and "@" in source[4:]:
        url, commit = source[4:].rsplit("@", 1)
        return f"""\
# Kontrollerar ändrade planfiler före varje commit: pre-commit install (en gång per kloning).
repos:
  - repo: {url}
    rev: {commit}  # planctl {version}
    hooks:
      - id: planctl-validate
"""
    return f"""\
# Kontrollerar ändrade planfiler före varje commit: pre-commit install (en gång per kloning).
# Kroken kör den planctl som är installerad på datorn (version {version} skapade repot).
repos:
  - repo: local
    hooks:
      - id: planctl-validate
        name: planctl validate
        entry: planctl validate
        language: system
        files: ^data/[^/]+\\.ya?ml$
        pass_filenames: true
        require_serial: true
"""


def _gitignore() -> str:
    return (
        "# planctl: lås och tillfälliga filer under en skrivning, utkast från ett möte\n"
        + "\n".join(sidecars.IGNORED)
        + "\n# rapporter som skrivs ut lokalt\n/rapporter/\n"
    )


def _readme(*, title: str, organisation: str, plan_file: str, version: str, ci: str) -> str:
    review = {
        "github": "CI (GitHub Actions, `.github/workflows/validera-planer.yml`) kör "
        f"`{CI_COMMAND}` på varje pull request och visar fel på rätt rad i diffen.",
        "gitlab": f"CI (GitLab, `.gitlab-ci.yml`) kör `{CI_COMMAND}` på varje merge request.",
        "none": f"Kör `{CI_COMMAND}` själv innan ni slår ihop en ändring.",
    }[ci]
    return f"""\
# {title}

{organisation}s handlingsplan, följd upp med planctl {version}. Planen ligger i
`{plan_file}`, katalogen över insatser i `data/measures.yaml` och JSON-scheman för
editorn i `schema/`.

## Fyll i planen

Skriv in planens uppföljningsomgångar, områden och rader i `{plan_file}`. En tom plan från
`planctl init` har ett exempel i kommentarerna längst ned. Läs in en befintlig plan i Word,
Excel eller CSV med `planctl import bilaga.docx` i stället. Kontrollera med `planctl validate`,
som pekar ut rad och kolumn för varje fel, och se raderna med `planctl list`.

## Registrera en uppföljning

Efter varje uppföljningsmöte registrerar sekreteraren radernas status på en egen gren:

```sh
git switch -c uppfoljning-2026-05
planctl followup 2026-05 --by "Sekreterare"        # en rad i taget, sparas när ni är klara
planctl status set AB-1 påbörjat --date 2026-05-31  # eller en rad i taget
planctl validate
git commit -am "Uppföljning maj 2026"
```

Statusen läggs till sist i radens `historik`; gamla poster ändras aldrig.

## Granska

Skicka grenen som en pull request (merge request). Granskarna – fackliga företrädare och
förvaltningschefer – ser varje statusändring som några tillagda rader i diffen.
{review} `planctl history --since 2026-05 --format markdown` ger en sammanfattning att klistra in.

## Skriva ut rapporten

```sh
planctl report                    # i terminalen
planctl report -o rapport.html    # en fil att skriva ut eller bifoga, A4
planctl report -o rapport.xlsx    # Excel
```

## Kom igång

`pre-commit install` kontrollerar planfilerna före varje commit. En befintlig plan i Word,
Excel eller CSV läses in med `planctl import bilaga.docx`. `planctl --help` visar alla kommandon.
"""


def repository_files(
    *,
    title: str,
    organisation: str,
    plan_id: str,
    plan_text: str,
    ci: str,
    version: str,
    source: str | None,
    catalogue: str,
    schemas: dict[str, str],
) -> tuple[RepoFile, ...]:
    """Every file ``planctl init`` creates, in the order they are written.

    ``version`` and ``source`` (a ``git+URL@COMMIT`` the package was installed from, or ``None``)
    pin planctl in the CI workflow and the pre-commit hook.
    """
    if ci not in CI_HOSTS:
        raise UsageError(f"--ci ska vara github, gitlab eller none, inte '{ci}'")
    plan_file = f"data/{plan_id}.yaml"
    found = [
        RepoFile(PurePosixPath("data/measures.yaml"), catalogue),
        RepoFile(PurePosixPath(plan_file), plan_text),
        *(RepoFile(PurePosixPath("schema") / name, text) for name, text in schemas.items()),
    ]
    if ci == "github":
        found.append(
            RepoFile(
                PurePosixPath(".github/workflows/validera-planer.yml"),
                _github_workflow(version, source),
            )
        )
    elif ci == "gitlab":
        found.append(RepoFile(PurePosixPath(".gitlab-ci.yml"), _gitlab_ci(version, source)))
    found += [
        RepoFile(PurePosixPath(".pre-commit-config.yaml"), _pre_commit(version, source)),
        RepoFile(PurePosixPath(".gitignore"), _gitignore()),
        RepoFile(
            PurePosixPath("README.md"),
            _readme(
                title=title,
                organisation=organisation,
                plan_file=plan_file,
                version=version,
                ci=ci,
            ),
        ),
    ]
    return tuple(found)


# --- writing ------------------------------------------------------------------------------------


def existing(folder: Path, files: Sequence[RepoFile]) -> list[str]:
    """The files of ``files`` that already exist in ``folder`` (init refuses to touch them)."""
    return [
        str(f.path) for f in files if (folder / f.path).exists() or (folder / f.path).is_symlink()
    ]


def in_git_repository(folder: Path) -> bool:
    """Whether ``folder`` lies inside a git work tree."""
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--is-inside-work-tree"],
            cwd=folder,
            capture_output=True,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except FileNotFoundError:
        raise InputError("programmet git hittades inte; installera git och försök igen") from None
    return done.returncode == 0 and done.stdout.strip() == b"true"


def create_repository(folder: Path, files: Sequence[RepoFile], *, shown: str) -> bool:
    """Write ``files`` into ``folder``, never over an existing file; ``git init`` if needed.

    Returns whether ``git init`` ran. Raises :class:`UsageError` (exit 2, nothing written) when
    any of the files exists, :class:`InputError` (exit 2) when git is missing, and
    :func:`~planctl.errors.write_failure`'s error when a folder cannot be created.
    """
    from planctl.writing.files import create_file

    taken = existing(folder, files)
    if taken:
        raise UsageError(
            f"{shown}: finns redan: {', '.join(taken)}; planctl init skriver aldrig över en fil "
            "– välj en tom katalog"
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_failure(f"{shown}: katalogen kan inte skapas", exc) from None
    initialised = False
    if not in_git_repository(folder):
        done = subprocess.run(
            ["git", "init", "--quiet"],
            cwd=folder,
            capture_output=True,
            check=False,
            stdin=subprocess.DEVNULL,
        )
        if done.returncode != 0:
            raise InputError(
                f"{shown}: git init misslyckades: {done.stderr.decode(errors='replace').strip()}"
            )
        initialised = True
    for item in files:
        target = folder / item.path
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # e.g. a link or a file where a folder goes
            where = target.parent.relative_to(folder).as_posix()
            raise write_failure(f"{shown}: katalogen {where} kan inte skapas", exc) from None
        create_file(target, item.text, base=folder)
    return initialised


@dataclass(frozen=True)
class InitResult:
    """What ``planctl init`` created, for the message to the user."""

    files: tuple[RepoFile, ...]
    plan_file: str
    git_initialised: bool
    imported: ImportResult | None


def init_repository(
    folder: Path,
    *,
    organisation: str,
    title: str | None,
    plan_id: str | None,
    ci: str,
    today: dt.date,
    shown: str,
    source: Path | None = None,
    area_from: str = "auto",
    follow_up: FollowUp | None = None,
    base: Path | None = None,
) -> InitResult:
    """Create a plan repository in ``folder`` (see the module docstring).

    With ``source`` the plan is imported from that Word, Excel or CSV file, otherwise it is
    empty. Everything is checked with validate's rules before the first file is written.
    Raises :class:`UsageError` (exit 2) when a file exists, :class:`DataError` (exit 1) when the
    plan would not validate, :class:`InputError` (exit 2) for an unreadable source.
    """
    from planctl import shipped
    from planctl.documents import display_path
    from planctl.importing import import_file
    from planctl.importing.values import PlanHead
    from planctl.newplan import plan_slug
    from planctl.store import load_files

    organisation = " ".join(organisation.split())
    if not organisation:
        raise UsageError("--organisation får inte vara tom")
    slug = plan_id.strip() if plan_id else plan_slug(organisation)
    if not slug or plan_slug(slug) != slug:
        raise UsageError(
            f"kan inte bilda ett id av '{plan_id or organisation}'; ange --id med gemener, "
            "siffror och bindestreck (t.ex. --id exempelkommun-2027)"
        )
    title = " ".join((title or "").split()) or f"Handlingsplan för {organisation}"
    imported = None
    if source is None:
        plan_text = empty_plan_text(
            plan_id=slug, title=title, organisation=organisation, catalogue_id=None, today=today
        )
    else:
        imported = import_file(
            source,
            head=PlanHead(slug, title, organisation),
            today=today,
            shown=display_path(source, base),
            area_from=area_from,
            follow_up=follow_up,
        )
        plan_text = imported.text
    files = repository_files(
        title=title,
        organisation=organisation,
        plan_id=slug,
        plan_text=plan_text,
        ci=ci,
        version=shipped.installed_version(),
        source=shipped.installed_source(),
        catalogue=shipped.catalogue_bytes().decode("utf-8"),
        schemas={name: data.decode("utf-8") for name, data in shipped.schema_bytes().items()},
    )
    data_files = {folder / f.path: f.text for f in files if f.path.parts[0] == "data"}
    checked = load_files(list(data_files), today=today, base=base, overrides=data_files)
    if checked.errors:
        raise DataError(
            f"{shown}: planen skulle få {len(checked.errors)} fel; inget skrevs",
            problems=checked.errors,
        )
    initialised = create_repository(folder, files, shown=shown)
    return InitResult(
        files=files,
        plan_file=f"data/{slug}.yaml",
        git_initialised=initialised,
        imported=imported,
    )
