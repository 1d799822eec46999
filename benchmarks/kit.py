"""Benchmark the printed kits: ``crisisdesk kit`` on the Paris package, as a whole process.

    .venv/bin/python benchmarks/kit.py [--runs 5] [--large]

Target (issue 15): the whole kit of the Paris package — animateur, observateur and joueur
PDFs — in at most 10 s, interpreter start, package loading and QtWebEngine included.
``--large`` also times the HTML of the three kits of the generated 2,000-inject package
(no target: its PDF runs to a thousand pages, like the large report's annexes).
Prints ``metric | median | max | target | met?`` and the machine line.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.common import PARIS, PYTHON, child_env, machine_line, median  # noqa: E402

TARGET_S = 10.0


def time_kit(package: Path, extra: list[str]) -> tuple[float, int]:
    """Run ``crisisdesk kit`` once; return the wall time and the number of files written."""
    out = Path(tempfile.mkdtemp(prefix="crisisdesk-kit-bench-"))
    try:
        started = time.perf_counter()
        result = subprocess.run([PYTHON, str(ROOT / "main.py"), "kit", str(package), "-o", str(out), *extra],
                                env=child_env(), capture_output=True, text=True, timeout=600, cwd=ROOT)
        wall = time.perf_counter() - started
        if result.returncode != 0:
            raise RuntimeError(f"crisisdesk kit exited with {result.returncode}:\n{result.stderr[-2000:]}")
        return wall, len(list(out.iterdir()))
    finally:
        shutil.rmtree(out, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--large", action="store_true", help="also the HTML kits of the 2,000-inject package")
    args = parser.parse_args()

    rows = []
    times = [time_kit(PARIS, [])[0] for _ in range(args.runs)]
    rows.append(("kit PDF x3 of paris-50c (`crisisdesk kit`, whole process)", median(times), max(times), TARGET_S))
    if args.large:
        from benchmarks.common import large_package

        package = large_package()
        times = [time_kit(package, ["--format", "html"])[0] for _ in range(max(1, args.runs // 2))]
        rows.append(("kit HTML x3 of the 2,000-inject package (whole process)", median(times), max(times), None))

    print(machine_line())
    print("metric | median | max | target | met?")
    failed = False
    for metric, mid, top, target in rows:
        met = "" if target is None else ("yes" if mid <= target else "NO")
        failed |= met == "NO"
        print(f"{metric} | {mid:.2f} s | {top:.2f} s | {f'median ≤ {target:.1f} s' if target else '—'} | {met}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
