"""Shell completion is switched on, completes commands and describes them in Swedish."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import Invoke

PLANCTL = Path(sys.executable).parent / "planctl"


def _complete(env: dict[str, str], cwd: Path) -> str:
    done = subprocess.run(
        [str(PLANCTL)],
        env={**os.environ, **env},
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_bash_completes_commands(tmp_path: Path) -> None:
    """Tab after 'planctl sta' in bash offers 'status'."""
    out = _complete(
        {"_PLANCTL_COMPLETE": "complete_bash", "COMP_WORDS": "planctl sta", "COMP_CWORD": "1"},
        tmp_path,
    )
    assert out.split() == ["status"]


def test_zsh_completion_describes_commands_in_swedish(tmp_path: Path) -> None:
    """zsh shows each command with its Swedish help text."""
    out = _complete(
        {"_PLANCTL_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "planctl im"}, tmp_path
    )
    assert '"import":"Läs in en befintlig plan' in out


def test_completion_options_have_swedish_help(invoke: Invoke) -> None:
    """--install-completion and --show-completion are listed in Swedish in planctl --help."""
    done = invoke("--help")
    text = " ".join(re.sub("[│╭╮╰╯─]", " ", done.stdout).split())  # the help panel, unwrapped
    assert "--install-completion" in text
    assert "Slå på komplettering med tabb" in text
    assert "Install completion" not in text
