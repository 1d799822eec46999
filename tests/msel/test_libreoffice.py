"""Open the exported XLSX and ODS in LibreOffice, as a director would (skipped without LibreOffice).

LibreOffice converts each file headless: to PDF (it prints: landscape A4 pages) and to
CSV, where exercise times and scenario times come out as formatted values, which only
real time cells do (text cells come out quoted).
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from crisisdesk.msel.export import msel_tables
from crisisdesk.msel.spreadsheet import write_tables
from crisisdesk.package.loader import load_package

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def _convert(path, target: str, out, profile) -> None:
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
                    "--outdir", str(out), str(path)], check=True, capture_output=True, timeout=180)


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_libreoffice_prints_and_reads_real_times(tmp_path, paris_package_path, suffix):
    paris = load_package(paris_package_path)
    path = write_tables(msel_tables(paris), tmp_path / f"paris{suffix}")
    profile = tmp_path / "lo-profile"
    _convert(path, "pdf", tmp_path / "pdf", profile)
    pdf = (tmp_path / "pdf" / "paris.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    assert b"/MediaBox [0 0 841.8" in pdf or b"/MediaBox[0 0 841.8" in pdf  # A4 landscape
    _convert(path, "csv:Text - txt - csv (StarCalc):59,34,76,1", tmp_path / "csv", profile)
    lines = (tmp_path / "csv" / "paris.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith('"N°";"T+";"Date et heure scénario"')
    second = paris.injects[1]
    row = next(line for line in lines if line.startswith(f'"{second.id}"'))
    t_plus = f"{second.at // 3600}:{second.at % 3600 // 60:02d}"
    scenario = f"{paris.scenario_time_at(second.at):%d/%m/%Y %H:%M}"
    assert row.startswith(f'"{second.id}";{t_plus};{scenario};')  # unquoted: numbers with a time format


@pytest.mark.parametrize(("ours", "saved_as"), [(".xlsx", "ods"), (".ods", "xlsx")])
def test_a_file_saved_again_by_libreoffice_imports_to_the_same_package(tmp_path, paris_package_path, ours,
                                                                       saved_as):
    """A director opens the export, saves it from LibreOffice (in the other format), and imports that."""
    from crisisdesk.msel.build import build_import, guess_mapping
    from crisisdesk.msel.sheets import read_workbook

    shutil.copytree(paris_package_path / "media", tmp_path / "resaved" / "media")
    paris = load_package(paris_package_path)
    path = write_tables(msel_tables(paris), tmp_path / f"paris{ours}")
    _convert(path, saved_as, tmp_path / "resaved", tmp_path / "lo-profile")
    book = read_workbook(tmp_path / "resaved" / f"paris.{saved_as}")
    result = build_import(book, guess_mapping(book))
    assert result.ok, [str(p) for p in result.problems]
    assert (result.package.exercise, result.package.roles, result.package.injects) == (
        paris.exercise, paris.roles, paris.injects)
