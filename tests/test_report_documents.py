"""The committee's documents: the Word and PDF reports, checked at the level that is stable.

Word: the document's text in order, table cells, styles, page size and orientation, header and
footer fields (a golden dump). PDF: every row id in ``pdftotext``, every font embedded
(``pdffonts``), a page count in range. Both are rendered to PNG with ``pdftoppm`` (the Word file
through LibreOffice) so a person can look at them.

The poppler and LibreOffice tests are skipped when the tools are missing, unless
PLANCTL_REQUIRE_OFFICE=1 (as in CI), where a missing tool fails them instead.
"""

from __future__ import annotations

import builtins
import datetime as dt
import io
import os
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn

from planctl.errors import MissingSoftwareError
from planctl.models import Plan
from planctl.query import RowFilter
from planctl.render.appendix import DocumentOptions
from planctl.render.report_docx import render_docx
from planctl.render.report_html import css_string, render_html
from planctl.render.report_pdf import render_pdf
from planctl.report import Moment, Report, build_report
from planctl.store import load_data_dir
from tests.conftest import TODAY

Golden = Callable[[str, str], None]
OPTIONS = DocumentOptions(appendix="Bilaga 2", case_number="KS 2018/123")


def tool(name: str) -> str:
    """The path of a command-line tool, or a skip (a failure when PLANCTL_REQUIRE_OFFICE=1)."""
    found = shutil.which(name)
    if found is None:
        if os.environ.get("PLANCTL_REQUIRE_OFFICE") == "1":
            pytest.fail(f"{name} saknas men PLANCTL_REQUIRE_OFFICE=1 kräver dokumenttesterna")
        pytest.skip(f"{name} is not installed (apt-get install poppler-utils libreoffice-writer)")
    return found


@pytest.fixture
def plan(history_dir: Path) -> Plan:
    """The Borås plan with the fixture history."""
    return load_data_dir(history_dir, today=TODAY).require_valid().plan().model


def make_report(plan: Plan, **wanted: Any) -> Report:
    return build_report(
        plan,
        wanted=RowFilter(**wanted),
        as_of=Moment(TODAY),
        produced=dt.datetime(2026, 11, 23, 9, 30),
    )


# --- Word ------------------------------------------------------------------------------------


def _fields(element: Any) -> str:
    """A paragraph's text with each field shown as ``{CODE}`` instead of its cached value."""
    out, in_field, showing = [], False, True
    for node in element.iter():
        if node.tag == qn("w:fldChar"):
            kind = node.get(qn("w:fldCharType"))
            in_field, showing = kind != "end", kind == "end"
        elif node.tag == qn("w:instrText") and in_field:
            out.append("{" + (node.text or "").strip() + "}")
        elif node.tag == qn("w:t") and showing:
            out.append(node.text or "")
        elif node.tag == qn("w:tab") and node.getparent().tag == qn("w:r"):
            out.append("⇥")
    return "".join(out)


def docx_dump(data: bytes) -> str:
    """A Word document as text: page set-up, header and footer (with fields), then the body in
    order: each paragraph with its style, each table with its style, repeated header and
    unsplittable rows, and its cells; pictures as ``[bild]``."""
    document = Document(io.BytesIO(data))
    section = document.sections[0]
    assert section.page_width is not None and section.page_height is not None
    lines = [
        f"page {section.page_width.cm:.1f}x{section.page_height.cm:.1f} cm "
        f"{section.orientation.name.lower()}",
        *(f"header: {_fields(p._p)}" for p in section.header.paragraphs),
        *(f"footer: {_fields(p._p)}" for p in section.footer.paragraphs),
    ]
    body = document.element.body
    tables = iter(document.tables)
    paragraphs = iter(document.paragraphs)
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = next(paragraphs)
            picture = child.findall(".//" + qn("w:drawing"))
            text = "[bild]" if picture else paragraph.text
            style = paragraph.style.name if paragraph.style is not None else ""
            if text:
                lines.append(f"[{style}] {text}")
        elif child.tag == qn("w:tbl"):
            table = next(tables)
            first = table.rows[0]._tr
            repeat = first.find(qn("w:trPr") + "/" + qn("w:tblHeader")) is not None
            whole = all(
                r._tr.find(qn("w:trPr") + "/" + qn("w:cantSplit")) is not None for r in table.rows
            )
            style = table.style.name if table.style is not None else ""
            lines.append(f"<table {style} header-repeats={repeat} rows-whole={whole}>")
            for row in table.rows:
                lines.append("  | " + " | ".join(c.text.replace("\n", "⏎") for c in row.cells))
    return "\n".join(lines) + "\n"


