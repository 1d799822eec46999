"""The report as DOCX and ODT (crisisdesk report S -o retex.docx|.odt), read back as a word processor would.

Each file is unzipped and its XML read: the outline (Heading 1 / outline level 1), a plan
row in a real table, the distribution marking in the page header, the page-number fields
in the footer, the timeline chart as a picture. LibreOffice then opens the ODT and the
DOCX and prints them (skipped where LibreOffice Writer is not installed).
"""

from __future__ import annotations

import base64
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from crisisdesk.report import write_report
from crisisdesk.report.word_processor import (
    WordExportUnavailable,
    docx_reference,
    pandoc_path,
    simplify_for_pandoc,
)
from tests.report_sessions import play_known_session

pytest.importorskip("pypandoc")

MARKING = "Diffusion restreinte"  # injects/paris-50c's distribution: field
PLAN_ROW = "Mettre à jour l’annuaire de crise des mairies d’arrondissement"  # the rehearsal's first action
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"


@pytest.fixture(scope="module")
def documents(rehearsal, tmp_path_factory, qapp):
    """The Paris rehearsal's DOCX and ODT as the crisisdesk command writes them (Qt's SVG renderer registered)."""
    from crisisdesk.report import pdf, word_processor
    from ui import cli_extensions

    saved = (pdf._renderer, pdf._renderer_name, word_processor._svg_rasterizer)
    cli_extensions.install()
    out = tmp_path_factory.mktemp("word")
    try:
        yield {kind: write_report(rehearsal[0], out / f"retex.{kind}") for kind in ("docx", "odt")}
    finally:
        pdf._renderer, pdf._renderer_name, word_processor._svg_rasterizer = saved


def _xml(path: Path, part: str) -> ElementTree.Element:
    with zipfile.ZipFile(path) as archive:
        return ElementTree.fromstring(archive.read(part))


def _text(element: ElementTree.Element) -> str:
    """The element's text as shown (ODF collapses the indentation pandoc writes between tags)."""
    return " ".join("".join(element.itertext()).split())


def _docx_headings(body: ElementTree.Element, style: str) -> list[str]:
    return [_text(p) for p in body.iter(f"{W}p")
            if (s := p.find(f"{W}pPr/{W}pStyle")) is not None and s.get(f"{W}val") == style]


def test_docx_has_the_outline_the_plan_table_the_marking_and_page_numbers(documents):
    path = documents["docx"]
    document = _xml(path, "word/document.xml")
    headings = _docx_headings(document, "Heading1")
    assert headings[:4] == ["Synthèse", "Présentation de l’exercice", "Analyse par objectif", "Plan d’actions"]
    assert any(h.startswith("Annexe A") for h in headings)
    assert "O1 — Alerte, montée en puissance et conduite de la cellule" in _docx_headings(document, "Heading2")
    rows = [[_text(cell) for cell in row.iter(f"{W}tc")] for row in document.iter(f"{W}tr")]
    plan = next(row for row in rows if any(PLAN_ROW in cell for cell in row))
    assert plan[0] == "1" and "31 mars 2026" in plan  # number and due date in their own cells
    # The section's header and footer, from our reference document.
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        rels = archive.read("word/_rels/document.xml.rels").decode("utf-8")
    header = _xml(path, "word/cdheader.xml")
    assert _text(header) == MARKING
    footer = ElementTree.tostring(_xml(path, "word/cdfooter.xml"), encoding="unicode")
    assert " PAGE " in footer and " NUMPAGES " in footer
    section = document.find(f"{W}body/{W}sectPr")
    assert section is not None and section.find(f"{W}headerReference") is not None
    assert 'Target="cdheader.xml"' in rels
    size = section.find(f"{W}pgSz")
    assert size is not None and size.get(f"{W}w") == "11906"  # A4
    charts = [n for n in names if n.startswith("word/media/") and n.endswith(".svg")]
    chart = max(charts, key=lambda n: len(zipfile.ZipFile(path).read(n)))
    assert len(zipfile.ZipFile(path).read(chart)) > 10_000  # the timeline, not only the legend's swatches
    # Each SVG has a PNG as its main image (what LibreOffice and older Word show), the SVG kept
    # as Word's extension: the timeline's PNG is the picture's size at 200 dpi and not blank.
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    rid = chart.removeprefix("word/media/").removesuffix(".svg")
    assert f'<a:blip r:embed="{rid}png">' in xml and f'r:embed="{rid}" />' in xml
    assert f'Target="media/{rid}.png"' in rels and "<a:blip>" not in xml
    assert 'descr="data:' not in xml  # pandoc's copy of each picture's data as its description
    from PySide6.QtGui import QImage

    image = QImage.fromData(zipfile.ZipFile(path).read(f"word/media/{rid}.png"))
    assert (image.width(), image.height()) == (1260, 714)  # 16 cm x 9.07 cm
    colours = {image.pixel(x, y) for x in range(0, image.width(), 20) for y in range(0, image.height(), 20)}
    assert len(colours) > 5
    # French for the spell checker, and the title in the document's properties.
    assert "fr-FR" in ElementTree.tostring(_xml(path, "word/styles.xml"), encoding="unicode")
    assert "Paris à 50 °C" in _text(_xml(path, "docProps/core.xml"))


