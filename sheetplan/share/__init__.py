"""Putting the review in front of people: the calendar (`calendar`, from the meetings and actions
that `schedule` picks out of a plan) and the HTML report (`report`, with its charts from `charts`,
its numbers written by `formats`, each person's tasks from `people`; `publish` writes it, and
`browser` prints it to PDF with Chromium), and the e-mail (`mail`, sent by `smtp`; its charts as
`bars` of table cells).

A writer, on the layer of `sheetplan.template`, `sheetplan.xlsx` and `sheetplan.gsheets`. May import
the stages up to `sheetplan.layout`; not its siblings. icalendar is imported only by `calendar`,
pygal only by `charts`.
"""
