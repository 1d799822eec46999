"""The printed kits as PDF through QtWebEngine: A4, numbered, titled, and no inject card cut in two."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6.QtWebEngineCore")
pytest.importorskip("PySide6.QtPdf")

from PySide6.QtPdf import QPdfDocument  # noqa: E402

from crisisdesk.package.loader import load_package  # noqa: E402
from crisisdesk.report.kits import write_kits  # noqa: E402
from crisisdesk.report.pdf_title import set_pdf_title  # noqa: E402

A4_POINTS = (595, 842)


def open_pdf(path) -> QPdfDocument:
    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    return doc


def page_texts(doc: QPdfDocument) -> list[str]:
    return [doc.getAllText(page).text() for page in range(doc.pageCount())]


def test_the_three_kits_are_numbered_a4_pdfs_titled_in_their_metadata(tmp_path, webengine_renderer, mini_package_path):
    package = load_package(mini_package_path)
    written = write_kits(package, tmp_path / "kits")
    assert [p.name for p in written] == [f"mini-canicule-kit-{k}.pdf" for k in ("animateur", "observateur", "joueur")]
    titles = {"animateur": "Kit animateur", "observateur": "Kit observateur", "joueur": "Kit joueur"}
    for path, (kind, kit_name) in zip(written, titles.items(), strict=True):
        doc = open_pdf(path)
        pages = doc.pageCount()
        assert pages >= 2, kind
        size = doc.pagePointSize(0)
        assert (round(size.width()), round(size.height())) == A4_POINTS
        assert doc.metaData(QPdfDocument.MetaDataField.Title) == f"{kit_name} — Mini-exercice canicule"
        for number, text in enumerate(page_texts(doc), start=1):
            assert "Mini-exercice canicule" in text, f"{kind} page {number}: no exercise title"
            assert f"page {number} / {pages}" in text, f"{kind} page {number}: no page number"
    assert not list((tmp_path / "kits").glob(".*"))  # no temporary file left


def test_no_inject_card_is_cut_across_two_pages(tmp_path, webengine_renderer, paris_package_path):
    package = load_package(paris_package_path)
    [path] = write_kits(package, tmp_path, kinds=["animateur"])
    texts = page_texts(open_pdf(path))
    first_card = next(i for i, text in enumerate(texts) if "Cartes d’injects" in text)
    card_pages = texts[first_card:]
    for number, inject in enumerate(sorted(package.injects, key=lambda i: i.at), start=1):
        number_line = f"#{number} · {inject.id}"  # at the head of the card and again at its foot
        holding = [i for i, text in enumerate(card_pages) if number_line in text]
        assert len(holding) == 1, f"card {number_line} spreads over pages {holding}"
        assert card_pages[holding[0]].count(number_line) == 2, f"card {number_line} is not whole on its page"


def test_set_pdf_title_refuses_a_file_it_does_not_understand(tmp_path):
    odd = tmp_path / "odd.pdf"
    odd.write_bytes(b"%PDF-1.7\n% xref stream only\n")
    assert set_pdf_title(odd, "x") is False
    assert odd.read_bytes() == b"%PDF-1.7\n% xref stream only\n"


def test_a_role_heading_is_never_alone_at_the_foot_of_an_observer_page(tmp_path, webengine_renderer, paris_package_path):
    from crisisdesk.report.kits import build_kit

    package = load_package(paris_package_path)
    [path] = write_kits(package, tmp_path, kinds=["observateur"])
    texts = [" ".join(text.split()) for text in page_texts(open_pdf(path))]  # lines joined: wrapping aside
    for group in build_kit(package).observer_groups():
        if not group.responses:
            continue
        heading = f"{group.key} — "
        first_action = " ".join(group.responses[0].action.replace("'", "’").split()[:4])
        pages = [i for i, text in enumerate(texts) if heading in text]
        assert pages, f"no heading for {group.key}"
        assert first_action in texts[pages[0]], f"{group.key}: heading on page {pages[0] + 1} without its first response"
