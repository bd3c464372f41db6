"""`sheetplan report`: the page it writes holds the review sheet's sections, in the plan's language,
with the Review's own figures; it needs nothing from the network; and a failure changes no file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from gsheets_support import calls, create_plan
from plan_builder import TODAY as SAMPLE_TODAY
from plan_builder import PlanData, sample
from report_support import MONTH, SECTION_HEADINGS, on_today, page_text, run
from review_support import example_plan, sample_plan
from sheets_fake import SheetsFake
from template_support import TODAY

from sheetplan.api import read_plan, review_of
from sheetplan.plan.model import Month
from sheetplan.plan.schema import STATUS, Lang
from sheetplan.share import formats


def report(monkeypatch: pytest.MonkeyPatch, *arguments: object, today: date = TODAY) -> tuple[int, str, str]:
    on_today(monkeypatch, today)
    result = run("report", *arguments)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("lang", ["en", "bg"])
def test_the_report_has_every_section_of_the_review_sheet_in_the_plans_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: Lang
) -> None:
    plan = example_plan(tmp_path, lang)
    before = plan.read_bytes()
    code, out, err = report(monkeypatch, plan)
    page = tmp_path / "plan.review-2026-04.html"
    assert (code, err) == (0, "")
    assert plan.read_bytes() == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plan.review-2026-04.html", "plan.xlsx"]
    wrote, review = {"en": ("Wrote", "the review of"), "bg": ("Записани са", "прегледът за")}[lang]
    assert out.startswith(f"{wrote} {page} (") and out.endswith(f"KB): {review} 2026-04.\n")
    text, headings, charts = page_text(page.read_text(encoding="utf-8"))
    assert headings == SECTION_HEADINGS[lang]
    assert charts == 2
    for status in STATUS.values:
        assert STATUS.label(status, lang) in text


def test_each_metric_shows_the_reviews_own_figures(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = example_plan(tmp_path)
    report(monkeypatch, plan)
    html = (tmp_path / "plan.review-2026-04.html").read_text(encoding="utf-8")
    text, _, _ = page_text(html)
    review = review_of(read_plan(str(plan), TODAY), MONTH, TODAY)
    assert review.metrics
    for item in review.metrics:
        cells = [item.metric.id, item.metric.name, f"{item.metric.owner} · {item.metric.unit}"]
        for figures in (item.month, item.ytd):
            cells += [
                formats.number(figures.forecast, "en"),
                formats.number(figures.actual, "en"),
                formats.signed(figures.variance, "en"),
                formats.percent(figures.variance_pct, "en"),
                STATUS.label(figures.status, "en"),
            ]
        assert " ".join(cell for cell in cells if cell) in text
    for action in review.actions_overdue:
        assert f"{action.id} {action.name} {action.owner} {action.due}" in text
    assert f"Spent, EUR {formats.money(review.spending.spent, 'en')}" in text


def test_status_cells_have_the_review_sheets_colours(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report(monkeypatch, example_plan(tmp_path))
    html = (tmp_path / "plan.review-2026-04.html").read_text(encoding="utf-8")
    assert 'style="background:#FFC7CE;color:#9C0006">off track</td>' in html
    assert 'style="background:#C6EFCE;color:#006100">on track</td>' in html


def test_the_report_fetches_nothing_and_prints_on_a4(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report(monkeypatch, example_plan(tmp_path))
    html = (tmp_path / "plan.review-2026-04.html").read_text(encoding="utf-8")
    assert "<script" not in html
    assert "@import" not in html and "url(" not in html and "<img" not in html and "<link" not in html
    assert html.count("http") == html.count('xmlns="http://www.w3.org/2000/svg"') == 2
    assert "@page { size: A4;" in html


def test_the_same_review_gives_the_same_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = example_plan(tmp_path)
    report(monkeypatch, plan, "--out", tmp_path / "first.html")
    report(monkeypatch, plan, "--out", tmp_path / "second.html")
    assert (tmp_path / "first.html").read_bytes() == (tmp_path / "second.html").read_bytes()


def test_text_typed_into_the_plan_stays_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = sample()
    data.rows["actions"][2]["action"] = '<img src=x onerror="alert(1)"> & more'
    plan = sample_plan(tmp_path / "plan.xlsx", data)
    code, _, err = report(monkeypatch, plan, today=SAMPLE_TODAY)
    assert (code, err) == (0, "")
    html = (tmp_path / "plan.review-2025-03.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt; &amp; more" in html
    assert "<img" not in html


@pytest.mark.parametrize(
    ("out", "message"),
    [
        ("review.pdf", "{out}: a report is an .html file; give a name ending in .html"),
        ("missing/review.html", "{out}: the folder {folder} does not exist"),
    ],
)
def test_out_must_be_an_html_file_in_a_folder_that_exists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, out: str, message: str
) -> None:
    plan = example_plan(tmp_path)
    before = sorted(tmp_path.iterdir())
    target = tmp_path / out
    code, _, err = report(monkeypatch, plan, "--out", target)
    assert (code, err) == (2, f"Error: {message.format(out=target, folder=target.parent)}\n")
    assert sorted(tmp_path.iterdir()) == before


def test_a_pdf_that_cannot_be_printed_leaves_every_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = example_plan(tmp_path)
    page = tmp_path / "plan.review-2026-04.html"
    page.write_text("the report of last time", encoding="utf-8")
    monkeypatch.setenv("SHEETPLAN_CHROMIUM", str(tmp_path / "no-such-browser"))
    code, _, err = report(monkeypatch, plan, "--pdf", tmp_path / "review.pdf")
    assert (code, err) == (2, f"Error: SHEETPLAN_CHROMIUM={tmp_path / 'no-such-browser'}: no such program\n")
    assert page.read_text(encoding="utf-8") == "the report of last time"
    assert not (tmp_path / "review.pdf").exists()


def test_without_chromium_pdf_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = example_plan(tmp_path)
    monkeypatch.delenv("SHEETPLAN_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    code, _, err = report(monkeypatch, plan, "--pdf", tmp_path / "review.pdf")
    assert (code, err) == (
        2,
        "Error: --pdf needs Chromium and none was found (chromium, chromium-browser, google-chrome): "
        "install it (Debian and Ubuntu: apt-get install chromium), or set SHEETPLAN_CHROMIUM to its path\n",
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plan.xlsx"]


def test_a_google_sheets_report_is_named_after_its_plan_in_this_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sheets_api: SheetsFake
) -> None:
    key = create_plan(sheets_api, sample())
    monkeypatch.chdir(tmp_path)
    code, out, err = report(monkeypatch, f"gsheet:{key}", today=SAMPLE_TODAY)
    assert (code, err) == (0, "")
    assert out.startswith("Wrote acme-social-media-plan.review-2025-03.html (")
    assert calls(sheets_api) == ["GET metadata", "GET /values:batchGet"]
    _, headings, _ = page_text((tmp_path / "acme-social-media-plan.review-2025-03.html").read_text("utf-8"))
    assert headings[0] == "Monthly review: March 2025"


def test_a_plan_with_errors_is_reported_only_with_force(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data: PlanData = sample()
    data.rows["actions"][0]["owner"] = "Maria, Ivan"
    plan = sample_plan(tmp_path / "plan.xlsx", data)
    code, _, err = report(monkeypatch, plan, today=SAMPLE_TODAY)
    assert code == 1
    assert err.endswith(f"{plan}: not reviewed while the plan has errors; fix them, or use --force.\n")
    assert not (tmp_path / "plan.review-2025-03.html").exists()
    code, _, _ = report(monkeypatch, plan, "--force", today=SAMPLE_TODAY)
    assert code == 0 and (tmp_path / "plan.review-2025-03.html").exists()


@pytest.mark.parametrize(
    ("value", "lang", "number", "signed", "money", "percent", "share"),
    [
        (1234.5, "en", "1,234.50", "+1,234.50", "1,234.50", "+123,450.0%", "123,450%"),
        # Babel's Bulgarian groups thousands with a no-break space, so a figure never wraps in two.
        (1234.5, "bg", "1\xa0234,50", "+1\xa0234,50", "1\xa0234,50", "+123\xa0450,0%", "123\xa0450%"),
        (-190.0, "en", "-190", "-190", "-190.00", "-19,000.0%", "-19,000%"),
        (0.0, "en", "0", "0", "0.00", "0.0%", "0%"),
        (-0.1583, "bg", "-0,16", "-0,16", "-0,16", "-15,8%", "-16%"),
        (None, "en", "", "", "", "", ""),
    ],
)
def test_numbers_are_written_as_people_of_the_plans_language_write_them(
    value: float | None, lang: Lang, number: str, signed: str, money: str, percent: str, share: str
) -> None:
    assert (
        formats.number(value, lang),
        formats.signed(value, lang),
        formats.money(value, lang),
        formats.percent(value, lang),
        formats.share(value, lang),
    ) == (number, signed, money, percent, share)


def test_the_charts_show_the_first_twenty_metrics_as_the_sheet_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = sample()
    months = data.months
    for number in range(4, 26):
        data.rows["metrics"].append(
            {"metric_id": f"M{number}", "metric": f"Metric number {number}", "goal_id": "G1",
             "owner": "Maria", "unit": "posts", "direction": "up", "aggregation": "sum"}
        )  # fmt: skip
        data.rows["forecasts"].append({"metric_id": f"M{number}", **dict.fromkeys(months, 10)})
        data.rows["actuals"].append({"metric_id": f"M{number}", **dict.fromkeys(months[:3], number)})
    plan = sample_plan(tmp_path / "plan.xlsx", data)
    code, _, err = report(monkeypatch, plan, today=SAMPLE_TODAY)
    assert (code, err) == (0, "")
    html = (tmp_path / "plan.review-2025-03.html").read_text(encoding="utf-8")
    text, _, charts = page_text(html)
    assert charts == 2
    assert "The charts show the first 20 metrics." in text
    month_chart = html[html.index('id="chart-sheetplan-month"') :].split("</svg>")[0]
    assert "M20 Metric number 20" in month_chart and "M21 " not in month_chart
    assert "M25 Metric number 25" in text


def test_the_report_says_what_changed_and_shows_each_metrics_trend_as_the_sheet_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sheetplan.layout.changes import change_lines

    plan = example_plan(tmp_path)
    report(monkeypatch, plan)
    text, _, _ = page_text((tmp_path / "plan.review-2026-04.html").read_text(encoding="utf-8"))
    review = review_of(read_plan(str(plan), TODAY), MONTH, TODAY)
    title, lines = change_lines(review, "en")
    assert title == "What changed since March 2026"
    for label, detail in lines:
        assert f"{label} {detail}" in text
    first = review.metrics[0]
    forecasts = " ".join(formats.number(point.forecast, "en") for point in first.trend)
    actuals = " ".join(formats.number(point.actual, "en") for point in first.trend)
    assert f"{first.metric.id} {first.metric.name} Forecast {forecasts} Actual {actuals}" in text


def test_the_charts_show_achievement_better_than_plan_to_the_right_each_bar_in_its_status_colour(
    tmp_path: Path,
) -> None:
    import re

    from sheetplan.share.bars import BAR_COLOURS
    from sheetplan.share.charts import month_chart

    review = review_of(read_plan(str(example_plan(tmp_path)), TODAY), MONTH, TODAY)
    svg = month_chart(review, "en")
    bottom_up = list(reversed(review.metrics[:20]))
    # M7 (cost per lead, lower is better) came in 35 % over plan: its bar points left, at 35 %.
    assert re.findall(r'<desc class="value">([^<]*)</desc>', svg) == [
        "0.0%", "-26.7%", "+20.7%", "-35.0%", "-45.5%", "-29.2%", "-21.2%", "+6.0%", "-14.7%", "+3.0%"
    ]  # fmt: skip
    fills = re.findall(r'style="fill: ?#([0-9A-Fa-f]{6})', svg)
    assert fills[: len(bottom_up)] == [BAR_COLOURS[item.month.status] for item in bottom_up]


def test_a_plan_with_posts_gets_its_content_and_cadence_in_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import glob

    from sheetplan.api import write_plan
    from sheetplan.layout import labels

    today = date(2026, 12, 1)
    on_today(monkeypatch, today)
    monkeypatch.chdir(tmp_path)
    write_plan(tmp_path / "plan.xlsx", example=True, exports=tmp_path / "exports", today=today)
    assert run("import", "plan.xlsx", *sorted(glob.glob("exports/*"))).exit_code == 0
    assert run("report", "plan.xlsx").exit_code == 0
    text, headings, _ = page_text((tmp_path / "plan.review-2026-11.html").read_text(encoding="utf-8"))
    assert labels.SECTION_CONTENT("en") in headings
    review = review_of(read_plan("plan.xlsx", today), Month(2026, 11), today)
    assert review.content is not None and review.content.top
    best = review.content.top[0]
    assert f"{best.post.channel} {best.post.type}" in text and best.post.text in text
    assert labels.POSTS_PER_WEEK("en") in text
