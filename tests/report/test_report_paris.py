"""The PDF report on a full rehearsal of the bundled exercise (figures and HTML: test_report_paris_figures.py)."""

from __future__ import annotations

import re

import pytest

from crisisdesk.report import write_report

pytest.importorskip("PySide6.QtWebEngineCore")

from PySide6.QtCore import QModelIndex, QSize  # noqa: E402
from PySide6.QtPdf import QPdfDocument, QPdfSearchModel  # noqa: E402


def _word_width(doc: QPdfDocument, word: str, qtbot) -> float:
    model = QPdfSearchModel()
    model.setDocument(doc)
    model.setSearchString(word)
    qtbot.waitUntil(lambda: model.rowCount(QModelIndex()) > 0, timeout=5000)
    rects = model.resultAtIndex(0).rectangles()
    return max(r.right() for r in rects) - min(r.left() for r in rects)


def _inked(colour) -> bool:
    return colour.alpha() > 128 and colour.lightness() < 200  # a page renders transparent where blank


def _filled_height(doc: QPdfDocument, page: int) -> float:
    """How far down the page its content goes (0..1), the running footer left out."""
    image = doc.render(page, QSize(100, 141))
    rows = [y for y in range(int(141 * 0.92)) if any(_inked(image.pixelColor(x, y)) for x in range(5, 95))]
    return (max(rows) if rows else 0) / 141


def test_pdf_report_of_the_rehearsal(rehearsal, tmp_path, webengine_renderer, qtbot):
    path, _ = rehearsal
    out = write_report(path, tmp_path / "paris.pdf")
    doc = QPdfDocument()
    assert doc.load(str(out)) == QPdfDocument.Error.None_
    pages = doc.pageCount()
    assert pages > 20
    assert f"page {pages} / {pages}" in doc.getAllText(pages - 1).text()
    for page in range(pages):
        image = doc.render(page, QSize(100, 141))
        data = bytes(image.constBits())
        assert data.count(255) < 0.995 * len(data), f"page {page + 1} is blank"
    from tests.report.test_report_pdf import assert_sections_start_pages, thin_pages

    starts = assert_sections_start_pages(doc)  # a page break before each section
    assert (starts["Synthèse"], starts["Présentation de l'exercice"]) == (1, 2)  # the synthesis holds on one page
    body = starts["Annexe A — Chronologie : prévu / réalisé"] - 1  # cover to plan d'actions
    assert body <= 15, f"the body (sections 1-5) runs to {body} pages"
    assert thin_pages(doc) == []  # and no page holds a line or two left over from the one before
    # Inside the chronology, a page is filled before the next one starts: a point de situation's
    # row (a response from every role, a page tall) used to leave the page before it with two rows.
    chronology = starts["Annexe A — Chronologie : prévu / réalisé"]
    after = starts["Annexe B — Analyse par rôle"]
    short = [page + 1 for page in range(chronology, after - 1) if _filled_height(doc, page) < 0.5]
    assert short == [], f"chronology pages less than half full: {short}"

    # Chromium shrinks a whole document to fit when one table is too wide for A4; the
    # heading must print at the size it has in a document holding nothing else.
    html = (tmp_path / "paris.pdf").with_suffix(".html")
    write_report(path, html)
    text = html.read_text(encoding="utf-8")
    control = re.sub(r"<body>.*</body>", '<body><section class="sheet"><h1>Synthèse</h1></section></body>',
                     text, flags=re.S)
    from crisisdesk.report import render_pdf

    render_pdf(control, tmp_path / "control.pdf")
    reference = QPdfDocument()
    reference.load(str(tmp_path / "control.pdf"))
    assert _word_width(doc, "Synthèse", qtbot) >= 0.97 * _word_width(reference, "Synthèse", qtbot)
