"""The report as a DOCX or ODT file, for teams who finish the RETEX in Word or LibreOffice Writer.

The printed report's HTML is simplified (no CSS layout, the cover as plain paragraphs, the
SVG charts as sized images) and converted by pandoc, run as a separate program from the
``pypandoc_binary`` wheel (pandoc is GPL-2; we only execute it, nothing of it is linked
into crisisdesk). A reference document of ours, made from pandoc's own at each export,
gives what a word processor needs and HTML cannot say: A4 pages, the distribution
marking in every page's header, "page N / M" in the footer, each section on a new page,
French (or English) as the document's language for the spell checker. See
docs/report.md, "ODT and DOCX", for what was compared and why pandoc.
"""

from __future__ import annotations

import base64
import os
import re
import subprocess
import tempfile
import zipfile
from collections.abc import Callable
from html import escape
from pathlib import Path

from crisisdesk.report.typography import typography_text

WORD_FORMATS = ("docx", "odt")
# Whole export, 2 CPUs under load: Paris 6-9 s; 2,000 injects and 50,000 entries 25 s (DOCX)
# to 36 s (ODT), pandoc itself 4 s of it. Past this the export is reported as failed.
PANDOC_TIMEOUT_S = 600
CHART_WIDTH_CM = 16.0  # the A4 text width less a margin; the height keeps the chart's proportions
LANGUAGE_TAGS = {"fr": "fr-FR", "en": "en-GB"}


# PNG size of a picture: its width in the document at this resolution (a chart 16 cm wide: 1,260 px).
RASTER_DPI = 200
EMU_PER_INCH = 914_400

SvgRasterizer = Callable[[bytes, int, int], bytes]  # (SVG, width px, height px) -> PNG
_svg_rasterizer: SvgRasterizer | None = None


def register_svg_rasterizer(rasterizer: SvgRasterizer | None) -> None:
    """Plug in what turns an SVG into a PNG (ui/cli_extensions.py registers Qt's QSvgRenderer).

    A DOCX picture is an SVG that Word 2016 and later show; LibreOffice (7.4) and older
    Word show the PNG beside it, so a DOCX is given one when a rasterizer is registered.
    """
    global _svg_rasterizer
    _svg_rasterizer = rasterizer


class WordExportUnavailable(RuntimeError):
    """pandoc (the pypandoc_binary package) is not installed."""


class WordExportFailed(RuntimeError):
    """pandoc ran but did not produce the document."""


def pandoc_path() -> str:
    """The pandoc program bundled by pypandoc_binary (or one pypandoc finds on the PATH)."""
    try:
        import pypandoc  # type: ignore[import-untyped]  # no type information shipped
    except ImportError as exc:
        raise WordExportUnavailable(
            "DOCX/ODT export needs pandoc: install the pypandoc_binary package") from exc
    try:
        return str(pypandoc.get_pandoc_path())
    except OSError as exc:
        raise WordExportUnavailable(f"DOCX/ODT export needs pandoc: {exc}") from exc


# -- the HTML pandoc reads ------------------------------------------------------------


