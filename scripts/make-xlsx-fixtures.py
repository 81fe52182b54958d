"""Writes tests/fixtures/xlsx/*.xlsx from their .tsv twins the way a clerk's workbook holds them:
numbers as numbers with Excel number formats (percent, thousands), merged 一级/二级 cells.
Run by hand (needs openpyxl); the .xlsx files are committed."""
import csv, io, pathlib, re
from decimal import Decimal
from openpyxl import Workbook

root = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures"

def cells(path):
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8")), delimiter="\t"))

def write(tsv, out, merge_levels=True):
    rows = cells(tsv)
    wb = Workbook()
    ws = wb.active
    ws.title = "自评表"
    for r, row in enumerate(rows, 1):
        for c, text in enumerate(row, 1):
            if text == "":
                continue
            cell = ws.cell(row=r, column=c)
            m = re.fullmatch(r"(\d+(?:\.(\d+))?)%", text)
            if m:  # a rate typed as a percentage: stored as a fraction, shown with its decimals
                cell.value = float(Decimal(m.group(1)) / 100)
                cell.number_format = "0." + "0" * len(m.group(2)) + "%" if m.group(2) else "0%"
            elif re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", text):
                cell.value = float(text.replace(",", ""))
                cell.number_format = "#,##0.00" if "." in text else "#,##0"
            elif re.fullmatch(r"-?\d+(\.\d+)?", text):
                cell.value = float(text) if "." in text else int(text)
            else:
                cell.value = text
    if merge_levels:
        # Merge each 一级/二级 label down over the blank cells under it, as templates do.
        header = next(i for i, r in enumerate(rows) if "一级指标" in r)
        for col_name in ("一级指标", "二级指标"):
            c = rows[header].index(col_name)
            r = header + 1
            while r < len(rows):
                if c < len(rows[r]) and rows[r][c]:
                    end = r
                    while end + 1 < len(rows) and (c >= len(rows[end + 1]) or not rows[end + 1][c]) and len(rows[end + 1]) > c + 1 and rows[end + 1][c + 1 if col_name == "一级指标" else c + 1]:
                        end += 1
                    if end > r:
                        ws.merge_cells(start_row=r + 1, start_column=c + 1, end_row=end + 1, end_column=c + 1)
                    r = end + 1
                else:
                    r += 1
    wb.save(out)

write(root / "clean" / "valid-central-self-evaluation.tsv", root / "xlsx" / "valid-central-self-evaluation.xlsx")
write(root / "R001" / "invalid-wrong-rate.tsv", root / "xlsx" / "invalid-wrong-rate.xlsx", merge_levels=False)
write(root / "seeds" / "004_9d9dc482990db41b.txt", root / "xlsx" / "seed-004.xlsx", merge_levels=False)
