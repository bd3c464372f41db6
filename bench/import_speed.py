"""How long `read_export` takes against the `csv` module (and calamine) just reading the same files.

    python bench/import_speed.py              # a year of five platforms' daily exports, 10,000 posts
    python bench/import_speed.py --repeat 9

The files are generated into bench/out/exports: a year of daily exports of five platforms (a Meta
page series in UTF-16, X's account overview, TikTok's overview without years, a GA4 download, and
LinkedIn's followers as .xlsx) and Meta's posts export of 10,000 posts with captions, once as Meta
writes it (plain numbers; a caption in five runs over two lines and holds `&amp;`) and once with
every quirk at each post (numbers with thousands separators, entities in every caption). The floor
is what any reader must do at the least: open and decode each file and split it into fields with
the `csv` module (calamine reading every cell, for the workbook). Times are the best of several runs
in process, in CPU seconds: the machine the project runs on shares its two cores with other work,
and wall times there vary by a third from run to run. The target is `read_export` within 3× the
floor for the year of exports as the platforms write them: all the files but the one with every quirk.

Measured there (best of 21, CPU): the year of exports 0.099–0.105 s against 0.033–0.035 s
(2.8–3.0×), Meta's posts as Meta writes them 2.8–3.0×, with every quirk 3.5–3.7× (not part of the
target). Of Meta's posts, splitting the text into fields and keeping the records is 0.038 s (the
floor, which lets each row go as it reads the next, 0.031 s), reading the columns 0.017 s, the
publish times 0.005 s, turning the rows into columns 0.006 s, the rows and posts 0.010 s, the SHA-256
and decoding 0.004 s.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parent / "tests")]

import export_files as files  # noqa: E402
from python_calamine import CalamineWorkbook  # noqa: E402

from sheetplan.exports.read import read_export  # noqa: E402

OUT = HERE / "out" / "exports"
TODAY = date(2026, 10, 1)
DAYS = [date(2025, 9, 1) + timedelta(days=index) for index in range(365)]
POSTS = 10_000
TARGET = 3.0
QUIRKY = "every-quirk-posts.csv"
"""The posts with every quirk at every post: shown beside the others, and not part of the target's
year of exports, which is the platforms' files as they write them."""
_WORDS = ("spring", "sale", "new", "product", "launch", "team", "event", "autumn", "offer", "thanks", "story")


def write_files(folder: Path) -> list[Path]:
    """The benchmark's export files, the same every time."""
    folder.mkdir(parents=True, exist_ok=True)
    chance = random.Random(7)
    words = _WORDS
    posts = [
        {
            "Post ID": f"101_{index}",
            "Page ID": "101",
            "Page name": "Example",
            "Description": " ".join(chance.choices(words, k=chance.randint(5, 40)))
            + ("\nTwo lines &amp; more" if index % 5 == 0 else ""),
            "Publish time": datetime(2025, 9, 1, 8) + timedelta(minutes=52 * index),
            "Permalink": f"https://www.facebook.com/101/posts/{index}",
            "Post type": chance.choice(["Photos", "Reels", "Links"]),
            "Views": chance.randint(100, 200_000),
            "Reach": chance.randint(50, 100_000),
            "Reactions, Comments and Shares": chance.randint(0, 900),
            "Reactions": chance.randint(0, 600),
            "Comments": chance.randint(0, 200),
            "Shares": chance.randint(0, 100),
            "Total clicks": chance.randint(0, 300),
        }
        for index in range(POSTS)
    ]
    daily = [(day, chance.randint(0, 5000)) for day in DAYS]
    quirky = [{**post, "Description": f"{post['Description']}\n&lt;3 &amp; more"} for post in posts]
    return [
        files.meta_posts(folder / "Sep-01-2025_Aug-31-2026_101.csv", posts, 34),
        files.meta_posts(folder / QUIRKY, quirky, 34, thousands=True),
        files.meta_page(folder / "Views.csv", "Views", daily),
        files.x_account(
            folder / "account_overview.csv",
            [
                {"Date": day, **{column: chance.randint(0, 900) for column in files.X_ACCOUNT[1:]}}
                for day in DAYS
            ],
        ),
        files.tiktok(
            folder / "Overview.csv",
            [
                {"Date": day, **{column: chance.randint(0, 900) for column in files.TIKTOK[1:]}}
                for day in DAYS
            ],
        ),
        files.ga4(
            folder / "ga4.csv",
            [
                (
                    ["Date", "Sessions", "Active users", "Engagement rate"],
                    [
                        {
                            "Date": day,
                            "Sessions": value,
                            "Active users": value // 2,
                            "Engagement rate": 0.5432,
                        }
                        for day, value in daily
                    ],
                )
            ],
            DAYS[0],
            DAYS[-1],
        ),
        files.workbook(
            folder / "followers.xlsx",
            {
                "New followers": (
                    files.LINKEDIN_FOLLOWERS,
                    [
                        {"Date": day, "Organic followers": value % 9, "Total followers": value % 11}
                        for day, value in daily
                    ],
                )
            },
            note="New followers per day",
        ),
    ]


def floor(path: Path) -> int:
    """Every field of a file as the least a reader does: decoded and split by `csv` (calamine for a
    workbook)."""
    if path.suffix == ".xlsx":
        book = CalamineWorkbook.from_path(str(path))
        return sum(len(row) for name in book.sheet_names for row in book.get_sheet_by_name(name).to_python())
    data = path.read_bytes()
    encoding = "utf-16" if data.startswith(b"\xff\xfe") else "utf-8-sig"
    return sum(len(row) for row in csv.reader(io.StringIO(data.decode(encoding), newline="")))


def best(works: tuple[Callable[[], object], ...], repeat: int) -> list[float]:
    """The least CPU time of each work over `repeat` rounds, the works taking turns in each round so
    that other work on the machine weighs on them alike."""
    times = [float("inf")] * len(works)
    for _ in range(repeat):
        for index, work in enumerate(works):
            started = time.process_time()
            work()
            times[index] = min(times[index], time.process_time() - started)
    return times


def measure(repeat: int) -> list[tuple[Path, float, float]]:
    """Each benchmark file, with the CPU seconds of `read_export` and of the floor (best of `repeat`)."""
    measured = []
    for path in write_files(OUT):
        ours, least = best((partial(read_export, path, TODAY), partial(floor, path)), repeat)
        measured.append((path, ours, least))
    return measured


def totals(measured: list[tuple[Path, float, float]]) -> tuple[float, float]:
    """`read_export`'s and the floor's seconds over the year of exports (all but `QUIRKY`)."""
    everyday = [(ours, least) for path, ours, least in measured if path.name != QUIRKY]
    return sum(ours for ours, __ in everyday), sum(least for __, least in everyday)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    arguments = parser.parse_args()
    measured = measure(arguments.repeat)
    print(f"{'file':38} {'size':>8} {'read_export':>12} {'floor':>8} {'ratio':>6}")
    for path, ours, least in measured:
        size = f"{path.stat().st_size / 1e6:.1f} MB"
        print(f"{path.name:38} {size:>8} {ours:>10.3f} s {least:>6.3f} s {ours / least:>5.1f}×")
    ours_total, floor_total = totals(measured)
    ratio = ours_total / floor_total
    everyday = f"all but {QUIRKY}"
    print(f"{everyday:47} {ours_total:>10.3f} s {floor_total:>6.3f} s {ratio:>5.1f}×")
    print(f"target: within {TARGET:.0f}× the floor: {'met' if ratio <= TARGET else 'NOT met'}")


if __name__ == "__main__":
    main()
