"""Chronogramme import and export of a 2,000-row MSEL: time and peak memory (target ≤ 2 s each).

    .venv/bin/python benchmarks/msel.py            # 2,000 injects, XLSX, ODS and CSV
    .venv/bin/python benchmarks/msel.py --rows 500

The package comes from ``benchmarks/generate.py`` (40 roles, 8 phases, bodies of a few
sentences, expected responses). Each measurement runs in its own child process
(``common.run_child``): the time is the work inside the child (imports excluded,
taken once before the clock starts), wall and CPU (CPU is what a loaded machine
inflates least), by stage; the peak is the child's whole RSS (wait4).
Export = load the package, build the tables, write the file. Import = read the file,
guess the mapping, build the package model, write and validate the package folder.
Figures and what limits the ODS export (odfpy's serialiser): docs/msel-import.md, *Speed*.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import PYTHON, machine_line, run_child  # noqa: E402
from benchmarks.generate import build  # noqa: E402

EXPORT = """
import json, sys, time
from crisisdesk.package.loader import load_package
from crisisdesk.msel.export import msel_tables
from crisisdesk.msel import spreadsheet
import openpyxl, odf.opendocument  # the writers' own imports are not the export
marks = [(time.perf_counter(), time.process_time())]
package = load_package(sys.argv[1])
marks.append((time.perf_counter(), time.process_time()))
spreadsheet.write_tables(msel_tables(package), sys.argv[2])
marks.append((time.perf_counter(), time.process_time()))
print(json.dumps({"stages": {"load the package": marks[1], "tables + write": marks[2]}, "start": marks[0]}))
"""

IMPORT = """
import json, sys, time
from pathlib import Path
from crisisdesk.msel.build import build_import, guess_mapping
from crisisdesk.msel.output import write_imported_package
from crisisdesk.msel.sheets import read_workbook
import python_calamine, openpyxl, bs4, markdownify, crisisdesk.package.loader
marks = [(time.perf_counter(), time.process_time())]
book = read_workbook(sys.argv[1])
marks.append((time.perf_counter(), time.process_time()))
result = build_import(book, guess_mapping(book))
assert result.ok, [str(p) for p in result.errors[:5]]
marks.append((time.perf_counter(), time.process_time()))
write_imported_package(result.package, Path(sys.argv[2]), mapping=result.mapping)
marks.append((time.perf_counter(), time.process_time()))
print(json.dumps({"stages": {"read": marks[1], "map + build": marks[2], "write + validate": marks[3]},
                  "start": marks[0]}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2000, help="injects in the chronogramme (default 2000)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="crisisdesk-msel-bench-"))
    try:
        package = build(work / "package", injects=args.rows)
        print(machine_line())
        print(f"| {args.rows:,}-row chronogramme | wall s | CPU s | peak RSS (MiB) | stages, wall s (CPU s) | ≤ 2 s |")
        print("|---|---:|---:|---:|---|---|")
        ok = True
        for suffix in (".xlsx", ".ods", ".csv"):
            sheet = work / f"msel{suffix}"
            exported = run_child([PYTHON, "-c", EXPORT, str(package), str(sheet)])
            imported = run_child([PYTHON, "-c", IMPORT, str(sheet), str(work / f"back{suffix[1:]}")])
            for label, result in ((f"export {suffix}", exported), (f"import {suffix}", imported)):
                wall0, cpu0 = result.data["start"]
                parts = []
                previous = (wall0, cpu0)
                for name, (wall, cpu) in result.data["stages"].items():
                    parts.append(f"{name} {wall - previous[0]:.2f} ({cpu - previous[1]:.2f})")
                    previous = (wall, cpu)
                wall, cpu = previous[0] - wall0, previous[1] - cpu0
                met = wall <= 2.0
                ok &= met
                print(f"| {label} ({sheet.stat().st_size // 1024} KiB) | {wall:.2f} | {cpu:.2f} | "
                      f"{result.max_rss_mib:.0f} | {'; '.join(parts)} | {'met' if met else 'MISSED'} |")
        return 0 if ok else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
