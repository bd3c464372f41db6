"""gsheets."""
