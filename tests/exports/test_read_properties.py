"""Whatever a file holds, `read_export` reads it or refuses it with a SourceError, never anything else."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import export_files as files
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sheetplan.exports.read import read_export
from sheetplan.plan.errors import SourceError

HEADERS = [
    files.META_POSTS[:33], files.INSTAGRAM_POSTS, files.X_POSTS, files.TWEET_ACTIVITY, files.X_ACCOUNT,
    files.MAILCHIMP, files.SHOPIFY, files.TIKTOK, ["Date", "Primary"], ["Metric ID", "Month", "Actual"],
    ["Date", "Views"], ["Date", "Clicks", "Impressions", "CTR", "Position"], files.YOUTUBE_TABLE,
    ["Date", "Followers", "Difference in followers from previous day"],
]  # fmt: skip
cells = st.one_of(
    st.sampled_from(["", "-", "Total", "12", "15,000", "2.7%", "1,5", "&amp;", "#1001", "Lifetime", "x\ny"]),
    st.sampled_from(["09/01/2025 21:13", "2025-09-01", "August 18", "Sat, Aug 22, 2026", "20260701"]),
    st.text(max_size=12),
)


def _read(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.csv"
        path.write_bytes(data)
        try:
            read_export(path, date(2026, 10, 1))
        except SourceError as error:
            assert "\n" not in str(error)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(HEADERS), st.lists(st.lists(cells, max_size=40), max_size=6), st.sampled_from([",", ";"])
)
def test_any_rows_under_a_known_header(header: list[str], rows: list[list[str]], separator: str) -> None:
    lines = [separator.join(f'"{cell}"' for cell in line) for line in [header, *rows]]
    _read("\n".join(lines).encode())


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes(data: bytes) -> None:
    _read(data)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text(text: str) -> None:
    _read(text.encode("utf-8", "surrogatepass"))
