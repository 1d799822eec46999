"""Entry point of the installed ``crisisdesk`` command.

``crisisdesk COMMAND ...`` runs the Qt-free command line of the core; anything else
(no argument, or a package folder / session file) opens the app. This module imports
nothing heavy, so the command line never pays for Qt.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    from crisisdesk.cli import is_command

    if args and is_command(args[0]):
        import importlib.util

        from crisisdesk.cli import main as cli_main

        # ui.cli_extensions plugs Qt-backed services (the PDF renderer) into the core
        # command line, which stays usable without it.
        if importlib.util.find_spec("ui.cli_extensions") is not None:
            from ui import cli_extensions

            cli_extensions.install()
        return cli_main(args)

    from ui.app import run_app

    return run_app(args)


if __name__ == "__main__":
    raise SystemExit(main())