def test_docx_golden(plan: Plan, golden: Golden) -> None:
    """The Word report's page, header, footer fields, text, tables and styles match the dump."""
    golden("report.docx.txt", docx_dump(render_docx(make_report(plan), OPTIONS)))


def test_docx_is_deterministic(plan: Plan) -> None:
    """The same report gives the same Word bytes: no clock in the package or its properties."""
    report = make_report(plan)
    data = render_docx(report, OPTIONS)
    assert data == render_docx(report, OPTIONS)
    dates = {i.date_time for i in zipfile.ZipFile(io.BytesIO(data)).infolist()}
    assert dates == {(2026, 11, 23, 9, 30, 0)}


@pytest.mark.parametrize(
    ("orientation", "landscape"), [("auto", True), ("liggande", True), ("stående", False)]
)
def test_docx_orientation(plan: Plan, orientation: str, landscape: bool) -> None:
    """Auto turns the page for the wide appendix table; the user can ask for either."""
    data = render_docx(make_report(plan), DocumentOptions(orientation=orientation))
    section = Document(io.BytesIO(data)).sections[0]
    assert section.page_width is not None and section.page_height is not None
    wide = section.page_width > section.page_height
    assert wide is landscape
    assert round(min(section.page_width.cm, section.page_height.cm), 1) == 21.0  # A4


def test_docx_without_appendix_label(plan: Plan) -> None:
    """Without --bilaga and --diarienummer the header has the plan's title and nothing else."""
    document = Document(io.BytesIO(render_docx(make_report(plan))))
    header = [_fields(p._p) for p in document.sections[0].header.paragraphs]
    assert header == [plan.meta.title]


# --- PDF -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdf_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Borås report with the fixture history as PDF (rendered once: WeasyPrint is slow)."""
    from tests.conftest import DATA, HISTORY_PLAN

    data = tmp_path_factory.mktemp("pdf") / "data"
    shutil.copytree(DATA, data)
    shutil.copyfile(HISTORY_PLAN, data / "boras_plan.yaml")
    plan = load_data_dir(data, today=TODAY).require_valid().plan().model
    out = data.parent / "rapport.pdf"
    out.write_bytes(render_pdf(make_report(plan), OPTIONS))
    return out


def run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=120).stdout


def test_pdf_has_every_row_and_the_print_header(pdf_file: Path, plan: Plan) -> None:
    """pdftotext finds every row id, the appendix label and "Sida 1 av N" on the first page."""
    text = run(tool("pdftotext"), "-layout", str(pdf_file), "-")
    for row in plan.rows:
        assert row.id in text, row.id
    pages = text.split("\f")
    first = pages[0]
    assert "Bilaga 2 · Dnr KS 2018/123" in first
    assert plan.meta.title[:40] in first
    count = len([p for p in pages if p.strip()])
    assert f"Sida 1 av {count}" in first
    assert "Teckenförklaring" in text and "Försenad:" in text


def test_pdf_embeds_its_fonts_and_has_a_sensible_length(pdf_file: Path) -> None:
    """Every font is embedded (the file reads the same anywhere); 27 rows take 5–12 A4 pages."""
    fonts = run(tool("pdffonts"), str(pdf_file)).splitlines()[2:]
    assert fonts, "no fonts"
    for line in fonts:
        assert line.split()[-5] == "yes", line  # the 'emb' column
    info = run(tool("pdfinfo"), str(pdf_file))
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert 5 <= pages <= 12
    assert "A4" in info