def simplify_for_pandoc(html: str) -> str:
    """The report's HTML cut down to what a word processor holds: structure, tables, images.

    The CSS goes (pandoc ignores it; its page boxes are redone by the reference document),
    the cover's band becomes the document's title and subtitle paragraphs, and each inline
    SVG (the timeline chart, the legend's swatches) becomes an ``<img>`` with a size, which
    pandoc embeds as a picture the user can move and resize.
    """
    from bs4 import BeautifulSoup

    # The SVGs are taken out before parsing: an HTML parser lowercases their attributes
    # (viewBox -> viewbox), which SVG, case-sensitive, would then ignore.
    svgs: list[str] = []

    def set_aside(match: re.Match[str]) -> str:
        svgs.append(match.group(0))
        return f'<img data-cd-svg="{len(svgs) - 1}">'

    soup = BeautifulSoup(_SVG.sub(set_aside, html), "html.parser")
    for tag in soup.find_all(["style", "script", "link", "meta"]):
        tag.decompose()
    band = soup.select_one("section.cover .band")
    if band is not None:
        # pandoc makes the <title> ("Retour d'expérience (RETEX) — <exercise>") the document's
        # title (its first paragraph and its properties): the band keeps only its subtitle.
        subtitle = band.select_one(".subtitle")
        paragraph = soup.new_tag("div", attrs={"data-custom-style": "Subtitle"})
        paragraph.string = subtitle.get_text(" ", strip=True) if subtitle is not None else ""
        band.replace_with(paragraph)
    marking = soup.select_one("section.cover .marking")
    if marking is not None:
        strong = soup.new_tag("strong")
        strong.string = marking.get_text(" ", strip=True).upper()
        paragraph = soup.new_tag("p")
        paragraph.append(strong)
        marking.replace_with(paragraph)
    title = soup.find("title")
    if title is not None:  # the document's title and first paragraph: set as the body is
        html_tag = soup.find("html")
        language = str(html_tag.get("lang", "fr")) if html_tag is not None else "fr"
        title.string = typography_text(title.get_text(), language)
    for group in soup.select("div.kpis"):
        _key_figures_as_table(soup, group)
    for table in soup.find_all("table"):
        _set_column_widths(soup, table)
    for figure in soup.find_all("figure"):
        # pandoc's DOCX writer lays a figure's blocks side by side as subfigures: the chart
        # would print at half width beside its legend.
        figure.name = "div"
    for image in soup.find_all("img"):
        if not image.has_attr("data-cd-svg") and not str(image.get("src", "")).startswith("data:"):
            image.replace_with(str(image.get("alt", "")))  # the report embeds its images; nothing is fetched
    for placeholder in soup.find_all("img", attrs={"data-cd-svg": True}):
        placeholder.replace_with(soup.new_tag("img", attrs=_svg_image(svgs[int(str(placeholder["data-cd-svg"]))])))
    return str(soup)


def _key_figures_as_table(soup, group) -> None:
    """The synthesis' key figures (boxes side by side in the PDF) as one row of a table."""
    row = soup.new_tag("tr")
    for figure in group.select("div.kpi"):
        cell = soup.new_tag("td")
        for part in figure.find_all("div", recursive=False):
            paragraph = soup.new_tag("p")
            if "value" in (part.get("class") or []):
                strong = soup.new_tag("strong")
                strong.extend(list(part.contents))
                paragraph.append(strong)
            else:
                paragraph.extend(list(part.contents))
            cell.append(paragraph)
        row.append(cell)
    table = soup.new_tag("table", attrs={"class": "key-figures"})
    body = soup.new_tag("tbody")
    body.append(row)
    table.append(body)
    group.replace_with(table)


_SVG = re.compile(r"<svg\b.*?</svg>", re.S)


def _svg_attribute(svg: str, name: str) -> str | None:
    match = re.search(rf'\s{name}\s*=\s*["\']([^"\']*)["\']', svg[:svg.index(">") + 1])
    return match.group(1) if match else None


def _svg_image(svg: str) -> dict[str, str]:
    """The ``<img>`` attributes showing ``svg``: a legend swatch at its size, a chart at the text width."""
    if _svg_attribute(svg, "xmlns") is None:
        svg = svg.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"', 1)
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    attrs = {"src": f"data:image/svg+xml;base64,{data}", "alt": _svg_attribute(svg, "aria-label") or ""}
    width, height = _svg_attribute(svg, "width"), _svg_attribute(svg, "height")
    if width and height and width.isdigit() and height.isdigit():
        attrs["width"], attrs["height"] = f"{width}px", f"{height}px"
    else:
        attrs["width"], attrs["height"] = _chart_size(_svg_attribute(svg, "viewBox") or "")
    return attrs


