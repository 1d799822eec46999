"""Shared fixtures: offscreen Qt, paths to the bundled and test packages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
# The command line speaks French by default; tests read its English unless they choose French
# (tests/cli/test_cli_language.py), so a message reworded in one language breaks one test only.
os.environ.setdefault("CRISISDESK_LANG", "en")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def mini_package_path() -> Path:
    """A small valid package (two phases, four roles, six injects) for tests."""
    return ROOT / "tests" / "data" / "mini"


@pytest.fixture
def paris_package_path() -> Path:
    """The bundled showcase package."""
    return ROOT / "injects" / "paris-50c"
