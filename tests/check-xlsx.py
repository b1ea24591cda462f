#!/usr/bin/python3
# check-xlsx.py: read a workbook written by `chitieu export` back with openpyxl
# and compare it with what the library holds (a JSON file the test writes
# through the store's API).
#
#   check-xlsx.py WORKBOOK.xlsx EXPECTED.json
#
# Prints one line per failed check and exits 1 when any failed; prints a
# short summary and exits 0 otherwise. Run with Debian's /usr/bin/python3,
# which sees python3-openpyxl.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import math
import re
import sys

import openpyxl
from openpyxl.utils import get_column_letter, range_boundaries

# Layout written by app/core/ct-export-xlsx-*.c
FIRST_ROW = 3          # first data row of the comparison, 1-based
FIRST_DATA_COL = 5     # column E: the first report's value
SUBCOLUMNS = 4         # value, plan, rate, verdict
MAX_SERIES = 255

failures = []


def fail(message):
    failures.append(message)


def same_number(a, b):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, str) or isinstance(b, str):
        return False
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def quoted(sheet):
    return "'" + sheet.replace("'", "''") + "'"


def column_reference(sheet, col, rows):
    """The reference the exporter must write for data rows (0-based)."""
    letter = get_column_letter(col)
    runs = []
    for r in rows:
        if runs and runs[-1][1] + 1 == r:
            runs[-1][1] = r
        else:
            runs.append([r, r])
    parts = []
    for a, b in runs:
        cell = f"{quoted(sheet)}!${letter}${FIRST_ROW + a}"
        if b != a:
            cell += f":${letter}${FIRST_ROW + b}"
        parts.append(cell)
    return parts[0] if len(parts) == 1 else "(" + ",".join(parts) + ")"


def resolve(workbook, reference):
    """Values of the cells a chart reference points at, in order."""
    values = []
    for part in re.findall(r"'((?:[^']|'')+)'!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?", reference):
        sheet, c1, r1, c2, r2 = part
        ws = workbook[sheet.replace("''", "'")]
        area = f"{c1}{r1}:{c2 or c1}{r2 or r1}"
        for row in ws[area]:
            for cell in row:
                values.append(cell.value)
    return values


def check_properties(workbook, expected):
    props = workbook.properties
    if expected["title"] is None:
        if not props.title:
            fail("title property is empty")
    elif props.title != expected["title"]:
        fail(f"title property is {props.title!r}, expected {expected['title']!r}")
    if not props.subject:
        fail("subject property is empty")
    if props.created is None:
        fail("created property is missing")
    else:
        created = props.created
        if created.tzinfo is None:
            created = created.replace(tzinfo=datetime.timezone.utc)
        age = datetime.datetime.now(datetime.timezone.utc) - created
        if abs(age.total_seconds()) > 24 * 3600:
            fail(f"created property {props.created} is not today")