def _chart_size(view_box: str) -> tuple[str, str]:
    """Width and height of a chart from its viewBox (pandoc would stretch it into a square)."""
    try:
        _x, _y, width, height = (float(v) for v in view_box.replace(",", " ").split())
        ratio = height / width
    except (ValueError, ZeroDivisionError):
        ratio = 0.6
    return f"{CHART_WIDTH_CM:g}cm", f"{CHART_WIDTH_CM * ratio:.2f}cm"


def _percent(col) -> float | None:
    match = re.search(r"width:\s*([\d.]+)%", col.get("style", "")) or re.fullmatch(r"([\d.]+)%", col.get("width", ""))
    return float(match.group(1)) if match else None


def _set_column_widths(soup, table) -> None:
    """Give every column a width in percent, as pandoc reads them.

    A ``<col>`` the print CSS leaves free (it takes the rest) would get no width from
    pandoc, and LibreOffice then prints that column one letter wide; a key-value table
    (no colgroup) gets its labels a quarter of the width.
    """
    cols = table.find_all("col")
    if not cols:
        first = table.find("tr")
        if "kv" in (table.get("class") or []) and first is not None and len(first.find_all(["th", "td"])) == 2:
            group = soup.new_tag("colgroup")
            for share in ("28%", "72%"):
                group.append(soup.new_tag("col", attrs={"width": share}))
            table.insert(0, group)
        return
    widths = [_percent(col) for col in cols]
    free = [i for i, width in enumerate(widths) if width is None]
    rest = max(100.0 - sum(w for w in widths if w is not None), 10.0 * len(free))
    for i, col in enumerate(cols):
        width = widths[i] if widths[i] is not None else rest / len(free)
        col.attrs = {"width": f"{width:g}%"}


# -- the reference documents ----------------------------------------------------------


def _default_reference(pandoc: str, kind: str) -> bytes:
    return subprocess.run([pandoc, "--print-default-data-file", f"reference.{kind}"], check=True,
                          capture_output=True, timeout=60).stdout


def _replace_once(text: str, old: str, new: str, part: str) -> str:
    """Put ``new`` where ``old`` is in pandoc's reference; fail loudly if pandoc changed it."""
    if old not in text:
        raise WordExportFailed(f"pandoc's reference {part} has changed: {old!r} not found")
    return text.replace(old, new, 1)


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx_header(marking: str) -> str:
    run = f'<w:r><w:rPr><w:b/><w:caps/><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve">{escape(marking)}</w:t></w:r>'
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {_W}>'
            f'<w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr>{run if marking else ""}</w:p></w:hdr>')


def _field(instruction: str, shown: str) -> str:
    """A Word field (PAGE, NUMPAGES): the word processor keeps it up to date."""
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{shown}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')


def _docx_footer(page_word: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {_W}>'
            f'<w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="right"/></w:pPr>'
            f'<w:r><w:t xml:space="preserve">{escape(page_word)} </w:t></w:r>{_field("PAGE", "1")}'
            f'<w:r><w:t xml:space="preserve"> / </w:t></w:r>{_field("NUMPAGES", "1")}</w:p></w:ftr>')


