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


@pytest.fixture
def webengine_renderer(qapp):
    """The command line's PDF renderer is QtWebEngine (as ui.cli_extensions installs it) for this test."""
    from crisisdesk.report import pdf
    from ui import cli_extensions

    saved = (pdf._renderer, pdf._renderer_name)
    cli_extensions.install()
    yield
    pdf._renderer, pdf._renderer_name = saved