def check_comparison(workbook, expected):
    name = expected["sheets"][0]
    ws = workbook[name]
    columns = expected["columns"]
    rows = expected["rows"]
    last_col = FIRST_DATA_COL + SUBCOLUMNS * len(columns) - 1

    for c, column in enumerate(columns):
        col = FIRST_DATA_COL + SUBCOLUMNS * c
        if ws.cell(1, col).value != column["title"]:
            fail(f"{name}: header of column {c} is {ws.cell(1, col).value!r}, expected {column['title']!r}")
        merged = f"{get_column_letter(col)}1:{get_column_letter(col + SUBCOLUMNS - 1)}1"
        if merged not in {str(m) for m in ws.merged_cells.ranges}:
            fail(f"{name}: report title not merged over {merged}")
        for k, header in enumerate(expected["subheaders"]):
            if ws.cell(2, col + k).value != header:
                fail(f"{name}: sub-header {get_column_letter(col + k)}2 is {ws.cell(2, col + k).value!r}")

    if ws.freeze_panes != f"E{FIRST_ROW}":
        fail(f"{name}: frozen at {ws.freeze_panes!r}, expected E{FIRST_ROW}")
    want_filter = f"A2:{get_column_letter(last_col)}{FIRST_ROW - 1 + len(rows)}"
    if ws.auto_filter.ref != want_filter:
        fail(f"{name}: autofilter {ws.auto_filter.ref!r}, expected {want_filter}")
    if (ws.column_dimensions["C"].width or 0) < 30:
        fail(f"{name}: the indicator column is too narrow")

    n_numbers = 0
    for r, row in enumerate(rows):
        xr = FIRST_ROW + r
        for col, key in ((2, "code"), (3, "name"), (4, "unit")):
            if ws.cell(xr, col).value != row[key]:
                fail(f"{name}: {get_column_letter(col)}{xr} is {ws.cell(xr, col).value!r}, expected {row[key]!r}")
        for c, cell in enumerate(row["cells"]):
            col = FIRST_DATA_COL + SUBCOLUMNS * c
            for k, key in enumerate(("value", "plan")):
                got = ws.cell(xr, col + k)
                want = cell.get(key) if cell else None
                unit = cell.get(key + "_unit") if cell else None
                if isinstance(got.value, str):
                    fail(f"{name}: {got.coordinate} holds the figure as text {got.value!r}")
                    continue
                if not same_number(got.value, want):
                    fail(f"{name}: {got.coordinate} ({row['name']} / {columns[c]['title']}) "
                         f"is {got.value!r}, the library has {want!r}")
                elif want is not None:
                    n_numbers += 1
                    if unit is not None:
                        # another unit than the row's: a number whose format shows the unit
                        if f'"{unit}"' not in got.number_format:
                            fail(f"{name}: {got.coordinate} format {got.number_format!r} does not show {unit!r}")
                    elif got.number_format not in ("#,##0", "#,##0.##"):
                        fail(f"{name}: {got.coordinate} has number format {got.number_format!r}")
            got = ws.cell(xr, col + 2)
            want = cell.get("rate") if cell else None
            if not same_number(got.value, None if want is None else want / 100.0):
                fail(f"{name}: rate {got.coordinate} is {got.value!r}, the library has {want!r} %")
            elif want is not None:
                n_numbers += 1
                if got.number_format != "0.0%":
                    fail(f"{name}: {got.coordinate} has number format {got.number_format!r}")
                # the verdict's tint, the window's colour for the same cell
                fill = (got.fill.fgColor.rgb or "")[-6:] if got.fill and got.fill.fill_type else ""
                if fill.upper() != (cell.get("fill") or "").upper():
                    fail(f"{name}: {got.coordinate} is filled {fill!r}, its verdict wants {cell.get('fill')!r}")
            verdict = ws.cell(xr, col + 3).value
            if verdict != (cell.get("verdict") if cell else None):
                fail(f"{name}: verdict {get_column_letter(col + 3)}{xr} is {verdict!r}, "
                     f"the library says {cell.get('verdict') if cell else None!r}")
    return n_numbers


def check_chart(workbook, expected):
    name = expected["sheets"][0]
    ws = workbook[name]
    chart_rows = expected["chart_rows"]
    if not chart_rows:
        if ws._charts:
            fail(f"{name}: a chart without rows to show")
        return 0
    if len(ws._charts) != 1:
        fail(f"{name}: {len(ws._charts)} charts, expected 1")
        return 0
    chart = ws._charts[0]
    if chart.tagname != "barChart" or chart.type != "col":
        fail(f"{name}: chart is {chart.tagname}/{getattr(chart, 'type', None)}, expected a column chart")
    series = chart.series
    n_columns = min(len(expected["columns"]), MAX_SERIES)
    if len(series) != n_columns:
        fail(f"{name}: chart has {len(series)} series, expected {n_columns}")
        return 0
    names = [expected["rows"][r]["name"] for r in chart_rows]
    for c, s in enumerate(series):
        col = FIRST_DATA_COL + SUBCOLUMNS * c
        want_values = column_reference(name, col + 2, chart_rows)
        want_cats = column_reference(name, 3, chart_rows)
        got_values = s.val.numRef.f
        cat = s.cat.strRef or s.cat.numRef
        got_cats = cat.f if cat is not None else None
        if got_values != want_values:
            fail(f"chart series {c}: values {got_values!r}, expected {want_values!r}")
        if got_cats != want_cats:
            fail(f"chart series {c}: categories {got_cats!r}, expected {want_cats!r}")
        want_name = f"{quoted(name)}!${get_column_letter(col)}$1"
        if s.tx is None or s.tx.strRef is None or s.tx.strRef.f != want_name:
            fail(f"chart series {c}: name is not {want_name}")
        # What the references hold is what the library says.
        if resolve(workbook, got_cats or "") != names:
            fail(f"chart series {c}: categories resolve to {resolve(workbook, got_cats or '')[:3]}…")
        rates = [expected["rows"][r]["cells"][c] for r in chart_rows]
        for got, cell in zip(resolve(workbook, got_values), rates):
            want = cell.get("rate") if cell else None
            if not same_number(got, None if want is None else want / 100.0):
                fail(f"chart series {c}: a rate resolves to {got!r}, the library has {want!r}")
    return len(series)


