"""Open the plan d'actions XLSX in LibreOffice, as the RETEX follow-up would (skipped without it).

LibreOffice (Debian's, headless) converts the workbook to CSV, where the start and due
dates come out as formatted dates (only real date cells do; text cells come out quoted),
and to PDF, which holds the header and the actions' text.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from crisisdesk.cli import main as cli_main
from tests.report.test_report_plan import _session

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def _convert(path, target: str, out, profile) -> None:
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
                    "--outdir", str(out), str(path)], check=True, capture_output=True, timeout=180)


def test_libreoffice_opens_the_plan_xlsx(tmp_path):
    path = _session(tmp_path)
    xlsx = tmp_path / "plan.xlsx"
    assert cli_main(["report", str(path), "-o", str(xlsx)]) == 0
    profile = tmp_path / "lo-profile"
    # CSV: separator ;, text quoted, UTF-8 (76), formatted values as shown (1).
    _convert(xlsx, "csv:Text - txt - csv (StarCalc):59,34,76,1", tmp_path / "csv", profile)
    lines = (tmp_path / "csv" / "plan.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith('"N°";"Action corrective";"Constat";"Objectif"')
    assert len(lines) == 2
    row = lines[1]
    assert row.startswith('1;"\'=HYPERLINK')  # the number a number, the formula-like text shown as text
    assert ";15/01/2027;15/05/2027;" in row  # unquoted: real dates in the French format
    assert '"DSOL — solidarités"' in row and '"en cours"' in row
    _convert(xlsx, "pdf", tmp_path / "pdf", profile)
    pdf = tmp_path / "pdf" / "plan.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                              text=True).stdout
        for word in ("Action corrective", "HYPERLINK", "Mme Martin", "15/05/2027", "Alerte des personnes"):
            assert word in text, word
