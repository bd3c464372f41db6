"""The platforms' own export files, recognised from what they hold and read into frozen records,
for `sheetplan import` to bring a month's actual results in from.

The interface:

- `read.read_export(path, today, name=None) -> list[Export]` reads one file (CSV in any encoding,
  legacy .xls, .xlsx, or a zip of CSVs): one `Export` per table (a GA4 download may hold several,
  a zip one per member, a workbook one per kind among its sheets). `today` bounds the years given to
  dates printed without one; `name` is how messages call the file.
- `model.Export` (frozen): `path`, `name`, `sha256`, `kind`, `variant` (YouTube's `Table data`,
  Search Console's `Dates`...), `series` (Meta page's), `columns` (the header as in the file),
  `rows`, `posts`, `coverage` (first and last day), `stated` (whether the file stated it),
  `lifetime` (post totals as of the export's day), and `column(name)`, the file's spelling of a
  column named in any case.
- `model.Row` (a named tuple): `number` (the line, for messages), `day`, `values` (a mapping by
  column: numbers parsed, percentages as fractions, blanks and `-` as None), and for Monthly CSV
  `month` and `metric_id`. Total and Grand total rows are left out.
- `model.Post` (a named tuple): `number`, `channel`, `post_id`, `published`, `type`, `text`,
  `link`, `impressions`, `reach`, `engagements`, `reactions`, `comments`, `shares`, `clicks`.
- `kinds.Kind` (frozen): `name` as a Sources row types it, `columns` a Sources row may name,
  `identified_by` (a line for `sheetplan import --formats`) and `posts`; `kinds.KINDS` lists them
  and `kinds.kind_named` finds one by name in any case.

Every refusal is a `SourceError` of one line naming the file, the row and the column:
`exports/meta.csv: row 7, column "Reach": "12k" is not a number`.

The modules, in the order a file passes through them: `read` (the entry point), `archive` (zip
members, measured while inflating), `decode` (bytes to text), `tables` (text to tables of records),
`sheets` (workbooks to tables), `recognise` (a table's kind, by `shapes`), `convert` (records to rows,
with `cells`, `dates` and `years`), `posts` and `coverage`; `kinds` and `model` hold what callers see.

May import `sheetplan.plan`, `sheetplan.files` and `sheetplan.read` (whose `values` parses numbers).
`sheetplan.check` and the layers above it may import this package.
"""