def docx_reference(pandoc: str, marking: str, page_word: str) -> bytes:
    """pandoc's reference.docx with A4 pages, the marking as header, page N / M as footer."""
    source = zipfile.ZipFile(_bytes_io(_default_reference(pandoc, "docx")))
    parts = {name: source.read(name) for name in source.namelist()}
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    document = parts["word/document.xml"].decode("utf-8")
    # A4, 2 cm margins, the header and footer 1 cm from the edge.
    document = _replace_once(document, "<w:sectPr>", (
        f'<w:sectPr><w:headerReference xmlns:r="{rel}" w:type="default" r:id="rIdCdHeader"/>'
        f'<w:footerReference xmlns:r="{rel}" w:type="default" r:id="rIdCdFooter"/>'
        '<w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>'
    ), "document.xml")
    parts["word/document.xml"] = document.encode("utf-8")
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    rels = _replace_once(rels, "</Relationships>", (
        f'<Relationship Type="{rel}/header" Id="rIdCdHeader" Target="cdheader.xml" />'
        f'<Relationship Type="{rel}/footer" Id="rIdCdFooter" Target="cdfooter.xml" /></Relationships>'
    ), "document.xml.rels")
    parts["word/_rels/document.xml.rels"] = rels.encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    types = _replace_once(types, "</Types>", (
        f'<Override PartName="/word/cdheader.xml" ContentType="{main}.header+xml" />'
        f'<Override PartName="/word/cdfooter.xml" ContentType="{main}.footer+xml" /></Types>'
    ), "[Content_Types].xml")
    parts["[Content_Types].xml"] = types.encode("utf-8")
    styles = parts["word/styles.xml"].decode("utf-8")
    # Each section (Heading 1) starts a page, as in the printed report.
    heading1 = styles.index('w:styleId="Heading1"')
    at = styles.index("<w:keepNext />", heading1)
    styles = styles[:at] + "<w:pageBreakBefore />" + styles[at:]
    # 10 pt body text, as the printed report: at pandoc's 12 pt the annexes' narrow
    # columns (planned, actual, gap) break times in two.
    styles = _replace_once(styles, '<w:sz w:val="24" />\n        <w:szCs w:val="24" />',
                           '<w:sz w:val="20" />\n        <w:szCs w:val="20" />', "styles.xml")
    # Paragraphs 6 pt apart (pandoc's 9 pt before and after left the synthesis a line too long).
    body = styles.index('w:styleId="BodyText"')
    at = styles.index('<w:spacing w:before="180" w:after="180" />', body)
    styles = styles[:at] + '<w:spacing w:before="0" w:after="120" />' + styles[at + len('<w:spacing w:before="180" w:after="180" />'):]
    # Table cells (pandoc's "Compact" paragraphs) at 9 pt, as the printed report's tables.
    compact = styles.index('w:styleId="Compact"')
    at = styles.index("</w:style>", compact)
    styles = styles[:at] + '<w:rPr><w:sz w:val="18" /><w:szCs w:val="18" /></w:rPr>' + styles[at:]
    parts["word/styles.xml"] = styles.encode("utf-8")
    parts["word/cdheader.xml"] = _docx_header(marking).encode("utf-8")
    parts["word/cdfooter.xml"] = _docx_footer(page_word).encode("utf-8")
    return _zip(parts, first=None)


def odt_reference(pandoc: str, marking: str, page_word: str) -> bytes:
    """pandoc's reference.odt with A4 pages, the marking as header, page N / M as footer."""
    source = zipfile.ZipFile(_bytes_io(_default_reference(pandoc, "odt")))
    parts = {name: source.read(name) for name in source.namelist()}
    styles = parts["styles.xml"].decode("utf-8")
    styles = re.sub(r'fo:page-width="[^"]*"\s+fo:page-height="[^"]*"',
                    'fo:page-width="21cm" fo:page-height="29.7cm"', styles, count=1)
    styles = re.sub(r'fo:margin-top="1in"\s+fo:margin-bottom="1in"\s+fo:margin-left="1in"\s+fo:margin-right="1in"',
                    'fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm"',
                    styles, count=1)
    header = (f'<style:header><text:p text:style-name="CdMarking">{escape(marking)}</text:p></style:header>'
              if marking else "")
    footer = (f'<style:footer><text:p text:style-name="CdPage">{escape(page_word)} '
              '<text:page-number text:select-page="current">1</text:page-number> / '
              '<text:page-count>1</text:page-count></text:p></style:footer>')
    styles = re.sub(r"<style:footer>.*?</style:footer>", lambda _m: header + footer, styles, count=1, flags=re.S)
    if "CdPage" not in styles:
        raise WordExportFailed("pandoc's reference styles.xml has changed: no page footer found")
    # The header and footer need room on the page, and their paragraph styles.
    styles = _replace_once(styles, "</style:page-layout-properties>", (
        '</style:page-layout-properties><style:header-style><style:header-footer-properties fo:min-height="0cm" '
        'fo:margin-bottom="0.4cm"/></style:header-style><style:footer-style><style:header-footer-properties '
        'fo:min-height="0cm" fo:margin-top="0.4cm"/></style:footer-style>'), "styles.xml")
    styles = _replace_once(styles, "</office:styles>", (
        '<style:style style:name="CdMarking" style:family="paragraph" style:parent-style-name="Header">'
        '<style:paragraph-properties fo:text-align="center"/>'
        '<style:text-properties fo:font-size="9pt" fo:font-weight="bold" fo:text-transform="uppercase"/></style:style>'
        '<style:style style:name="CdPage" style:family="paragraph" style:parent-style-name="Footer">'
        '<style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="9pt"/></style:style>'
        "</office:styles>"), "styles.xml")
    # A sans-serif body at 10 pt, as the printed report (pandoc's is Times at 12 pt).
    styles = _replace_once(styles, 'style:font-name="Times New Roman" fo:font-size="12pt"',
                           'style:font-name="Arial" fo:font-size="10pt"', "styles.xml")
    # Each section (Heading 1) starts a page, as in the printed report.
    styles = re.sub(r'(<style:style style:name="Heading_20_1".*?style:class="text">)',
                    r'\1<style:paragraph-properties fo:break-before="page"/>', styles, count=1, flags=re.S)
    parts["styles.xml"] = styles.encode("utf-8")
    return _zip(parts, first="mimetype")


