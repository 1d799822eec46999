"""Say what is wrong when a command that reads a session file is given something else."""

from __future__ import annotations

from pathlib import Path

from crisisdesk.cli import UsageError
from crisisdesk.cli.words import _


def check_session_argument(path: str | Path) -> Path:
    """Return ``path`` if it may be a session file; raise UsageError saying what to do otherwise.

    A package folder is the usual mix-up (the folder of YAML files, not the
    ``.crisisdesk`` file made from it): the message says how to make a session.
    What is a file is left to the session store, which tells a session file apart.
    """
    from crisisdesk.package.loader import EXERCISE_FILE

    path = Path(path)
    if path.is_dir():
        if (path / EXERCISE_FILE).is_file():
            raise UsageError(_(
                "{path}: this is an exercise package folder, not a session file: create a session with "
                "`crisisdesk new {path} -o FILE.crisisdesk`, or run it with `crisisdesk rehearse {path}`", path=path))
        raise UsageError(_("{path}: is a folder, not a session file (FILE.crisisdesk)", path=path))
    if not path.exists():
        raise UsageError(_("{path}: no such session file", path=path))
    return path
