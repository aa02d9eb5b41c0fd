"""The follow-up report as PDF: the HTML report laid out on A4 pages by WeasyPrint.

One layout for screen, print and PDF: WeasyPrint renders :func:`render_html`'s document with its
``@page`` header and footer (plan title, appendix label, "Sida X av Y") and embeds the fonts it
uses (DejaVu on a Debian machine: å/ä/ö, dashes and arrows). Nothing is fetched while rendering:
the report is self-contained and every URL is refused.

WeasyPrint needs the system library Pango; when it or WeasyPrint itself is missing the command
ends with one Swedish line saying what to install (exit 2).
"""

from __future__ import annotations

from typing import Any, NoReturn

from planctl.errors import MissingSoftwareError, missing_package
from planctl.render.appendix import DocumentOptions
from planctl.render.report_html import render_html
from planctl.report import Report

SYSTEM_LIBRARIES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"


def _refuse(url: str, *args: Any, **kwargs: Any) -> NoReturn:
    raise ValueError(f"planctl hämtar inget utifrån ({url})")


def render_pdf(report: Report, options: DocumentOptions | None = None) -> bytes:
    """The whole report as the bytes of a PDF file.

    Raises :class:`~planctl.errors.MissingSoftwareError` (exit 2) when WeasyPrint or the Pango
    library it needs is missing.
    """
    try:
        import weasyprint
    except ImportError as exc:
        raise missing_package("PDF-rapporten", "weasyprint") from exc
    except OSError as exc:  # WeasyPrint loads Pango when imported
        raise MissingSoftwareError(
            "PDF-rapporten kräver systembiblioteket Pango, som inte hittades; installera det "
            f"(Debian/Ubuntu: apt-get install {SYSTEM_LIBRARIES}; se README, PDF)"
        ) from exc
    document = weasyprint.HTML(string=render_html(report, options), url_fetcher=_refuse)
    data: bytes = document.write_pdf(uncompressed_pdf=False)
    return data
