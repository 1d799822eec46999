"""Who is observing, remembered per seat in a real settings file."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from tests.helpers.observer_support import observer_settings
from ui.observer.observer_names import RECENT_NAMES, ObserverNames


def test_each_seat_remembers_its_own_author_and_the_recent_names_are_shared(tmp_path):
    settings = observer_settings(tmp_path)
    director, observer = ObserverNames(settings, "console"), ObserverNames(settings, "observer")
    assert director.remembered() is None and observer.remembered() is None
    director.remember("Sophie Tran")
    observer.remember("Claire Dubois")
    observer.remember("Marc Lefèvre")
    observer.remember("Claire Dubois")  # typed again: first, once
    reread = QSettings(settings.fileName(), QSettings.Format.IniFormat)  # what the next start reads
    assert ObserverNames(reread, "console").remembered() == "Sophie Tran"
    assert ObserverNames(reread, "observer").remembered() == "Claire Dubois"
    assert ObserverNames(reread, "observer").recent() == ["Claire Dubois", "Marc Lefèvre", "Sophie Tran"]


def test_the_older_shared_name_is_read_by_an_observer_window_only_and_the_list_is_bounded(tmp_path):
    settings = observer_settings(tmp_path)
    settings.setValue("observer/name", "  Claire Dubois ")  # written by the version with one shared name
    settings.setValue("observer/recent_names", "Claire Dubois")  # a one-item list comes back as a string
    assert ObserverNames(settings, "observer").remembered() == "Claire Dubois"
    assert ObserverNames(settings, "console").remembered() is None
    assert ObserverNames(settings).recent() == ["Claire Dubois"]
    names = ObserverNames(settings)
    for n in range(RECENT_NAMES + 3):
        names.remember(f"Observateur {n}")
    assert len(names.recent()) == RECENT_NAMES and names.recent()[0] == f"Observateur {RECENT_NAMES + 2}"
