"""Each metric's number per calendar month, from real export files, exactly as the Sources rows say."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import export_files as ef
import pytest
from import_support import TODAY, exports, metric, plan

from sheetplan.imports.monthly import monthly_values
from sheetplan.plan.errors import SourceError
from sheetplan.plan.model import Month, Source

SEP, OCT, NOV = Month(2026, 9), Month(2026, 10), Month(2026, 11)
GA4_HEADER = ["Date", "Session source", "Sessions", "Engaged sessions"]


def days(month: Month, first: int = 1, last: int | None = None) -> list[date]:
    end = last or month.last_day.day
    return [date(month.year, month.month, day) for day in range(first, end + 1)]


def ga4_file(path: Path, start: date, end: date) -> Path:
    """Two sources a day: facebook with 10 sessions (6 engaged), google with 100 (50 engaged)."""
    span = [start + timedelta(days=offset) for offset in range((end - start).days + 1)]
    rows = [
        {"Date": day, "Session source": source, "Sessions": sessions, "Engaged sessions": engaged}
        for day in span
        for source, sessions, engaged in (("facebook", 10, 6), ("google", 100, 50))
    ]
    return ef.ga4(path, [(GA4_HEADER, rows)], start, end)


def values(result: dict) -> dict[tuple[str, str], tuple[float, bool]]:
    return {(key[0], str(key[1])): (found.value, found.complete) for key, found in result.items()}


def test_a_filtered_column_is_summed_per_calendar_month_and_a_stated_range_ending_inside_one_is_partial(
    tmp_path: Path,
) -> None:
    ga4 = ga4_file(tmp_path / "ga4.csv", date(2026, 9, 1), date(2026, 10, 15))
    sources = [Source("M1", "GA4", "Sessions", "Session source = Facebook", row=2)]
    result = monthly_values(plan(sources), exports(ga4), TODAY)
    assert values(result) == {("M1", "2026-09"): (300, True), ("M1", "2026-10"): (150, False)}
    assert [export.name for export in result["M1", SEP].exports] == ["ga4.csv"]


def test_a_ratio_is_the_ratio_of_the_months_sums_and_comes_in_points_when_the_forecasts_are_points(
    tmp_path: Path,
) -> None:
    ga4 = ga4_file(tmp_path / "ga4.csv", date(2026, 9, 1), date(2026, 9, 30))
    sources = [Source("M1", "GA4", "Engaged sessions / Sessions")]
    as_fraction = monthly_values(plan(sources), exports(ga4), TODAY)
    assert values(as_fraction) == {("M1", "2026-09"): (round(56 / 110, 6), True)}
    in_points = plan(sources, forecasts={"M1": {SEP: 55.0, OCT: 56.0, NOV: 57.0}})
    assert values(monthly_values(in_points, exports(ga4), TODAY)) == {("M1", "2026-09"): (50.909091, True)}


@pytest.mark.parametrize(
    ("how", "expected"),
    [("sum", 496), ("last", 31), ("average", 16), ("max", 31), (None, 496)],
)
def test_a_daily_series_is_summed_averaged_maxed_or_its_last_day_taken(
    tmp_path: Path, how: str | None, expected: float
) -> None:
    rows = [{"Date": day, "Replies": day.day} for day in days(OCT)]
    # The last day is written first: rows out of order still end on the month's last day.
    rows = rows[-1:] + rows[:-1]
    daily = ef.daily_csv(tmp_path / "daily.csv", ["Date", "Replies"], rows)
    result = monthly_values(plan([Source("M1", "Daily CSV", "Replies", how=how)]), exports(daily), TODAY)
    assert values(result) == {("M1", "2026-10"): (expected, True)}


def test_a_metric_fed_by_several_sources_adds_them_up_and_posts_count_by_publish_month(
    tmp_path: Path,
) -> None:
    meta = ef.meta_posts(
        tmp_path / "Sep-01-2026_Oct-31-2026_1.csv",
        [
            {"Post ID": "1_1", "Publish time": datetime(2026, 9, 3, 10, 0), "Reach": 100},
            {"Post ID": "1_2", "Publish time": datetime(2026, 9, 30, 23, 59), "Reach": 50},
            {"Post ID": "1_3", "Publish time": datetime(2026, 10, 1, 0, 1), "Reach": 7},
        ],
    )
    x = ef.x_posts(
        tmp_path / "x.csv",
        [
            {"Post id": "9", "Date": date(2026, 9, 1), "Impressions": 10},
            {"Post id": "8", "Date": date(2026, 9, 30), "Impressions": 20},
        ],
    )
    sources = [
        Source("M2", "Meta posts", "posts"),
        Source("M2", "X posts", "posts"),
        Source("M3", "meta posts", "Reach"),
    ]
    result = monthly_values(plan(sources), exports(meta, x), TODAY)
    assert values(result) == {
        ("M2", "2026-09"): (4, True),
        ("M2", "2026-10"): (1, True),
        ("M3", "2026-09"): (150, True),
        ("M3", "2026-10"): (7, True),
    }
    assert [export.name for export in result["M2", SEP].exports] == [meta.name, x.name]


def test_overlapping_exports_and_a_file_given_twice_count_each_day_once(tmp_path: Path) -> None:
    september = ga4_file(tmp_path / "september.csv", date(2026, 9, 1), date(2026, 9, 30))
    quarter = ga4_file(tmp_path / "quarter.csv", date(2026, 8, 1), date(2026, 10, 31))
    sources = [Source("M1", "GA4", "Sessions")]
    result = monthly_values(plan(sources), exports(september, quarter, september), TODAY)
    assert values(result) == {
        ("M1", "2026-08"): (31 * 110, True),
        ("M1", "2026-09"): (30 * 110, True),
        ("M1", "2026-10"): (31 * 110, True),
    }
    assert [export.name for export in result["M1", SEP].exports] == ["quarter.csv"]


def test_days_missing_at_either_end_or_a_month_not_over_make_a_month_partial(tmp_path: Path) -> None:
    rows = [{"Date": day, "Replies": 1} for day in [*days(SEP, 3), *days(OCT), *days(NOV, 1, 19)]]
    daily = ef.daily_csv(tmp_path / "daily.csv", ["Date", "Replies"], rows)
    result = monthly_values(plan([Source("M1", "Daily CSV", "Replies")]), exports(daily), TODAY)
    assert values(result) == {
        ("M1", "2026-09"): (28, False),
        ("M1", "2026-10"): (31, True),
        ("M1", "2026-11"): (19, False),
    }


def test_a_meta_page_series_is_named_by_its_second_line(tmp_path: Path) -> None:
    follows = ef.meta_page(tmp_path / "follows.csv", "Facebook follows", [(day, 2) for day in days(SEP)])
    views = ef.meta_page(tmp_path / "views.csv", "Views", [(day, 100) for day in days(SEP)])
    sources = [Source("M1", "Meta page", "Facebook follows"), Source("M2", "Meta page", "Views")]
    result = monthly_values(plan(sources), exports(follows, views), TODAY)
    assert values(result) == {("M1", "2026-09"): (60, True), ("M2", "2026-09"): (3000, True)}


def test_a_monthly_csv_feeds_the_metrics_its_rows_name(tmp_path: Path) -> None:
    monthly = ef.monthly_csv(tmp_path / "crm.csv", [("m6", "2026-09", 7), ("M6", "2026-10", 4.5)])
    sources = [Source("M6", "Monthly CSV", "Actual")]
    result = monthly_values(plan(sources), exports(monthly), TODAY)
    assert values(result) == {("M6", "2026-09"): (7, True), ("M6", "2026-10"): (4.5, True)}


def test_a_monthly_csv_naming_a_metric_the_plan_lacks_is_refused_naming_the_row(tmp_path: Path) -> None:
    monthly = ef.monthly_csv(tmp_path / "crm.csv", [("M6", "2026-09", 7), ("M60", "2026-10", 4)])
    with pytest.raises(SourceError) as raised:
        monthly_values(plan([Source("M6", "Monthly CSV", "Actual")]), exports(monthly), TODAY)
    assert (
        str(raised.value) == 'crm.csv: row 3, column "Metric ID": M60 is not a Metric ID on the Metrics sheet'
    )


def test_an_export_of_another_year_is_refused_naming_its_first_row(tmp_path: Path) -> None:
    old = ga4_file(tmp_path / "ga4-2019.csv", date(2019, 9, 1), date(2019, 9, 30))
    with pytest.raises(SourceError) as raised:
        monthly_values(plan([Source("M1", "GA4", "Sessions")]), exports(old), TODAY)
    assert str(raised.value) == (
        'ga4-2019.csv: row 11, column "Date": 2019-09-01 is outside the plan (2026-07 to 2026-12), '
        "as are all its rows; is it an export of another year?"
    )


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", 'ga4.csv: has no column "Users", which the Sources row 4 takes; its columns are: '),
        ("bg", "ga4.csv: няма колона „Users“, от която взема редът 4 на „Източници“; колоните му са: "),
    ],
)
def test_an_export_without_the_column_a_sources_row_takes_is_refused_listing_its_columns(
    tmp_path: Path, request: pytest.FixtureRequest, lang: str, message: str
) -> None:
    if lang == "bg":
        request.getfixturevalue("bulgarian")
    ga4 = ga4_file(tmp_path / "ga4.csv", date(2026, 9, 1), date(2026, 9, 30))
    with pytest.raises(SourceError) as raised:
        monthly_values(plan([Source("M1", "GA4", "Users", row=4)]), exports(ga4), TODAY)
    assert str(raised.value) == message + "Date, Session source, Sessions, Engaged sessions"


def test_sources_rows_of_kinds_not_given_and_exports_no_row_takes_give_nothing(tmp_path: Path) -> None:
    ga4 = ga4_file(tmp_path / "ga4.csv", date(2026, 9, 1), date(2026, 9, 30))
    assert monthly_values(plan([Source("M1", "X posts", "Impressions")]), exports(ga4), TODAY) == {}
    assert monthly_values(plan([], [metric("M1")]), exports(ga4), TODAY) == {}


@pytest.mark.usefixtures("bulgarian")
def test_a_monthly_csv_naming_a_metric_the_plan_lacks_is_refused_in_bulgarian(tmp_path: Path) -> None:
    monthly = ef.monthly_csv(tmp_path / "crm.csv", [("M6", "2026-09", 7), ("M60", "2026-10", 4)])
    with pytest.raises(SourceError) as raised:
        monthly_values(plan([Source("M6", "Monthly CSV", "Actual")]), exports(monthly), TODAY)
    assert str(raised.value) == (
        "crm.csv: ред 3, колона „Metric ID“: M60 не е ID на показател от листа „Показатели“"
    )
