"""The report on a full rehearsal of the bundled exercise injects/paris-50c (HTML and PDF)."""

from __future__ import annotations

import re
from html import unescape

import pytest

from crisisdesk.clock import FakeTime
from crisisdesk.report import build_figures, render_html, write_report
from crisisdesk.session import Session
from tests.report_sessions import play_paris_rehearsal

pytest.importorskip("PySide6.QtWebEngineCore")

from PySide6.QtCore import QModelIndex, QSize  # noqa: E402
from PySide6.QtPdf import QPdfDocument, QPdfSearchModel  # noqa: E402


@pytest.fixture(scope="module")
def rehearsal(tmp_path_factory, request):
    from tests.conftest import ROOT

    folder = tmp_path_factory.mktemp("paris")
    path = folder / "paris.crisisdesk"
    clock = play_paris_rehearsal(path, ROOT / "injects" / "paris-50c")
    return path, clock


@pytest.fixture(scope="module")
def figures(rehearsal):
    path, clock = rehearsal
    with Session.open(path, time_source=FakeTime(clock.now()), read_only=True) as session:
        return build_figures(session), session.package, session.state


@pytest.fixture
def webengine_renderer(qapp):
    from crisisdesk.report import pdf
    from ui import cli_extensions

    saved = (pdf._renderer, pdf._renderer_name)
    cli_extensions.install()
    yield
    pdf._renderer, pdf._renderer_name = saved


def test_figures_agree_with_the_event_log(figures):
    fig, package, state = figures
    assert not fig.draft
    fire_events = [e for e in state.events if e.kind == "fire"]
    assert fig.counts.fired == len(fire_events)
    finex = package.exercise.phases[-1].at  # the rehearsal ends there: HW1 and HW2 come after
    scheduled = [i for i in package.injects if not i.manual and i.contingency_for is None and i.at <= finex]
    assert fig.on_time.total == len(scheduled)
    assert fig.counts.skipped == 1 and fig.counts.adhoc == 1
    # The inject the controller delayed by 5 min went out at its new time: on time, not late.
    (delayed,) = [r for r in fig.injects if r.delayed]
    assert (delayed.status, delayed.due_at - delayed.planned_at) == ("on_time", 300)
    hot_wash = [i for i in package.injects if not i.manual and i.at > finex]  # played after this ENDEX
    assert fig.counts.late == 0 and fig.counts.not_reached == len(hot_wash) == 2
    fired_expected = sum(len(r.expectations) for r in fig.injects if r.fired)
    assert sum(fig.expected_counts.values()) == fired_expected
    # The rate is over the checked responses; the unchecked ones are not evaluated, counted apart.
    assert fig.expected_met.total == fired_expected - fig.expected_counts["unchecked"]
    assert [r.role.id for r in fig.roles] == [r.id for r in package.roles if r.played]
    received = sum(1 for r in fig.injects if r.fired for role in r.to if role in {x.role.id for x in fig.roles})
    assert sum(r.injects_received for r in fig.roles) == received
    assert fig.median_response is not None and 60 <= fig.median_response <= 900
    assert all(o.rating for o in fig.objectives)


def test_html_report_of_the_rehearsal(figures):
    fig, package, _ = figures
    html = render_html(fig)
    for section in ("cover", "summary", "timeline", "objectives", "roles", "hotwash", "annex-log",
                    "annex-events", "annex-injects", "annex-roles"):
        assert f'id="{section}"' in html
    assert "<script" not in html
    chart = html[html.index("<svg"):html.index("</svg>")]
    lanes = re.findall(r'<text x="10" [^>]*><title>([^<]*)</title>', chart)
    # (the lane titles are text of the body: typographic apostrophes, report/typography.py)
    assert [unescape(x).replace("\u2019", "'") for x in lanes[1:]] == [f"{r.role.id} — {r.role.name}" for r in fig.roles]
    # Annex C holds the text of every inject played, not those of the reserves nobody used.
    unused = {r.inject_id for g in fig.unplayed for r in (*g.injects, *g.reserves)}
    assert unused and all(r.status == "unused" for g in fig.unplayed for r in g.reserves)
    plain = [i for i in package.injects if "<" not in i.title and "&" not in i.title]
    assert all((f"<h3>{i.id} — " in html) == (i.id not in unused) for i in plain)


def _word_width(doc: QPdfDocument, word: str, qtbot) -> float:
    model = QPdfSearchModel()
    model.setDocument(doc)
    model.setSearchString(word)
    qtbot.waitUntil(lambda: model.rowCount(QModelIndex()) > 0, timeout=5000)
    rects = model.resultAtIndex(0).rectangles()
    return max(r.right() for r in rects) - min(r.left() for r in rects)


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
    from tests.test_report_pdf import assert_sections_start_pages, thin_pages

    starts = assert_sections_start_pages(doc)  # a page break before each section
    assert (starts["Synthèse"], starts["Présentation de l'exercice"]) == (1, 2)  # the synthesis holds on one page
    body = starts["Annexe A — Chronologie : prévu / réalisé"] - 1  # cover to plan d'actions
    assert body <= 15, f"the body (sections 1-5) runs to {body} pages"
    assert thin_pages(doc) == []  # and no page holds a line or two left over from the one before

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
