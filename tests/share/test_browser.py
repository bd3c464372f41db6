"""The report in a real browser: Debian's Chromium, headless, renders it, photographs it and prints it.

These tests never skip: without Chromium they fail (CI installs it, see `.ci/run`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from report_support import SECTION_HEADINGS, dump_dom, on_today, page_text, pdf_pages, run, screenshot
from review_support import example_plan

from sheetplan.share.browser import find_chromium

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def chromium() -> str:
    return find_chromium()


@pytest.mark.parametrize("lang", ["en", "bg"])
def test_chromium_shows_every_section_and_both_charts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chromium: str, lang: str
) -> None:
    on_today(monkeypatch)
    assert run("report", example_plan(tmp_path, lang)).exit_code == 0  # type: ignore[arg-type]
    page = tmp_path / "plan.review-2026-04.html"
    rendered = dump_dom(page)
    text, headings, charts = page_text(rendered)
    assert headings == SECTION_HEADINGS[lang]
    assert charts == 2
    assert rendered.count("<svg") == 2
    sees = {
        "en": ["on track 4", "Overdue 2", "Assumptions: are they still true?",
               "Against forecast, 2026-04 (better →)", "Against forecast, year to date (better →)",
               "Each person's tasks", "Whole plan"],
        "bg": ["в график", "Просрочени", "Допусканията: още ли са верни?",
               "Спрямо прогнозата, 2026-04 (по-добре →)", "Спрямо прогнозата, натрупано (по-добре →)",
               "Задачите на всеки", "Целият план"],
    }  # fmt: skip
    for words in sees[lang]:
        assert words in text, words

    png = tmp_path / "report.png"
    screenshot(page, png)
    with Image.open(png) as image:
        assert image.size == (1000, 1400)
        # The page is white with dark text, coloured status cells and blue headings: not one colour.
        assert len(image.convert("RGB").getcolors(maxcolors=1 << 20) or []) > 50


def test_pdf_is_a4_pages_printed_by_chromium(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chromium: str
) -> None:
    on_today(monkeypatch)
    pdf = tmp_path / "review.pdf"
    result = run("report", example_plan(tmp_path), "--pdf", pdf)
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith(
        f"and {pdf} ({pdf.stat().st_size / 1024:,.0f} KB, A4): the review of 2026-04.\n"
    )
    pages, size = pdf_pages(pdf)
    assert pages >= 3
    assert size == "594.96 x 841.92 pts (A4)"
