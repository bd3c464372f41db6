"""Export files of every kind sheetplan reads, written from Python data for tests, with their quirks.

Each function writes one file the way its platform lays it out (header, encoding, preamble, date
format) from rows given as dicts by column. A row's value is written as the platform writes that
column: a `date` or `datetime` in the kind's date format, an int with thousands separators when
`thousands` is set, a str exactly as given (so a test can write `"2.7%"` or `"12k"`). Columns a row
leaves out are blank. Nothing here is a copy of a real export: the layouts follow what the platforms
document, and every value is made up.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import xlsxwriter

Rows = Sequence[Mapping[str, Any]]
DateFormat = Callable[[date], str]


def _columns(listed: str) -> list[str]:
    return listed.split("|")


META_POSTS = _columns(
    "Post ID|Page ID|Page name|Title|Description|Duration (sec)|Publish time|Caption type|Permalink"
    "|Is crosspost|Is share|Post type|Languages|Custom labels|Funded content status|Data comment|Date"
    "|Views|Reach|Reactions, Comments and Shares|Reactions|Comments|Shares|Total clicks|Link clicks"
    "|Other Clicks|Seconds viewed|Average Seconds viewed|Negative feedback from users: Hide all"
    "|Estimated earnings (USD)|Ad CPM (USD)|Ad impressions|3-second video views|1-minute video views"
)
"""34 columns; a month's export has the first 32, 33 or 34."""
INSTAGRAM_POSTS = _columns(
    "Post ID|Account ID|Account username|Account name|Description|Duration (sec)|Publish time"
    "|Permalink|Post type|Data comment|Date|Views|Reach|Likes|Shares|Follows|Comments|Saves"
)
X_POSTS = _columns(
    "Post id|Date|Post text|Post Link|Impressions|Likes|Engagements|Bookmarks|Shares|New follows"
    "|Replies|Reposts|Profile visits|Detail Expands|URL Clicks|Hashtag Clicks|Permalink Clicks"
)
X_ACCOUNT = _columns(
    "Date|Impressions|Likes|Engagements|Bookmarks|Shares|New follows|Unfollows|Replies|Reposts"
    "|Profile visits|Create Post|Video views|Media views"
)
TWEET_ACTIVITY = _columns(
    "Tweet id|Tweet permalink|Tweet text|time|impressions|engagements|engagement rate|retweets"
    "|replies|likes|user profile clicks|url clicks|hashtag clicks|detail expands|permalink clicks"
    "|app opens|app installs|follows|email tweet|dial phone|media views|media engagements"
    "|promoted impressions|promoted engagements|promoted engagement rate|promoted retweets"
    "|promoted replies|promoted likes"
)
LINKEDIN_FOLLOWERS = [
    "Date",
    "Sponsored followers",
    "Organic followers",
    "Auto-invited followers",
    "Total followers",
]
LINKEDIN_VISITORS = ["Date"] + [
    f"{page} {measure} ({device})"
    for page in ("Overview", "Life", "Jobs", "Total")
    for measure in ("page views", "unique visitors")
    for device in ("desktop", "mobile", "total")
]
LINKEDIN_METRICS = ["Date"] + [
    f"{measure} ({origin})"
    for measure in ("Impressions", "Clicks", "Reactions", "Comments", "Reposts", "Engagement rate")
    for origin in ("organic", "sponsored", "total")
]
LINKEDIN_POSTS = _columns(
    "Post title|Post link|Post type|Campaign name|Posted by|Created date|Campaign start date"
    "|Campaign end date|Audience|Impressions|Views|Clicks|Click through rate (CTR)|Likes|Comments"
    "|Reposts|Follows|Engagement rate|Content Type"
)
YOUTUBE_TABLE = _columns(
    "Content|Video title|Video publish time|Duration|Views|Watch time (hours)|Subscribers|Likes"
    "|Comments added|Shares|Impressions|Impressions click-through rate (%)"
)
YOUTUBE_CHART = ["Date", "Content", "Video title", "Video publish time", "Duration", "Views"]
MAILCHIMP = _columns(
    "Title|Subject|List|Send Date|Send Weekday|Total Recipients|Successful Deliveries|Soft Bounces"
    "|Hard Bounces|Total Bounces|Times Forwarded|Forwarded Opens|Unique Opens|Open Rate|Total Opens"
    "|Unique Clicks|Click Rate|Total Clicks|Unsubscribes|Abuse Complaints|Times Liked on Facebook"
    "|Folder Id|Unique Id|Total Orders|Total Gross Sales|Total Revenue"
)
SHOPIFY = _columns(
    "Name|Email|Financial Status|Paid at|Fulfillment Status|Fulfilled at|Accepts Marketing|Currency"
    "|Subtotal|Shipping|Taxes|Total|Discount Code|Discount Amount|Shipping Method|Created at"
    "|Lineitem quantity|Lineitem name|Lineitem price|Lineitem sku|Billing Zip"
)
TIKTOK = ["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"]
SEARCH_CONSOLE = {
    "Queries.csv": "Top queries",
    "Pages.csv": "Top pages",
    "Countries.csv": "Country",
    "Devices.csv": "Device",
    "Search appearance.csv": "Search Appearance",
    "Dates.csv": "Date",
}


