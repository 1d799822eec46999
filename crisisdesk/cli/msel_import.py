"""``crisisdesk import FILE.xlsx|.ods|.csv -o PACKAGE_DIR``: a chronogramme becomes a package.

Columns are guessed from the header row (or read from ``--mapping``, or from the
``msel-mapping.yaml`` an earlier import left in PACKAGE_DIR). Every problem is printed
as ``FILE!SHEET!C12: message`` and the exit status is 2; nothing is written then.
On success the package is written atomically (``--force`` replaces an existing
folder), with the mapping beside it for the next import, and summarised.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crisisdesk.cli import UsageError, words
from crisisdesk.cli.words import _, count


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help=_("the chronogramme: .xlsx, .xlsm, .xls, .ods or .csv"))
    parser.add_argument("-o", "--output", metavar="PACKAGE_DIR", required=True, help=_("the package folder to write"))
    parser.add_argument("--sheet", metavar="NAME", help=_("the sheet holding the injects (default: the first one)"))
    parser.add_argument("--mapping", metavar="MAP.yaml",
                        help=_("the column mapping to use (default: PACKAGE_DIR/msel-mapping.yaml if present, "
                               "else guessed from the headers)"))
    parser.add_argument("--start", metavar='"YYYY-MM-DD HH:MM"',
                        help=_("the STARTEX moment, for sheets written in times of day (default: the first row)"))
    parser.add_argument("--force", action="store_true", help=_("replace PACKAGE_DIR if it exists"))


def run(args: argparse.Namespace) -> int:
    from crisisdesk.msel.build import ImportOptions, build_import, guess_mapping
    from crisisdesk.msel.mapping import MAPPING_FILE, MappingError, load_mapping, parse_start
    from crisisdesk.msel.output import OutputError, write_imported_package
    from crisisdesk.msel.sheets import SheetReadError, read_workbook

    language = words.language()  # the importer's problems and summary speak the CLI's language
    source = Path(args.file)
    out = Path(args.output)
    if out.exists() and not args.force:
        raise UsageError(_("{out} already exists: give another folder, or --force to replace it", out=out))
    try:
        start = parse_start(args.start) if args.start else None
    except MappingError as exc:
        raise UsageError(_("--start: {why}", why=exc)) from None
    try:
        book = read_workbook(source)
    except SheetReadError as exc:
        raise UsageError(f"{source}: {exc.text(language)}") from None
    mapping_path = Path(args.mapping) if args.mapping else (out / MAPPING_FILE if (out / MAPPING_FILE).is_file()
                                                             else None)
    try:
        if mapping_path is not None:
            mapping = load_mapping(mapping_path)
            print(_("mapping: {path}", path=mapping_path), file=sys.stderr)
        else:
            mapping = guess_mapping(book, args.sheet)
    except MappingError as exc:
        raise UsageError(str(exc)) from None
    except SheetReadError as exc:
        raise UsageError(exc.text(language)) from None
    if args.sheet:
        mapping.sheet = args.sheet
    options = ImportOptions(start=start, package_id=_slug(out.name), message_language=language)
    result = build_import(book, mapping, options)
    for problem in result.problems:
        print(problem, file=sys.stderr if not problem.warning else sys.stdout)
    if not result.ok:
        errors = len(result.errors)
        print(_("{source}: not imported: {problems}", source=source, problems=count(errors, "problem", "problems")),
              file=sys.stderr)
        return 2
    try:
        package, warnings = write_imported_package(result.package, out, mapping=mapping,
                                                   attachments=result.attachments, force=args.force)
    except OutputError as exc:
        print(exc.text(language), file=sys.stderr)
        return 2
    for warning in warnings:
        print(warning)
    print(_("{out}: package written from {source} (sheet {sheet})", out=out, source=source.name, sheet=result.sheet.name))
    for line in result.summary:
        print(f"  - {line}")
    print(_("  the mapping is kept in {mapping}; check the package with: crisisdesk validate {out}",
            mapping=out / MAPPING_FILE, out=out))
    return 0


def _slug(name: str) -> str:
    from crisisdesk.msel.build import slug

    return slug(name)
