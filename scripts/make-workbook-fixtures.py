"""Writes tests/fixtures/workbooks/ with real writers, as offices' files come: openpyxl,
xlsxwriter, xlwt and python-docx (pip), and LibreOffice (headless --convert-to xls, ods).
Each form sheet is written from a .tsv twin beside it (NAME__SHEET.tsv), and
tests/workbooks.rs checks that the sheet reads, and is checked, exactly like that paste.

Run by hand: pip install openpyxl xlsxwriter xlwt python-docx; apt-get install
libreoffice-calc-nogui libreoffice-writer-nogui. The generated files are committed."""
import csv, datetime, io, pathlib, re, shutil, subprocess, tempfile
from decimal import Decimal

root = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures"
out = root / "workbooks"
out.mkdir(exist_ok=True)

INSTRUCTIONS = [
    "填报说明",
    "1. 本表由项目单位填报，一级、二级指标按模板填写，不得修改。",
    "2. 三级指标应细化、量化，指标值写明比较符号和计量单位。",
    "3. 金额单位：万元，保留两位小数。",
]


def rows_of(path):
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8")), delimiter="\t"))


def typed(text):
    """What a clerk's workbook stores for a shown text: (value, number format)."""
    m = re.fullmatch(r"(\d+(?:\.(\d+))?)%", text)
    if m:
        return float(Decimal(m.group(1)) / 100), "0." + "0" * len(m.group(2)) + "%" if m.group(2) else "0%"
    if re.fullmatch(r"\d{1,3}(,\d{3})+\.\d\d", text):
        return float(text.replace(",", "")), "#,##0.00"
    if re.fullmatch(r"-?\d+\.\d+", text):
        return float(text), "0." + "0" * len(text.split(".")[1])
    if re.fullmatch(r"-?\d+", text):
        return int(text), None
    return text, None


def merges(rows):
    """Ranges (r0, c0, r1, c1), 0-based, of each 一级/二级 label over the blanks under it."""
    found = []
    header = next((i for i, r in enumerate(rows) if "一级指标" in r), None)
    if header is None:
        return found
    for name in ("一级指标", "二级指标"):
        c = rows[header].index(name)
        r = header + 1
        while r < len(rows):
            if c < len(rows[r]) and rows[r][c] and not rows[r][0].startswith("总分"):
                end = r
                while (end + 1 < len(rows) and c < len(rows[end + 1]) and not rows[end + 1][c]
                       and any(rows[end + 1][c + 1:]) and not rows[end + 1][0].startswith("总分")):
                    end += 1
                if end > r:
                    found.append((r, c, end, c))
                r = end + 1
            else:
                r += 1
    return found


def twin(name, sheet, src):
    """Copies the form's paste beside the workbook as NAME__SHEET.tsv."""
    shutil.copy(src, out / f"{name}__{sheet}.tsv")
    return rows_of(src)


TARGET = root / "V013" / "valid-deadline-within-period.tsv"
SELF = root / "clean" / "valid-central-self-evaluation.tsv"


def openpyxl_instructions_first():
    """An instructions sheet first, the form on the second with merged cells and percent
    formats, a hidden lookup sheet last."""
    from openpyxl import Workbook
    name = "openpyxl-instructions-first"
    wb = Workbook()
    ws = wb.active
    ws.title = "填报说明"
    for i, line in enumerate(INSTRUCTIONS, 1):
        ws.cell(row=i, column=1, value=line)
    rows = twin(name, "目标表", TARGET)
    form = wb.create_sheet("目标表")
    for r, row in enumerate(rows, 1):
        for c, text in enumerate(row, 1):
            if text:
                value, fmt = typed(text)
                cell = form.cell(row=r, column=c, value=value)
                if fmt:
                    cell.number_format = fmt
    for r0, c0, r1, c1 in merges(rows):
        form.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
    hidden = wb.create_sheet("下拉选项")
    for i, v in enumerate(["产出指标", "效益指标", "满意度指标"], 1):
        hidden.cell(row=i, column=1, value=v)
    hidden.sheet_state = "hidden"
    wb.save(out / f"{name}.xlsx")


