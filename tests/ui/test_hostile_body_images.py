"""The console shows a body image only when it is one of the package's attachments; never a laptop file."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage

from crisisdesk.session import Session

MINI = Path(__file__).resolve().parents[1] / "data" / "mini"


def test_a_body_image_naming_a_laptop_file_is_shown_as_text(qtbot, qloop, tmp_path, fake_time, settings):
    from ui.main_window import MainWindow

    secret = tmp_path / "secret.png"
    red = QImage(30, 30, QImage.Format.Format_RGB32)
    red.fill(QColor("#ff0000"))
    assert red.save(str(secret))
    root = tmp_path / "pkg"
    shutil.copytree(MINI, root)
    (root / "media").mkdir()
    blue = QImage(30, 30, QImage.Format.Format_RGB32)
    blue.fill(QColor("#0000ff"))
    assert blue.save(str(root / "media" / "carte.png"))
    msel = root / "msel.yaml"
    msel.write_text(msel.read_text(encoding="utf-8").replace(
        "  body: Une rumeur circule.\n",
        f'  body: "Carte : ![carte](media/carte.png) — vol : ![vol]({secret})"\n'
        "  attachments: [media/carte.png]\n", 1), encoding="utf-8")
    session = Session.create(tmp_path / "run.crisisdesk", root, time_source=fake_time)
    window = MainWindow(session, fake_time, settings)
    window.quit_guard.confirm_while_running = False
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    try:
        assert window.timeline.select("I05")
        browser = window.detail.browser
        qtbot.waitUntil(lambda: "vol" in browser.toPlainText())
        assert f"![vol]({secret})" in browser.toPlainText()  # as typed
        assert browser.loadResource(2, QUrl(secret.as_uri())) is None
        assert browser.loadResource(2, QUrl.fromLocalFile(str(secret))) is None
        loaded = browser.images.get("media/carte.png")
        assert loaded is not None and not loaded.isNull()
        assert str(secret) not in browser.images
        if os.environ.get("CRISISDESK_SHOTS"):
            window.grab().save(str(Path(os.environ["CRISISDESK_SHOTS"]) / "console-body-images.png"))
            browser.resize(500, 500)
            browser.grab().save(str(Path(os.environ["CRISISDESK_SHOTS"]) / "console-body-images-detail.png"))
    finally:
        window.driver.stop()
        session.close()