def us_time(day: date) -> str:
    return day.strftime("%m/%d/%Y %H:%M") if isinstance(day, datetime) else day.strftime("%m/%d/%Y")


def x_day(day: date) -> str:
    return f"{day:%a}, {day:%b} {day.day}, {day.year}"


def month_day(day: date) -> str:
    return f"{day:%B} {day.day}"


def mailchimp_time(day: date) -> str:
    return day.strftime("%b %d, %Y %I:%M %p").replace("AM", "am").replace("PM", "pm")


def iso(day: date) -> str:
    return day.isoformat(" ") if isinstance(day, datetime) else day.isoformat()


def shown_number(value: Any, thousands: bool = False, comma: bool = False) -> str:
    """A number as an export writes it: plain, `15,000` with `thousands`, `15.000,5` with `comma`."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    text = f"{value:,}" if thousands else repr(value) if isinstance(value, float) else str(value)
    if comma:
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def lines_of(
    header: Sequence[str], rows: Rows, when: DateFormat = iso, thousands: bool = False, comma: bool = False
) -> list[list[str]]:
    """A header and rows as the lines of a CSV: each value in its column's written form."""

    def shown(value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, date):
            return when(value)
        return shown_number(value, thousands, comma)

    return [list(header)] + [[shown(row.get(column)) for column in header] for row in rows]


def write_csv(
    path: Path,
    lines: Sequence[Sequence[str]],
    *,
    encoding: str = "utf-8",
    bom: bool = False,
    separator: str = ",",
    sep_line: bool = False,
    before: Sequence[str] = (),
    newline: str = "\r\n",
    quote_all: bool = False,
) -> Path:
    """Lines written as CSV, after `before` (written as they are) and Excel's `sep=` line if asked."""
    out = io.StringIO()
    if sep_line:
        out.write(f"sep={separator}{newline}")
    for line in before:
        out.write(line + newline)
    quoting = csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL
    csv.writer(out, delimiter=separator, lineterminator=newline, quoting=quoting).writerows(lines)
    data = out.getvalue().encode(encoding)
    if bom:
        data = ("\ufeff".encode(encoding) if "16" in encoding else b"\xef\xbb\xbf") + data
    path.write_bytes(data)
    return path


def meta_posts(path: Path, rows: Rows, columns: int = 33, thousands: bool = False) -> Path:
    """Meta Business Suite's posts export: UTF-8 with a BOM, every field quoted, US dates."""
    lines = lines_of(META_POSTS[:columns], [{"Date": "Lifetime", **row} for row in rows], us_time, thousands)
    return write_csv(path, lines, bom=True, quote_all=True)


def meta_page(path: Path, series: str, days: Sequence[tuple[date, int]], utf16: bool = True) -> Path:
    """One daily series of Meta Business Suite: UTF-16 LE with a BOM, `sep=,`, the series' name."""
    lines = [["Date", "Primary"]] + [[f"{day.isoformat()}T00:00:00", str(value)] for day, value in days]
    encoding = "utf-16-le" if utf16 else "utf-8"
    return write_csv(
        path, lines, encoding=encoding, bom=True, sep_line=True, before=[f'"{series}"'], quote_all=True
    )


