"""The platforms' own export files, recognised from what they hold and read into frozen records,
for `sheetplan import` to bring a month's actual results in from.

`read.read_export(path, today, name=None)` reads one file (CSV in any encoding, legacy .xls, .xlsx, or a
zip of CSVs) into a list of `Export`s, one per table: each with its `Kind`, header, `Row`s (days,
numbers parsed, percentages as fractions), `Post`s for post-level kinds, and the days it covers.
`kinds.KINDS` lists the kinds, and `kinds.kind_named` finds the one a Sources row's Export column names. Every
refusal is a `SourceError` of one line naming the file, the row and the column.

The modules, in the order a file passes through them: `read` (the entry point), `archive` (zip
members, measured while inflating), `decode` (bytes to text), `tables` (text to tables of records),
`sheets` (workbooks to tables), `recognise` (a table's kind, by `shapes`), `convert` (records to rows,
with `cells`, `dates` and `years`), `posts` and `coverage`; `kinds` and `model` hold what callers see.

May import `sheetplan.plan`, `sheetplan.files` and `sheetplan.read` (whose `values` parses numbers).
`sheetplan.check` and the layers above it may import this package.
"""
