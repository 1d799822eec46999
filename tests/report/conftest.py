"""Fixtures shared by the report tests."""

from __future__ import annotations

import pytest

from tests.report_sessions import play_paris_rehearsal


@pytest.fixture(scope="session")
def rehearsal(tmp_path_factory):
    """A full rehearsal of injects/paris-50c: (session file, its fake clock), played once per run."""
    from tests.conftest import ROOT

    folder = tmp_path_factory.mktemp("paris")
    path = folder / "paris.crisisdesk"
    clock = play_paris_rehearsal(path, ROOT / "injects" / "paris-50c")
    return path, clock