def meta_followers(path: Path, days: Sequence[tuple[date, int, int]]) -> Path:
    """A Page's follower history: days without their year (`August 18`)."""
    lines = [["Date", "Followers", "Difference in followers from previous day"]]
    lines += [[month_day(day), str(total), str(change)] for day, total, change in days]
    return write_csv(path, lines, quote_all=True)


def instagram_posts(path: Path, rows: Rows, thousands: bool = False) -> Path:
    lines = lines_of(INSTAGRAM_POSTS, [{"Date": "Lifetime", **row} for row in rows], us_time, thousands)
    return write_csv(path, lines, bom=True, quote_all=True)


def x_posts(path: Path, rows: Rows) -> Path:
    return write_csv(path, lines_of(X_POSTS, rows, x_day), newline="\n")


def x_account(path: Path, rows: Rows) -> Path:
    return write_csv(path, lines_of(X_ACCOUNT, rows, x_day), newline="\n")


def tweet_activity(path: Path, rows: Rows) -> Path:
    """The older tweet activity export: `-` in the promoted columns, times in UTC."""

    def when(day: date) -> str:
        return f"{day:%Y-%m-%d %H:%M} +0000"

    promoted = {column: "-" for column in TWEET_ACTIVITY if column.startswith("promoted")}
    return write_csv(
        path, lines_of(TWEET_ACTIVITY, [{**promoted, **row} for row in rows], when), quote_all=True
    )


def workbook(path: Path, sheets: Mapping[str, tuple[Sequence[str], Rows]], note: str | None = None) -> Path:
    """An .xlsx workbook of sheets, each a header and rows, under a line of notes when `note` is given.

    Dates are written as date cells, as LinkedIn's workbooks have them.
    """
    book = xlsxwriter.Workbook(str(path))
    day_format = book.add_format({"num_format": "mm/dd/yyyy"})
    for name, (header, rows) in sheets.items():
        sheet = book.add_worksheet(name)
        top = 0
        if note is not None:
            sheet.write_string(0, 0, note)
            top = 1
        sheet.write_row(top, 0, list(header))
        for index, row in enumerate(rows, start=top + 1):
            for column, heading in enumerate(header):
                value = row.get(heading)
                if isinstance(value, date):
                    sheet.write_datetime(
                        index, column, datetime(value.year, value.month, value.day), day_format
                    )
                elif value is not None:
                    sheet.write(index, column, value)
    book.close()
    return path


def linkedin_followers(path: Path, rows: Rows) -> Path:
    """LinkedIn's followers workbook: new followers per day on the New followers sheet, under a note."""
    return workbook(path, {"New followers": (LINKEDIN_FOLLOWERS, rows)}, "New followers per day")


def linkedin_visitors(path: Path, rows: Rows) -> Path:
    """LinkedIn's visitors workbook: page views and unique visitors per day, by page and device."""
    return workbook(path, {"Visitor metrics": (LINKEDIN_VISITORS, rows)}, "Visitors per day")


def linkedin_content(path: Path, metrics: Rows, posts: Rows, shares: bool = False) -> Path:
    """LinkedIn's content workbook: Metrics (older files say Shares for Reposts) and All posts."""
    header = [column.replace("Reposts", "Shares") if shares else column for column in LINKEDIN_METRICS]
    metrics = [
        {key.replace("Reposts", "Shares") if shares else key: value for key, value in row.items()}
        for row in metrics
    ]
    note = "Aggregated metrics for the page's content"
    return workbook(path, {"Metrics": (header, metrics), "All posts": (LINKEDIN_POSTS, posts)}, note)


def youtube_table(path: Path, rows: Rows, total: Mapping[str, Any] | None = None) -> Path:
    """YouTube Studio's Table data: a Total row first, then a row per video."""
    lines = lines_of(
        YOUTUBE_TABLE,
        [{"Content": "Total", **(total or {})}, *rows],
        lambda day: f"{day:%b} {day.day}, {day.year}",
    )
    return write_csv(path, lines, newline="\n")


