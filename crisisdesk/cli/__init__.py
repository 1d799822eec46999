"""The ``crisisdesk`` command line: one module per sub-command, loaded on demand.

Each sub-command module defines ``add_arguments(parser)`` and ``run(args) -> int``.
Every command module is imported to build the parser, so each keeps its heavy imports
(SQLAlchemy, Jinja) inside ``run``: ``crisisdesk validate`` never pays for them. Errors the user can fix exit with status 2 and a
message, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from crisisdesk import __version__
from crisisdesk.cli.words import _, set_language

# command name -> (module, one-line help, in English: words._ gives it in the user's language)
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("crisisdesk.cli.validate", "check an exercise package and summarise it"),
    "check": ("crisisdesk.cli.check", "measure a package's timeline: load, dead time, coverage, pace"),
    "new": ("crisisdesk.cli.new", "create a session file from a package"),
    "rehearse": ("crisisdesk.cli.rehearse", "play a package's timeline headless at N x speed"),
    "export": ("crisisdesk.cli.export", "write a session's main courante and event log"),
    "report": ("crisisdesk.cli.report", "render the after-action report (HTML or PDF)"),
    "import": ("crisisdesk.cli.msel_import", "make a package from a chronogramme spreadsheet (XLSX, ODS, CSV)"),
    "export-msel": ("crisisdesk.cli.export_msel", "write a package's or a session's chronogramme as a spreadsheet"),
    "kit": ("crisisdesk.cli.kit", "print the kits (animateur, observateur, joueur) from a package"),
    "import-pending": ("crisisdesk.cli.import_pending", "store writes the app saved to a file when the disk was full"),
    "serve": ("crisisdesk.cli.serve", "open a session to the room: observers, animators, players on their devices"),
}


class UsageError(Exception):
    """A mistake in what the user asked for: printed as one line, exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crisisdesk",
        description=_("Run an in-room crisis exercise. Without a command, opens the app."),
    )
    parser.add_argument("--version", action="version", version=f"crisisdesk {__version__}")
    parser.add_argument("--language", choices=("fr", "en"), help=_("the language of these messages: fr (default) or en"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        module = importlib.import_module(module_name)  # every command exists: a missing one is a bug, not skipped
        command_parser = sub.add_parser(name, help=_(help_text), description=_(help_text))
        module.add_arguments(command_parser)
        command_parser.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse ``argv`` and run the chosen sub-command; return the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    # The language first: the parser's help texts are made in it.
    set_language(argv[argv.index("--language") + 1] if "--language" in argv[:-1] else None)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 2
    try:
        return int(args._run(args) or 0)
    except UsageError as exc:
        from crisisdesk.printable import printable

        # Messages quote file names and package values: control characters are printed escaped.
        print(printable(f"crisisdesk {args.command}: {exc}", keep_newlines=True), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (``crisisdesk validate ... | head``): not an error of ours.
        # Point stdout at devnull so the interpreter's final flush does not complain.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def is_command(word: str) -> bool:
    """True if ``word`` names a command-line sub-command (or a top-level flag)."""
    return word in COMMANDS or word in ("-h", "--help", "--version", "--language")