def _bytes_io(data: bytes):
    import io

    return io.BytesIO(data)


def _zip(parts: dict[str, bytes], first: str | None) -> bytes:
    """Zip ``parts`` (ODF wants its ``mimetype`` first and stored, not compressed)."""
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        if first is not None:
            archive.writestr(zipfile.ZipInfo(first), parts[first], compress_type=zipfile.ZIP_STORED)
        for name, data in parts.items():
            if name != first:
                archive.writestr(name, data)
    return out.getvalue()


# -- the conversion -------------------------------------------------------------------


def write_word_document(html: str, out: Path, *, kind: str, marking: str, language: str,
                        page_word: str = "page") -> Path:
    """Convert the report's print ``html`` to ``out`` (``kind`` "docx" or "odt") through a temporary file."""
    if kind not in WORD_FORMATS:
        raise ValueError(kind)
    pandoc = pandoc_path()
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="crisisdesk-word-") as work:
        folder = Path(work)
        reference = folder / f"reference.{kind}"
        make = docx_reference if kind == "docx" else odt_reference
        try:
            reference.write_bytes(make(pandoc, marking, page_word))
        except (subprocess.SubprocessError, OSError) as exc:
            raise WordExportFailed(f"pandoc could not give its reference document: {exc}") from exc
        source = folder / "report.html"
        source.write_text(simplify_for_pandoc(html), encoding="utf-8")
        fd, tmp = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=f".{kind}", dir=out.parent)
        os.close(fd)
        try:
            # --sandbox: pandoc reads only the files named here. Without it an <img> naming a
            # local file (or a URL) in a user's template would be fetched into the document.
            command = [pandoc, "--sandbox", str(source), "--from", "html", "--to", kind, "--output", tmp,
                       "--reference-doc", str(reference),
                       "--metadata", f"lang={LANGUAGE_TAGS.get(language, language)}"]
            try:
                done = subprocess.run(command, capture_output=True, text=True, timeout=PANDOC_TIMEOUT_S,
                                      cwd=work)
            except subprocess.TimeoutExpired as exc:
                raise WordExportFailed(f"pandoc took more than {PANDOC_TIMEOUT_S} s") from exc
            except OSError as exc:
                raise WordExportFailed(f"pandoc could not run: {exc}") from exc
            if done.returncode != 0 or Path(tmp).stat().st_size == 0:
                raise WordExportFailed(f"pandoc failed ({done.returncode}): {done.stderr.strip()[:2000]}")
            if kind == "docx":
                finish_docx(Path(tmp), _svg_rasterizer)
            os.chmod(tmp, 0o644)
            os.replace(tmp, out)
        finally:
            Path(tmp).unlink(missing_ok=True)
    return out


