"""Quitting the app after a PDF report ends the process cleanly (it used to segfault)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from crisisdesk.session import Session

ROOT = Path(__file__).resolve().parents[2]


def test_app_quits_cleanly_after_printing_a_pdf(tmp_path, mini_package_path):
    session_file = tmp_path / "run.crisisdesk"
    Session.create(session_file, mini_package_path).close()
    pdf = tmp_path / "retex.pdf"
    env = dict(os.environ, HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(ROOT))
    env["QTWEBENGINE_CHROMIUM_FLAGS"] = (env.get("QTWEBENGINE_CHROMIUM_FLAGS", "") + " --no-sandbox").strip()
    result = subprocess.run(
        [sys.executable, "-m", "tests.helpers.quit_after_pdf", str(session_file), str(pdf)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "exit 0" in result.stdout, result.stderr[-2000:]
    assert result.returncode == 0  # a crash in shutdown ends with a signal (-11) instead