def check_observations(workbook, expected):
    name = expected["sheets"][1]
    ws = workbook[name]
    headers = [c.value for c in ws[1]]
    for header in expected["observation_headers"]:
        if header not in headers:
            fail(f"{name}: no column {header!r} (have {headers})")
    if failures:
        return 0
    col = {h: i for i, h in enumerate(headers)}
    h = expected["observation_headers"]
    by_id = {}
    for row in ws.iter_rows(min_row=2, values_only=True):
        by_id[row[col[h[-1]]]] = row
    observations = expected["observations"]
    if len(by_id) != len(observations):
        fail(f"{name}: {len(by_id)} rows, the library has {len(observations)} observations")
    if ws.freeze_panes != "A2":
        fail(f"{name}: frozen at {ws.freeze_panes!r}, expected A2")
    if ws.auto_filter.ref is None or not ws.auto_filter.ref.startswith("A1:"):
        fail(f"{name}: no autofilter on the header row")
    # header names (English column keys) in the expected order of h:
    keys = ["report", "locality", "period", "section", "label", "indicator", "value",
            "unit", "plan", "rate", "rate_computed", "yoy", "status", "flags",
            "corrected", "sentence", "id"]
    for obs in observations:
        row = by_id.get(obs["id"])
        if row is None:
            fail(f"{name}: observation {obs['id']} ({obs['label']!r}) is missing")
            continue
        got = dict(zip(keys, (row[col[x]] for x in h)))
        for key in ("report", "locality", "period", "section", "label", "indicator", "unit", "status"):
            if got[key] != obs.get(key):
                fail(f"{name}: observation {obs['id']} {key} is {got[key]!r}, expected {obs.get(key)!r}")
        for key in ("value", "plan"):
            if not same_number(got[key], obs.get(key)):
                fail(f"{name}: observation {obs['id']} {key} is {got[key]!r}, the library has {obs.get(key)!r}")
        for key in ("rate", "rate_computed", "yoy"):
            want = obs.get(key)
            if not same_number(got[key], None if want is None else want / 100.0):
                fail(f"{name}: observation {obs['id']} {key} is {got[key]!r}, the library has {want!r} %")
        if bool(got["flags"]) != bool(obs["flags"]):
            fail(f"{name}: observation {obs['id']} flags {got['flags']!r}, library bits {obs['flags']}")
        if bool(got["corrected"]) != bool(obs["corrected"]):
            fail(f"{name}: observation {obs['id']} corrected {got['corrected']!r}, library bits {obs['corrected']}")
        clause = (obs.get("clause") or "").strip()
        if clause and (not got["sentence"] or clause not in got["sentence"]):
            fail(f"{name}: observation {obs['id']} sentence {got['sentence']!r} lacks its clause {clause!r}")
    return len(observations)


