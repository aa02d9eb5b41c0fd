"""``report -o rapport.docx|pdf`` with its options, and ``planctl chart``, through the CLI."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document

from tests.conftest import Invoke

NOW = {"PLANCTL_NOW": "2026-11-23T09:30"}


def test_report_docx_with_appendix_label(history_dir: Path, invoke: Invoke) -> None:
    """-o rapport.docx writes Word with --bilaga and --diarienummer in every page's header."""
    out = history_dir.parent / "rapport.docx"
    result = invoke(
        "report", "-o", str(out), "--bilaga", "Bilaga 3", "--diarienummer", "KS 2018/123", env=NOW
    )
    assert result.exit_code == 0, result.stderr
    assert "skrev rapport.docx (docx)" in result.stderr
    header = Document(str(out)).sections[0].header
    text = "\n".join(p.text for p in header.paragraphs)
    assert "Bilaga 3" in text and "Dnr KS 2018/123" in text


def test_report_pdf_by_suffix(history_dir: Path, invoke: Invoke) -> None:
    """-o rapport.pdf chooses the PDF format by the file's suffix."""
    out = history_dir.parent / "rapport.pdf"
    result = invoke("report", "-o", str(out), "--area", "lonebildning", env=NOW)
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")


def test_report_docx_to_a_pipe(history_dir: Path, invoke: Invoke) -> None:
    """--format docx without -o writes the document to standard output when it is not a terminal."""
    result = invoke("report", "--format", "docx", "--orientation", "staende", env=NOW)
    assert result.exit_code == 0, result.stderr
    section = Document(io.BytesIO(result.stdout_bytes)).sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert section.page_width < section.page_height  # stående, typed without å


def test_unknown_orientation_is_a_usage_error(invoke: Invoke, tmp_path: Path) -> None:
    """A wrong --orientation names the accepted ones and exits 2."""
    result = invoke("report", "-o", str(tmp_path / "r.docx"), "--orientation", "sned")
    assert result.exit_code == 2
    assert "auto, stående, liggande" in result.stderr
    assert not (tmp_path / "r.docx").exists()


def test_chart_svg_and_png(history_dir: Path, invoke: Invoke) -> None:
    """chart -o writes SVG or PNG by the suffix, for the whole plan or one area."""
    svg = history_dir.parent / "framsteg.svg"
    result = invoke("chart", "-o", str(svg))
    assert result.exit_code == 0, result.stderr
    text = svg.read_text(encoding="utf-8")
    assert text.startswith("<svg") and "Hela planen" in text
    png = history_dir.parent / "framsteg.png"
    result = invoke("chart", "-o", str(png), "--area", "lonebildning")
    assert result.exit_code == 0, result.stderr
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_chart_refuses_other_suffixes(invoke: Invoke, tmp_path: Path) -> None:
    """A suffix that is neither .svg nor .png is a usage error that names both."""
    result = invoke("chart", "-o", str(tmp_path / "framsteg.gif"))
    assert result.exit_code == 2
    assert "använd en av ändelserna .svg, .png" in result.stderr


def test_chart_before_the_first_round(invoke: Invoke, tmp_path: Path) -> None:
    """Before any round has been held there is nothing to draw, and planctl says so."""
    result = invoke("chart", "-o", str(tmp_path / "f.svg"), env={"PLANCTL_TODAY": "2017-12-01"})
    assert result.exit_code == 2
    assert "ingen uppföljning" in result.stderr
