"""Fixtures for the editor's tests: a copy of a package and an editor window on it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from crisisdesk.package.document import PackageDocument
from crisisdesk.package.loader import PACKAGE_FILES


@pytest.fixture
def paris_copy(tmp_path, paris_package_path) -> Path:
    root = tmp_path / "paris-50c"
    shutil.copytree(paris_package_path, root)
    return root


@pytest.fixture
def editor_window(qtbot, paris_copy, tmp_path):
    from ui.editor.window import EditorWindow

    window = EditorWindow(PackageDocument.open(paris_copy), recovery_folder=tmp_path / "recovery")
    qtbot.addWidget(window)
    window._closing_confirmed = True  # pytest-qt closes it at teardown: no question then
    window.show()
    return window


def package_bytes(root: Path) -> dict[str, bytes]:
    return {name: (root / name).read_bytes() for name in PACKAGE_FILES}
