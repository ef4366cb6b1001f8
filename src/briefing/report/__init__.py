"""The briefing: run the section notebooks (papermill), render one HTML (nbconvert + own template),
publish it atomically with its manifest."""

from briefing.report.run import (
    ReportResult,
    build_report,
    execute_sections,
    provenance,
    publish,
    recover,
    render_html,
)

__all__ = [
    "ReportResult",
    "build_report",
    "execute_sections",
    "provenance",
    "publish",
    "recover",
    "render_html",
]
