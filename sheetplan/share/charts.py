"""The report's two charts as inline SVG, drawn with pygal: the review sheet's charts, for a browser.

Each metric's achievement against its forecast, this month and year to date, as a percentage that is
positive when it did better than planned and coloured by its status, for the first
`layout.achievement.CHART_METRICS` metrics: the sheet's charts. pygal was chosen by
measurement (`bench/charts.py`): a seventh of matplotlib's start-up, grouped bars that leather cannot
draw. Its SVG carries its own CSS; the small script it adds for its tooltips is taken out, so that the
report holds no script at all, and each chart gets a fixed id instead of a random one, so that the
same review gives the same file.
"""

from __future__ import annotations

from typing import Any

import pygal
from pygal.style import Style

from sheetplan.layout import labels
from sheetplan.plan.schema import Lang
from sheetplan.review.figures import achievement
from sheetplan.review.model import MetricReview, Review
from sheetplan.share import formats
from sheetplan.share.bars import BAR_COLOURS, charted


def month_chart(review: Review, lang: Lang) -> str:
    """Each charted metric's achievement against its forecast in the review month, coloured by status."""
    return _achievement(review, lang, "month", labels.CHART_MONTH(lang).format(month=review.month))


def ytd_chart(review: Review, lang: Lang) -> str:
    """Each charted metric's achievement against its forecast year to date, coloured by status."""
    return _achievement(review, lang, "ytd", labels.CHART_YTD(lang))


def _achievement(review: Review, lang: Lang, which: str, title: str) -> str:
    """Bars of `layout.achievement`'s percentages: better than planned to the right, whichever a metric's
    direction, so that every bar is a percentage and no chart mixes units."""
    metrics = charted(review)
    chart = _chart(title, len(metrics), lang, which, ("#C55A11",))
    chart.config.value_formatter = lambda value: formats.percent(value / 100, lang)
    chart.config.show_legend = False
    chart.x_labels = [_name(item) for item in reversed(metrics)]
    values: list[dict[str, Any] | None] = []
    for item in reversed(metrics):
        figures = item.month if which == "month" else item.ytd
        done = achievement(figures, item.metric.direction)
        values.append(
            None if done is None else {"value": done * 100, "color": f"#{BAR_COLOURS[figures.status]}"}
        )
    chart.add(labels.THIS_MONTH(lang) if which == "month" else labels.YEAR_TO_DATE(lang), values)
    return str(chart.render(is_unicode=True))


def _name(item: MetricReview) -> str:
    return f"{item.metric.id} {item.metric.name}"


def _chart(title: str, count: int, lang: Lang, name: str, colours: tuple[str, ...]) -> pygal.HorizontalBar:
    style = Style(
        colors=colours,
        opacity="1",
        opacity_hover="1",
        guide_stroke_dasharray="2,2",
        major_guide_stroke_dasharray="2,2",
        guide_stroke_color="#CCCCCC",
        major_guide_stroke_color="#999999",
        background="white",
        plot_background="white",
        font_family="Helvetica, Arial, sans-serif",
        title_font_size=15,
        label_font_size=11,
        major_label_font_size=11,
        legend_font_size=12,
        foreground="#333333",
        foreground_strong="#333333",
        foreground_subtle="#E0E0E0",
    )
    chart = pygal.HorizontalBar(
        style=style,
        width=720,
        height=120 + 26 * max(count, 1),
        js=[],
        disable_xml_declaration=True,
        legend_at_bottom=True,
        legend_at_bottom_columns=2,
        show_y_guides=False,
        # Every other value label only: with thousands separators, a dozen of them overlap.
        # (pygal keeps the x and y names of a vertical chart: here x is the value axis.)
        x_labels_major_every=2,
        show_minor_x_labels=False,
        truncate_label=40,
        margin=8,
        value_formatter=lambda value: formats.number(value, lang),
        no_data_text=labels.NONE(lang),
    )
    chart.uuid = f"sheetplan-{name}"
    chart.title = title
    chart.add_xml_filter(_without_script)
    return chart


def _without_script(root: Any) -> Any:
    """The chart without pygal's script (its tooltips' settings), since the report runs none, and
    without its comments (pygal's name and web addresses)."""
    for parent in list(root.iter()):
        for child in list(parent):
            if not isinstance(child.tag, str) or child.tag.rpartition("}")[2] == "script":
                parent.remove(child)
    return root
