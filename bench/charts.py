"""Which library draws the report's charts: pygal, matplotlib's SVG backend and leather, measured.

    python bench/charts.py              # 7 fresh processes per library; PNGs in bench/out/charts/
    python bench/charts.py --repeat 15

matplotlib and leather are not among sheetplan's dependencies: `pip install matplotlib leather` first.

Each library draws the report's first chart, forecast against actual of the example plan's ten
metrics as horizontal grouped bars, as an SVG string. Measured per library, in fresh processes: the
import, the drawing (median over the runs), the SVG's size, and whether it holds a <script> or a
link that a browser would fetch. Each SVG is then screenshotted by headless chromium to
bench/out/charts/NAME.png, to look at side by side.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out" / "charts"

NAMES = [
    "Website visits from social",
    "Instagram followers",
    "Facebook followers",
    "Newsletter subscribers",
    "Engagement rate",
    "Online orders",
    "Cost per order",
    "Posts published",
    "Reach",
    "Reviews",
]
FORECAST = [1200, 2400, 1800, 650, 4.5, 120, 8.0, 40, 15000, 25]
ACTUAL = [1010, 2510, 1650, 700, 3.1, 96, 9.5, 38, 16200, 21]

_DRAW = {
    "pygal": """
import pygal
from pygal.style import Style
style = Style(background="white", plot_background="white", colors=("#8EA9DB", "#1F4E78"),
              font_family="sans-serif")
chart = pygal.HorizontalBar(style=style, width=640, height=360, js=[], disable_xml_declaration=True,
                            legend_at_bottom=True, show_y_guides=False, print_values=False)
chart.title = "Forecast and actual, 2026-03"
chart.x_labels = NAMES
chart.add("Forecast", FORECAST)
chart.add("Actual", ACTUAL)
svg = chart.render(is_unicode=True)
""",
    "matplotlib": """
import io
import matplotlib
matplotlib.use("svg")
from matplotlib.figure import Figure
matplotlib.rcParams["svg.fonttype"] = "none"
figure = Figure(figsize=(6.4, 3.6))
axes = figure.add_subplot()
rows = range(len(NAMES))
axes.barh([r - 0.2 for r in rows], FORECAST, 0.4, label="Forecast", color="#8EA9DB")
axes.barh([r + 0.2 for r in rows], ACTUAL, 0.4, label="Actual", color="#1F4E78")
axes.set_yticks(list(rows), NAMES)
axes.invert_yaxis()
axes.set_title("Forecast and actual, 2026-03")
axes.legend(loc="lower right")
figure.tight_layout()
buffer = io.StringIO()
figure.savefig(buffer, format="svg")
svg = buffer.getvalue()
""",
    "leather": """
import leather
chart = leather.Chart("Forecast and actual, 2026-03")
chart.add_bars(list(zip(FORECAST, NAMES)), name="Forecast", fill_color="#8EA9DB")
chart.add_bars(list(zip(ACTUAL, NAMES)), name="Actual", fill_color="#1F4E78")
svg = chart.to_svg(width=640, height=360)
""",
}

_RUN = """
import json, sys, time
started = time.perf_counter()
{imports}
imported = time.perf_counter()
NAMES, FORECAST, ACTUAL = json.loads(sys.argv[1])
{draw}
drawn = time.perf_counter()
print(json.dumps({{"import": imported - started, "draw": drawn - imported, "svg": svg}}))
"""


def _imports(draw: str) -> str:
    return "\n".join(line for line in draw.strip().splitlines() if line.startswith(("import ", "from ")))


def _run(name: str) -> dict[str, object]:
    draw = _DRAW[name]
    body = "\n".join(line for line in draw.strip().splitlines() if not line.startswith(("import ", "from ")))
    script = _RUN.format(imports=_imports(draw), draw=body)
    data = json.dumps([NAMES, FORECAST, ACTUAL])
    done = subprocess.run([sys.executable, "-c", script, data], capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def _screenshot(svg: Path, png: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium is None:
        print("no chromium: no screenshots", file=sys.stderr)
        return
    page = svg.with_suffix(".html")
    page.write_text(f"<!doctype html><body style='margin:0'>{svg.read_text()}</body>", encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
             "--window-size=660,380", f"--screenshot={png}", page.as_uri()],
            capture_output=True, check=True, timeout=60,
        )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    print("| library | version | import | draw | SVG | script or link in it |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name in _DRAW:
        runs = [_run(name) for _ in range(args.repeat)]
        svg = str(runs[0]["svg"])
        path = OUT / f"{name}.svg"
        path.write_text(svg, encoding="utf-8")
        _screenshot(path, path.with_suffix(".png"))
        fetches = "<script" in svg or 'xlink:href="http' in svg or "@import" in svg
        version = subprocess.run(
            [sys.executable, "-c", f"import importlib.metadata as m; print(m.version({name!r}))"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        imported = statistics.median(float(str(run["import"])) for run in runs)
        drawn = statistics.median(float(str(run["draw"])) for run in runs)
        print(
            f"| {name} | {version} | {imported * 1000:.0f} ms | {drawn * 1000:.0f} ms "
            f"| {len(svg.encode()) / 1024:.1f} KB | {'yes' if fetches else 'no'} |"
        )


if __name__ == "__main__":
    main()
