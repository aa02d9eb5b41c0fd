"""The layering the code relies on: the core never imports the CLI, Typer or Rich."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "planctl"
OUTER = {"cli.py", "clitext.py", "render.py", "__main__.py"}
CORE = sorted(p for p in SRC.glob("*.py") if p.name not in OUTER)


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.name)
def test_core_module_stays_independent(path: Path) -> None:
    """Core modules import neither Typer, Click, Rich nor the CLI."""
    forbidden = {"typer", "click", "rich", "planctl.cli", "planctl.render", "planctl.clitext"}
    bad = {name for name in imported(path) if name.split(".")[0] in forbidden or name in forbidden}
    assert not bad, f"{path.name} imports {bad}"


def test_nothing_imports_cli() -> None:
    """No module but the entry point imports the CLI."""
    for path in SRC.glob("*.py"):
        if path.name not in {"cli.py", "__main__.py"}:
            assert "planctl.cli" not in imported(path), path.name


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
