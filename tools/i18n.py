"""Extract the UI's translatable strings and compile the English catalogue.

Usage (from the clone, with the project's virtual environment):
    .venv/bin/python tools/i18n.py            # lupdate over ui/, then lrelease -> ui/i18n/crisisdesk_en.qm
    .venv/bin/python tools/i18n.py --check    # same, and fail if any string is left untranslated

Source strings are French (``self.tr("...")`` / ``QCoreApplication.translate("Ctx", "...")``);
``ui/i18n/crisisdesk_en.ts`` holds the English. lupdate keeps existing translations and marks
new strings "unfinished": translate them (pyside6-linguist, or the <translation> elements),
then run this again.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "ui"
TS = UI / "i18n" / "crisisdesk_en.ts"
QM = TS.with_suffix(".qm")


def _tool(name: str) -> str:
    """Find a pyside6 tool next to the running Python, else on PATH."""
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if found is None:
        sys.exit(f"{name} not found: install PySide6 in this environment")
    return found


def sources() -> list[Path]:
    """Return every Python file of the UI layer, in a stable order."""
    return sorted(p for p in UI.rglob("*.py") if "__pycache__" not in p.parts)


def unfinished(ts_path: Path) -> list[str]:
    """Return 'context: source' for each message without a finished translation."""
    missing = []
    for context in ET.parse(ts_path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished",) or not (translation.text or "").strip():
                if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                    continue
                missing.append(f"{name}: {message.findtext('source')}")
    return missing


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a string is untranslated")
    args = parser.parse_args(argv)
    TS.parent.mkdir(parents=True, exist_ok=True)
    subprocess.check_call([
        _tool("pyside6-lupdate"), *map(str, sources()),
        "-source-language", "fr_FR", "-target-language", "en_GB",
        "-no-obsolete", "-ts", str(TS),
    ])
    subprocess.check_call([_tool("pyside6-lrelease"), str(TS), "-qm", str(QM)])
    # Hand-written French for the few Qt strings qtbase_fr.qm leaves in English (not lupdate's).
    for extra in sorted(TS.parent.glob("qt_extra_*.ts")):
        subprocess.check_call([_tool("pyside6-lrelease"), str(extra), "-qm", str(extra.with_suffix(".qm"))])
    missing = unfinished(TS)
    if missing:
        print(f"{len(missing)} string(s) without an English translation:", file=sys.stderr)
        for line in missing[:50]:
            print(f"  {line}", file=sys.stderr)
        if args.check:
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
