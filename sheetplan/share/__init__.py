"""Putting the review in front of people: the calendar now (`calendar`, from the meetings and
actions that `schedule` picks out of a plan); the HTML report and the e-mail later.

A writer, on the layer of `sheetplan.template`, `sheetplan.xlsx` and `sheetplan.gsheets`. May import
the stages up to `sheetplan.layout`; not its siblings. icalendar is imported only by `calendar`.
"""
