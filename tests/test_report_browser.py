"""The HTML report in a real headless Chromium: it renders, logs nothing and never runs YAML text.

Skipped when Chromium is missing, unless PLANCTL_REQUIRE_BROWSER=1 (as in CI), where a missing
browser fails the test instead.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from tests.conftest import Invoke

TITLE = "<title>Uppföljningsrapport – Borås Stad – läget 2026-11-23</title>"
CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n')


@pytest.fixture(scope="module")
def chromium() -> str:
    """The path of Chromium, or a skip (a failure when PLANCTL_REQUIRE_BROWSER=1)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("PLANCTL_REQUIRE_BROWSER") == "1":
            pytest.fail("chromium saknas men PLANCTL_REQUIRE_BROWSER=1 kräver webbläsartesterna")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return found


def browse(chromium: str, page: Path, *action: str) -> subprocess.CompletedProcess[str]:
    """Open ``page`` in headless Chromium with no network and a private profile."""
    profile = page.parent / f"profile-{page.stem}-{action[0].lstrip('-').split('=')[0]}"
    return subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--enable-logging=stderr",
            "--v=0",
            f"--user-data-dir={profile}",
            *action,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def console_lines(stderr: str) -> list[str]:
    """What the page wrote to the console (Chromium logs it as INFO:CONSOLE)."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


@pytest.fixture
def report_page(history_dir: Path, invoke: Invoke) -> Path:
    """The HTML report of the Borås plan with the fixture history, written to a file."""
    page = history_dir.parent / "rapport.html"
    result = invoke("report", "--output", str(page), env={"PLANCTL_NOW": "2026-11-23T09:30"})
    assert result.exit_code == 0, result.stderr
    return page


def test_report_renders_on_a4_without_console_output(chromium: str, report_page: Path) -> None:
    """The report renders to an A4-sized screenshot and the page logs nothing to the console."""
    shot = report_page.parent / "rapport.png"
    result = browse(chromium, report_page, f"--screenshot={shot}", "--window-size=1240,1754")
    assert shot.exists(), result.stderr
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1240, 1754)
    assert console_lines(result.stderr) == []


def test_escaped_script_never_runs(chromium: str, report_page: Path) -> None:
    """The DOM shows the note's <script> as text; no script element exists and the title holds."""
    result = browse(chromium, report_page, "--dump-dom")
    dom = result.stdout
    assert TITLE in dom, result.stderr
    assert "<script" not in dom
    assert html.escape("<script>document.title = 'XSS'</script>", quote=False) in dom
    assert console_lines(result.stderr) == []


def test_escaping_holds_without_the_csp(chromium: str, report_page: Path) -> None:
    """With the Content-Security-Policy removed, escaping alone still keeps the script inert."""
    bare = report_page.with_name("utan-csp.html")
    text, removed = CSP_META.subn("", report_page.read_text(encoding="utf-8"))
    assert removed == 1
    bare.write_text(text, encoding="utf-8")
    result = browse(chromium, bare, "--dump-dom")
    assert TITLE in result.stdout, result.stderr
    assert "XSS</title>" not in result.stdout
    assert console_lines(result.stderr) == []


def test_console_check_sees_errors(chromium: str, tmp_path: Path) -> None:
    """The console check is real: a page that logs an error and sets its title is caught."""
    page = tmp_path / "dålig.html"
    page.write_text(
        "<!DOCTYPE html><title>T</title><script>console.error('fel');"
        "document.title = 'XSS'</script>",
        encoding="utf-8",
    )
    result = browse(chromium, page, "--dump-dom")
    assert "<title>XSS</title>" in result.stdout
    assert any('"fel"' in line for line in console_lines(result.stderr))