# -- PNG beside each SVG picture of a DOCX ---------------------------------------------

_DRAWING = re.compile(r"<w:drawing>.*?</w:drawing>", re.S)
_EXTENT = re.compile(r'<wp:extent cx="(\d+)" cy="(\d+)"')
_SVG_BLIP = re.compile(r'<asvg:svgBlip [^>]*r:embed="([^"]+)"')


_DATA_DESCRIPTION = re.compile(r'(<pic:cNvPr [^>]*?descr=")data:[^"]*(")')


def finish_docx(docx: Path, rasterize: SvgRasterizer | None) -> None:
    """Tidy pandoc's DOCX: no picture described by its own data, and PNGs beside the SVGs."""
    with zipfile.ZipFile(docx) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    # pandoc describes each picture by its source, here the whole data: URL again (1.8 MB
    # of a 3.6 MB document.xml on a 2,000-inject session).
    document = _DATA_DESCRIPTION.sub(r"\1\2", parts["word/document.xml"].decode("utf-8"))
    parts["word/document.xml"] = document.encode("utf-8")
    if rasterize is not None:
        add_png_fallbacks(parts, rasterize)
    docx.write_bytes(_zip(parts, first=None))


def add_png_fallbacks(parts: dict[str, bytes], rasterize: SvgRasterizer) -> int:
    """Give each SVG picture of a DOCX's ``parts`` a PNG as its main image, the SVG kept as Word's extension.

    This is how Word itself stores an SVG (a ``blip`` to a PNG holding an ``svgBlip``);
    pandoc without rsvg-convert writes the SVG alone (an empty ``<a:blip>``), which
    LibreOffice 7.4 shows as nothing.
    Returns the number of pictures given a PNG.
    """
    rels_name = "word/_rels/document.xml.rels"
    rels = parts[rels_name].decode("utf-8")
    targets = dict(re.findall(r'Id="([^"]+)" Target="([^"]+)"', rels))
    targets.update({rid: target for target, rid in re.findall(r'Target="([^"]+)"[^>]*Id="([^"]+)"', rels)})
    added: dict[str, str] = {}

    def with_png(match: re.Match[str]) -> str:
        drawing = match.group(0)
        blip, extent = _SVG_BLIP.search(drawing), _EXTENT.search(drawing)
        if blip is None or extent is None or "<a:blip>" not in drawing:
            return drawing  # not an SVG, or one that has a main image already
        rid = blip.group(1)
        if not targets.get(rid, "").endswith(".svg"):
            return drawing
        if rid not in added:
            width, height = (max(1, round(int(v) / EMU_PER_INCH * RASTER_DPI)) for v in extent.groups())
            png = rasterize(parts["word/" + targets[rid]], width, height)
            name = targets[rid].removesuffix(".svg") + ".png"
            parts["word/" + name] = png
            added[rid] = name
        return drawing.replace("<a:blip>", f'<a:blip r:embed="{rid}png">', 1)

    document = _DRAWING.sub(with_png, parts["word/document.xml"].decode("utf-8"))
    if not added:
        return 0
    parts["word/document.xml"] = document.encode("utf-8")
    image = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
    new_rels = "".join(f'<Relationship Type="{image}" Id="{rid}png" Target="{name}" />' for rid, name in added.items())
    parts[rels_name] = _replace_once(rels, "</Relationships>", new_rels + "</Relationships>", "rels").encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    if 'Extension="png"' not in types:
        types = _replace_once(types, "</Types>", '<Default Extension="png" ContentType="image/png" /></Types>',
                              "[Content_Types].xml")
        parts["[Content_Types].xml"] = types.encode("utf-8")
    return len(added)
