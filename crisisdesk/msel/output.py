"""Write an imported package into its folder all at once, or not at all.

Everything is written into a temporary folder beside the destination, checked with
the package validator, and only then renamed into place. A failed import therefore
leaves nothing half-written, and an existing folder is replaced only when asked
(``force``), after the new one is complete.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from crisisdesk.msel.mapping import MAPPING_FILE, Mapping
from crisisdesk.msel.messages import MessageError
from crisisdesk.package.loader import validate_package
from crisisdesk.package.model import Package
from crisisdesk.package.problems import Problem
from crisisdesk.package.writer import write_package_files


class OutputError(MessageError):
    """The package cannot be written where asked; ``text(language)`` says why."""


def write_imported_package(package: Package, folder: str | Path, *, mapping: Mapping | None = None,
                           attachments: dict[str, Path] | None = None, force: bool = False,
                           ) -> tuple[Package, list[Problem]]:
    """Write ``package`` as the folder ``folder``; return the package as loaded back and its warnings.

    Raise OutputError when the folder exists and ``force`` is false, when it cannot be
    written, or when the written package does not validate (its problems listed; the
    destination is then untouched).
    """
    folder = Path(folder)
    if folder.exists() and not force:
        raise OutputError("output.exists", folder=folder)
    if folder.exists() and not folder.is_dir():
        raise OutputError("output.not_folder", folder=folder)
    parent = folder.parent if str(folder.parent) else Path(".")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.importing-", dir=parent))
    except OSError as exc:
        raise OutputError("output.cannot_write_into", folder=parent, reason=exc.strerror or exc) from None
    try:
        write_package_files(package, temp)
        for rel, source in sorted((attachments or {}).items()):
            target = temp / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        if mapping is not None:
            (temp / MAPPING_FILE).write_text(mapping.to_yaml(), encoding="utf-8")
        loaded, problems = validate_package(temp)
        if loaded is None:
            raise OutputError("output.invalid", problems="\n".join(
                str(p).replace(str(temp), str(folder)) for p in problems))
        _swap_into_place(temp, folder)
    except OutputError:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    except OSError as exc:
        shutil.rmtree(temp, ignore_errors=True)
        raise OutputError("output.cannot_write", folder=folder, reason=exc.strerror or exc) from None
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    warnings = [replace(p, file=p.file.replace(str(temp), str(folder))) for p in problems]
    return replace(loaded, root=folder.resolve()), warnings


def _swap_into_place(temp: Path, folder: Path) -> None:
    if not folder.exists():
        os.replace(temp, folder)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{folder.name}.replaced-", dir=folder.parent))
    old.rmdir()
    os.replace(folder, old)  # rename: the old package stays whole until the new one is in place
    try:
        os.replace(temp, folder)
    except OSError:
        os.replace(old, folder)
        raise
    shutil.rmtree(old, ignore_errors=True)