def test_odt_has_the_outline_the_plan_table_the_marking_and_page_numbers(documents):
    path = documents["odt"]
    content = _xml(path, "content.xml")
    level1 = [_text(h) for h in content.iter(f"{TEXT}h") if h.get(f"{TEXT}outline-level") == "1"]
    assert level1[:4] == ["Synthèse", "Présentation de l’exercice", "Analyse par objectif", "Plan d’actions"]
    rows = [[_text(cell) for cell in row.iter(f"{TABLE}table-cell")] for row in content.iter(f"{TABLE}table-row")]
    plan = next(row for row in rows if any(PLAN_ROW in cell for cell in row))
    assert plan[0] == "1" and "31 mars 2026" in plan
    styles = _xml(path, "styles.xml")
    master = styles.find(f".//{STYLE}master-page[@{STYLE}name='Standard']")
    assert master is not None
    header, footer = master.find(f"{STYLE}header"), master.find(f"{STYLE}footer")
    assert header is not None and _text(header) == MARKING
    assert footer is not None and footer.find(f".//{TEXT}page-number") is not None
    assert footer.find(f".//{TEXT}page-count") is not None
    frames = [f for f in content.iter("{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}frame")]
    widths = [f.get("{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}width", "") for f in frames]
    inches = [float(w.removesuffix("in")) for w in widths if w.endswith("in")]
    assert any(abs(w * 2.54 - 16) < 0.1 for w in inches), widths  # the chart at the text width, not 100 pt
    with zipfile.ZipFile(path) as archive:
        chart = max((archive.read(n) for n in archive.namelist() if n.endswith(".svg")), key=len)
    assert b"viewBox=" in chart  # as written: SVG attributes are case-sensitive
    with zipfile.ZipFile(path) as archive:
        assert archive.namelist()[0] == "mimetype"


def test_english_report_and_a_hostile_marking(tmp_path):
    """The English words, and a marking with XML's special characters kept as text."""
    path, _ = play_known_session(tmp_path, language="en")
    out = write_report(path, tmp_path / "aar.docx")
    assert "Summary" in _docx_headings(_xml(out, "word/document.xml"), "Heading1")
    reference = docx_reference(pandoc_path(), "R&D <interne> \"DR\"", "page")
    with zipfile.ZipFile(__import__("io").BytesIO(reference)) as archive:
        header = ElementTree.fromstring(archive.read("word/cdheader.xml"))
    assert _text(header) == "R&D <interne> \"DR\""