def youtube_chart(path: Path, rows: Rows) -> Path:
    """YouTube Studio's Chart data: a row per day and video."""
    return write_csv(path, lines_of(YOUTUBE_CHART, rows), newline="\n")


def youtube_totals(path: Path, rows: Rows) -> Path:
    """YouTube Studio's Totals: a row per day. Only its name (`Totals.csv`) tells it from a Daily CSV."""
    return write_csv(path.with_name("Totals.csv"), lines_of(["Date", "Views"], rows), newline="\n")


def ga4(
    path: Path,
    tables: Sequence[tuple[Sequence[str], Rows]],
    start: date,
    end: date,
    labels: tuple[str, str] = ("Start date", "End date"),
    grand_total: Mapping[str, Any] | None = None,
) -> Path:
    """GA4's Download CSV: each table after a `#` preamble stating the dates, tables a blank line apart.

    `labels` are the preamble's words for the dates, in the interface's language.
    """
    out: list[str] = []
    for header, rows in tables:
        out += [
            "# ----------------------------------------",
            "# Reports snapshot",
            "# Account: Example",
            "# Property: example.com",
            "# ----------------------------------------",
            "#",
            f"# {labels[0]}: {start:%Y%m%d}",
            f"# {labels[1]}: {end:%Y%m%d}",
            "",
        ]
        lines = lines_of(header, rows, lambda day: f"{day:%Y%m%d}")
        if grand_total is not None:
            lines.insert(1, lines_of(header, [{header[0]: "Grand total", **grand_total}])[1])
        text = io.StringIO()
        csv.writer(text, lineterminator="\n").writerows(lines)
        out += [*text.getvalue().splitlines(), ""]
    path.write_text("\n".join(out), encoding="utf-8")
    return path


def zipped(path: Path, members: Mapping[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def search_console(path: Path, dates: Rows, tables: Mapping[str, Rows] | None = None) -> Path:
    """Search Console's zip: a CSV per table (CTR as `2.7%`), and Filters.csv."""
    members = {}
    for member, first in SEARCH_CONSOLE.items():
        rows = dates if member == "Dates.csv" else (tables or {}).get(member, [])
        lines = lines_of([first, "Clicks", "Impressions", "CTR", "Position"], rows)
        members[member] = _csv_bytes(lines)
    members["Filters.csv"] = _csv_bytes(
        [["Filter", "Value"], ["Date", "Last 28 days"], ["Search type", "Web"]]
    )
    return zipped(path, members)


def _csv_bytes(lines: Sequence[Sequence[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(lines)
    return out.getvalue().encode("utf-8")


def mailchimp(path: Path, rows: Rows) -> Path:
    return write_csv(path, lines_of(MAILCHIMP, rows, mailchimp_time), quote_all=True)


def shopify(path: Path, orders: Sequence[tuple[Mapping[str, Any], Sequence[Mapping[str, Any]]]]) -> Path:
    """Shopify's orders export: a row per line item, the order's fields on its first row only."""

    def when(day: date) -> str:
        return f"{day:%Y-%m-%d %H:%M:%S} +0200"

    rows = []
    for order, items in orders:
        for index, item in enumerate(items):
            rows.append({**(order if index == 0 else {"Name": order["Name"]}), **item})
    return write_csv(path, lines_of(SHOPIFY, rows, when), newline="\n")


def tiktok(path: Path, rows: Rows, with_year: bool = False) -> Path:
    """TikTok's overview: days without their year (`September 20`) unless `with_year`."""
    return write_csv(path, lines_of(TIKTOK, rows, iso if with_year else month_day), newline="\n")


def daily_csv(
    path: Path,
    header: Sequence[str],
    rows: Rows,
    *,
    comma: bool = False,
    before: Sequence[str] = (),
    **options: Any,
) -> Path:
    """A generic daily table; with `comma`, `;` between fields and decimal commas."""
    lines = lines_of(header, rows, comma=comma)
    return write_csv(path, lines, separator=";" if comma else ",", before=before, **options)


def monthly_csv(path: Path, rows: Sequence[tuple[str, str, Any]]) -> Path:
    lines = [["Metric ID", "Month", "Actual"]] + [
        [metric, month, shown_number(value)] for metric, month, value in rows
    ]
    return write_csv(path, lines, newline="\n")
