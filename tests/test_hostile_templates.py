"""User report templates are code someone sent: sandboxed, inside their folder, loops refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from crisisdesk.report import ReportError, TemplateFolderError, write_report
from tests.report_sessions import play_known_session


@pytest.fixture(scope="module")
def ended_path(tmp_path_factory) -> Path:
    return play_known_session(tmp_path_factory.mktemp("session"))[0]


def folder_with(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


# Each attempt reaches for Python internals from a template; the sandbox must refuse it.
ESCAPES = [
    '{{ cycler.__init__.__globals__.os.popen("touch MARKER").read() }}',
    '{{ joiner.__init__.__globals__["os"].system("touch MARKER") }}',
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    '{{ fig.__class__.__init__.__globals__["sys"].modules["os"].system("touch MARKER") }}',
    '{{ namespace.__init__.__globals__ }}',
    '{{ self._TemplateReference__context.cycler.__init__.__globals__.os.system("touch MARKER") }}',
]


@pytest.mark.parametrize("template", ESCAPES)
def test_a_user_template_cannot_reach_python(ended_path, tmp_path, monkeypatch, template):
    monkeypatch.chdir(tmp_path)
    folder = folder_with(tmp_path, "report.html.j2", template)
    with pytest.raises(ReportError, match=r"report template: .*(unsafe|undefined|not safely|access)"):
        write_report(ended_path, tmp_path / "out.html", templates=folder)
    assert not (tmp_path / "MARKER").exists()
    assert not (tmp_path / "out.html").exists()


def test_the_default_templates_still_render_in_the_sandbox(ended_path, tmp_path):
    folder = folder_with(tmp_path, "report.css.j2", "body { color: rgb(4, 5, 6); }\n")
    out = write_report(ended_path, tmp_path / "out.html", templates=folder)
    html = out.read_text(encoding="utf-8")
    assert "rgb(4, 5, 6)" in html and 'id="annex-roles"' in html


@pytest.mark.parametrize("text", [
    '{% include "report.html.j2" %}',
    '{% extends "report.html.j2" %}',
    '{% include "other.html.j2" %}',  # through another template
])
def test_a_template_that_includes_itself_is_a_message(ended_path, tmp_path, text):
    folder = folder_with(tmp_path, "report.html.j2", text)
    (folder / "other.html.j2").write_text('{% include "report.html.j2" %}', encoding="utf-8")
    with pytest.raises(ReportError, match=r"report template: .*\.html\.j2: includes, imports or extends itself"):
        write_report(ended_path, tmp_path / "out.html", templates=folder)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_link_in_a_template_folder_is_refused(ended_path, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("mot de passe", encoding="utf-8")
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "report.css.j2").symlink_to(secret)
    with pytest.raises(TemplateFolderError, match=r"holds symbolic links \(report\.css\.j2\)"):
        write_report(ended_path, tmp_path / "out.html", templates=folder)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_link_made_after_the_folder_was_checked_is_refused_at_load(tmp_path):
    from jinja2 import TemplateRuntimeError

    from crisisdesk.report.render import make_environment

    folder = tmp_path / "templates"
    folder.mkdir()
    env = make_environment(folder)
    (tmp_path / "secret.txt").write_text("mot de passe", encoding="utf-8")
    (folder / "extra.j2").symlink_to(tmp_path / "secret.txt")
    with pytest.raises(TemplateRuntimeError, match="extra.j2: is a symbolic link"):
        env.get_template("extra.j2")


def test_cli_reports_a_sandbox_refusal_in_one_line(ended_path, tmp_path, capsys, monkeypatch):
    from crisisdesk.cli import main

    monkeypatch.chdir(tmp_path)
    folder = folder_with(tmp_path, "report.html.j2", ESCAPES[0])
    assert main(["report", str(ended_path), "-o", str(tmp_path / "r.html"), "--templates", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("crisisdesk report: report template: ") and "Traceback" not in err
    assert not (tmp_path / "MARKER").exists()


def png_bytes(tmp_path: Path, color: str) -> bytes:
    from PySide6.QtGui import QColor, QImage

    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    path = tmp_path / f"{color.strip('#')}.png"
    assert image.save(str(path))
    return path.read_bytes()


def test_the_pdf_never_loads_a_file_of_this_computer(ended_path, tmp_path, qapp):
    """A template (or anything in the HTML) naming a local file: the PDF shows only the embedded image."""
    import base64
    import shutil
    import subprocess

    pytest.importorskip("PySide6.QtWebEngineCore")
    if shutil.which("pdfimages") is None:
        pytest.skip("needs pdfimages (poppler-utils)")
    from crisisdesk.report import pdf
    from ui import cli_extensions

    secret = tmp_path / "secret.png"
    secret.write_bytes(png_bytes(tmp_path, "#ff0000"))
    embedded = base64.b64encode(png_bytes(tmp_path, "#0000ff")).decode("ascii")
    folder = folder_with(tmp_path, "report.html.j2",
                         f'<html><body><p>Rapport</p><img src="data:image/png;base64,{embedded}">'
                         f'<img src="{secret.as_uri()}"><img src="{secret}"></body></html>')
    saved = (pdf._renderer, pdf._renderer_name)
    cli_extensions.install()
    try:
        out = write_report(ended_path, tmp_path / "r.pdf", templates=folder)
    finally:
        pdf._renderer, pdf._renderer_name = saved
    listing = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    # Our 40x40 pictures (the embedded one and the secret) by PDF object; Chromium draws a
    # small "broken image" icon where it refused to load one.
    pictures = {line.split()[10] for line in listing.splitlines()[2:]
                if line.split()[2] == "image" and line.split()[3:5] == ["40", "40"]}
    assert len(pictures) == 1, listing  # the data: image only, never the file
