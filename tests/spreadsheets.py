"""Reading back the spreadsheets the admin's listings and reports export."""

import csv
import io

from openpyxl import load_workbook


def exported_rows(client, url, fmt, **query):
    """The rows of the spreadsheet `url` exports in `fmt` ("csv" or "xlsx"), as lists of cell
    values: strings from a CSV, typed values (numbers, dates) from an XLSX."""
    response = client.get(url, {"export": fmt, **query})
    assert response.status_code == 200, url
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if fmt == "csv":
        return list(csv.reader(io.StringIO(content.decode())))
    sheet = load_workbook(io.BytesIO(content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]
