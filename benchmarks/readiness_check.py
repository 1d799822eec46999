"""Time the readiness check on a large package (target: ≤ 1 s for 2,000 injects).

    .venv/bin/python benchmarks/readiness_check.py [--injects 2000] [--runs 7]

Builds the package with benchmarks/generate.py in a temporary folder, loads it once,
then times ``check_package`` plus the text rendering (what ``crisisdesk check`` adds to
loading), and separately the whole command (load + check + text) in-process. Prints one
JSON line with the median and max of each, in seconds.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import tempfile
import time
from contextlib import redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import build  # noqa: E402
from crisisdesk.cli import main as cli_main  # noqa: E402
from crisisdesk.package.loader import load_package  # noqa: E402
from crisisdesk.readiness import check_package  # noqa: E402
from crisisdesk.readiness.render import render_text  # noqa: E402

TARGET = 1.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--injects", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="crisisdesk-bench-check-") as tmp:
        folder = build(Path(tmp) / "pkg", injects=args.injects)
        package = load_package(folder)
        check_times, command_times = [], []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            report = check_package(package, folder)
            render_text(report)
            check_times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            with redirect_stdout(io.StringIO()):
                status = cli_main(["check", str(folder)])
            command_times.append(time.perf_counter() - t0)
    result = {
        "injects": len(package.injects),
        "roles": len(package.roles),
        "findings": len(report.findings),
        "status": status,
        "check_median_s": round(statistics.median(check_times), 4),
        "check_max_s": round(max(check_times), 4),
        "command_median_s": round(statistics.median(command_times), 4),
        "command_max_s": round(max(command_times), 4),
        "target_s": TARGET,
        "met": max(check_times) <= TARGET,
    }
    print(json.dumps(result))
    return 0 if result["met"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
