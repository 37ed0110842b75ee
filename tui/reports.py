"""What the status bar and the notices say of an index update."""

from __future__ import annotations

from pathlib import Path

from search import UpdateReport, printable_path

BUSY = "Another newsreader is indexing this corpus; showing what it has indexed so far."


def skipped_notice(report: UpdateReport) -> str | None:
    """The files an update skipped, the first three by name and why."""
    if not report.skipped:
        return None
    reasons = "; ".join(
        f"{Path(printable_path(s.path)).name}: {s.reason}" for s in report.skipped[:3]
    )
    more = f" and {len(report.skipped) - 3} more" if len(report.skipped) > 3 else ""
    return (
        f"{len(report.skipped)} file(s) skipped — {reasons}{more}. "
        "Ctrl+P › Skipped files lists them."
    )


def indexed_status(count: int, report: UpdateReport) -> str:
    changes = (
        f" (+{report.added} new, {report.updated} changed, {report.removed} removed)"
        if report.added or report.updated or report.removed
        else ""
    )
    if report.analysed:
        changes += f" · {report.analysed} analysed"
    skipped = f" · {len(report.skipped)} skipped" if report.skipped else ""
    return f"{count} articles indexed{changes}{skipped}"
