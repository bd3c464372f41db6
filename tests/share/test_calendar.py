"""`sheetplan calendar`: the file it writes, read back with icalendar and expanded with
recurring-ical-events as a calendar program would."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import recurring_ical_events
from click.testing import Result
from gsheets_support import calls, create_plan, run
from icalendar import Calendar, Event
from plan_builder import PlanData, plan_grid, pretend_today, sample, set_cell, write_workbook
from sheets_fake import SheetsFake

NEW_YEAR = date(2026, 1, 1)
THIRD_THURSDAYS = [
    date(2026, month, day) for month, day in enumerate([15, 19, 19, 16, 21, 18, 16, 20, 17, 15, 19, 17], 1)
]
LAST_FRIDAYS = [
    date(2026, month, day) for month, day in enumerate([30, 27, 27, 24, 29, 26, 31, 28, 25, 30, 27, 25], 1)
]
FIFTEENTHS = [date(2026, month, 15) for month in range(1, 13)]
SUMMER_TIME = (date(2026, 3, 29), date(2026, 10, 25))
"""Sofia keeps summer time (EEST, UTC+3) from the last Sunday of March to the last Sunday of October."""


def plan_data(**settings: Any) -> PlanData:
    """The sample plan over 2026, its meeting in Sofia, with a dropped action and one with no due date."""
    data = sample()
    data.settings.update({"start_month": "2026-01", "months": 12, "time_zone": "Europe/Sofia"} | settings)
    data.rows["actions"] += [
        {"action_id": "A5", "goal_id": "G2", "action": "Launch the newsletter", "owner": "Ivan",
         "due": date(2026, 2, 20), "status": "dropped"},
        {"action_id": "A6", "goal_id": "G2", "action": "Plan the spring issue", "owner": "Ivan",
         "status": "not started"},
    ]  # fmt: skip
    return data


def plan_file(folder: Path, data: PlanData | None = None, lang: str = "en") -> Path:
    return write_workbook(folder / "plan.xlsx", plan_grid(data or plan_data(), lang))  # type: ignore[arg-type]


def calendar(
    monkeypatch: pytest.MonkeyPatch, *arguments: object, today: date = NEW_YEAR
) -> tuple[Result, Calendar | None]:
    """Run `sheetplan calendar` on `today`; the result, and the calendar it wrote (beside the plan
    or at --out), if it wrote one."""
    pretend_today(monkeypatch, today)
    result = run("calendar", *arguments)
    words = [str(argument) for argument in arguments]
    path = Path(words[words.index("--out") + 1]) if "--out" in words else Path(words[0]).with_suffix(".ics")
    return result, Calendar.from_ical(path.read_bytes()) if result.exit_code == 0 else None


def review_of(calendar: Calendar) -> Event:
    (review,) = [event for event in calendar.walk("VEVENT") if str(event["UID"]).startswith("review-")]
    return review


def meetings(calendar: Calendar) -> list[Event]:
    """Every meeting the recurring event holds, from 2000 to 2100."""
    occurrences = recurring_ical_events.of(calendar).between(date(2000, 1, 1), date(2100, 1, 1))
    return [event for event in occurrences if str(event["UID"]).startswith("review-")]


def actions(calendar: Calendar) -> list[tuple[str, date, date]]:
    return sorted(
        (str(event["SUMMARY"]), event["DTSTART"].dt, event["DTEND"].dt)
        for event in calendar.walk("VEVENT")
        if str(event["UID"]).startswith("action-")
    )


@pytest.mark.parametrize(
    ("review_day", "expected"),
    [("third Thursday", THIRD_THURSDAYS), ("last Friday", LAST_FRIDAYS), ("15", FIFTEENTHS)],
)
def test_the_next_twelve_meetings_are_at_ten_in_sofia_whatever_the_clocks_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, review_day: str, expected: list[date]
) -> None:
    result, written = calendar(monkeypatch, plan_file(tmp_path, plan_data(review_day=review_day)))
    assert result.exit_code == 0, result.output
    assert written is not None
    starts = [event["DTSTART"].dt for event in meetings(written)]
    assert [start.date() for start in starts] == expected
    assert {(start.hour, start.minute, str(start.tzinfo)) for start in starts} == {(10, 0, "Europe/Sofia")}
    summer = [SUMMER_TIME[0] <= start.date() < SUMMER_TIME[1] for start in starts]
    assert [start.utcoffset() for start in starts] == [timedelta(hours=3 if hot else 2) for hot in summer]
    assert [start.astimezone(UTC).hour for start in starts] == [7 if hot else 8 for hot in summer]
    assert {event["DTEND"].dt - event["DTSTART"].dt for event in meetings(written)} == {timedelta(hours=1)}
    assert [zone["TZID"] for zone in written.walk("VTIMEZONE")] == ["Europe/Sofia"]


@pytest.mark.parametrize(
    ("review_day", "rule"),
    [
        ("third Thursday", {"BYDAY": ["3TH"]}),
        ("last Friday", {"BYDAY": ["-1FR"]}),
        ("first Monday", {"BYDAY": ["1MO"]}),
        ("15", {"BYMONTHDAY": [15]}),
        ("last day", {"BYMONTHDAY": [-1]}),
    ],
)
def test_the_review_day_is_one_monthly_rule_until_the_plans_last_month(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, review_day: str, rule: dict[str, list[object]]
) -> None:
    _, written = calendar(monkeypatch, plan_file(tmp_path, plan_data(review_day=review_day)))
    assert written is not None
    until = datetime(2026, 12, 31, 21, 59, 59, tzinfo=UTC)  # 23:59:59 in Sofia
    assert dict(review_of(written)["RRULE"]) == {"FREQ": ["MONTHLY"], "UNTIL": [until], **rule}
    assert len(meetings(written)) == 12


@pytest.mark.parametrize(
    ("review_day", "expected"),
    [("трети четвъртък", THIRD_THURSDAYS), ("последен петък", LAST_FRIDAYS), ("15-о число", FIFTEENTHS)],
)
def test_a_bulgarian_plan_has_its_meetings_and_actions_in_bulgarian(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, review_day: str, expected: list[date]
) -> None:
    result, written = calendar(monkeypatch, plan_file(tmp_path, plan_data(review_day=review_day), "bg"))
    assert result.exit_code == 0, result.output
    assert written is not None
    assert [event["DTSTART"].dt.date() for event in meetings(written)] == expected
    review = review_of(written)
    assert str(review["SUMMARY"]) == "Месечен преглед: Acme social media plan"
    assert str(review["DESCRIPTION"]).splitlines()[:2] == [
        "Дневен ред:",
        "1. Решения за проследяване: изпълнени ли са?",
    ]
    assert actions(written)[0][0] == "A2 Design post templates — срок (Elena)"


def test_the_meeting_says_the_plan_and_the_agenda(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, written = calendar(monkeypatch, plan_file(tmp_path))
    assert written is not None
    review = review_of(written)
    assert str(review["SUMMARY"]) == "Monthly review: Acme social media plan"
    assert str(review["DESCRIPTION"]).splitlines() == [
        "Agenda:",
        "1. Decisions to follow up: done, or still open?",
        "2. Assumptions: are they still true?",
        "3. Off-track metrics: what went wrong, what changes?",
        "4. At-risk metrics: what keeps them on course?",
        "5. Overdue actions, by person",
        "6. Each person's tasks",
        "7. Decisions and plan changes",
        "",
        "Before the meeting: type last month's results into Actuals and run sheetplan review; the sheet"
        ' "Review YYYY-MM" holds this agenda with the figures.',
    ]


@pytest.mark.parametrize(
    ("today", "first"),
    [
        (date(2025, 11, 1), date(2026, 1, 15)),  # the plan has not begun
        (date(2026, 3, 19), date(2026, 3, 19)),  # a meeting day
        (date(2026, 3, 20), date(2026, 4, 16)),  # the day after
    ],
)
def test_the_series_starts_with_the_first_meeting_not_past(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, today: date, first: date
) -> None:
    result, written = calendar(monkeypatch, plan_file(tmp_path), today=today)
    assert written is not None
    dates = [event["DTSTART"].dt.date() for event in meetings(written)]
    assert dates == [held for held in THIRD_THURSDAYS if held >= first]
    count = len(dates)
    assert result.stdout == (
        f"Wrote {tmp_path / 'plan.ics'}: {count} monthly reviews (third Thursday, 10:00 Europe/Sofia) from"
        f" {first} to 2026-12-17, and the due dates of 3 open actions.\n"
    )


def test_a_plan_that_is_over_has_its_open_actions_and_no_meeting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result, written = calendar(monkeypatch, plan_file(tmp_path), today=date(2027, 1, 5))
    assert written is not None
    assert [event["UID"] for event in written.walk("VEVENT") if str(event["UID"]).startswith("review-")] == []
    assert len(actions(written)) == 3
    assert result.stdout == (
        f"Wrote {tmp_path / 'plan.ics'}: no review meeting left (the plan ended with 2026-12), and the due"
        " dates of 3 open actions.\n"
    )


def test_each_open_action_is_an_all_day_event_on_its_due_date_naming_its_owner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, written = calendar(monkeypatch, plan_file(tmp_path))
    assert written is not None
    # A1 is done, A5 dropped and A6 has no due date.
    assert actions(written) == [
        ("A2 Design post templates — due (Elena)", date(2025, 3, 15), date(2025, 3, 16)),
        ("A3 Write the March issue — due (Ivan)", date(2025, 3, 31), date(2025, 4, 1)),
        ("A4 Answer every comment — due (Maria)", date(2025, 6, 30), date(2025, 7, 1)),
    ]
    a4 = next(event for event in written.walk("VEVENT") if str(event["SUMMARY"]).startswith("A4"))
    assert str(a4["DESCRIPTION"]).splitlines() == [
        "Goal: G1 — More website visits",
        "Owner: Maria",
        "Status: blocked",
        "Channel: LinkedIn",
        "Notes: Waiting for a login",
    ]
    assert str(a4["TRANSP"]) == "TRANSPARENT"


@pytest.mark.parametrize("typed", ["Maria", "maria", " MARIA "])
def test_owner_keeps_one_persons_actions_and_the_meetings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    result, written = calendar(monkeypatch, plan_file(tmp_path), "--owner", typed)
    assert written is not None
    assert [summary for summary, _, _ in actions(written)] == ["A4 Answer every comment — due (Maria)"]
    assert len(meetings(written)) == 12
    assert result.stdout.endswith(", and the due date of 1 open action of Maria.\n")


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("Mariya", 'Error: {plan}: --owner "Mariya" is not on the Owners sheet; did you mean "Maria"?\n'),
        (
            "Boris",
            'Error: {plan}: --owner "Boris" is not on the Owners sheet; its owners are Maria, Ivan and'
            " Elena\n",
        ),
    ],
)
def test_an_owner_the_plan_does_not_know_is_refused_with_the_name_it_probably_meant(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str, message: str
) -> None:
    plan = plan_file(tmp_path)
    result, _ = calendar(monkeypatch, plan, "--owner", typed)
    assert (result.exit_code, result.stderr) == (2, message.format(plan=plan))
    assert not (tmp_path / "plan.ics").exists()


def uids(calendar: Calendar) -> list[str]:
    return [str(event["UID"]) for event in calendar.walk("VEVENT")]


def test_uids_are_the_same_on_every_run_so_an_import_updates_the_events(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = plan_file(tmp_path)
    _, first = calendar(monkeypatch, plan)
    again = (tmp_path / "plan.ics").read_bytes()
    _, same_day = calendar(monkeypatch, plan)
    assert (tmp_path / "plan.ics").read_bytes() == again
    _, later = calendar(monkeypatch, plan, today=date(2026, 2, 10))
    _, maria = calendar(monkeypatch, plan, "--owner", "Maria", "--out", tmp_path / "maria.ics")
    assert first is not None and same_day is not None and later is not None and maria is not None
    assert uids(first) == uids(later)
    assert len(set(uids(first))) == len(uids(first)) == 4
    assert set(uids(maria)) < set(uids(first))
    assert review_of(first)["DTSTAMP"].dt == datetime(2026, 1, 1, tzinfo=UTC)
    assert review_of(later)["DTSTAMP"].dt == datetime(2026, 2, 10, tzinfo=UTC)
    assert review_of(later)["DTSTART"].dt.date() == date(2026, 2, 19)


def test_uids_belong_to_the_plan_and_each_action_has_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, first = calendar(monkeypatch, plan_file(tmp_path))
    other = plan_data(plan_name="Acme newsletter plan")
    other.rows["actions"].append({**other.rows["actions"][1], "action": "Design more templates"})  # A2 again
    _, second = calendar(monkeypatch, plan_file(tmp_path, other))
    assert first is not None and second is not None
    assert set(uids(first)).isdisjoint(uids(second))
    key = uids(second)[0].removeprefix("review-").removesuffix("@sheetplan")
    assert uids(second) == [
        f"review-{key}@sheetplan",
        *(f"action-{key}-{action}@sheetplan" for action in ("A2", "A3", "A4", "A2-2")),
    ]


def test_without_a_time_zone_the_meeting_is_at_its_time_wherever_the_calendar_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result, written = calendar(
        monkeypatch, plan_file(tmp_path, plan_data(time_zone=None, review_time="14:30"))
    )
    assert written is not None
    starts = [event["DTSTART"].dt for event in meetings(written)]
    assert [start.date() for start in starts] == THIRD_THURSDAYS
    assert {(start.hour, start.minute, start.tzinfo) for start in starts} == {(14, 30, None)}
    assert dict(review_of(written)["RRULE"])["UNTIL"] == [datetime(2026, 12, 31, 23, 59, 59)]
    assert list(written.walk("VTIMEZONE")) == []
    assert "(third Thursday, 14:30 in each calendar's own time zone)" in result.stdout


def test_a_plan_without_the_review_time_and_time_zone_rows_meets_at_ten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    grid = plan_grid(plan_data())
    del grid["Settings"][7:9]
    _, written = calendar(monkeypatch, write_workbook(tmp_path / "plan.xlsx", grid))
    assert written is not None
    assert {(event["DTSTART"].dt.hour, event["DTSTART"].dt.tzinfo) for event in meetings(written)} == {
        (10, None)
    }


HINT = "use e.g. third Thursday, last Friday or 15"
ZONE_HINT = "use a name such as Europe/Sofia or America/New_York"
BAD_SETTINGS = [
    ({"review_day": "every other Tuesday"}, "en",
     f'Settings!B7: "every other Tuesday" is not a review day; {HINT}'),
    # A Bulgarian plan is told in Bulgarian.
    ({"review_day": "през седмица във вторник"}, "bg",
     "Настройки!B7: „през седмица във вторник“ не е ден за преглед; въведете например третия четвъртък,"
     " последния петък или 15"),
    ({"review_day": "31"}, "en", 'Settings!B7: "31" is not a day every month has; use 1 to 28, or last day'),
    ({"review_day": None}, "en",
     'Settings!B7: "Review day" is blank; give a day such as third Thursday, last Friday or 15'),
    ({"review_time": "25:00"}, "en", 'Settings!B8: "25:00" is not a time of day; use e.g. 10:00 or 14:30'),
    ({"time_zone": "Europe/Sofa"}, "en",
     'Settings!B9: "Europe/Sofa" is not a time zone; did you mean Europe/Sofia?'),
    ({"time_zone": "Sofia"}, "en", f'Settings!B9: "Sofia" is not a time zone; {ZONE_HINT}'),
]  # fmt: skip


@pytest.mark.parametrize(("settings", "lang", "message"), BAD_SETTINGS)
def test_a_setting_the_calendar_cannot_use_is_one_line_naming_its_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: dict[str, Any], lang: str, message: str
) -> None:
    plan = plan_file(tmp_path, plan_data(**settings), lang)
    result, _ = calendar(monkeypatch, plan)
    error = "Грешка" if lang == "bg" else "Error"
    assert (result.exit_code, result.stderr) == (2, f"{error}: {plan}: {message}\n")
    assert not (tmp_path / "plan.ics").exists()


def test_a_plan_whose_settings_have_errors_gets_no_calendar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = write_workbook(tmp_path / "plan.xlsx", set_cell(plan_grid(plan_data()), "Settings", "B3", "soon"))
    result, _ = calendar(monkeypatch, plan)
    assert (result.exit_code, result.stderr) == (
        2,
        f'Error: {plan}: Settings!B3: Start month: "soon" is not a month; use YYYY-MM, such as 2026-03\n',
    )
    assert not (tmp_path / "plan.ics").exists()


def test_a_settings_sheet_without_a_review_day_row_says_to_add_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    grid = plan_grid(plan_data())
    del grid["Settings"][6]
    plan = write_workbook(tmp_path / "plan.xlsx", grid)
    result, _ = calendar(monkeypatch, plan)
    assert result.stderr == (
        f'Error: {plan}: Settings: no "Review day" row; add one, such as third Thursday, last Friday or 15\n'
    )


@pytest.mark.parametrize(
    ("out", "message"),
    [
        ("plan.xlsx", "{out}: a calendar is an .ics file; give a name ending in .ics"),
        ("missing/plan.ics", "{out}: the folder {folder} does not exist"),
    ],
)
def test_out_must_be_an_ics_file_in_a_folder_that_exists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, out: str, message: str
) -> None:
    plan = plan_file(tmp_path)
    before = plan.read_bytes()
    target = tmp_path / out
    result, _ = calendar(monkeypatch, plan, "--out", target)
    expected = message.format(out=target, folder=target.parent)
    assert (result.exit_code, result.stderr) == (2, f"Error: {expected}\n")
    assert plan.read_bytes() == before


def test_a_google_sheet_has_the_calendar_of_the_same_plan_in_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sheets_api: SheetsFake
) -> None:
    key = create_plan(sheets_api, plan_data())
    result, from_sheet = calendar(monkeypatch, f"gsheet:{key}", "--out", tmp_path / "sheet.ics")
    assert result.exit_code == 0, result.output
    assert calls(sheets_api) == ["GET metadata", "GET /values:batchGet"]
    calendar(monkeypatch, plan_file(tmp_path))
    assert (tmp_path / "sheet.ics").read_bytes() == (tmp_path / "plan.ics").read_bytes()
    assert from_sheet is not None and len(meetings(from_sheet)) == 12


def test_a_google_sheets_calendar_needs_out_before_anything_is_read(
    monkeypatch: pytest.MonkeyPatch, sheets_api: SheetsFake
) -> None:
    key = create_plan(sheets_api, plan_data())
    pretend_today(monkeypatch, NEW_YEAR)
    result = run("calendar", f"gsheet:{key}")
    assert (result.exit_code, result.stderr) == (
        2,
        f"Error: gsheet:{key}: a Google Sheet's calendar needs --out, such as --out plan.ics\n",
    )
    assert calls(sheets_api) == []


def test_a_google_sheets_calendar_to_a_file_that_is_not_ics_is_refused_before_anything_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sheets_api: SheetsFake
) -> None:
    key = create_plan(sheets_api, plan_data())
    pretend_today(monkeypatch, NEW_YEAR)
    result = run("calendar", f"gsheet:{key}", "--out", tmp_path / "plan.xlsx")
    assert (
        result.stderr
        == f"Error: {tmp_path / 'plan.xlsx'}: a calendar is an .ics file; give a name ending in .ics\n"
    )
    assert calls(sheets_api) == []