def test_the_simplified_html_gives_every_column_a_width_and_sizes_the_charts():
    html = ("<html lang='fr'><head><title>Retour d'expérience</title><style>p{}</style></head><body>"
            "<div class='kpis'><div class='kpi'><div class='who'>Joueurs</div><div class='value'>44 %</div></div>"
            "<div class='kpi'><div class='who'>Animation</div><div class='value'>98 %</div></div></div>"
            "<table class='data'><colgroup>"
            "<col style='width:10%'><col><col style='width:30%'></colgroup><tr><td>a</td><td>b</td><td>c</td></tr>"
            "</table><svg viewBox='0 0 800 400'><rect/></svg><svg width='12' height='12'></svg></body></html>")
    simple = simplify_for_pandoc(html)
    assert "<style" not in simple
    assert "<title>Retour d’expérience</title>" in simple  # the typographic apostrophe, as the body
    assert ('<table class="key-figures"><tbody><tr><td><p>Joueurs</p><p><strong>44 %</strong></p></td>'
            "<td><p>Animation</p><p><strong>98 %</strong></p></td></tr></tbody></table>") in simple
    assert '<col width="10%"/><col width="60%"/><col width="30%"/>' in simple
    assert 'height="8.00cm"' in simple and 'width="16cm"' in simple  # 800 x 400 keeps its proportions
    assert 'width="12px"' in simple and "<svg" not in simple
    chart = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', simple)
    assert chart is not None and b"viewBox='0 0 800 400'" in base64.b64decode(chart.group(1))


def test_nothing_outside_the_report_is_fetched_into_the_document(tmp_path):
    """An <img> naming a local file or a URL (a user template's) is not embedded, even past simplify."""
    from crisisdesk.report import word_processor

    secret = tmp_path / "secret.svg"
    secret.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><rect/></svg>', encoding="utf-8")
    html = f'<html><body><p>Texte</p><img src="{secret}" alt="photo"><img src="https://example.invalid/x.png"></body></html>'
    assert "<img" not in simplify_for_pandoc(html) and "photo" in simplify_for_pandoc(html)
    original = word_processor.simplify_for_pandoc
    word_processor.simplify_for_pandoc = lambda markup: markup  # what pandoc itself would do with them
    try:
        out = word_processor.write_word_document(html, tmp_path / "x.docx", kind="docx", marking="", language="fr")
    finally:
        word_processor.simplify_for_pandoc = original
    with zipfile.ZipFile(out) as archive:
        assert not [n for n in archive.namelist() if n.startswith("word/media/")]
        assert "Texte" in archive.read("word/document.xml").decode("utf-8")


def test_without_pandoc_the_export_says_what_to_install(tmp_path, monkeypatch):
    path, _ = play_known_session(tmp_path)
    monkeypatch.setitem(sys.modules, "pypandoc", None)  # import pypandoc -> ImportError
    with pytest.raises(WordExportUnavailable, match="pypandoc_binary"):
        write_report(path, tmp_path / "retex.odt")
    assert not (tmp_path / "retex.odt").exists()


# -- LibreOffice opens and prints them ---------------------------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _has_writer() -> bool:
    if SOFFICE is None:
        return False
    program = Path(SOFFICE).resolve().parent
    return any(program.glob("libswlo*")) or any(program.glob("swriter*"))


@pytest.mark.skipif(not _has_writer(), reason="LibreOffice Writer (soffice) is not installed")
@pytest.mark.parametrize("kind", ["odt", "docx"])
def test_libreoffice_prints_the_document_with_marking_and_page_numbers(documents, tmp_path, kind):
    pytest.importorskip("PySide6.QtPdf")
    from PySide6.QtPdf import QPdfDocument

    source = tmp_path / f"retex.{kind}"
    shutil.copy(documents[kind], source)
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(source)],
                   check=True, capture_output=True, timeout=300)
    pdf = QPdfDocument()
    assert pdf.load(str(tmp_path / "pdf" / "retex.pdf")) == QPdfDocument.Error.None_
    pages = pdf.pageCount()
    assert pages > 20
    first = pdf.getAllText(0).text()
    assert MARKING.upper() in first and f"page 1 / {pages}" in first
    texts = [" ".join(pdf.getAllText(i).text().split()) for i in range(min(pages, 30))]
    synthesis = next(i for i, t in enumerate(texts) if t.startswith(f"{MARKING.upper()} Synthèse "))
    assert synthesis == 1  # the cover holds on one page; each section starts a page
    plan = next(i for i, t in enumerate(texts) if t.startswith(f"{MARKING.upper()} Plan d’actions ")
                and PLAN_ROW.removesuffix("d’arrondissement") in t)
    assert plan <= 12, f"the body (cover to plan) runs to {plan + 1} pages"  # 11 in both on 3 Dec 2026
    assert f"page {pages} / {pages}" in pdf.getAllText(pages - 1).text()
