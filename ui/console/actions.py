"""GUI: every QAction of the console in one registry — shortcuts here, menus built from it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QWidget

from ui import labels


class ConsoleActions(QObject):
    """GUI: the console's actions (texts, shortcuts, tips); the controller connects them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

        def make(name: str, text: str, shortcut: str | QKeySequence.StandardKey | None = None,
                 tip: str = "", checkable: bool = False) -> QAction:
            action = QAction(text, self)
            action.setObjectName(name)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
                # Window-wide only: an observer window in the same process has its own F5/F6.
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            if tip:
                action.setStatusTip(tip)
                action.setToolTip(f"{text.replace('&', '')} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
                                  if shortcut else tip)
            action.setCheckable(checkable)
            return action

        # file
        self.new_session = make("actionNewSession", self.tr("&Nouvelle session…"), QKeySequence.StandardKey.New,
                                self.tr("Créer une session à partir d'un dossier d'exercice"))
        self.open_session = make("actionOpenSession", self.tr("&Ouvrir une session…"), QKeySequence.StandardKey.Open,
                                 self.tr("Ouvrir un fichier de session .crisisdesk"))
        self.export_cards = make("actionExportCards", self.tr("Exporter les cartes de rôle (PDF)…"), None,
                                 self.tr("Une carte par page, à imprimer pour la table"))
        self.print_cards = make("actionPrintCards", self.tr("Imprimer les cartes de rôle…"), None,
                                self.tr("Imprimer une carte par page"))
        self.print_kit = make("actionPrintKit", self.tr("Imprimer le &kit…"), None,
                              self.tr("Kits animateur, observateur et joueur en PDF, depuis le dossier d'exercice"))
        self.report_html = make("actionReportHtml", self.tr("Rapport RETEX (HTML)…"), None,
                                self.tr("Produire le rapport de retour d'expérience en HTML"))
        self.report_pdf = make("actionReportPdf", self.tr("Rapport RETEX (PDF)…"), None,
                               self.tr("Produire le rapport de retour d'expérience en PDF"))
        self.report_word = make("actionReportWord", self.tr("Rapport RETEX à finir dans un traitement de texte (DOCX, ODT)…"),
                                None, self.tr("Produire le rapport en DOCX (Word) ou ODT (LibreOffice Writer), modifiable"))
        # Explicit Ctrl+Q: StandardKey.Quit is empty on some platforms (Windows, offscreen), so the menu showed none.
        self.quit = make("actionQuit", self.tr("&Quitter"), "Ctrl+Q")

        # exercise clock
        self.start = make("actionStart", labels.term("startex"), "F5", self.tr("Démarrer l'exercice"))
        self.pause = make("actionPause", self.tr("Pause"), "F6", self.tr("Suspendre l'horloge d'exercice"))
        self.resume = make("actionResume", self.tr("Reprendre"), "F7", self.tr("Relancer l'horloge d'exercice"))
        self.end = make("actionEnd", labels.term("endex"), "Ctrl+Shift+E", self.tr("Terminer l'exercice"))
        self.autofire = make("actionAutofire", self.tr("Déclenchement automatique"), None,
                             self.tr("Déclencher les injects à l'heure sans intervention"), checkable=True)
        self.next_phase = make("actionNextPhase", self.tr("Passer à la phase suivante"), None,
                               self.tr("Sauter à la phase suivante du scénario"))
        self.shift_timeline = make("actionShiftTimeline", self.tr("Décaler la chronologie…"), None,
                                   self.tr("Décaler tous les injects non joués"))
        self.briefing_timer = make("actionBriefingTimer", self.tr("Minuteur de point de situation…"), "Ctrl+T",
                                   self.tr("Chronométrer un point de situation (relancer l'action pour l'arrêter)"))

        # injects
        self.fire_next = make("actionFireNext", self.tr("Déclencher le prochain"), "F9",
                              self.tr("Déclencher l'inject dû, sinon le prochain"))
        self.fire = make("actionFire", self.tr("Déclencher maintenant"), "Ctrl+Return",
                         self.tr("Déclencher l'inject sélectionné"))
        # Not Ctrl+K / Ctrl+E: in the main courante those cycle the entry type and reach the checklist
        # (observer panel), and one key must mean one thing for the controller who uses both.
        self.skip = make("actionSkip", self.tr("Ignorer"), "Ctrl+I", self.tr("Ne pas jouer l'inject sélectionné"))
        self.delay = make("actionDelay", self.tr("Retarder…"), "Ctrl+D", self.tr("Retarder l'inject sélectionné"))
        self.edit = make("actionEdit", self.tr("Modifier…"), "Ctrl+M", self.tr("Modifier l'inject avant de le jouer"))
        # Ctrl+Z only in the timeline and the inject pane (MainWindow scopes it): in the main
        # courante it stays the text field's own undo.
        self.undo = make("actionUndo", self.tr("Annuler la dernière action"), QKeySequence.StandardKey.Undo,
                         self.tr("Rétablir un inject ignoré ou retardé, ou signaler un envoi par erreur"))
        self.unskip = make("actionUnskip", self.tr("Rétablir (remettre dans le jeu)"), None,
                           self.tr("Remettre dans le jeu l'inject ignoré sélectionné"))
        self.mark_misfired = make("actionMarkMisfired", self.tr("Signaler comme déclenché par erreur…"), None,
                                  self.tr("L'inject reste envoyé ; le rapport dit qu'il l'a été par erreur"))
        self.new_inject = make("actionNewInject", self.tr("Nouvel inject ad hoc…"), "Ctrl+Shift+N",
                               self.tr("Créer un inject non prévu"))
        self.show_in_room = make("actionShowInRoom", self.tr("Afficher en salle"), None,
                                 self.tr("Montrer (ou retirer) cet inject sur l'écran de salle"), checkable=True)

        # observers
        self.new_entry = make("actionNewEntry", self.tr("Nouvelle entrée en main courante"), "Ctrl+L",
                              self.tr("Aller à la saisie rapide de la main courante"))
        self.observer_window = make("actionObserverWindow", self.tr("Fenêtre observateur"), None,
                                    self.tr("Ouvrir une fenêtre observateur sur cette session"))
        self.hotwash = make("actionHotwash", labels.term("hotwash").capitalize(), None,
                            self.tr("Recueillir points forts et axes d'amélioration"))

        # view
        self.room_display = make("actionRoomDisplay", self.tr("Écran de salle"), "F10",
                                 self.tr("Afficher l'écran de salle (projecteur)"), checkable=True)
        self.room_clock = make("actionRoomClock", self.tr("Horloge du scénario"), None, checkable=True)
        self.room_indicators = make("actionRoomIndicators", self.tr("Indicateurs"), None, checkable=True)
        self.room_feed = make("actionRoomFeed", self.tr("Fil des injects publics"), None, checkable=True)
        for action in (self.room_clock, self.room_indicators, self.room_feed):
            action.setChecked(True)
        self.sound_alerts = make("actionSoundAlerts", self.tr("Alerte sonore"), None,
                                 self.tr("Bip tant qu'un inject manuel attend"), checkable=True)

        # language
        self.language_group = QActionGroup(self)
        self.language_fr = make("actionLanguageFr", "Français", None, checkable=True)
        self.language_en = make("actionLanguageEn", "English", None, checkable=True)
        for action in (self.language_fr, self.language_en):
            self.language_group.addAction(action)

    def shortcut_actions(self) -> tuple[QAction, ...]:
        """Return every action that has a keyboard shortcut."""
        return tuple(a for a in self.findChildren(QAction) if not a.shortcut().isEmpty())

    def enable(self, states: Mapping[str, bool]) -> None:
        """Enable or disable actions by attribute name (``ui/console/action_states.py`` says which)."""
        for name, enabled in states.items():
            getattr(self, name).setEnabled(enabled)

    def scope_shortcuts(self, window: QWidget, inject_area: Iterable[QWidget], entry_area: Iterable[QWidget]) -> None:
        """Give each key its place: the inject actions in ``inject_area``, "new entry" in
        ``entry_area``, every other action window-wide on ``window``."""
        # The inject actions act on the timeline's selection: their keys work in the timeline and the
        # inject pane only, so typing in the main courante dock (Ctrl+Return...) never fires an inject.
        inject_actions = self.inject_actions() + (self.undo,)
        # Ctrl+L goes to the quick entry; inside the main courante dock the panel's own Ctrl+L does it
        # (two active shortcuts on one key would cancel each other out: "ambiguous").
        outside_courante = (self.new_entry,)
        for action in inject_actions + outside_courante:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for widget in inject_area:
            widget.addActions(inject_actions)
        for widget in entry_area:
            widget.addActions(outside_courante)
        window.addActions([action for action in self.findChildren(QAction)
                           if action not in inject_actions + outside_courante])

    def inject_actions(self) -> tuple[QAction, ...]:
        """Return the actions that act on the selected inject."""
        return (self.fire, self.skip, self.delay, self.edit, self.show_in_room, self.unskip, self.mark_misfired)
