"""The PDF report through QtWebEngine: A4 pages, page numbers, not blank, and the CLI path."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWebEngineCore")
pytest.importorskip("PySide6.QtPdf")

from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtPdf import QPdfDocument  # noqa: E402

from crisisdesk.report import write_report  # noqa: E402
from crisisdesk.report.pdf import register_pdf_renderer  # noqa: E402
from tests.conftest import ROOT  # noqa: E402
from tests.report_sessions import play_known_session  # noqa: E402

A4_POINTS = (595, 842)


def open_pdf(path: Path) -> QPdfDocument:
    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    return doc


def ink_ratio(doc: QPdfDocument, page: int) -> float:
    """Share of colour bytes that are not white on a small rendering of ``page``."""
    data = bytes(doc.render(page, QSize(120, 170)).constBits())
    return 1 - data.count(255) / len(data)


# Each major section starts a page, in this order (the requirement: "A4 pages with page
# numbers and page breaks between sections").
# The plan and the short annexes G-I follow on from the section before (no near-empty page).
SECTION_KEYS = ("sec_summary", "overview", "sec_objectives", "annex_timeline", "annex_roles_analysis",
                "annex_log", "annex_events", "annex_injects", "annex_roles")
# A page holding fewer lines than this is the defect the breaks once caused: the last
# line or two of a section alone on a page (3 lines on page 14 of a short run).
MIN_LINES_PER_PAGE = 4


def content_lines(doc: QPdfDocument, page: int, lang: str = "fr") -> list[str]:
    """Return the text lines of ``page`` (not the cover) without its running header and footer.

    Chromium writes the margin boxes first, ending with the footer's "page N / M"; the
    body's lines come after it. (A draft's header takes several lines, hence no filter
    on what the header says.)
    """
    from crisisdesk.report.labels import labels

    t = labels(lang)
    number = re.compile(rf"{re.escape(t['page'])} {page + 1} {re.escape(t['of'])} \d+$")
    lines = [line.strip() for line in doc.getAllText(page).text().splitlines() if line.strip()]
    footer = next((index for index, line in enumerate(lines) if number.search(line)), None)
    assert footer is not None, f"page {page + 1} has no page number: {lines[:6]}"
    return lines[footer + 1:]


def section_start_pages(doc: QPdfDocument, lang: str = "fr") -> dict[str, int]:
    """Map each major section's title to the page it heads (-1 if it heads none).

    A title heads a page when it is one of the page's first two lines of content (the
    second for a draft, whose banner may come first).
    """
    from crisisdesk.report.labels import labels
    from crisisdesk.report.typography import typography_text

    def same(text: str) -> str:  # as printed: typographic apostrophes, narrow spaces read as spaces
        return text.replace("\u202f", " ").replace("\u00a0", " ")

    t = labels(lang)
    firsts = {page: [same(line) for line in content_lines(doc, page, lang)[:2]] for page in range(1, doc.pageCount())}
    return {t[key]: next((page for page, lines in firsts.items() if same(typography_text(t[key], lang)) in lines), -1)
            for key in SECTION_KEYS}


def assert_sections_start_pages(doc: QPdfDocument, lang: str = "fr", *, flowing: tuple[str, ...] = ()) -> dict[str, int]:
    """Check each major section heads a page of its own, in order after the cover; return the pages.

    ``flowing``: label keys of sections allowed to follow on from the one before (not checked).
    """
    from crisisdesk.report.labels import labels

    starts = section_start_pages(doc, lang)
    for key in flowing:
        del starts[labels(lang)[key]]
    assert all(page > 0 for page in starts.values()), f"sections not at the top of a page: {starts}"
    order = list(starts.values())
    assert order == sorted(set(order)), f"sections out of order or sharing a page: {starts}"
    return starts


def thin_pages(doc: QPdfDocument, lang: str = "fr") -> list[tuple[int, list[str]]]:
    """Return (page number, lines) of every page holding fewer than MIN_LINES_PER_PAGE lines."""
    pages = [(page + 1, content_lines(doc, page, lang)) for page in range(1, doc.pageCount())]
    return [(number, lines) for number, lines in pages if len(lines) < MIN_LINES_PER_PAGE]


def test_pdf_has_numbered_a4_pages_with_content(tmp_path, webengine_renderer):
    path, _ = play_known_session(tmp_path)
    out = write_report(path, tmp_path / "rapport.pdf")
    assert out.read_bytes()[:5] == b"%PDF-"
    doc = open_pdf(out)
    pages = doc.pageCount()
    assert pages >= 10  # the cover, then each of the nine sections on a page of its own
    size = doc.pagePointSize(0)
    assert (round(size.width()), round(size.height())) == A4_POINTS
    assert f"page 2 / {pages}" in doc.getAllText(1).text()
    assert "page 1 /" not in doc.getAllText(0).text()  # no number on the cover
    starts = assert_sections_start_pages(doc)
    assert starts["Synthèse"] == 1  # the summary starts the page after the cover
    for page in range(pages):
        assert ink_ratio(doc, page) > 0.01, f"page {page + 1} is blank"
    assert not list(tmp_path.glob(".rapport.*"))  # the temporary file is gone


def test_pdf_of_a_running_session_says_draft_on_every_page(tmp_path, webengine_renderer):
    path, _ = play_known_session(tmp_path, end=False)
    out = write_report(path, tmp_path / "brouillon.pdf")
    doc = open_pdf(out)
    for page in range(doc.pageCount()):
        assert "PROVISOIRE" in doc.getAllText(page).text(), f"page {page + 1}"


def test_installed_command_line_writes_a_pdf_without_a_display(tmp_path):
    path, _ = play_known_session(tmp_path)
    out = tmp_path / "cli.pdf"
    hidden = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "QTWEBENGINE_CHROMIUM_FLAGS")
    env = {k: v for k, v in os.environ.items() if k not in hidden}  # as a bare CI shell would have it
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "report", str(path), "-o", str(out)],
        capture_output=True, text=True, env=env, timeout=120, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert "PDF report written" in result.stdout
    assert out.read_bytes()[:5] == b"%PDF-"
    # Chromium's GPU and D-Bus chatter (QRhiGles2, Vulkan, GBM, "Failed to connect to the bus") stays off the terminal.
    assert result.stderr == ""

    # A real error still reaches it, as one line.
    blocker = tmp_path / "rapports"
    blocker.write_text("", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "report", str(path), "-o", str(blocker / "r.pdf")],
        capture_output=True, text=True, env=env, timeout=120, cwd=ROOT,
    )
    assert result.returncode == 2
    assert result.stderr == f"crisisdesk report: {blocker / 'r.pdf'}: cannot write the report: {blocker} is a file, not a folder\n"


def test_chromium_flags_for_the_terminal_are_added_once_and_not_when_debugging(monkeypatch):
    from ui.webengine_env import quiet_chromium_for_the_terminal

    monkeypatch.delenv("CRISISDESK_DEBUG", raising=False)
    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
    assert quiet_chromium_for_the_terminal() and quiet_chromium_for_the_terminal()
    assert os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] == "--no-sandbox --disable-gpu --log-level=3"
    monkeypatch.setenv("CRISISDESK_DEBUG", "1")
    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
    assert not quiet_chromium_for_the_terminal()
    assert os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] == "--no-sandbox"


def test_a_renderer_failure_is_reported_and_leaves_no_file(tmp_path):
    from crisisdesk.report import PdfFailed, pdf

    def broken(html, out):
        raise OSError("disque plein")

    saved = (pdf._renderer, pdf._renderer_name)
    register_pdf_renderer(broken, "broken")
    try:
        path, _ = play_known_session(tmp_path)
        with pytest.raises(PdfFailed, match="disque plein"):
            write_report(path, tmp_path / "r.pdf")
    finally:
        pdf._renderer, pdf._renderer_name = saved
    assert not list(tmp_path.glob("*.pdf"))


def test_each_section_of_a_short_run_starts_a_page_and_no_page_holds_a_line_or_two(tmp_path, webengine_renderer):
    """A 6-minute run: its summary overflowed page 2 by one table row, and a page held that row alone."""
    from tests.report_sessions import play_short_paris_run

    path = tmp_path / "short.crisisdesk"
    play_short_paris_run(path, ROOT / "injects" / "paris-50c")
    doc = open_pdf(write_report(path, tmp_path / "short.pdf"))
    starts = assert_sections_start_pages(doc)
    assert (starts["Synthèse"], starts["Présentation de l'exercice"]) == (1, 2)  # the synthesis holds on one page
    # 42 when every unplayed inject had its own block; 24 before the RETEX structure added a
    # presentation page and annexes G-H (indicators, glossary): 26 here; role cards kept whole
    # (none continues on the next page) cost one more.
    assert doc.pageCount() <= 29
    assert thin_pages(doc) == []


def test_each_section_starts_a_page_in_english_and_in_a_draft(tmp_path, webengine_renderer):
    path, _ = play_known_session(tmp_path, end=False, language="en")
    doc = open_pdf(write_report(path, tmp_path / "draft.pdf"))
    # No improvement plan yet: appendix A follows its two lines instead of leaving them alone on a page.
    starts = assert_sections_start_pages(doc, "en", flowing=("annex_timeline",))
    assert starts["Summary"] == 1
    assert thin_pages(doc, "en") == []


def test_no_role_card_continues_on_the_next_page(tmp_path, webengine_renderer):
    """A card is handed to its directorate: its name and its last line are on one page (issue 17)."""
    from crisisdesk.package.loader import load_package
    from tests.report_sessions import play_short_paris_run

    path = tmp_path / "short.crisisdesk"
    play_short_paris_run(path, ROOT / "injects" / "paris-50c")
    doc = open_pdf(write_report(path, tmp_path / "short.pdf"))
    def bare(text: str) -> str:  # letters and digits only: the typography filter changes spaces and quotes
        return "".join(ch for ch in text.lower() if ch.isalnum())

    pages = [doc.getAllText(i).text() for i in range(doc.pageCount())]
    first_card_page = next(i for i, text in enumerate(pages) if "Annexe F" in text)
    pages = [bare(text) for text in pages]
    cards = pages[first_card_page:]
    checked = 0
    for role in load_package(ROOT / "injects" / "paris-50c").roles:
        last_line = (role.contacts or role.resources)
        if not last_line or len(role.name) > 60:
            continue
        ending = bare(" ".join(last_line[-1].split()[:3]))
        [name_page] = [i for i, text in enumerate(cards) if bare(role.name) in text][:1] or [None]
        assert name_page is not None, role.name
        assert ending in cards[name_page], f"{role.id}: « {ending} » not on the page of its name"
        checked += 1
    assert checked >= 10
