"""CSV and XLSX downloads, built one way, with the guard against spreadsheet formulas.

A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a
formula (or becomes one) in Excel and LibreOffice; such text gets a leading apostrophe, so
it is shown and never run (OWASP "CSV injection").
"""

import csv
import io

from django.http import HttpResponse

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value):
    """The value as a spreadsheet should get it: text that starts like a formula gets an
    apostrophe; numbers, dates and empty cells pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(rows, *, filename: str) -> HttpResponse:
    """The rows (the first is the header) as a UTF-8 CSV download (with a BOM, so Excel
    reads the Danish and Norwegian letters)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    return _attachment(response, filename)


def xlsx_response(rows, *, filename: str, sheet_title: str) -> HttpResponse:
    """The rows as an Excel workbook of one sheet. Control characters that the file
    format cannot hold are dropped rather than failing the download."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = ILLEGAL_CHARACTERS_RE.sub("", str(sheet_title))[:31] or "Sheet"
    for row in rows:
        sheet.append(
            [
                safe_cell(ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value)
                for value in row
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _attachment(HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE), filename)
