"""The layering the code relies on: no import cycles, small modules, a core without CLI or Rich."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "planctl"
OUTER = ("cli", "render", "__main__")  # the only places that may know Typer, Rich or formats
MODULES = sorted(SRC.rglob("*.py"))
CORE = [p for p in MODULES if p.relative_to(SRC).parts[0].removesuffix(".py") not in OUTER]
MAX_LINES = 500


def module_name(path: Path) -> str:
    parts = ("planctl", *path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


KNOWN = {module_name(p) for p in MODULES}


def imported(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top, in a function or under TYPE_CHECKING."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            # "from planctl.render import report_text" imports a module, not a name
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                names.add(submodule if submodule in KNOWN else node.module)
    return names


def import_graph() -> dict[str, set[str]]:
    """planctl's own modules and the planctl modules each one imports."""
    return {module_name(p): {n for n in imported(p) if n in KNOWN} for p in MODULES}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a list of modules (first == last), or None without any."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        path.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state:
            found = visit(module)
            if found:
                return found
    return None


def test_source_has_no_import_cycle() -> None:
    """No chain of imports in src/ leads back to where it started, function-level ones included."""
    assert find_cycle(import_graph()) is None, " → ".join(find_cycle(import_graph()) or [])


def test_cycle_finder_sees_a_function_level_cycle(tmp_path: Path) -> None:
    """The cycle test itself notices a loop closed only by an import inside a function."""
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    code = "def f() -> None:\n    from planctl.store import load_files\n"
    (tmp_path / "m.py").write_text(code, encoding="utf-8")
    assert "planctl.store" in imported(tmp_path / "m.py")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_module_stays_small(path: Path) -> None:
    """No module in src/ is over 500 lines: each does one job a newcomer can read in one go."""
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{module_name(path)} has {lines} lines"


@pytest.mark.parametrize("package", ["cli", "render"])
def test_package_module_defines_nothing(package: str) -> None:
    """cli/__init__.py and render/__init__.py hold no code of their own (at most re-exports)."""
    tree = ast.parse((SRC / package / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        is_docstring = isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
        is_reexport = isinstance(node, ast.ImportFrom | ast.Assign) and (
            isinstance(node, ast.ImportFrom)
            or [t.id for t in node.targets if isinstance(t, ast.Name)] == ["__all__"]
        )
        assert is_docstring or is_reexport, ast.dump(node)[:80]


@pytest.mark.parametrize("path", CORE, ids=lambda p: module_name(p))
def test_core_module_stays_independent(path: Path) -> None:
    """Core modules import neither Typer, Click, Rich, the output layer nor the CLI."""
    forbidden = ("typer", "click", "rich", "planctl.cli", "planctl.render")
    bad = {n for n in imported(path) if any(n == f or n.startswith(f + ".") for f in forbidden)}
    assert not bad, f"{path.name} imports {bad}"


def test_nothing_imports_cli() -> None:
    """No module but the entry point and the CLI package imports the CLI."""
    for path in MODULES:
        if module_name(path).startswith(("planctl.cli", "planctl.__main__")):
            continue
        assert not any(n.startswith("planctl.cli") for n in imported(path)), path.name


def test_every_command_is_documented_in_readme() -> None:
    """Every registered command has help text and a README section."""
    from planctl.cli import app

    readme = (SRC.parent.parent / "README.md").read_text(encoding="utf-8")
    for command in app.registered_commands:
        name = command.name or ""
        assert command.callback is not None and command.callback.__doc__, name
        assert f"planctl {name}" in readme, name


def test_readme_prose_has_no_repeated_passages() -> None:
    """No run of twelve words of the README's prose appears twice (a sign of a botched merge)."""
    prose: list[str] = []
    in_code = False
    readme = (SRC.parent.parent / "README.md").read_text(encoding="utf-8")
    for line in readme.splitlines():
        if line.lstrip().startswith("```"):
            in_code = not in_code
        elif not in_code and not line.lstrip().startswith(("|", "#")):
            prose.append(line.strip())
    words = " ".join(prose).split()
    first: dict[tuple[str, ...], int] = {}
    for at in range(len(words) - 12):
        passage = tuple(words[at : at + 12])
        assert at - first.setdefault(passage, at) < 12, " ".join(passage)


@pytest.mark.parametrize(
    ("args", "unused"),
    [
        (["list"], {"typer.rich_utils", "openpyxl", "planctl.writing", "planctl.render.report"}),
        (["report"], {"typer.rich_utils", "openpyxl", "planctl.writing"}),
        (["status", "set", "LB-3", "klart", "--dry-run"], {"typer.rich_utils", "openpyxl"}),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else "",
)
def test_command_imports_only_what_it_uses(args: list[str], unused: set[str]) -> None:
    """A data command loads neither Typer's help module, openpyxl nor the writer it does not use."""
    import os
    import subprocess
    import sys

    code = (
        "import sys\nfrom planctl.__main__ import main\ntry:\n    main()\n"
        "except SystemExit:\n    pass\nprint(' '.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    env = {
        **os.environ,
        "PLANCTL_DATA": str(SRC.parent.parent / "data"),
        "PLANCTL_TODAY": "2018-06-01",
    }
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=True
    )
    loaded = set(done.stderr.split())
    assert not {m for m in loaded for u in unused if m == u or m.startswith(u + ".")}


# A Markdown table's rule line (|---|, | --- |, |--:|) or cell join written outside the builder.
_MARKDOWN_TABLE_BY_HAND = re.compile(r"""["']\|\s?[-:]{3}|["'] \| ["']\.join""")


def test_one_markdown_table_builder() -> None:
    """Every Markdown table is made by render.markdown (escaping and layout in one place)."""
    builder = SRC / "render" / "markdown.py"
    by_hand = [
        f"{path.relative_to(SRC)}:{number}"
        for path in sorted(SRC.rglob("*.py"))
        if path != builder
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _MARKDOWN_TABLE_BY_HAND.search(line)
    ]
    assert by_hand == []
