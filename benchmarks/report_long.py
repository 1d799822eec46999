"""Benchmark the PDF report of a very long session: 2,000 injects, 50,000 main-courante entries.

    .venv/bin/python benchmarks/report_long.py [--runs 3]

Target (issue 17): the PDF written in at most 30 s, whole process (interpreter start,
replay, figures, HTML, QtWebEngine printing), with its memory bounded: the PDF
summarises the long annexes (decisions only, significant controller events;
``crisisdesk/report/print_annexes.py``) while the HTML keeps them whole. Peak memory is
the largest resident set of the command and of any process it waited for (the
QtWebEngine renderer included), from ``wait4``. Also prints the PDF's page count.
The session is generated once into ``benchmarks/.cache/`` (about 4 minutes).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.common import PYTHON, child_env, large_session, machine_line, median  # noqa: E402

TARGET_S = 30.0
TARGET_RSS_MIB = 1536  # the laptop has other work to do: QtWebEngine on a thousand-page PDF took far more


def run_once(session: Path, out: Path) -> tuple[float, float, int]:
    """(wall seconds, peak RSS MiB of the command and its children, PDF pages) of one report."""
    started = time.perf_counter()
    process = subprocess.Popen([PYTHON, str(ROOT / "main.py"), "report", str(session), "-o", str(out)],
                               env=child_env(), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode("utf-8", "replace")
    if process.returncode != 0:
        raise RuntimeError(f"crisisdesk report exited with {process.returncode}:\n{stderr[-2000:]}")
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest waited-for descendant
    peak_mib = max(usage.ru_maxrss, children) / 1024  # kilobytes on Linux
    return wall, peak_mib, _pages(out)


def _pages(pdf: Path) -> int:
    counts = re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf.read_bytes())
    return max((int(c) for c in counts), default=0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    session = large_session(50_000)
    walls, peaks, pages = [], [], 0
    with tempfile.TemporaryDirectory(prefix="crisisdesk-report-long-") as tmp:
        for n in range(args.runs):
            wall, peak, pages = run_once(session, Path(tmp) / f"long-{n}.pdf")
            walls.append(wall)
            peaks.append(peak)
    print(machine_line())
    print("metric | median | max | target | met?")
    print(f"report PDF of {session.stem} (whole process, {pages} pages) | {median(walls):.2f} s | {max(walls):.2f} s"
          f" | median ≤ {TARGET_S:.0f} s | {'yes' if median(walls) <= TARGET_S else 'NO'}")
    print(f"peak RSS (command and renderer) | {median(peaks):.0f} MiB | {max(peaks):.0f} MiB"
          f" | max ≤ {TARGET_RSS_MIB} MiB | {'yes' if max(peaks) <= TARGET_RSS_MIB else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