def xlsxwriter_two_forms():
    """Two forms on two sheets; thousands and percent formats, a date under a Chinese date
    format, a formula with its cached value, a rich string."""
    import xlsxwriter
    name = "xlsxwriter-two-forms"
    wb = xlsxwriter.Workbook(str(out / f"{name}.xlsx"))
    fmts = {}

    def fmt(code):
        if code not in fmts:
            fmts[code] = wb.add_format({"num_format": code})
        return fmts[code]

    for sheet, src in (("目标表", TARGET), ("自评表", SELF)):
        rows = twin(name, sheet, src)
        ws = wb.add_worksheet(sheet)
        bold = wb.add_format({"bold": True})
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if not text:
                    continue
                value, code = typed(text)
                if text == "95.00%" and sheet == "自评表":
                    # 执行率 as a formula over 执行数 / 全年预算数, with its cached value.
                    ws.write_formula(r, c, "=E5/D5", fmt("0.00%"), 0.95)
                elif text == "培训合格率":
                    ws.write_rich_string(r, c, bold, "培训", "合格率")
                elif code:
                    ws.write_number(r, c, value, fmt(code))
                elif isinstance(value, int):
                    ws.write_number(r, c, value)
                else:
                    ws.write_string(r, c, value)
        for r0, c0, r1, c1 in merges(rows):
            ws.merge_range(r0, c0, r1, c1, rows[r0][c0])
    # A sheet with a date under a Chinese format and nothing to check: skipped.
    ws = wb.add_worksheet("封面")
    ws.write_string(0, 0, "填报日期")
    ws.write_datetime(0, 1, datetime.datetime(2024, 3, 15), fmt('yyyy"年"m"月"d"日"'))
    wb.close()


def xlwt_instructions_first():
    """A .xls as older Excel and WPS save it: instructions first, the form second."""
    import xlwt
    name = "xlwt-instructions-first"
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("填报说明")
    for i, line in enumerate(INSTRUCTIONS):
        ws.write(i, 0, line)
    rows = twin(name, "目标表", TARGET)
    form = wb.add_sheet("目标表")
    spans = {(r0, c0): (r1, c1) for r0, c0, r1, c1 in merges(rows)}
    covered = {(r, c0) for (r0, c0), (r1, _) in spans.items() for r in range(r0 + 1, r1 + 1)}
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if (r, c) in covered:
                continue
            value, _ = typed(text) if text else ("", None)
            if (r, c) in spans:
                r1, c1 = spans[(r, c)]
                form.write_merge(r, r1, c, c1, value)
            elif text:
                form.write(r, c, value)
    wb.save(str(out / f"{name}.xls"))


def docx_report_with_table():
    """A Word 自评报告: paragraphs, then the 自评表 as a table under its title."""
    import docx
    name = "python-docx-report"
    d = docx.Document()
    d.add_heading("某区应急管理局2023年度社区安全培训项目绩效自评报告", level=1)
    for p in [
        "一、项目基本情况",
        "项目年度预算100万元，全年执行95万元，预算执行率95.00%。",
        "二、绩效目标完成情况",
        "全年培训320人次，年度指标值≥300人次，实际完成值320人次；培训合格率97%。",
        "三、自评结论",
        "项目自评得分97.5分，评价等级为优。",
    ]:
        d.add_paragraph(p)
    rows = rows_of(SELF)
    d.add_paragraph(rows[0][0])
    body = rows[1:]
    width = max(len(r) for r in body)
    table = d.add_table(rows=len(body), cols=width)
    for r, row in enumerate(body):
        for c in range(width):
            table.cell(r, c).text = row[c] if c < len(row) else ""
    d.save(out / f"{name}.docx")
    # The table as a clerk copies it, under its title paragraph.
    (out / f"{name}__表格1.tsv").write_text(
        "\n".join("\t".join(r) for r in [[rows[0][0]]] + [r + [""] * (width - len(r)) for r in body]) + "\n",
        encoding="utf-8")


