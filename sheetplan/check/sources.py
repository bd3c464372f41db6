"""The rules of the Sources sheet: each row names a metric of the plan, a kind of export sheetplan
reads, a Value that export can give, and a Filter of the form `Column = value`.

A kind with no fixed columns (GA4, Daily CSV) takes any column name; only its file can say more, and
that is for `sheetplan import`, which reads the file.
"""

from __future__ import annotations

from collections.abc import Iterator

from sheetplan.check import suggest
from sheetplan.check.context import Context
from sheetplan.exports.kinds import KINDS, Kind, kind_named
from sheetplan.plan import schema
from sheetplan.plan.i18n import _
from sheetplan.plan.model import Problem, Source
from sheetplan.plan.sources import parse_filter, parse_value
from sheetplan.plan.words import listing

_KIND_NAMES = {schema.normalise(kind.name): kind.name for kind in KINDS}
_LISTED = 6
"""How many of a kind's columns a message names before it says how many more there are."""


def known_metrics(context: Context) -> Iterator[Problem]:
    """A Sources row feeds a metric the Metrics sheet has."""
    for source in context.plan.sources:
        if source.metric_id and source.metric_id not in context.metric_ids:
            meant = suggest.meant_id(source.metric_id, context.folded_metric_ids)
            message = _("{metric_id} is not a Metric ID on the {sheet} sheet{did_you_mean}").format(
                metric_id=source.metric_id,
                sheet=context.plan.sheet_name("metrics"),
                did_you_mean=suggest.did_you_mean(meant),
            )
            yield context.problem("error", "sources", source.row, "metric_id", "unknown_metric", message)


def known_exports(context: Context) -> Iterator[Problem]:
    """A Sources row names a kind of export sheetplan reads, and a Value that kind of export has."""
    for source in context.plan.sources:
        if not source.export:
            continue
        kind = kind_named(source.export)
        if kind is None:
            meant = suggest.meant_name(source.export, _KIND_NAMES)
            advice = (
                suggest.did_you_mean(meant, quoted=True)
                if meant
                else _("; use one of: {listing}").format(
                    listing=listing(list(_KIND_NAMES.values()), limit=len(KINDS))
                )
            )
            message = _('"{export}" is not a kind of export sheetplan reads{advice}').format(
                export=source.export, advice=advice
            )
            yield context.problem("error", "sources", source.row, "export", "unknown_export", message)
        elif source.value:
            yield from _value_problems(context, source, kind)


def _value_problems(context: Context, source: Source, kind: Kind) -> Iterator[Problem]:
    spec = parse_value(source.value)
    if spec is None:
        message = _('"{value}" is not a column, posts, or two columns as A + B or A / B').format(
            value=source.value
        )
        yield context.problem("error", "sources", source.row, "value", "bad_source_value", message)
        return
    if spec.operation == "posts" and not kind.posts:
        message = _("{name} does not list posts, so there are none to count; name one of its columns").format(
            name=kind.name
        )
        yield context.problem("error", "sources", source.row, "value", "unknown_export_column", message)
        return
    if not kind.columns:
        return
    columns = {schema.normalise(column): column for column in kind.columns}
    for column in spec.columns:
        if schema.normalise(column) not in columns:
            meant = suggest.meant_name(column, columns)
            listed = listing(kind.columns, limit=_LISTED, separator="; ")
            advice = (
                suggest.did_you_mean(meant, quoted=True)
                if meant
                else _("; its columns are: {listed}").format(listed=listed)
            )
            message = _('"{column}" is not a column of {name}{advice}').format(
                column=column, name=kind.name, advice=advice
            )
            yield context.problem("error", "sources", source.row, "value", "unknown_export_column", message)
            return


def valid_filters(context: Context) -> Iterator[Problem]:
    """A Sources row's Filter, when it has one, is `Column = value`."""
    for source in context.plan.sources:
        if source.filter and parse_filter(source.filter) is None:
            message = _('"{filter}" is not a filter; write it as Column = value (Post type = Reel)').format(
                filter=source.filter
            )
            yield context.problem("error", "sources", source.row, "filter", "bad_filter", message)


RULES = (known_metrics, known_exports, valid_filters)
"""The Sources sheet's rules, in the order of its columns."""