def test_pdf_pages_render_to_png(pdf_file: Path) -> None:
    """pdftoppm renders every page; the pictures are what a reviewer looks at."""
    prefix = pdf_file.parent / "sida"
    run(tool("pdftoppm"), "-r", "50", "-png", str(pdf_file), str(prefix))
    pictures = sorted(pdf_file.parent.glob("sida-*.png"))
    assert len(pictures) >= 5
    assert all(p.stat().st_size > 5000 for p in pictures)  # not blank pages


def test_docx_through_libreoffice_to_png(plan: Plan, tmp_path: Path) -> None:
    """LibreOffice opens the Word report, fills in its page fields and prints it to A4 pages."""
    soffice = tool("soffice")
    source = tmp_path / "rapport.docx"
    source.write_bytes(render_docx(make_report(plan), OPTIONS))
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    converted = tmp_path / "rapport.pdf"
    text = run(tool("pdftotext"), "-layout", str(converted), "-")
    pages = [p for p in text.split("\f") if p.strip()]
    assert 4 <= len(pages) <= 12
    assert f"Sida 1 av {len(pages)}" in pages[0]
    assert f"Sida {len(pages)} av {len(pages)}" in pages[-1]
    for row in plan.rows:
        assert row.id in text, row.id
    run(tool("pdftoppm"), "-r", "50", "-png", str(converted), str(tmp_path / "sida"))
    assert len(list(tmp_path.glob("sida-*.png"))) == len(pages)


# --- what can go wrong ----------------------------------------------------------------------


def test_missing_pango_is_one_swedish_message(plan: Plan, monkeypatch: pytest.MonkeyPatch) -> None:
    """When WeasyPrint cannot load Pango the error says what to install, not a traceback."""
    real_import = builtins.__import__

    def failing(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", failing)
    with pytest.raises(MissingSoftwareError, match=r"Pango.*apt-get install libpango"):
        render_pdf(make_report(plan))


def test_missing_package_names_the_extra(plan: Plan, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without python-docx the Word report says which extra to install."""
    monkeypatch.setitem(__import__("sys").modules, "docx", None)
    with pytest.raises(MissingSoftwareError, match=r"python-docx.*planctl\[dokument\]"):
        render_docx(make_report(plan))


def test_print_header_text_cannot_break_out_of_css(plan: Plan) -> None:
    """A title with quotes, backslashes or </style> stays inside its CSS string."""
    hostile = 'x"; } body { display: none } </style><script>alert(1)</script>\\'
    escaped = css_string(hostile)
    assert not set('"<>\\\n').intersection(escaped.replace("\\0000", ""))
    html = render_html(make_report(plan), DocumentOptions(appendix=hostile))
    assert "<script>alert(1)" not in html
    head = html.split("</head>")[0]
    assert head.count("</style>") == 1


def test_previous_round_column_is_wide_enough_for_its_heading(plan: Plan) -> None:
    """A round report's *Förra uppföljningen* column is wider than an X column in Word and PDF."""
    from planctl.moments import round_moment
    from planctl.render.appendix import appendix_headings, appendix_widths

    report = build_report(
        plan,
        wanted=RowFilter(),
        as_of=round_moment(plan, "2018-10"),
        produced=dt.datetime(2026, 11, 23, 9, 30),
    )
    headings = appendix_headings(report)
    widths = appendix_widths(report, 25.7)
    previous = next(i for i, h in enumerate(headings) if h.startswith("Förra uppföljningen"))
    mark = headings.index("Klart")
    assert widths[previous] > widths[mark]
    assert sum(widths) == pytest.approx(25.7)
    document = Document(io.BytesIO(render_docx(report)))
    assert any(c.text.startswith("Förra uppföljningen") for c in document.tables[1].rows[0].cells)