def check_reports(workbook, expected):
    name = expected["sheets"][2]
    ws = workbook[name]
    headers = [c.value for c in ws[1]]
    h = expected["report_headers"]
    for header in h:
        if header not in headers:
            fail(f"{name}: no column {header!r}")
            return 0
    col = {x: i for i, x in enumerate(headers)}
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    if len(rows) != len(expected["reports"]):
        fail(f"{name}: {len(rows)} rows, expected {len(expected['reports'])}")
    for row, report in zip(rows, expected["reports"]):
        source, sha, imported = (row[col[x]] for x in h)
        if source != report["source_name"]:
            fail(f"{name}: source {source!r}, expected {report['source_name']!r}")
        if sha != report["sha256"]:
            fail(f"{name}: sha256 {sha!r}, expected {report['sha256']!r}")
        want = datetime.datetime.fromisoformat(report["imported_at"].replace("Z", "+00:00"))
        want = want.astimezone(datetime.timezone.utc).replace(tzinfo=None, microsecond=0)
        if not isinstance(imported, datetime.datetime) or abs((imported - want).total_seconds()) > 1:
            fail(f"{name}: imported {imported!r}, expected {want}")
    return len(rows)


def check_page_setup(workbook):
    """Every sheet prints on A4 landscape, one page wide, its header rows
    on every page, with a print area and the page number in the footer."""
    for ws in workbook.worksheets:
        name = ws.title
        if ws.page_setup.orientation != "landscape":
            fail(f"{name}: prints {ws.page_setup.orientation!r}, expected landscape")
        if str(ws.page_setup.paperSize) != "9":
            fail(f"{name}: paper {ws.page_setup.paperSize!r}, expected A4 (9)")
        if not ws.sheet_properties.pageSetUpPr or not ws.sheet_properties.pageSetUpPr.fitToPage:
            fail(f"{name}: not fitted to the page width")
        # OOXML's default fitToWidth is 1, which writers leave out
        if ws.page_setup.fitToWidth not in (None, 1, "1") or ws.page_setup.fitToHeight not in (0, "0"):
            fail(f"{name}: fit {ws.page_setup.fitToWidth}x{ws.page_setup.fitToHeight}, expected 1 wide")
        if not ws.print_title_rows:
            fail(f"{name}: no header rows repeated on each page")
        if not ws.print_area:
            fail(f"{name}: no print area")
        footer = ws.oddFooter.center.text or ""
        if "&P" not in footer or "&N" not in footer:
            fail(f"{name}: footer {footer!r} has no page number")
    return len(workbook.worksheets)


def check_text(workbook, expected):
    """Every Vietnamese string of the library is somewhere, byte for byte."""
    found = set()
    wanted = set(expected["texts"])
    for ws in workbook.worksheets:
        for row in ws.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, str) and value in wanted:
                    found.add(value)
    for text in sorted(wanted - found):
        fail(f"text {text!r} does not round-trip")
    return len(found)


def main():
    if len(sys.argv) != 3:
        print("usage: check-xlsx.py WORKBOOK.xlsx EXPECTED.json", file=sys.stderr)
        return 2
    with open(sys.argv[2], encoding="utf-8") as f:
        expected = json.load(f)
    workbook = openpyxl.load_workbook(sys.argv[1])
    if workbook.sheetnames != expected["sheets"]:
        fail(f"sheets are {workbook.sheetnames}, expected {expected['sheets']}")
        print("\n".join(failures))
        return 1
    check_properties(workbook, expected)
    n_numbers = check_comparison(workbook, expected)
    n_series = check_chart(workbook, expected)
    n_obs = check_observations(workbook, expected)
    n_reports = check_reports(workbook, expected)
    n_texts = check_text(workbook, expected)
    n_setups = check_page_setup(workbook)
    if failures:
        print("\n".join(failures[:40]))
        if len(failures) > 40:
            print(f"… and {len(failures) - 40} more")
        return 1
    print(f"ok: {n_numbers} comparison numbers, {n_series} chart series, "
          f"{n_obs} observations, {n_reports} reports, {n_texts} texts, "
          f"{n_setups} sheets set up for printing")
    return 0


if __name__ == "__main__":
    sys.exit(main())
