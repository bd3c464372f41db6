"""The parts behind `excel_features`: a corpus of plans carrying what real Excel files carry.

`parts` and `book` edit a workbook's zip at the part level; `media` makes its binary parts; the other
modules each add features the way Excel stores them; `checks` tells whether a package is sound.
"""
