"""The core stays Qt-free: no module under crisisdesk/ imports Qt, qasync or ui."""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "crisisdesk"
FORBIDDEN = ("PySide6", "shiboken6", "qasync", "ui")


def _imported_roots(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")[0]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module.split(".")[0]))
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value.split(".")[0]))
    return found


def test_core_imports_no_qt_and_no_ui():
    offenders = []
    for path in sorted(CORE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, root in _imported_roots(tree):
            if root in FORBIDDEN:
                offenders.append(f"{path.relative_to(CORE.parent)}:{line}: imports {root}")
    assert offenders == []


def test_the_check_catches_an_offender():
    tree = ast.parse("import os\nfrom PySide6.QtCore import QTimer\nimport ui.app\n")
    assert [root for _, root in _imported_roots(tree) if root in FORBIDDEN] == ["PySide6", "ui"]
