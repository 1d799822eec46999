"""Set up a local virtual environment and run crisisdesk or its tests.

Usage (from a clone, with only Python 3.11+ installed):
    python3 tools/dev.py run [ARGS...]   # install, then launch the app on injects/paris-50c
    python3 tools/dev.py test [ARGS...]  # install, then run ruff, mypy and the test suite offscreen
    python3 tools/dev.py lint            # install, then run ruff and mypy

The environment lives in .venv/ beside pyproject.toml and is reinstalled only when
pyproject.toml changes, so the second run starts at once.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".crisisdesk-installed"


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def ensure_environment() -> Path:
    """Create .venv and install the project with its test extras if needed."""
    if not (3, 11) <= sys.version_info[:2] < (3, 14):
        sys.exit(
            f"crisisdesk needs Python 3.11, 3.12 or 3.13; this is {sys.version.split()[0]}."
        )
    python = venv_python()
    if not python.exists():
        print(f"Creating virtual environment in {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        print("Installing crisisdesk and its dependencies ...", flush=True)
        subprocess.check_call(
            [str(python), "-m", "pip", "install", "--disable-pip-version-check",
             "-q", "-e", f"{ROOT}[test]"]
        )
        STAMP.write_text(wanted)
    return python


def headless_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Chromium (QtWebEngine, used for PDF) refuses to run as root without this.
    flags = env.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    if "--no-sandbox" not in flags:
        env["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " --no-sandbox").strip()
    return env


def lint(python: Path, args: list[str]) -> int:
    """Run ruff over the whole clone; return its exit status."""
    return subprocess.call([str(python), "-m", "ruff", "check", *args], cwd=ROOT)


def typecheck(python: Path) -> int:
    """Run mypy on what pyproject.toml's [tool.mypy] lists; return its exit status."""
    return subprocess.call([str(python), "-m", "mypy", "--no-error-summary"], cwd=ROOT)


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("run", [])
    python = ensure_environment()
    if command == "run":
        # With no argument: the bundled exercise, resuming its last unfinished session if any.
        args = rest or ["--resume", str(ROOT / "injects" / "paris-50c")]
        return subprocess.call([str(python), str(ROOT / "main.py"), *args], cwd=ROOT)
    if command == "test":
        # The linter and the type checker first (a second or so each once mypy's cache is
        # warm, ~30 s cold), so CI (.ci/run) fails on their errors too; the tests run anyway,
        # and the exit status is the worst of the three.
        linted = lint(python, ["--quiet"])
        typed = typecheck(python)
        tested = subprocess.call(
            [str(python), "-m", "pytest", *rest], cwd=ROOT, env=headless_env()
        )
        return tested or linted or typed
    if command == "lint":
        return lint(python, rest) or typecheck(python)
    sys.exit(f"unknown command {command!r}: use run, test or lint")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
