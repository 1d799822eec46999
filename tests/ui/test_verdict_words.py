"""The UI names an expected response's verdict with the core glossary's words, as the report does."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from crisisdesk import vocabulary
from crisisdesk.vocabulary import CheckStatus, Rating
from ui import labels


def test_check_verdicts_are_the_glossarys_words_in_both_languages():
    assert [labels.code_label("check", s) for s in CheckStatus] == ["obtenue", "partielle", "manquée"]
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        assert [labels.code_label("check", s) for s in CheckStatus] == [
            vocabulary.code_label(s, "en") for s in CheckStatus]
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))


def test_the_ratings_scale_stays_distinct_from_the_verdicts():
    verdicts = {labels.code_label("check", s) for s in CheckStatus}
    ratings = {labels.rating_label(r) for r in Rating}
    assert labels.rating_label("P") == "Réalisé sans difficulté"
    assert not verdicts & ratings


def test_the_hot_wash_is_named_as_the_glossary_names_it(qtbot, mini_session, tmp_path):
    from tests.helpers.observer_support import observer_settings
    from ui.observer.window import ObserverWindow

    window = ObserverWindow(mini_session, observer_name="Claire", settings=observer_settings(tmp_path),
                            auto_refresh=False)
    qtbot.addWidget(window)
    assert window.tabs.tabText(1) == vocabulary.term("hotwash", "fr").capitalize() == "Retour à chaud"
    window.unsaved.settled = True