def xlsxwriter_inline_strings():
    """xlsxwriter's constant_memory mode writes each text as an inline string (no shared
    strings part), as streaming exporters of portals do."""
    import xlsxwriter
    name = "xlsxwriter-inline-strings"
    wb = xlsxwriter.Workbook(str(out / f"{name}.xlsx"), {"constant_memory": True})
    ws = wb.add_worksheet("自评表")
    pct = wb.add_format({"num_format": "0.00%"})
    for r, row in enumerate(twin(name, "自评表", SELF)):
        for c, text in enumerate(row):
            if not text:
                continue
            value, code = typed(text)
            if code and "%" in code:
                ws.write_number(r, c, value, pct if code == "0.00%" else wb.add_format({"num_format": code}))
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                ws.write_number(r, c, value)
            else:
                ws.write_string(r, c, value)
    wb.close()


def odfpy_self_evaluation():
    """An .ods as odfpy writes it: percent cells with their value and their shown text."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableRow, TableCell
    from odf.text import P
    name = "odfpy-self-evaluation"
    doc = OpenDocumentSpreadsheet()
    table = Table(name="自评表")
    for row in twin(name, "自评表", SELF):
        tr = TableRow()
        for text in row:
            value, code = typed(text) if text else ("", None)
            if code and "%" in code:
                cell = TableCell(valuetype="percentage", value=value)
            elif isinstance(value, (int, float)) and text:
                cell = TableCell(valuetype="float", value=value)
            else:
                cell = TableCell(valuetype="string") if text else TableCell()
            if text:
                cell.addElement(P(text=text))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(out / f"{name}.ods"))


def seeds():
    """Seed 004 (a summary self-evaluation of fourteen projects, rates as 0.00%) as LibreOffice
    saves it in .xls and .ods from its .xlsx, and seed 003 (a report) as a Word document."""
    import docx
    seed4 = root / "seeds" / "004_9d9dc482990db41b.txt"
    shutil.copy(root / "xlsx" / "seed-004.xlsx", out / "seed-004.xlsx")
    shutil.copy(seed4, out / "seed-004__自评表.tsv")
    libreoffice(out / "seed-004.xlsx", "xls")
    libreoffice(out / "seed-004.xlsx", "ods")
    seed3 = root / "seeds" / "003_fd178c73d5be2efc.txt"
    d = docx.Document()
    text = seed3.read_text(encoding="utf-8")
    for line in text.split("\n"):
        d.add_paragraph(line)
    d.save(out / "python-docx-seed-003.docx")
    shutil.copy(seed3, out / "python-docx-seed-003__正文.tsv")


def libreoffice(src, to):
    """LibreOffice's own save of a workbook (--convert-to xls|ods)."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", "--headless", "--convert-to", to, "--outdir", tmp, str(src)],
                       check=True, capture_output=True, timeout=180)
        made = next(pathlib.Path(tmp).glob(f"*.{to}"))
        dest = out / f"libreoffice-{src.stem}.{to}"
        shutil.move(made, dest)
    for tsv in out.glob(f"{src.stem}__*.tsv"):
        shutil.copy(tsv, out / f"libreoffice-{tsv.name}")


openpyxl_instructions_first()
xlsxwriter_two_forms()
xlwt_instructions_first()
docx_report_with_table()
libreoffice(out / "openpyxl-instructions-first.xlsx", "ods")
libreoffice(out / "openpyxl-instructions-first.xlsx", "xls")
libreoffice(out / "xlsxwriter-two-forms.xlsx", "ods")
libreoffice(out / "xlsxwriter-two-forms.xlsx", "xls")
libreoffice(out / "python-docx-report.docx", "docx")
xlsxwriter_inline_strings()
odfpy_self_evaluation()
seeds()
print("written:", sorted(p.name for p in out.iterdir()))
