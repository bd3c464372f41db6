"""The edges of `report`: the report's files written safely. What they hold is built by the pure
module `report`."""

from __future__ import annotations

from pathlib import Path

from sheetplan.files.safe_save import replace_safely
from sheetplan.plan.schema import Lang
from sheetplan.review.model import Review
from sheetplan.share.report import Page, check_target, report_html


def write_report(review: Review, lang: Lang, page: Page, out: Path, pdf: Path | None = None) -> str:
    """Write the report to `out`, and printed to `pdf` when given; say what was written. Both are
    made before either is written, so a failure leaves both files as they were."""
    html = report_html(review, lang, page)
    data = html.encode("utf-8")
    printed = None
    if pdf is not None:
        from sheetplan.share.browser import pdf_of

        printed = pdf_of(html)
    replace_safely(out, lambda stream: stream.write(data), backup=False)
    written = [f"{out} ({_size(len(data))})"]
    if pdf is not None and printed is not None:
        replace_safely(pdf, lambda stream: stream.write(printed), backup=False)
        written.append(f"{pdf} ({_size(len(printed))}, A4)")
    return f"Wrote {' and '.join(written)}: the review of {review.month}."


def check_pdf(pdf: Path) -> None:
    check_target(pdf, ".pdf", "the printed report")


def _size(count: int) -> str:
    return f"{count / 1024:,.0f} KB" if count >= 1024 else f"{count} bytes"
