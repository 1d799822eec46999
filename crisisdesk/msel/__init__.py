"""Chronogrammes (MSEL) in and out of spreadsheets: XLSX, ODS and CSV.

``sheets`` reads a file into rows; ``columns`` and ``mapping`` say what each column
means; ``times`` reads every time format found in the wild; ``build`` turns rows
into a package model; ``output`` writes that package atomically. ``export`` and
``spreadsheet`` go the other way. No Qt here: the mapping dialog in ``ui/importer``
is a thin layer over these modules.
"""
