<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>AppController</name>
    <message>
        <location filename="../app.py" line="102"/>
        <source>Ce dossier d&apos;exercice contient des erreurs :
{details}</source>
        <translation>This exercise folder has errors:
{details}</translation>
    </message>
    <message>
        <location filename="../app.py" line="104"/>
        <source>Impossible de créer la session :
{details}</source>
        <translation>Could not create the session:
{details}</translation>
    </message>
    <message>
        <location filename="../app.py" line="133"/>
        <source>Session non terminée reprise : {file}. Fichier → Nouvelle session pour recommencer à zéro.</source>
        <translation>Unfinished session resumed: {file}. File → New session to start again from scratch.</translation>
    </message>
    <message>
        <location filename="../app.py" line="148"/>
        <location filename="../app.py" line="194"/>
        <source>Impossible d&apos;ouvrir « {name} » :
{details}</source>
        <translation>Could not open “{name}”:
{details}</translation>
    </message>
    <message>
        <location filename="../app.py" line="167"/>
        <source>Impossible d&apos;ouvrir la session sur le serveur :
{details}</source>
        <translation>Could not open the session on the server:
{details}</translation>
    </message>
    <message>
        <location filename="../app.py" line="199"/>
        <source>La fenêtre observateur n&apos;est pas disponible dans cette version.</source>
        <translation>The observer window is not available in this version.</translation>
    </message>
    <message>
        <location filename="../app.py" line="256"/>
        <source>crisisdesk</source>
        <translation>crisisdesk</translation>
    </message>
</context>
<context>
    <name>ClockBar</name>
    <message>
        <location filename="../console/clock_bar.py" line="81"/>
        <source>Temps d&apos;exercice</source>
        <translation>Exercise time</translation>
    </message>
    <message>
        <location filename="../console/clock_bar.py" line="93"/>
        <source>Heure réelle</source>
        <translation>Wall-clock time</translation>
    </message>
    <message>
        <location filename="../console/clock_bar.py" line="109"/>
        <source>Déclenchement auto</source>
        <translation>Auto-fire</translation>
    </message>
    <message>
        <location filename="../console/clock_bar.py" line="179"/>
        <source>Phase : {title}</source>
        <translation>Phase: {title}</translation>
    </message>
    <message>
        <location filename="../console/clock_bar.py" line="181"/>
        <source>Prochain : à déclencher maintenant —</source>
        <translation>Next: to fire now —</translation>
    </message>
    <message>
        <location filename="../console/clock_bar.py" line="183"/>
        <source>Prochain dans {delay} :</source>
        <translation>Next in {delay}:</translation>
    </message>
    <message>
        <location filename="../console/clock_bar.py" line="186"/>
        <source>Prochain :</source>
        <translation>Next:</translation>
    </message>
    <message>
        <location filename="../console/clock_bar.py" line="191"/>
        <source>Heure réelle {time}</source>
        <translation>Local time {time}</translation>
    </message>
    <message>
        <location filename="../console/clock_bar.py" line="210"/>
        <source>Point de situation : dépassé de {time}</source>
        <translation>Situation briefing: over by {time}</translation>
    </message>
    <message>
        <location filename="../console/clock_bar.py" line="211"/>
        <source>Point de situation : reste {time}</source>
        <translation>Situation briefing: {time} left</translation>
    </message>
</context>
<context>
    <name>ConfirmDeleteDialog</name>
    <message>
        <location filename="../observer/retex_dialogs.py" line="218"/>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="219"/>
        <source>Supprimer {what} ?
Le rapport ne le montrera plus ; l&apos;historique de la session garde la trace de la suppression et de son auteur.</source>
        <translation>Delete {what}?
The report will no longer show it; the session&apos;s history keeps the deletion and who made it.</translation>
    </message>
</context>
<context>
    <name>ConsoleActions</name>
    <message>
        <location filename="../console/actions.py" line="36"/>
        <source>&amp;Nouvelle session…</source>
        <translation>&amp;New session…</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="37"/>
        <source>Créer une session à partir d&apos;un dossier d&apos;exercice</source>
        <translation>Create a session from an exercise folder</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="38"/>
        <source>&amp;Ouvrir une session…</source>
        <translation>&amp;Open a session…</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="39"/>
        <source>Ouvrir un fichier de session .crisisdesk</source>
        <translation>Open a .crisisdesk session file</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="40"/>
        <source>Exporter les cartes de rôle (PDF)…</source>
        <translation>Export role cards (PDF)…</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="41"/>
        <source>Une carte par page, à imprimer pour la table</source>
        <translation>One card per page, to print for the table</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="42"/>
        <source>Imprimer les cartes de rôle…</source>
        <translation>Print role cards…</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="43"/>
        <source>Imprimer une carte par page</source>
        <translation>Print one card per page</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="44"/>
        <source>Imprimer le &amp;kit…</source>
        <translation>Print the &amp;kit…</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="45"/>
        <source>Kits animateur, observateur et joueur en PDF, depuis le dossier d&apos;exercice</source>
        <translation>Control, observer and player kits as PDF, from the exercise package</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="46"/>
        <source>Rapport RETEX (HTML)…</source>
        <translation>After-action report (HTML)…</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="47"/>
        <source>Produire le rapport de retour d&apos;expérience en HTML</source>
        <translation>Produce the after-action report as HTML</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="48"/>
        <source>Rapport RETEX (PDF)…</source>
        <translation>After-action report (PDF)…</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="49"/>
        <source>Produire le rapport de retour d&apos;expérience en PDF</source>
        <translation>Produce the after-action report as PDF</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="50"/>
        <source>Rapport RETEX à finir dans un traitement de texte (DOCX, ODT)…</source>
        <translation>RETEX report to finish in a word processor (DOCX, ODT)…</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="51"/>
        <source>Produire le rapport en DOCX (Word) ou ODT (LibreOffice Writer), modifiable</source>
        <translation>Make the report as an editable DOCX (Word) or ODT (LibreOffice Writer)</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="53"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="56"/>
        <source>Démarrer l&apos;exercice</source>
        <translation>Start the exercise</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="57"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="57"/>
        <source>Suspendre l&apos;horloge d&apos;exercice</source>
        <translation>Stop the exercise clock</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="58"/>
        <source>Reprendre</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="58"/>
        <source>Relancer l&apos;horloge d&apos;exercice</source>
        <translation>Restart the exercise clock</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="59"/>
        <source>Terminer l&apos;exercice</source>
        <translation>End the exercise</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="60"/>
        <source>Déclenchement automatique</source>
        <translation>Automatic firing</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="61"/>
        <source>Déclencher les injects à l&apos;heure sans intervention</source>
        <translation>Fire injects on time without intervention</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="62"/>
        <source>Passer à la phase suivante</source>
        <translation>Go to the next phase</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="63"/>
        <source>Sauter à la phase suivante du scénario</source>
        <translation>Jump to the scenario&apos;s next phase</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="64"/>
        <source>Décaler la chronologie…</source>
        <translation>Shift the timeline…</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="65"/>
        <source>Décaler tous les injects non joués</source>
        <translation>Shift every inject not yet played</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="66"/>
        <source>Minuteur de point de situation…</source>
        <translation>Situation briefing timer…</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="67"/>
        <source>Chronométrer un point de situation (relancer l&apos;action pour l&apos;arrêter)</source>
        <translation>Time a situation briefing (trigger again to stop it)</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="70"/>
        <source>Déclencher le prochain</source>
        <translation>Fire next</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="71"/>
        <source>Déclencher l&apos;inject dû, sinon le prochain</source>
        <translation>Fire the due inject, otherwise the next one</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="72"/>
        <source>Déclencher maintenant</source>
        <translation>Fire now</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="73"/>
        <source>Déclencher l&apos;inject sélectionné</source>
        <translation>Fire the selected inject</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="76"/>
        <source>Ignorer</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="76"/>
        <source>Ne pas jouer l&apos;inject sélectionné</source>
        <translation>Do not play the selected inject</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="77"/>
        <source>Retarder…</source>
        <translation>Delay…</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="77"/>
        <source>Retarder l&apos;inject sélectionné</source>
        <translation>Delay the selected inject</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="78"/>
        <source>Modifier…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="78"/>
        <source>Modifier l&apos;inject avant de le jouer</source>
        <translation>Edit the inject before it is played</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="81"/>
        <source>Annuler la dernière action</source>
        <translation>Undo the last action</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="82"/>
        <source>Rétablir un inject ignoré ou retardé, ou signaler un envoi par erreur</source>
        <translation>Restore a skipped or delayed inject, or mark a firing as a mistake</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="83"/>
        <source>Rétablir (remettre dans le jeu)</source>
        <translation>Restore (put back in play)</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="84"/>
        <source>Remettre dans le jeu l&apos;inject ignoré sélectionné</source>
        <translation>Put the selected skipped inject back in play</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="85"/>
        <source>Signaler comme déclenché par erreur…</source>
        <translation>Mark as fired by mistake…</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="86"/>
        <source>L&apos;inject reste envoyé ; le rapport dit qu&apos;il l&apos;a été par erreur</source>
        <translation>The inject stays sent; the report says it was sent by mistake</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="87"/>
        <source>Nouvel inject ad hoc…</source>
        <translation>New ad-hoc inject…</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="88"/>
        <source>Créer un inject non prévu</source>
        <translation>Create an unplanned inject</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="89"/>
        <source>Afficher en salle</source>
        <translation>Show in the room</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="90"/>
        <source>Montrer (ou retirer) cet inject sur l&apos;écran de salle</source>
        <translation>Show (or withdraw) this inject on the room display</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="93"/>
        <source>Nouvelle entrée en main courante</source>
        <translation>New log entry</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="94"/>
        <source>Aller à la saisie rapide de la main courante</source>
        <translation>Go to the log&apos;s quick entry</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="95"/>
        <source>Fenêtre observateur</source>
        <translation>Observer window</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="96"/>
        <source>Ouvrir une fenêtre observateur sur cette session</source>
        <translation>Open an observer window on this session</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="98"/>
        <source>Recueillir points forts et axes d&apos;amélioration</source>
        <translation>Collect strengths and areas for improvement</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="101"/>
        <source>Écran de salle</source>
        <translation>Room display</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="102"/>
        <source>Afficher l&apos;écran de salle (projecteur)</source>
        <translation>Show the room display (projector)</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="103"/>
        <source>Horloge du scénario</source>
        <translation>Scenario clock</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="104"/>
        <source>Indicateurs</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="105"/>
        <source>Fil des injects publics</source>
        <translation>Public injects feed</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="108"/>
        <source>Alerte sonore</source>
        <translation>Sound alert</translation>
    </message>
    <message>
        <location filename="../console/actions.py" line="109"/>
        <source>Bip tant qu&apos;un inject manuel attend</source>
        <translation>Beep while a manual inject is waiting</translation>
    </message>
</context>
<context>
    <name>ConsoleController</name>
    <message>
        <location filename="../console/controller.py" line="57"/>
        <source>Exercice en pause.</source>
        <translation>Exercise paused.</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="58"/>
        <source>Exercice repris.</source>
        <translation>Exercise resumed.</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="91"/>
        <source>Sélectionnez d&apos;abord un inject dans la chronologie.</source>
        <translation>First select an inject in the timeline.</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="98"/>
        <location filename="../console/controller.py" line="122"/>
        <source>Inject {id} déclenché.</source>
        <translation>Inject {id} fired.</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="107"/>
        <source>Inject {id} retardé de {n} min.</source>
        <translation>Inject {id} delayed by {n} min.</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="114"/>
        <source>Déclenchement automatique activé.</source>
        <translation>Automatic firing on.</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="115"/>
        <source>Déclenchement automatique désactivé : chaque inject attend votre clic.</source>
        <translation>Automatic firing off: every inject waits for your click.</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="208"/>
        <source>Terminer l&apos;exercice maintenant ? L&apos;horloge s&apos;arrête définitivement.</source>
        <translation>End the exercise now? The clock stops for good.</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="127"/>
        <source>{startex} : l&apos;exercice commence.</source>
        <translation>{startex}: the exercise begins.</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="102"/>
        <source>Inject {id} annulé.</source>
        <translation>Inject {id} skipped.</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="147"/>
        <location filename="../console/controller.py" line="156"/>
        <source>{id} rétabli : il revient dans le jeu.</source>
        <translation>{id} restored: back in play.</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="148"/>
        <source>Report de {id} annulé : il revient à son heure.</source>
        <translation>Delay of {id} undone: back at its time.</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="149"/>
        <location filename="../console/controller.py" line="164"/>
        <source>{id} signalé comme déclenché par erreur (il reste envoyé).</source>
        <translation>{id} marked as fired by mistake (it stays sent).</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="168"/>
        <source>Déclenché par erreur</source>
        <translation>Fired by mistake</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="169"/>
        <source>Signaler {id} comme déclenché par erreur ? Il reste envoyé (la salle l&apos;a reçu) ; le journal et le rapport diront qu&apos;il l&apos;a été par erreur. Ce signalement ne peut pas être retiré.</source>
        <translation>Mark {id} as fired by mistake? It stays sent (the room received it); the log and the report will say it was sent by mistake. This mark cannot be withdrawn.</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="181"/>
        <source>Annuler la dernière action</source>
        <translation>Undo the last action</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="183"/>
        <source>Annuler « ignorer {id} »</source>
        <translation>Undo “skip {id}”</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="184"/>
        <source>Annuler le report de {id}</source>
        <translation>Undo the delay of {id}</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="185"/>
        <source>Signaler {id} comme déclenché par erreur</source>
        <translation>Mark {id} as fired by mistake</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="195"/>
        <source>Démarrer l&apos;exercice maintenant ? L&apos;horloge d&apos;exercice part et les injects commencent à tomber ; ce geste ne peut pas être annulé.</source>
        <translation>Start the exercise now? The exercise clock starts and injects begin to go out; this cannot be undone.</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="200"/>
        <source>Pas encore</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="213"/>
        <source>{endex} : l&apos;exercice est terminé.</source>
        <translation>{endex}: the exercise is over.</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="218"/>
        <source>Phase suivante</source>
        <translation>Next phase</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="219"/>
        <source>Passer tout de suite à la phase suivante ? Les injects restants de la phase en cours seront signalés en retard.</source>
        <translation>Go to the next phase now? The remaining injects of the current phase will be flagged overdue.</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="224"/>
        <source>Passage à la phase suivante.</source>
        <translation>Moved to the next phase.</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="229"/>
        <source>Retarder {id}</source>
        <translation>Delay {id}</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="230"/>
        <source>Retarder de (minutes) :</source>
        <translation>Delay by (minutes):</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="236"/>
        <source>Décaler la chronologie</source>
        <translation>Shift the timeline</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="237"/>
        <source>Décaler tous les injects non joués de (minutes, négatif pour avancer) :</source>
        <translation>Shift every inject not yet played by (minutes, negative to bring forward):</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="241"/>
        <source>Chronologie décalée de {n} min.</source>
        <translation>Timeline shifted by {n} min.</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="251"/>
        <source>Corriger un indicateur</source>
        <translation>Correct an indicator</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="253"/>
        <source>{label}{unit} — nouvelle valeur :</source>
        <translation>{label}{unit} — new value:</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="264"/>
        <source>Indicateur « {label} » corrigé.</source>
        <translation>Indicator “{label}” corrected.</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="274"/>
        <source>Minuteur du point de situation arrêté.</source>
        <translation>Situation briefing timer stopped.</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="276"/>
        <source>Point de situation</source>
        <translation>Situation briefing</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="277"/>
        <source>Durée du point de situation (minutes) :</source>
        <translation>Length of the situation briefing (minutes):</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="281"/>
        <source>Point de situation chronométré : {n} min.</source>
        <translation>Situation briefing timed: {n} min.</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="300"/>
        <source>L&apos;inject {id} a déjà été joué : il ne peut plus être modifié.</source>
        <translation>Inject {id} has been played: it can no longer be edited.</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="312"/>
        <source>Inject {id} modifié.</source>
        <translation>Inject {id} edited.</translation>
    </message>
    <message>
        <location filename="../console/controller.py" line="330"/>
        <source>Inject ad hoc {id} créé.</source>
        <translation>Ad-hoc inject {id} created.</translation>
    </message>
</context>
<context>
    <name>ConsoleDocuments</name>
    <message>
        <location filename="../console/documents.py" line="120"/>
        <source>Exporter les cartes de rôle</source>
        <translation>Export role cards</translation>
    </message>
    <message>
        <location filename="../console/documents.py" line="121"/>
        <location filename="../console/documents.py" line="156"/>
        <source>Documents PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="../console/documents.py" line="128"/>
        <source>Cartes de rôle — {title}</source>
        <translation>Role cards — {title}</translation>
    </message>
    <message>
        <location filename="../console/documents.py" line="131"/>
        <source>Export des cartes de rôle…</source>
        <translation>Exporting role cards…</translation>
    </message>
    <message>
        <location filename="../console/documents.py" line="133"/>
        <source>Cartes de rôle enregistrées : {path}</source>
        <translation>Role cards saved: {path}</translation>
    </message>
    <message>
        <location filename="../console/documents.py" line="157"/>
        <source>Documents Word (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <location filename="../console/documents.py" line="157"/>
        <source>Documents OpenDocument (*.odt)</source>
        <translation>OpenDocument text (*.odt)</translation>
    </message>
    <message>
        <location filename="../console/documents.py" line="159"/>
        <source>Enregistrer le rapport RETEX</source>
        <translation>Save the after-action report</translation>
    </message>
    <message>
        <location filename="../console/documents.py" line="156"/>
        <source>Pages HTML (*.html)</source>
        <translation>HTML pages (*.html)</translation>
    </message>
    <message>
        <location filename="../console/documents.py" line="177"/>
        <source>Un rapport est déjà en préparation : attendez qu&apos;il soit prêt.</source>
        <translation>A report is already being prepared: wait until it is ready.</translation>
    </message>
    <message>
        <location filename="../console/documents.py" line="181"/>
        <source>Rapport enregistré : {path}</source>
        <translation>Report saved: {path}</translation>
    </message>
    <message>
        <location filename="../console/documents.py" line="190"/>
        <source>Dossier du kit imprimé</source>
        <translation>Folder for the printed kit</translation>
    </message>
    <message>
        <location filename="../console/documents.py" line="207"/>
        <source>Un kit est déjà en préparation : attendez qu&apos;il soit prêt.</source>
        <translation>A kit is already being made: wait until it is ready.</translation>
    </message>
</context>
<context>
    <name>DueAlert</name>
    <message>
        <location filename="../console/alerts.py" line="46"/>
        <source>Déclencher</source>
        <translation>Fire</translation>
    </message>
    <message>
        <location filename="../console/alerts.py" line="47"/>
        <source>Ignorer</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location filename="../console/alerts.py" line="48"/>
        <location filename="../console/alerts.py" line="53"/>
        <source>Voir</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../console/alerts.py" line="52"/>
        <source>Déclencher le rattrapage</source>
        <translation>Fire the contingency</translation>
    </message>
    <message>
        <location filename="../console/alerts.py" line="98"/>
        <source>À déclencher : {id} — {title}</source>
        <translation>To fire: {id} — {title}</translation>
    </message>
    <message>
        <location filename="../console/alerts.py" line="100"/>
        <source>En retard : {id} — {title}</source>
        <translation>Overdue: {id} — {title}</translation>
    </message>
    <message>
        <location filename="../console/alerts.py" line="102"/>
        <location filename="../console/alerts.py" line="111"/>
        <source>(+{n} autres)</source>
        <translation>(+{n} more)</translation>
    </message>
    <message>
        <location filename="../console/alerts.py" line="106"/>
        <source>réponses de {id} manquées</source>
        <translation>responses to {id} missed</translation>
    </message>
    <message>
        <location filename="../console/alerts.py" line="107"/>
        <source>délai de réponse à {id} écoulé</source>
        <translation>response time for {id} has lapsed</translation>
    </message>
    <message>
        <location filename="../console/alerts.py" line="108"/>
        <source>Rattrapage proposé : {id} — {title} ({why})</source>
        <translation>Contingency offered: {id} — {title} ({why})</translation>
    </message>
    <message>
        <location filename="../console/alerts.py" line="134"/>
        <source>En retard</source>
        <translation>Overdue</translation>
    </message>
</context>
<context>
    <name>EditorDocument</name>
    <message>
        <location filename="../editor/undo.py" line="81"/>
        <source>Modifier {field}</source>
        <translation>Change {field}</translation>
    </message>
</context>
<context>
    <name>EditorLauncher</name>
    <message>
        <location filename="../editor/launcher.py" line="44"/>
        <source>Nouvel e&amp;xercice…</source>
        <translation>New e&amp;xercise…</translation>
    </message>
    <message>
        <location filename="../editor/launcher.py" line="46"/>
        <source>Créer un exercice vide et l&apos;ouvrir dans l&apos;éditeur</source>
        <translation>Create an empty exercise and open it in the editor</translation>
    </message>
    <message>
        <location filename="../editor/launcher.py" line="48"/>
        <source>&amp;Modifier un exercice…</source>
        <translation>&amp;Edit an exercise…</translation>
    </message>
    <message>
        <location filename="../editor/launcher.py" line="50"/>
        <source>Ouvrir un dossier d&apos;exercice dans l&apos;éditeur</source>
        <translation>Open an exercise folder in the editor</translation>
    </message>
    <message>
        <location filename="../editor/launcher.py" line="74"/>
        <source>Nouvel exercice…</source>
        <translation>New exercise…</translation>
    </message>
    <message>
        <location filename="../editor/launcher.py" line="75"/>
        <source>Modifier un exercice…</source>
        <translation>Edit an exercise…</translation>
    </message>
    <message>
        <location filename="../editor/launcher.py" line="96"/>
        <source>Modifier un exercice : choisir son dossier</source>
        <translation>Edit an exercise: choose its folder</translation>
    </message>
    <message>
        <location filename="../editor/launcher.py" line="115"/>
        <source>« {path} » n&apos;est pas un dossier d&apos;exercice (il n&apos;a pas de exercise.yaml).</source>
        <translation>“{path}” is not an exercise folder (it has no exercise.yaml).</translation>
    </message>
    <message>
        <location filename="../editor/launcher.py" line="122"/>
        <source>Travail non enregistré</source>
        <translation>Unsaved work</translation>
    </message>
    <message>
        <location filename="../editor/launcher.py" line="123"/>
        <source>L&apos;éditeur s&apos;est arrêté le {when} sans enregistrer « {name} ». Reprendre ce travail non enregistré ?</source>
        <translation>The editor stopped on {when} without saving “{name}”. Take this unsaved work back?</translation>
    </message>
    <message>
        <location filename="../editor/launcher.py" line="128"/>
        <source>Reprendre</source>
        <translation>Take it back</translation>
    </message>
    <message>
        <location filename="../editor/launcher.py" line="129"/>
        <source>Ignorer</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../editor/launcher.py" line="149"/>
        <source>Ce dossier ne peut pas être ouvert dans l&apos;éditeur :
{details}</source>
        <translation>This folder cannot be opened in the editor:
{details}</translation>
    </message>
    <message>
        <location filename="../editor/launcher.py" line="169"/>
        <source>Éditeur d&apos;exercice</source>
        <translation>Exercise editor</translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <location filename="../editor/window.py" line="63"/>
        <source>Exercice</source>
        <translation>Exercise</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="64"/>
        <source>Rôles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="65"/>
        <source>Injects</source>
        <translation>Injects</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="66"/>
        <source>Chronologie par rôle</source>
        <translation>Timeline by role</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="70"/>
        <source>Problèmes</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="93"/>
        <source>Vérification…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="129"/>
        <source>&amp;Enregistrer</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="130"/>
        <source>E&amp;xécuter…</source>
        <translation>&amp;Run…</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="131"/>
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="132"/>
        <source>Annuler</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="135"/>
        <source>Rétablir</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="139"/>
        <source>&amp;Nouvel inject</source>
        <translation>&amp;New inject</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="140"/>
        <source>&amp;Dupliquer</source>
        <translation>&amp;Duplicate</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="141"/>
        <source>&amp;Supprimer</source>
        <translation>De&amp;lete</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="142"/>
        <source>Une minute plus tard</source>
        <translation>One minute later</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="143"/>
        <source>Une minute plus tôt</source>
        <translation>One minute earlier</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="145"/>
        <source>Décaler la sélection…</source>
        <translation>Shift the selection…</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="147"/>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="150"/>
        <source>É&amp;dition</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="153"/>
        <source>&amp;Injects</source>
        <translation>&amp;Injects</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="165"/>
        <source>Décaler la sélection</source>
        <translation>Shift the selection</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="166"/>
        <source>Décalage en minutes (négatif : plus tôt) :</source>
        <translation>Shift in minutes (negative: earlier):</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="192"/>
        <source>Déplacer l&apos;inject</source>
        <translation>Move the inject</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="202"/>
        <source>{title}[*] — éditeur d&apos;exercice</source>
        <translation>{title}[*] — exercise editor</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="210"/>
        <source>Copie de récupération impossible : {e}</source>
        <translation>Cannot write the recovery copy: {e}</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="217"/>
        <source>Enregistrement impossible :
{details}</source>
        <translation>Cannot save:
{details}</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="223"/>
        <source>Enregistré ({files}).</source>
        <translation>Saved ({files}).</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="234"/>
        <source>
… et {n} autre(s).</source>
        <translation>
… and {n} more.</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="235"/>
        <source>L&apos;exercice ne peut pas être exécuté tant que ces erreurs restent :
{lines}{more}</source>
        <translation>The exercise cannot run while these errors remain:
{lines}{more}</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="241"/>
        <location filename="../editor/window.py" line="254"/>
        <source>Éditeur d&apos;exercice</source>
        <translation>Exercise editor</translation>
    </message>
    <message>
        <location filename="../editor/window.py" line="255"/>
        <source>Enregistrer les modifications de « {title} » ?</source>
        <translation>Save the changes to “{title}”?</translation>
    </message>
</context>
<context>
    <name>EndexBanner</name>
    <message>
        <location filename="../console/alerts.py" line="257"/>
        <source>Exercice terminé ({endex}). La suite : le {hotwash} avec la salle, puis le rapport RETEX.</source>
        <translation>Exercise over ({endex}). Next: the {hotwash} with the room, then the after-action report.</translation>
    </message>
    <message>
        <location filename="../console/alerts.py" line="260"/>
        <source>1. {hotwash}</source>
        <translation>1. {hotwash}</translation>
    </message>
    <message>
        <location filename="../console/alerts.py" line="262"/>
        <source>2. Rapport RETEX (PDF)</source>
        <translation>2. After-action report (PDF)</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../errors.py" line="92"/>
        <source>Erreur inattendue</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../errors.py" line="95"/>
        <source>Une erreur inattendue s&apos;est produite. L&apos;exercice continue : rien de ce qui était enregistré n&apos;est perdu.</source>
        <translation>An unexpected error occurred. The exercise goes on: nothing that was saved is lost.</translation>
    </message>
    <message>
        <location filename="../errors.py" line="100"/>
        <source>{summary}

Détails enregistrés dans : {path}</source>
        <translation>{summary}

Details saved in: {path}</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../error_sentences.py" line="33"/>
        <source>Valeur « {value} » inconnue (valeurs possibles : {allowed}).</source>
        <translation>Unknown value “{value}” (possible values: {allowed}).</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="35"/>
        <source>Pièce jointe introuvable dans l&apos;exercice : {path}.</source>
        <translation>No such attachment in the exercise: {path}.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="37"/>
        <source>« {name} » n&apos;est pas un fichier de session crisisdesk, ou il est endommagé.</source>
        <translation>“{name}” is not a crisisdesk session file, or it is damaged.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="39"/>
        <source>« {name} » a été écrit par une version plus récente de crisisdesk (format {version}, cette version lit jusqu&apos;au format {supported}) : mettez crisisdesk à jour.</source>
        <translation>“{name}” was written by a newer crisisdesk (format {version}; this version reads up to format {supported}): update crisisdesk.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="43"/>
        <source>Le fichier « {path} » n&apos;existe pas.</source>
        <translation>The file “{path}” does not exist.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="44"/>
        <source>Le dossier « {path} » n&apos;existe pas.</source>
        <translation>The folder “{path}” does not exist.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="45"/>
        <source>« {path} » existe déjà : choisissez un autre nom.</source>
        <translation>“{path}” already exists: choose another name.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="47"/>
        <source>« {name} » ne peut pas être modifié : fichier ou dossier en lecture seule, ou session ouverte en lecture seule.</source>
        <translation>“{name}” cannot be changed: the file or folder is read-only, or the session was opened read-only.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="50"/>
        <source>le fichier « {name} » est verrouillé par un autre programme.</source>
        <translation>the file “{name}” is locked by another program.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="52"/>
        <source>le disque est plein (« {name} »).</source>
        <translation>the disk is full (“{name}”).</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="53"/>
        <source>erreur d&apos;écriture sur le disque (« {name} »).</source>
        <translation>disk write error (“{name}”).</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="54"/>
        <source>l&apos;enregistrement dans « {name} » a échoué ({reason}).</source>
        <translation>saving to “{name}” failed ({reason}).</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="56"/>
        <source>Impossible d&apos;ouvrir « {name} » ({reason}).</source>
        <translation>Could not open “{name}” ({reason}).</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="57"/>
        <source>Impossible de lire « {name} » ({reason}).</source>
        <translation>Could not read “{name}” ({reason}).</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="58"/>
        <source>Impossible de créer « {name} » ({reason}).</source>
        <translation>Could not create “{name}” ({reason}).</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="59"/>
        <source>Impossible de mettre « {name} » au format de cette version ({reason}).</source>
        <translation>Could not upgrade “{name}” to this version&apos;s format ({reason}).</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="61"/>
        <source>Les fichiers de l&apos;exercice « {path} » ne peuvent pas être lus ({reason}).</source>
        <translation>The exercise files in “{path}” cannot be read ({reason}).</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="63"/>
        <source>L&apos;exercice enregistré dans « {name} » ne peut pas être chargé :
{reason}</source>
        <translation>The exercise stored in “{name}” cannot be loaded:
{reason}</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="72"/>
        <source>Impossible d&apos;écrire « {path} » ({reason}).</source>
        <translation>Could not write “{path}” ({reason}).</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="65"/>
        <source>Le fichier de session « {name} » est endommagé ({reason}) ; ouvrez-en une copie de sauvegarde si vous en avez une.</source>
        <translation>The session file “{name}” is damaged ({reason}); open a backup copy of it if you have one.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="68"/>
        <source>« {path} » n&apos;est pas un fichier de saisies non enregistrées utilisable ({reason}).</source>
        <translation>“{path}” is not a usable file of unsaved entries ({reason}).</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="73"/>
        <source>La session « {name} » est fermée.</source>
        <translation>The session “{name}” is closed.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="74"/>
        <source>L&apos;exercice n&apos;a pas encore commencé ({startex}).</source>
        <translation>The exercise has not started yet ({startex}).</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="76"/>
        <source>L&apos;exercice est terminé ({endex}).</source>
        <translation>The exercise has ended ({endex}).</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="77"/>
        <source>L&apos;exercice a déjà commencé.</source>
        <translation>The exercise has already started.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="78"/>
        <source>L&apos;exercice n&apos;est pas en cours : il est en pause.</source>
        <translation>The exercise is not running: it is paused.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="80"/>
        <source>L&apos;exercice n&apos;est pas en pause.</source>
        <translation>The exercise is not paused.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="81"/>
        <source>L&apos;inject {inject_id} a déjà été déclenché (peut-être depuis une autre fenêtre).</source>
        <translation>Inject {inject_id} has already been fired (perhaps from another window).</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="83"/>
        <source>L&apos;inject {inject_id} a déjà été annulé (peut-être depuis une autre fenêtre).</source>
        <translation>Inject {inject_id} has already been skipped (perhaps from another window).</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="85"/>
        <source>L&apos;inject {inject_id} ne se déclenche plus automatiquement.</source>
        <translation>Inject {inject_id} no longer fires by itself.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="87"/>
        <source>Plus aucun inject à déclencher.</source>
        <translation>No inject left to fire.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="88"/>
        <source>L&apos;exercice est déjà dans sa dernière phase.</source>
        <translation>The exercise is already in its last phase.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="89"/>
        <source>Un décalage de 0 minute ne change rien.</source>
        <translation>A shift of 0 minutes changes nothing.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="90"/>
        <source>Rien à modifier dans l&apos;inject {inject_id}.</source>
        <translation>Nothing to change in inject {inject_id}.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="92"/>
        <source>Inject inconnu : {inject_id}.</source>
        <translation>Unknown inject: {inject_id}.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="93"/>
        <source>Rôle inconnu : {role}.</source>
        <translation>Unknown role: {role}.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="94"/>
        <source>Indicateur inconnu : {indicator_id}.</source>
        <translation>Unknown indicator: {indicator_id}.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="95"/>
        <source>Objectif inconnu : {objective_id}.</source>
        <translation>Unknown objective: {objective_id}.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="96"/>
        <source>Entrée de main courante inconnue : {entry_id}.</source>
        <translation>Unknown log entry: {entry_id}.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="102"/>
        <source>L&apos;inject {inject_id} n&apos;a pas de réponse attendue n° {value}.</source>
        <translation>Inject {inject_id} has no expected response no. {value}.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="104"/>
        <source>L&apos;inject {inject_id} n&apos;a pas encore été déclenché : rien à constater.</source>
        <translation>Inject {inject_id} has not been fired yet: nothing to check.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="106"/>
        <source>Cette entrée a déjà été corrigée ({by}) : corrigez sa dernière version.</source>
        <translation>This entry has already been corrected ({by}): correct its latest version.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="108"/>
        <source>Identifiant invalide : {value}.</source>
        <translation>Invalid id: {value}.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="109"/>
        <source>Valeur invalide pour « {field} » : {value}.</source>
        <translation>Invalid value for “{field}”: {value}.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="110"/>
        <source>« {value} » n&apos;est pas une date (AAAA-MM-JJ).</source>
        <translation>“{value}” is not a date (YYYY-MM-DD).</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="111"/>
        <source>Ce champ ne peut pas être vide : {field}.</source>
        <translation>This field must not be empty: {field}.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="112"/>
        <source>Champ non modifiable : {field} (modifiables : {allowed}).</source>
        <translation>Field cannot be changed: {field} (changeable: {allowed}).</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="115"/>
        <source>Adresse de session incorrecte « {url} » : {reason}. Forme attendue : postgresql://utilisateur@serveur/base?session=nom</source>
        <translation>Wrong session address “{url}”: {reason}. Expected form: postgresql://user@server/database?session=name</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="118"/>
        <source>Le serveur de « {path} » ne répond pas : vérifiez l&apos;adresse, le port et le réseau.</source>
        <translation>The server of “{path}” does not answer: check the address, the port and the network.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="120"/>
        <source>Le serveur a refusé l&apos;utilisateur ou le mot de passe pour « {path} ».</source>
        <translation>The server refused the user name or the password for “{path}”.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="122"/>
        <source>La base de données de « {path} » n&apos;existe pas sur ce serveur.</source>
        <translation>The database of “{path}” does not exist on this server.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="124"/>
        <source>Accès refusé par le serveur pour « {path} » : demandez les droits à son administrateur.</source>
        <translation>The server denied access to “{path}”: ask its administrator for the rights.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="126"/>
        <source>Aucune session de ce nom dans cette base : « {path} ».</source>
        <translation>No session of that name in this database: “{path}”.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="128"/>
        <source>la connexion au serveur de « {name} » est perdue</source>
        <translation>the connection to the server of “{name}” was lost</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="130"/>
        <source>le serveur de « {name} » est surchargé ({reason})</source>
        <translation>the server of “{name}” is overloaded ({reason})</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="144"/>
        <source>L&apos;opération n&apos;a pas abouti. Détail : {detail}</source>
        <translation>The operation failed. Detail: {detail}</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="160"/>
        <source>Non enregistré : {reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="163"/>
        <source>Rien n&apos;a été modifié : réessayez.</source>
        <translation>Nothing was changed: try again.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="165"/>
        <source>Gardé en mémoire seulement : exportez les saisies non enregistrées avant de fermer.</source>
        <translation>Kept in memory only: export the unsaved entries before closing.</translation>
    </message>
    <message>
        <location filename="../error_sentences.py" line="168"/>
        <source>La saisie est gardée et sera enregistrée dès que le fichier l&apos;acceptera.</source>
        <translation>Your entry is kept and will be saved as soon as the file accepts it.</translation>
    </message>
</context>
<context>
    <name>ExerciseTab</name>
    <message>
        <location filename="../editor/record_tabs.py" line="99"/>
        <location filename="../editor/record_tabs.py" line="108"/>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="104"/>
        <source>Identifiant · langue · durée</source>
        <translation>Id · language · duration</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="105"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="108"/>
        <source>Début (T+)</source>
        <translation>Start (T+)</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="109"/>
        <source>Heure scénario au début</source>
        <translation>Scenario time at start</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="109"/>
        <source>Échelle</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="110"/>
        <source>Nouvelle phase</source>
        <translation>New phase</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="112"/>
        <location filename="../editor/record_tabs.py" line="116"/>
        <source>Identifiant</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="112"/>
        <source>Libellé</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="112"/>
        <source>Unité</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="113"/>
        <source>Valeur initiale</source>
        <translation>Initial value</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="113"/>
        <source>Nouvel indicateur</source>
        <translation>New indicator</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="116"/>
        <source>Objectif</source>
        <translation>Objective</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="117"/>
        <source>Nouvel objectif</source>
        <translation>New objective</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="121"/>
        <source>Un critère par ligne</source>
        <translation>One criterion per line</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="125"/>
        <source>Objectifs et critères d&apos;évaluation</source>
        <translation>Objectives and evaluation criteria</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="131"/>
        <source>Phases (horloge du scénario)</source>
        <translation>Phases (scenario clock)</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="133"/>
        <source>Indicateurs de situation</source>
        <translation>Situation indicators</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="157"/>
        <source>Seuils de la vérification de préparation (vide : valeur par défaut)</source>
        <translation>Readiness check thresholds (empty: default value)</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="163"/>
        <source>Fenêtre de charge</source>
        <translation>Load window</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="164"/>
        <source>Réponses attendues max. par fenêtre</source>
        <translation>Max. responses due per window</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="165"/>
        <source>Injects reçus max. par fenêtre</source>
        <translation>Max. injects received per window</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="166"/>
        <source>Temps mort max.</source>
        <translation>Max. dead time</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="167"/>
        <source>Silence max. (aucun inject)</source>
        <translation>Max. quiet (no inject)</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="169"/>
        <source>Injects min. par objectif</source>
        <translation>Min. injects per objective</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="177"/>
        <source>Par défaut : {value}</source>
        <translation>Default: {value}</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="184"/>
        <source>reconnus par leur titre (« Point de situation… »)</source>
        <translation>recognised by their title (&quot;Point de situation…&quot;)</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="196"/>
        <source>Points de situation (n° d&apos;injects)</source>
        <translation>Situation briefings (inject ids)</translation>
    </message>
</context>
<context>
    <name>ExpectationsChecklist</name>
    <message>
        <location filename="../observer/expectations.py" line="105"/>
        <source>Réponses attendues</source>
        <translation>Expected responses</translation>
    </message>
    <message>
        <location filename="../observer/expectations.py" line="111"/>
        <source>Tous les rôles</source>
        <translation>All roles</translation>
    </message>
    <message>
        <location filename="../observer/expectations.py" line="126"/>
        <source>Attendu</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../observer/expectations.py" line="126"/>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../observer/expectations.py" line="126"/>
        <source>✓ ◐ ✗</source>
        <translation>✓ ◐ ✗</translation>
    </message>
    <message>
        <location filename="../observer/expectations.py" line="161"/>
        <source>Aucune réponse attendue pour l&apos;instant : elles apparaissent quand un inject est envoyé.</source>
        <translation>No expected response yet: they appear when an inject is fired.</translation>
    </message>
    <message>
        <location filename="../observer/expectations.py" line="164"/>
        <source>Ctrl+E pour y aller · ↑↓ puis 1 obtenue · 2 partielle · 3 manquée · Ctrl+L revient à la saisie</source>
        <translation>Ctrl+E to get here · ↑↓ then 1 met · 2 partial · 3 missed · Ctrl+L back to the entry line</translation>
    </message>
    <message>
        <location filename="../observer/expectations.py" line="252"/>
        <source>T+{fired} · {id} · {title}</source>
        <translation>T+{fired} · {id} · {title}</translation>
    </message>
    <message>
        <location filename="../observer/expectations.py" line="253"/>
        <source>{id} — {title}, envoyé à T+{fired}</source>
        <translation>{id} — {title}, fired at T+{fired}</translation>
    </message>
    <message>
        <location filename="../observer/expectations.py" line="266"/>
        <source>{role} : {action} (dans les {window})</source>
        <translation>{role}: {action} (within {window})</translation>
    </message>
    <message>
        <location filename="../observer/expectations.py" line="330"/>
        <source>Évaluée « {status} » par {observer} à {time}, {delay} après l&apos;envoi{note}</source>
        <translation>Evaluated “{status}” by {observer} at {time}, {delay} after the inject{note}</translation>
    </message>
    <message>
        <location filename="../observer/expectations.py" line="355"/>
        <source>{checked}/{total} évaluées</source>
        <translation>{checked}/{total} evaluated</translation>
    </message>
    <message>
        <location filename="../observer/expectations.py" line="385"/>
        <source>à évaluer ({endex})</source>
        <translation>to evaluate ({endex})</translation>
    </message>
    <message>
        <location filename="../observer/expectations.py" line="445"/>
        <source>Évaluation non enregistrée : erreur inattendue (détails dans la fenêtre d&apos;erreur).</source>
        <translation>Check not saved: unexpected error (details in the error window).</translation>
    </message>
    <message>
        <location filename="../observer/expectations.py" line="378"/>
        <source>{status} +{delay}</source>
        <translation>{status} +{delay}</translation>
    </message>
    <message>
        <location filename="../observer/expectations.py" line="382"/>
        <source> · hors délai</source>
        <translation> · late</translation>
    </message>
    <message>
        <location filename="../observer/expectations.py" line="138"/>
        <location filename="../observer/expectations.py" line="388"/>
        <source>reste {left}</source>
        <translation>{left} left</translation>
    </message>
    <message>
        <location filename="../observer/expectations.py" line="138"/>
        <location filename="../observer/expectations.py" line="391"/>
        <source>⚠ dépassé {over}</source>
        <translation>⚠ overdue {over}</translation>
    </message>
    <message>
        <location filename="../observer/expectations.py" line="264"/>
        <source>{role} (≤ {window}) · {action}</source>
        <translation>{role} (≤ {window}) · {action}</translation>
    </message>
    <message>
        <location filename="../observer/expectations.py" line="357"/>
        <source>&lt;span style=&apos;color:#b3261e;font-weight:bold&apos;&gt;{n} en retard&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b3261e;font-weight:bold&apos;&gt;{n} overdue&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>FeedCard</name>
    <message>
        <location filename="../room_display.py" line="145"/>
        <source>FLASH INFO</source>
        <translation>NEWS FLASH</translation>
    </message>
</context>
<context>
    <name>FindingDialog</name>
    <message>
        <location filename="../observer/retex_dialogs.py" line="107"/>
        <source>Modifier le constat n° {n}</source>
        <translation>Edit observation no. {n}</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="108"/>
        <source>Nouveau constat</source>
        <translation>New observation</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="112"/>
        <source>Le constat : ce qui a été observé, factuellement</source>
        <translation>The observation: what was seen, factually</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="113"/>
        <source>Le plan, la procédure ou la fiche réflexe de référence</source>
        <translation>The plan, procedure or checklist it is measured against</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="114"/>
        <source>Pourquoi : la cause identifiée</source>
        <translation>Why: the root cause found</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="115"/>
        <source>Ce qu&apos;il faut faire</source>
        <translation>What should be done</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="116"/>
        <source>(tous objectifs)</source>
        <translation>(all objectives)</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="125"/>
        <source>Nature</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="126"/>
        <source>Constat</source>
        <translation>Observation</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="127"/>
        <source>Référence</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="128"/>
        <source>Cause</source>
        <translation>Root cause</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="129"/>
        <source>Recommandation</source>
        <translation>Recommendation</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="130"/>
        <source>Objectif</source>
        <translation>Objective</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="131"/>
        <source>Le constat est à écrire.</source>
        <translation>Write the observation.</translation>
    </message>
</context>
<context>
    <name>HotWashWidget</name>
    <message>
        <location filename="../observer/hotwash.py" line="86"/>
        <source>Échelle HSEEP : {scale}</source>
        <translation>HSEEP scale: {scale}</translation>
    </message>
    <message>
        <location filename="../observer/hotwash.py" line="93"/>
        <source>Évaluation des objectifs</source>
        <translation>Objective ratings</translation>
    </message>
    <message>
        <location filename="../observer/hotwash.py" line="104"/>
        <source>Un point fort ou un axe d&apos;amélioration…</source>
        <translation>A strength or an area for improvement…</translation>
    </message>
    <message>
        <location filename="../observer/hotwash.py" line="106"/>
        <source>+ Point fort</source>
        <translation>+ Strength</translation>
    </message>
    <message>
        <location filename="../observer/hotwash.py" line="107"/>
        <source>△ Axe d&apos;amélioration</source>
        <translation>△ Area for improvement</translation>
    </message>
    <message>
        <location filename="../observer/hotwash.py" line="114"/>
        <source>Constat détaillé…</source>
        <translation>Detailed observation…</translation>
    </message>
    <message>
        <location filename="../observer/hotwash.py" line="115"/>
        <source>Constat, référence, cause et recommandation</source>
        <translation>Observation, reference, root cause and recommendation</translation>
    </message>
    <message>
        <location filename="../observer/hotwash.py" line="117"/>
        <source>Modifier…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../observer/hotwash.py" line="119"/>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../observer/hotwash.py" line="134"/>
        <source>Points forts</source>
        <translation>Strengths</translation>
    </message>
    <message>
        <location filename="../observer/hotwash.py" line="134"/>
        <source>Axes d&apos;amélioration</source>
        <translation>Areas for improvement</translation>
    </message>
    <message>
        <location filename="../observer/hotwash.py" line="144"/>
        <source>Points forts et axes d&apos;amélioration</source>
        <translation>Strengths and areas for improvement</translation>
    </message>
    <message>
        <location filename="../observer/hotwash.py" line="181"/>
        <source>Évaluation, constats et plan d&apos;actions</source>
        <translation>Ratings, observations and improvement plan</translation>
    </message>
    <message>
        <location filename="../observer/hotwash.py" line="182"/>
        <source>Synthèse et document RETEX</source>
        <translation>Summary and AAR document</translation>
    </message>
    <message>
        <location filename="../observer/hotwash.py" line="214"/>
        <source>&lt;b&gt;{hotwash}&lt;/b&gt; — notez chaque objectif, relevez les points forts et les axes d&apos;amélioration, et construisez le plan d&apos;actions.</source>
        <translation>&lt;b&gt;{hotwash}&lt;/b&gt; — rate each objective, note the strengths and areas for improvement, and build the improvement plan.</translation>
    </message>
    <message>
        <location filename="../observer/hotwash.py" line="218"/>
        <source>L&apos;exercice n&apos;est pas terminé : vous pouvez déjà préparer le {hotwash}, il sera complété après {endex}.</source>
        <translation>The exercise is not over: you can already prepare the {hotwash} and complete it after {endex}.</translation>
    </message>
    <message>
        <location filename="../observer/hotwash.py" line="241"/>
        <source>Réponses attendues : {met} obtenue(s), {partial} partielle(s), {missed} manquée(s), {unchecked} non évaluée(s)</source>
        <translation>Expected responses: {met} met, {partial} partial, {missed} missed, {unchecked} not evaluated</translation>
    </message>
    <message>
        <location filename="../observer/hotwash.py" line="360"/>
        <source>le constat n° {n}</source>
        <translation>observation no. {n}</translation>
    </message>
    <message>
        <location filename="../observer/hotwash_widgets.py" line="23"/>
        <source>(tous objectifs)</source>
        <translation>(all objectives)</translation>
    </message>
    <message>
        <location filename="../observer/hotwash.py" line="231"/>
        <source>Reprendre les entrées marquées ({n})</source>
        <translation>Take in the tagged entries ({n})</translation>
    </message>
    <message>
        <location filename="../observer/hotwash.py" line="233"/>
        <source>Ajoute comme constats les entrées de la main courante marquées point fort ou amélioration</source>
        <translation>Adds the log entries tagged strength or improvement as findings</translation>
    </message>
    <message>
        <location filename="../observer/hotwash.py" line="245"/>
        <source>{n} entrée(s) de main courante #{id}</source>
        <translation>{n} log entr(y/ies) #{id}</translation>
    </message>
    <message>
        <location filename="../observer/hotwash.py" line="260"/>
        <source>{observer}, {time}</source>
        <translation>{observer}, {time}</translation>
    </message>
    <message>
        <location filename="../observer/hotwash.py" line="262"/>
        <source> — modifié par {who}</source>
        <translation> — edited by {who}</translation>
    </message>
    <message>
        <location filename="../observer/hotwash.py" line="276"/>
        <source>Non enregistré : erreur inattendue (détails dans la fenêtre d&apos;erreur). Votre saisie est restée à l&apos;écran.</source>
        <translation>Not saved: unexpected error (details in the error window). What you typed is still on screen.</translation>
    </message>
    <message>
        <location filename="../observer/hotwash.py" line="290"/>
        <source>Indiquez une justification pour la note de {id}.</source>
        <translation>Give a justification for the rating of {id}.</translation>
    </message>
</context>
<context>
    <name>InjectDetail</name>
    <message>
        <location filename="../console/inject_detail.py" line="54"/>
        <source>Sélectionnez un inject dans la chronologie.</source>
        <translation>Select an inject in the timeline.</translation>
    </message>
    <message>
        <location filename="../console/inject_detail.py" line="68"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../console/inject_detail.py" line="69"/>
        <source>Retarder</source>
        <translation>Delay</translation>
    </message>
    <message>
        <location filename="../console/inject_detail.py" line="72"/>
        <source>Retarder de</source>
        <translation>Delay by</translation>
    </message>
    <message>
        <location filename="../console/inject_detail.py" line="133"/>
        <source>déclenchement manuel</source>
        <translation>manual firing</translation>
    </message>
    <message>
        <location filename="../console/inject_detail.py" line="135"/>
        <source>inject ad hoc</source>
        <translation>ad-hoc inject</translation>
    </message>
    <message>
        <location filename="../console/inject_detail.py" line="137"/>
        <source>modifié</source>
        <translation>edited</translation>
    </message>
    <message>
        <location filename="../console/inject_detail.py" line="139"/>
        <source>rattrapage de {id}</source>
        <translation>contingency for {id}</translation>
    </message>
    <message>
        <location filename="../console/inject_detail.py" line="206"/>
        <location filename="../console/inject_detail.py" line="220"/>
        <source>Heure</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../console/inject_detail.py" line="208"/>
        <location filename="../console/inject_detail.py" line="222"/>
        <source>Scénario</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <location filename="../console/inject_detail.py" line="143"/>
        <source>De</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../console/inject_detail.py" line="144"/>
        <source>À</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../console/inject_detail.py" line="145"/>
        <source>Canal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../console/inject_detail.py" line="148"/>
        <source>Animation</source>
        <translation>Control cell</translation>
    </message>
    <message>
        <location filename="../console/inject_detail.py" line="148"/>
        <source>livré par {who}</source>
        <translation>delivered by {who}</translation>
    </message>
    <message>
        <location filename="../console/inject_detail.py" line="164"/>
        <source>Réponses attendues</source>
        <translation>Expected responses</translation>
    </message>
    <message>
        <location filename="../console/inject_detail.py" line="169"/>
        <source>{role} : {action} (sous {minutes} min)</source>
        <translation>{role}: {action} (within {minutes} min)</translation>
    </message>
    <message>
        <location filename="../console/inject_detail.py" line="177"/>
        <source>Notes de l&apos;animation</source>
        <translation>Controller notes</translation>
    </message>
    <message>
        <location filename="../console/inject_detail.py" line="187"/>
        <source>Effets sur les indicateurs</source>
        <translation>Effects on indicators</translation>
    </message>
    <message>
        <location filename="../console/inject_detail.py" line="192"/>
        <source>Pièces jointes</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../console/inject_detail.py" line="202"/>
        <source>(initialement T+{planned})</source>
        <translation>(originally T+{planned})</translation>
    </message>
    <message>
        <location filename="../console/inject_detail.py" line="216"/>
        <source>prévu {planned} · déclenché {fired} (scénario {time})</source>
        <translation>planned {planned} · fired {fired} (scenario {time})</translation>
    </message>
    <message>
        <location filename="../console/inject_detail.py" line="219"/>
        <location filename="../console/inject_detail.py" line="222"/>
        <source>prévu {planned} · déclenché {fired}</source>
        <translation>planned {planned} · fired {fired}</translation>
    </message>
    <message>
        <location filename="../console/inject_detail.py" line="230"/>
        <source>image illisible</source>
        <translation>unreadable image</translation>
    </message>
</context>
<context>
    <name>InjectDialog</name>
    <message>
        <location filename="../console/inject_dialog.py" line="42"/>
        <source>Modifier l&apos;inject {id}</source>
        <translation>Edit inject {id}</translation>
    </message>
    <message>
        <location filename="../console/inject_dialog.py" line="42"/>
        <source>Nouvel inject ad hoc</source>
        <translation>New ad-hoc inject</translation>
    </message>
    <message>
        <location filename="../console/inject_dialog.py" line="57"/>
        <source>Tous les rôles</source>
        <translation>All roles</translation>
    </message>
    <message>
        <location filename="../console/inject_dialog.py" line="69"/>
        <source>Texte du message (Markdown)</source>
        <translation>Message text (Markdown)</translation>
    </message>
    <message>
        <location filename="../console/inject_dialog.py" line="71"/>
        <source>Pour l&apos;animation seulement, jamais affiché en salle</source>
        <translation>For the control team only, never shown in the room</translation>
    </message>
    <message>
        <location filename="../console/inject_dialog.py" line="75"/>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../console/inject_dialog.py" line="75"/>
        <source>Action attendue</source>
        <translation>Expected action</translation>
    </message>
    <message>
        <location filename="../console/inject_dialog.py" line="75"/>
        <source>Délai (min)</source>
        <translation>Within (min)</translation>
    </message>
    <message>
        <location filename="../console/inject_dialog.py" line="75"/>
        <source>Critère</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <location filename="../console/inject_dialog.py" line="80"/>
        <source>Ajouter une réponse attendue</source>
        <translation>Add an expected response</translation>
    </message>
    <message>
        <location filename="../console/inject_dialog.py" line="81"/>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../console/inject_dialog.py" line="88"/>
        <source>Déclencher immédiatement</source>
        <translation>Fire immediately</translation>
    </message>
    <message>
        <location filename="../console/inject_dialog.py" line="95"/>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../console/inject_dialog.py" line="96"/>
        <source>Heure (T+)</source>
        <translation>Time (T+)</translation>
    </message>
    <message>
        <location filename="../console/inject_dialog.py" line="97"/>
        <source>De</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../console/inject_dialog.py" line="101"/>
        <source>À</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../console/inject_dialog.py" line="102"/>
        <source>Canal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../console/inject_dialog.py" line="103"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../console/inject_dialog.py" line="104"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../console/inject_dialog.py" line="108"/>
        <source>Réponses attendues</source>
        <translation>Expected responses</translation>
    </message>
    <message>
        <location filename="../console/inject_dialog.py" line="157"/>
        <source>(aucun)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../console/inject_dialog.py" line="206"/>
        <source>Le titre est obligatoire.</source>
        <translation>The title is required.</translation>
    </message>
    <message>
        <location filename="../console/inject_dialog.py" line="210"/>
        <source>L&apos;heure doit être de la forme H:MM (par exemple 1:25).</source>
        <translation>The time must look like H:MM (for example 1:25).</translation>
    </message>
    <message>
        <location filename="../console/inject_dialog.py" line="213"/>
        <source>Choisissez au moins un destinataire.</source>
        <translation>Choose at least one recipient.</translation>
    </message>
    <message>
        <location filename="../console/inject_dialog.py" line="216"/>
        <source>L&apos;expéditeur est obligatoire.</source>
        <translation>The sender is required.</translation>
    </message>
</context>
<context>
    <name>InjectForm</name>
    <message>
        <location filename="../editor/inject_form.py" line="126"/>
        <source>tous les rôles joués (all)</source>
        <translation>every played role (all)</translation>
    </message>
    <message>
        <location filename="../editor/inject_form.py" line="147"/>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../editor/inject_form.py" line="147"/>
        <source>Action attendue</source>
        <translation>Expected action</translation>
    </message>
    <message>
        <location filename="../editor/inject_form.py" line="147"/>
        <source>Délai</source>
        <translation>Within</translation>
    </message>
    <message>
        <location filename="../editor/inject_form.py" line="148"/>
        <source>Critère</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <location filename="../editor/inject_form.py" line="158"/>
        <source>Indicateur</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../editor/inject_form.py" line="158"/>
        <source>Nouvelle valeur</source>
        <translation>New value</translation>
    </message>
    <message>
        <location filename="../editor/inject_form.py" line="163"/>
        <source>déclenché à la main uniquement</source>
        <translation>fired by hand only</translation>
    </message>
    <message>
        <location filename="../editor/inject_form.py" line="169"/>
        <source>Identifiant</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../editor/inject_form.py" line="170"/>
        <source>T+ (H:MM)</source>
        <translation>T+ (H:MM)</translation>
    </message>
    <message>
        <location filename="../editor/inject_form.py" line="171"/>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../editor/inject_form.py" line="172"/>
        <source>De</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../editor/inject_form.py" line="173"/>
        <source>À</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../editor/inject_form.py" line="174"/>
        <source>Canal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../editor/inject_form.py" line="175"/>
        <source>Message (Markdown)</source>
        <translation>Message (Markdown)</translation>
    </message>
    <message>
        <location filename="../editor/inject_form.py" line="176"/>
        <source>Réponses attendues</source>
        <translation>Expected responses</translation>
    </message>
    <message>
        <location filename="../editor/inject_form.py" line="177"/>
        <source>Objectifs</source>
        <translation>Objectives</translation>
    </message>
    <message>
        <location filename="../editor/inject_form.py" line="178"/>
        <source>Pièces jointes</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../editor/inject_form.py" line="179"/>
        <source>Indicateurs modifiés</source>
        <translation>Indicator changes</translation>
    </message>
    <message>
        <location filename="../editor/inject_form.py" line="180"/>
        <source>Secours de</source>
        <translation>Contingency for</translation>
    </message>
    <message>
        <location filename="../editor/inject_form.py" line="181"/>
        <source>Manuel</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../editor/inject_form.py" line="182"/>
        <source>Notes d&apos;animation</source>
        <translation>Controller notes</translation>
    </message>
    <message>
        <location filename="../editor/inject_form.py" line="193"/>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../editor/inject_form.py" line="194"/>
        <location filename="../editor/inject_form.py" line="368"/>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../editor/inject_form.py" line="240"/>
        <source>scénario : {when}</source>
        <translation>scenario: {when}</translation>
    </message>
    <message>
        <location filename="../editor/inject_form.py" line="241"/>
        <source>scénario : —</source>
        <translation>scenario: —</translation>
    </message>
    <message>
        <location filename="../editor/inject_form.py" line="299"/>
        <source>Ajouter une réponse attendue</source>
        <translation>Add an expected response</translation>
    </message>
    <message>
        <location filename="../editor/inject_form.py" line="318"/>
        <source>Modifier un indicateur</source>
        <translation>Change an indicator</translation>
    </message>
    <message>
        <location filename="../editor/inject_form.py" line="335"/>
        <location filename="../editor/inject_form.py" line="352"/>
        <source>Joindre un fichier</source>
        <translation>Attach a file</translation>
    </message>
</context>
<context>
    <name>InjectTableModel</name>
    <message>
        <location filename="../editor/models.py" line="46"/>
        <source>N°</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../editor/models.py" line="46"/>
        <source>T+</source>
        <translation>T+</translation>
    </message>
    <message>
        <location filename="../editor/models.py" line="46"/>
        <source>Scénario</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <location filename="../editor/models.py" line="46"/>
        <source>De</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../editor/models.py" line="46"/>
        <source>À</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../editor/models.py" line="47"/>
        <source>Canal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../editor/models.py" line="47"/>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../editor/models.py" line="47"/>
        <source>Repères</source>
        <translation>Flags</translation>
    </message>
    <message>
        <location filename="../editor/models.py" line="128"/>
        <source>manuel</source>
        <translation>manual</translation>
    </message>
    <message>
        <location filename="../editor/models.py" line="130"/>
        <source>secours de {id}</source>
        <translation>contingency for {id}</translation>
    </message>
    <message>
        <location filename="../editor/models.py" line="132"/>
        <source>{n} réponse(s)</source>
        <translation>{n} response(s)</translation>
    </message>
    <message>
        <location filename="../editor/models.py" line="134"/>
        <source>PJ</source>
        <translation>att.</translation>
    </message>
    <message>
        <location filename="../editor/models.py" line="136"/>
        <source>indicateurs</source>
        <translation>indicators</translation>
    </message>
</context>
<context>
    <name>InjectsTab</name>
    <message>
        <location filename="../editor/injects_tab.py" line="129"/>
        <location filename="../editor/injects_tab.py" line="136"/>
        <source>Nouvel inject</source>
        <translation>New inject</translation>
    </message>
    <message>
        <location filename="../editor/injects_tab.py" line="148"/>
        <source>Dupliquer l&apos;inject</source>
        <translation>Duplicate the inject</translation>
    </message>
    <message>
        <location filename="../editor/injects_tab.py" line="157"/>
        <source>Supprimer {n} inject(s)</source>
        <translation>Delete {n} inject(s)</translation>
    </message>
    <message>
        <location filename="../editor/injects_tab.py" line="171"/>
        <source>Décaler de {m:+g} min</source>
        <translation>Shift by {m:+g} min</translation>
    </message>
</context>
<context>
    <name>KitController</name>
    <message>
        <location filename="../kit_action.py" line="59"/>
        <source>Mise en page des kits…</source>
        <translation>Laying out the kits…</translation>
    </message>
    <message>
        <location filename="../kit_action.py" line="57"/>
        <source>Préparation du kit…</source>
        <translation>Preparing the kit…</translation>
    </message>
    <message>
        <location filename="../kit_action.py" line="57"/>
        <location filename="../kit_action.py" line="121"/>
        <source>Kit imprimé</source>
        <translation>Printed kit</translation>
    </message>
    <message>
        <location filename="../kit_action.py" line="71"/>
        <source>kit animateur</source>
        <translation>control kit</translation>
    </message>
    <message>
        <location filename="../kit_action.py" line="71"/>
        <source>kit observateur</source>
        <translation>observer kit</translation>
    </message>
    <message>
        <location filename="../kit_action.py" line="72"/>
        <source>kit joueur</source>
        <translation>player kit</translation>
    </message>
    <message>
        <location filename="../kit_action.py" line="79"/>
        <source>Mise en page : {kit}</source>
        <translation>Laid out: {kit}</translation>
    </message>
    <message>
        <location filename="../kit_action.py" line="92"/>
        <source>Impression du {kit} (PDF A4)…</source>
        <translation>Printing the {kit} (A4 PDF)…</translation>
    </message>
    <message>
        <location filename="../kit_action.py" line="113"/>
        <source>Impossible d&apos;enregistrer le kit dans {path} : {reason}</source>
        <translation>Cannot save the kit in {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../kit_action.py" line="117"/>
        <source>Kit enregistré.</source>
        <translation>Kit saved.</translation>
    </message>
    <message>
        <location filename="../kit_action.py" line="118"/>
        <source>Kit enregistré dans {path} ({count} PDF)</source>
        <translation>Kit saved in {path} ({count} PDF)</translation>
    </message>
    <message>
        <location filename="../kit_action.py" line="121"/>
        <source>Le kit n&apos;a pas pu être produit.</source>
        <translation>The kit could not be made.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../labels.py" line="54"/>
        <source>+ fort</source>
        <translation>+ strength</translation>
    </message>
    <message>
        <location filename="../labels.py" line="55"/>
        <source>△ amél.</source>
        <translation>△ impr.</translation>
    </message>
    <message>
        <location filename="../labels.py" line="58"/>
        <source>briefing</source>
        <translation>briefing</translation>
    </message>
    <message>
        <location filename="../labels.py" line="59"/>
        <source>jeu</source>
        <translation>play</translation>
    </message>
    <message>
        <location filename="../labels.py" line="62"/>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../labels.py" line="63"/>
        <source>Courriel</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../labels.py" line="64"/>
        <source>Radio</source>
        <translation>Radio</translation>
    </message>
    <message>
        <location filename="../labels.py" line="65"/>
        <source>Flash info</source>
        <translation>News flash</translation>
    </message>
    <message>
        <location filename="../labels.py" line="66"/>
        <source>Réseaux sociaux</source>
        <translation>Social media</translation>
    </message>
    <message>
        <location filename="../labels.py" line="67"/>
        <source>Remontée terrain</source>
        <translation>Field report</translation>
    </message>
    <message>
        <location filename="../labels.py" line="68"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../labels.py" line="69"/>
        <source>En personne</source>
        <translation>In person</translation>
    </message>
    <message>
        <location filename="../labels.py" line="72"/>
        <source>À venir</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../labels.py" line="73"/>
        <source>Prochain</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../labels.py" line="74"/>
        <source>À déclencher</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../labels.py" line="75"/>
        <source>En retard</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../labels.py" line="76"/>
        <source>Déclenché</source>
        <translation>Fired</translation>
    </message>
    <message>
        <location filename="../labels.py" line="77"/>
        <source>Déclenché par erreur</source>
        <translation>Fired by mistake</translation>
    </message>
    <message>
        <location filename="../labels.py" line="79"/>
        <source>Retardé</source>
        <translation>Delayed</translation>
    </message>
    <message>
        <location filename="../labels.py" line="80"/>
        <source>Non joué</source>
        <translation>Not played</translation>
    </message>
    <message>
        <location filename="../labels.py" line="83"/>
        <source>Prêt — avant {startex}</source>
        <translation>Ready — before {startex}</translation>
    </message>
    <message>
        <location filename="../labels.py" line="86"/>
        <source>Terminé — {endex}</source>
        <translation>Ended — {endex}</translation>
    </message>
    <message>
        <location filename="../labels.py" line="84"/>
        <source>En cours</source>
        <translation>Running</translation>
    </message>
    <message>
        <location filename="../labels.py" line="78"/>
        <source>Annulé</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <location filename="../labels.py" line="85"/>
        <source>En pause</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../labels.py" line="89"/>
        <source>Direction</source>
        <translation>Directorate</translation>
    </message>
    <message>
        <location filename="../labels.py" line="90"/>
        <source>Partenaire</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../labels.py" line="91"/>
        <source>Joué par l&apos;animation</source>
        <translation>Played by the control team</translation>
    </message>
    <message>
        <location filename="../labels.py" line="120"/>
        <source>Tous</source>
        <translation>All</translation>
    </message>
</context>
<context>
    <name>LogPane</name>
    <message>
        <location filename="../observer/log_pane.py" line="73"/>
        <source>Rechercher… (Ctrl+F)</source>
        <translation>Search… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../observer/log_pane.py" line="76"/>
        <source>Rôles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../observer/log_pane.py" line="77"/>
        <source>Types</source>
        <translation>Kinds</translation>
    </message>
    <message>
        <location filename="../observer/log_pane.py" line="78"/>
        <source>Observateurs</source>
        <translation>Observers</translation>
    </message>
    <message>
        <location filename="../observer/log_pane.py" line="79"/>
        <source>Injects</source>
        <translation>Injects</translation>
    </message>
    <message>
        <location filename="../observer/log_pane.py" line="82"/>
        <source>Marques</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../observer/log_pane.py" line="86"/>
        <source>Ordre d&apos;affichage des entrées</source>
        <translation>Order of the entries</translation>
    </message>
    <message>
        <location filename="../observer/log_pane.py" line="90"/>
        <source>Corriger (F2)</source>
        <translation>Correct (F2)</translation>
    </message>
    <message>
        <location filename="../observer/log_pane.py" line="161"/>
        <source>Filtrer : {what}</source>
        <translation>Filter: {what}</translation>
    </message>
    <message>
        <location filename="../observer/log_pane.py" line="248"/>
        <source>Historique :</source>
        <translation>History:</translation>
    </message>
    <message>
        <location filename="../observer/log_pane.py" line="269"/>
        <source>↓ Récentes en haut</source>
        <translation>↓ Newest first</translation>
    </message>
    <message>
        <location filename="../observer/log_pane.py" line="269"/>
        <source>↑ Chronologique</source>
        <translation>↑ In time order</translation>
    </message>
    <message>
        <location filename="../observer/log_pane.py" line="277"/>
        <source>{n} entrées</source>
        <translation>{n} entries</translation>
    </message>
    <message>
        <location filename="../observer/log_pane.py" line="277"/>
        <source>{shown} / {n} entrées</source>
        <translation>{shown} / {n} entries</translation>
    </message>
</context>
<context>
    <name>LogTableModel</name>
    <message>
        <location filename="../observer/log_model.py" line="120"/>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../observer/log_model.py" line="121"/>
        <source>Heure</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../observer/log_model.py" line="122"/>
        <source>T+</source>
        <translation>T+</translation>
    </message>
    <message>
        <location filename="../observer/log_model.py" line="123"/>
        <source>Scénario</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <location filename="../observer/log_model.py" line="124"/>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../observer/log_model.py" line="125"/>
        <source>Type</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../observer/log_model.py" line="126"/>
        <source>Entrée</source>
        <translation>Entry</translation>
    </message>
    <message>
        <location filename="../observer/log_model.py" line="127"/>
        <source>Inject</source>
        <translation>Inject</translation>
    </message>
    <message>
        <location filename="../observer/log_model.py" line="128"/>
        <source>Marques</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../observer/log_model.py" line="129"/>
        <source>Observateur</source>
        <translation>Observer</translation>
    </message>
    <message>
        <location filename="../observer/log_model.py" line="465"/>
        <source>enregistré</source>
        <translation>saved</translation>
    </message>
    <message>
        <location filename="../observer/log_model.py" line="466"/>
        <source>en cours…</source>
        <translation>saving…</translation>
    </message>
    <message>
        <location filename="../observer/log_model.py" line="467"/>
        <source>non enregistré — nouvel essai</source>
        <translation>not saved — retrying</translation>
    </message>
    <message>
        <location filename="../observer/log_model.py" line="468"/>
        <source>refusé</source>
        <translation>refused</translation>
    </message>
    <message>
        <location filename="../observer/log_model.py" line="452"/>
        <source>✎ {text}</source>
        <translation>✎ {text}</translation>
    </message>
    <message>
        <location filename="../observer/log_model.py" line="489"/>
        <source>Saisie à {first}, corrigée à {last}</source>
        <translation>Logged at {first}, corrected at {last}</translation>
    </message>
    <message>
        <location filename="../observer/log_model.py" line="493"/>
        <source>L&apos;entrée n&apos;est pas encore dans le fichier de session ; elle est gardée et renvoyée automatiquement.</source>
        <translation>The entry is not in the session file yet; it is kept and sent again automatically.</translation>
    </message>
    <message>
        <location filename="../observer/log_model.py" line="495"/>
        <source>Entrée refusée, non enregistrée : {reason}
Double-cliquez (ou F2) pour remettre le texte dans la saisie et le corriger.</source>
        <translation>Entry refused, not saved: {reason}
Double-click (or F2) to put the text back in the entry line and correct it.</translation>
    </message>
    <message>
        <location filename="../observer/log_model.py" line="506"/>
        <source>Historique des révisions :</source>
        <translation>Revision history:</translation>
    </message>
    <message>
        <location filename="../observer/log_model.py" line="510"/>
        <source>{n}. {time} ({observer}) : {text}</source>
        <translation>{n}. {time} ({observer}): {text}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="104"/>
        <source>Horloge</source>
        <translation>Clock</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="111"/>
        <source>Inject sélectionné</source>
        <translation>Selected inject</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="112"/>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="113"/>
        <source>Cartes de rôle</source>
        <translation>Role cards</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="122"/>
        <source>Main courante</source>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="132"/>
        <source>crisisdesk — {title} — {file}</source>
        <translation>crisisdesk — {title} — {file}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="178"/>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="185"/>
        <source>Importer des saisies non enregistrées…</source>
        <translation>Import unsaved entries…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="190"/>
        <source>&amp;Exercice</source>
        <translation>&amp;Exercise</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="195"/>
        <source>In&amp;jects</source>
        <translation>In&amp;jects</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="199"/>
        <source>&amp;Observateurs</source>
        <translation>&amp;Observers</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="202"/>
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="210"/>
        <source>Langue</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="314"/>
        <source>Déclenché automatiquement : {ids}</source>
        <translation>Fired automatically: {ids}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="319"/>
        <source>Action impossible</source>
        <translation>Action not possible</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="335"/>
        <source>Langue enregistrée : elle s&apos;applique au prochain démarrage de crisisdesk.</source>
        <translation>Language saved: it applies the next time crisisdesk starts.</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <location filename="../importer/mapping_dialog.py" line="69"/>
        <source>Importer un chronogramme — {name}</source>
        <translation>Import a MSEL — {name}</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="76"/>
        <source>aucune</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="78"/>
        <source>deviner</source>
        <translation>guess</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="78"/>
        <source>délais depuis STARTEX (T+)</source>
        <translation>delays since STARTEX (T+)</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="79"/>
        <source>heures de la journée</source>
        <translation>times of day</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="81"/>
        <source>STARTEX le</source>
        <translation>STARTEX on</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="92"/>
        <source>Feuille</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="93"/>
        <source>Ligne d&apos;en-tête</source>
        <translation>Header row</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="94"/>
        <source>Heures lues comme</source>
        <translation>Read times as</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="95"/>
        <source>Début</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="106"/>
        <source>Feuille : premières lignes et sens de chaque colonne</source>
        <translation>Sheet: first rows and the meaning of each column</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="112"/>
        <location filename="../importer/mapping_dialog.py" line="179"/>
        <source>N°</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="112"/>
        <source>T+</source>
        <translation>T+</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="112"/>
        <source>De</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="112"/>
        <source>À</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="113"/>
        <location filename="../importer/mapping_dialog.py" line="181"/>
        <source>Canal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="113"/>
        <location filename="../importer/mapping_dialog.py" line="181"/>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="116"/>
        <source>Injects qui seront créés</source>
        <translation>Injects to be created</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="120"/>
        <source>À vérifier</source>
        <translation>To check</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="123"/>
        <source>Canaux inconnus : lequel est-ce ?</source>
        <translation>Unknown channels: which is it?</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="140"/>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="142"/>
        <source>Remplacer le dossier s&apos;il existe</source>
        <translation>Replace the folder if it exists</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="144"/>
        <source>Dossier du paquet</source>
        <translation>Package folder</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="179"/>
        <source>Heure / T+</source>
        <translation>Time / T+</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="179"/>
        <source>Date et heure scénario</source>
        <translation>Scenario date and time</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="180"/>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="180"/>
        <source>Émetteur</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="180"/>
        <source>Destinataires</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="181"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="182"/>
        <source>Réactions attendues</source>
        <translation>Expected responses</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="182"/>
        <source>Objectifs</source>
        <translation>Objectives</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="183"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="183"/>
        <source>Manuel</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="183"/>
        <source>Secours pour</source>
        <translation>Contingency for</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="184"/>
        <source>Pièces jointes</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="184"/>
        <source>Indicateurs modifiés</source>
        <translation>Indicator changes</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="185"/>
        <source>(aucun : dans les notes)</source>
        <translation>(none: kept in notes)</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="185"/>
        <source>(ignorer)</source>
        <translation>(ignore)</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="233"/>
        <source>Correspondance enregistrée illisible : {error}</source>
        <translation>Stored mapping unreadable: {error}</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="236"/>
        <source>Correspondance reprise de {file}.</source>
        <translation>Mapping reused from {file}.</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="295"/>
        <source>Sens</source>
        <translation>Meaning</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="321"/>
        <source>Tous</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="329"/>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="329"/>
        <source>Courriel</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="329"/>
        <source>Radio</source>
        <translation>Radio</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="330"/>
        <source>Presse / TV</source>
        <translation>Press / TV</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="330"/>
        <source>Réseaux sociaux</source>
        <translation>Social media</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="330"/>
        <source>Terrain</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="331"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="331"/>
        <source>En personne</source>
        <translation>Face to face</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="347"/>
        <source>— choisir —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="372"/>
        <source>{n} erreur(s) à corriger dans la feuille ou la correspondance.</source>
        <translation>{n} error(s) to fix in the sheet or the mapping.</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="379"/>
        <source>Dossier du paquet à créer</source>
        <translation>Package folder to create</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="390"/>
        <source>Donnez le dossier du paquet à créer.</source>
        <translation>Give the package folder to create.</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="398"/>
        <source>Paquet non enregistré : {error}</source>
        <translation>Package not saved: {error}</translation>
    </message>
    <message>
        <location filename="../importer/mapping_dialog.py" line="400"/>
        <source>Paquet enregistré dans {folder}.</source>
        <translation>Package saved in {folder}.</translation>
    </message>
</context>
<context>
    <name>MselActions</name>
    <message>
        <location filename="../importer/menu.py" line="29"/>
        <source>Importer un chronogramme…</source>
        <translation>Import a MSEL…</translation>
    </message>
    <message>
        <location filename="../importer/menu.py" line="31"/>
        <source>Créer un paquet d&apos;exercice à partir d&apos;un tableur (XLSX, ODS, CSV)</source>
        <translation>Create an exercise package from a spreadsheet (XLSX, ODS, CSV)</translation>
    </message>
    <message>
        <location filename="../importer/menu.py" line="33"/>
        <source>Exporter le chronogramme…</source>
        <translation>Export the MSEL…</translation>
    </message>
    <message>
        <location filename="../importer/menu.py" line="35"/>
        <source>Le chronogramme, avec les heures réelles et les verdicts, en tableur</source>
        <translation>The MSEL, with actual times and verdicts, as a spreadsheet</translation>
    </message>
    <message>
        <location filename="../importer/menu.py" line="41"/>
        <source>Importer un chronogramme</source>
        <translation>Import a MSEL</translation>
    </message>
    <message>
        <location filename="../importer/menu.py" line="42"/>
        <source>Tableurs (*.xlsx *.xlsm *.xls *.ods *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv)</translation>
    </message>
    <message>
        <location filename="../importer/menu.py" line="53"/>
        <source>Import impossible</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <location filename="../importer/menu.py" line="54"/>
        <source>« {name} » : {error}</source>
        <translation>“{name}”: {error}</translation>
    </message>
    <message>
        <location filename="../importer/menu.py" line="63"/>
        <source>Chronogramme importé</source>
        <translation>MSEL imported</translation>
    </message>
    <message>
        <location filename="../importer/menu.py" line="64"/>
        <source>Le paquet est enregistré dans {folder}.
Ouvrir une nouvelle session sur ce paquet ?</source>
        <translation>The package is saved in {folder}.
Open a new session on this package?</translation>
    </message>
    <message>
        <location filename="../importer/menu.py" line="74"/>
        <source>Exporter le chronogramme</source>
        <translation>Export the MSEL</translation>
    </message>
    <message>
        <location filename="../importer/menu.py" line="75"/>
        <source>Classeur Excel (*.xlsx);;Classeur OpenDocument (*.ods);;CSV (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;OpenDocument spreadsheet (*.ods);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../importer/menu.py" line="90"/>
        <source>Export impossible</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../importer/menu.py" line="91"/>
        <source>« {name} » n&apos;a pas pu être écrit : {error}</source>
        <translation>“{name}” could not be written: {error}</translation>
    </message>
    <message>
        <location filename="../importer/menu.py" line="96"/>
        <source>Chronogramme exporté : {path}</source>
        <translation>MSEL exported: {path}</translation>
    </message>
</context>
<context>
    <name>NewExerciseDialog</name>
    <message>
        <location filename="../editor/new_dialog.py" line="37"/>
        <source>Nouvel exercice</source>
        <translation>New exercise</translation>
    </message>
    <message>
        <location filename="../editor/new_dialog.py" line="39"/>
        <source>Canicule 2032 — exercice de la cellule de crise</source>
        <translation>Heat wave 2032 — crisis cell exercise</translation>
    </message>
    <message>
        <location filename="../editor/new_dialog.py" line="41"/>
        <source>français</source>
        <translation>French</translation>
    </message>
    <message>
        <location filename="../editor/new_dialog.py" line="42"/>
        <source>anglais</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../editor/new_dialog.py" line="55"/>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../editor/new_dialog.py" line="66"/>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../editor/new_dialog.py" line="67"/>
        <source>Langue du contenu</source>
        <translation>Content language</translation>
    </message>
    <message>
        <location filename="../editor/new_dialog.py" line="68"/>
        <source>STARTEX prévu (date, heure)</source>
        <translation>Planned STARTEX (date, time)</translation>
    </message>
    <message>
        <location filename="../editor/new_dialog.py" line="69"/>
        <source>Début du scénario (date, heure)</source>
        <translation>Scenario start (date, time)</translation>
    </message>
    <message>
        <location filename="../editor/new_dialog.py" line="70"/>
        <source>Durée de jeu (H:MM)</source>
        <translation>Playing time (H:MM)</translation>
    </message>
    <message>
        <location filename="../editor/new_dialog.py" line="71"/>
        <source>Dans le dossier</source>
        <translation>In the folder</translation>
    </message>
    <message>
        <location filename="../editor/new_dialog.py" line="74"/>
        <source>Créer</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../editor/new_dialog.py" line="91"/>
        <source>Le paquet sera créé dans : {path}</source>
        <translation>The package will be created in: {path}</translation>
    </message>
    <message>
        <location filename="../editor/new_dialog.py" line="95"/>
        <source>Dossier où créer l&apos;exercice</source>
        <translation>Folder to create the exercise in</translation>
    </message>
    <message>
        <location filename="../editor/new_dialog.py" line="116"/>
        <source>Le dossier {path} existe déjà et n&apos;est pas vide : changez le titre ou le dossier.</source>
        <translation>The folder {path} already exists and is not empty: change the title or the folder.</translation>
    </message>
    <message>
        <location filename="../editor/new_dialog.py" line="120"/>
        <source>Création impossible : {details}</source>
        <translation>Cannot create: {details}</translation>
    </message>
</context>
<context>
    <name>ObjectiveRatingCard</name>
    <message>
        <location filename="../observer/rating_card.py" line="57"/>
        <source>(pas de critère)</source>
        <translation>(no criteria)</translation>
    </message>
    <message>
        <location filename="../observer/rating_card.py" line="91"/>
        <source>Justification : ce qui a été observé, ce qui a manqué…</source>
        <translation>Justification: what was observed, what was missing…</translation>
    </message>
    <message>
        <location filename="../observer/rating_card.py" line="95"/>
        <source>Enregistrer la note</source>
        <translation>Save the rating</translation>
    </message>
    <message>
        <location filename="../observer/rating_card.py" line="98"/>
        <source>Retirer la note</source>
        <translation>Withdraw the rating</translation>
    </message>
    <message>
        <location filename="../observer/rating_card.py" line="99"/>
        <source>L&apos;objectif redevient « non évalué » ; l&apos;historique garde la note retirée</source>
        <translation>The objective is “not rated” again; the history keeps the withdrawn rating</translation>
    </message>
    <message>
        <location filename="../observer/rating_card.py" line="104"/>
        <source>● modification non enregistrée</source>
        <translation>● unsaved change</translation>
    </message>
    <message>
        <location filename="../observer/rating_card.py" line="135"/>
        <source>Choisir P, S, M ou U</source>
        <translation>Choose P, S, M or U</translation>
    </message>
    <message>
        <location filename="../observer/rating_card.py" line="153"/>
        <source>Pas encore noté</source>
        <translation>Not rated yet</translation>
    </message>
    <message>
        <location filename="../observer/rating_card.py" line="166"/>
        <source>Noté &lt;b&gt;{rating}&lt;/b&gt; par {observer} à {time}</source>
        <translation>Rated &lt;b&gt;{rating}&lt;/b&gt; by {observer} at {time}</translation>
    </message>
</context>
<context>
    <name>ObserverPanel</name>
    <message>
        <location filename="../observer/panel.py" line="77"/>
        <source>Votre nom</source>
        <translation>Your name</translation>
    </message>
    <message>
        <location filename="../observer/panel.py" line="78"/>
        <source>Nom de l&apos;observateur</source>
        <translation>Observer name</translation>
    </message>
    <message>
        <location filename="../observer/panel.py" line="83"/>
        <location filename="../observer/panel.py" line="196"/>
        <source>◀ Indiquez votre nom puis Entrée pour commencer à saisir.</source>
        <translation>◀ Type your name, then Enter, to start logging.</translation>
    </message>
    <message>
        <location filename="../observer/panel.py" line="89"/>
        <source>Observateur</source>
        <translation>Observer</translation>
    </message>
    <message>
        <location filename="../observer/panel.py" line="195"/>
        <source>◀ Votre nom, puis Entrée</source>
        <translation>◀ Your name, then Enter</translation>
    </message>
    <message>
        <location filename="../observer/panel.py" line="213"/>
        <source>Indiquez votre nom avant de saisir.</source>
        <translation>Give your name before logging.</translation>
    </message>
    <message>
        <location filename="../observer/panel.py" line="243"/>
        <source>Entrée non enregistrée — elle est gardée et renvoyée automatiquement. ({error})</source>
        <translation>Entry not saved — it is kept and sent again automatically. ({error})</translation>
    </message>
    <message>
        <location filename="../observer/panel.py" line="253"/>
        <source>Entrée refusée : {error} Le texte est remis dans la saisie.</source>
        <translation>Entry refused: {error} The text is back in the entry line.</translation>
    </message>
    <message>
        <location filename="../observer/panel.py" line="257"/>
        <source>Entrée refusée : {error} Son texte reste dans la liste, marqué « refusé » : double-cliquez dessus pour le reprendre.</source>
        <translation>Entry refused: {error} Its text stays in the list, marked “refused”: double-click it to take it back.</translation>
    </message>
    <message>
        <location filename="../observer/panel.py" line="266"/>
        <source>Terminez ou videz d&apos;abord la saisie en cours, puis reprenez l&apos;entrée refusée.</source>
        <translation>Finish or clear the current entry first, then take back the refused entry.</translation>
    </message>
    <message>
        <location filename="../observer/panel.py" line="365"/>
        <source>&lt;b&gt;{hotwash}&lt;/b&gt; · après {endex}</source>
        <translation>&lt;b&gt;{hotwash}&lt;/b&gt; · after {endex}</translation>
    </message>
    <message>
        <location filename="../observer/panel.py" line="333"/>
        <source>⚠ {n} entrée(s) non enregistrée(s)</source>
        <translation>⚠ {n} entr(y/ies) not saved</translation>
    </message>
    <message>
        <location filename="../observer/panel.py" line="335"/>
        <source>⚠ {n} entrée(s) refusée(s) à reprendre</source>
        <translation>⚠ {n} refused entry(ies) to redo</translation>
    </message>
    <message>
        <location filename="../observer/panel.py" line="363"/>
        <source>&lt;b&gt;Briefing&lt;/b&gt; · avant {startex}</source>
        <translation>&lt;b&gt;Briefing&lt;/b&gt; · before {startex}</translation>
    </message>
    <message>
        <location filename="../observer/panel.py" line="371"/>
        <source>&lt;b&gt;T+{elapsed}&lt;/b&gt; · {scenario} · {phase}</source>
        <translation>&lt;b&gt;T+{elapsed}&lt;/b&gt; · {scenario} · {phase}</translation>
    </message>
    <message>
        <location filename="../observer/panel.py" line="375"/>
        <source>EN PAUSE</source>
        <translation>PAUSED</translation>
    </message>
</context>
<context>
    <name>ObserverWindow</name>
    <message>
        <location filename="../observer/window.py" line="43"/>
        <source>Main courante — {title}</source>
        <translation>Log — {title}</translation>
    </message>
    <message>
        <location filename="../observer/window.py" line="52"/>
        <location filename="../observer/window.py" line="91"/>
        <source>Main courante</source>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../observer/window.py" line="88"/>
        <source>Saisie rapide</source>
        <translation>Quick entry</translation>
    </message>
    <message>
        <location filename="../observer/window.py" line="109"/>
        <source>Lecture du fichier impossible : {error}</source>
        <translation>Cannot read the file: {error}</translation>
    </message>
</context>
<context>
    <name>OpeningWindow</name>
    <message>
        <location filename="../opening_window.py" line="30"/>
        <source>crisisdesk — ouverture de {name}…</source>
        <translation>crisisdesk — opening {name}…</translation>
    </message>
    <message>
        <location filename="../opening_window.py" line="31"/>
        <source>Ouverture de « {name} »…</source>
        <translation>Opening “{name}”…</translation>
    </message>
    <message>
        <location filename="../opening_window.py" line="36"/>
        <source>Lecture de l&apos;exercice et préparation de la console</source>
        <translation>Reading the exercise and preparing the console</translation>
    </message>
</context>
<context>
    <name>PdfPrinter</name>
    <message>
        <location filename="../pdf.py" line="103"/>
        <source>Le rapport HTML n&apos;a pas pu être chargé.</source>
        <translation>The HTML report could not be loaded.</translation>
    </message>
    <message>
        <location filename="../pdf.py" line="111"/>
        <source>Impossible d&apos;écrire le PDF {path}.</source>
        <translation>Could not write the PDF {path}.</translation>
    </message>
    <message>
        <location filename="../pdf.py" line="115"/>
        <source>L&apos;impression PDF n&apos;a pas abouti à temps.</source>
        <translation>PDF printing did not finish in time.</translation>
    </message>
</context>
<context>
    <name>PendingImporter</name>
    <message>
        <location filename="../pending_import.py" line="35"/>
        <source>Importer des saisies non enregistrées</source>
        <translation>Import unsaved entries</translation>
    </message>
    <message>
        <location filename="../pending_import.py" line="39"/>
        <source>Fichiers JSON (*.json)</source>
        <translation>JSON files (*.json)</translation>
    </message>
    <message>
        <location filename="../pending_import.py" line="56"/>
        <source>Saisies enregistrées dans la session : {n}.</source>
        <translation>Entries stored in the session: {n}.</translation>
    </message>
    <message>
        <location filename="../pending_import.py" line="58"/>
        <source>Rien à importer : ces saisies sont déjà dans la session.</source>
        <translation>Nothing to import: these entries are already in the session.</translation>
    </message>
    <message>
        <location filename="../pending_import.py" line="60"/>
        <source>Déjà enregistrées auparavant : {n}.</source>
        <translation>Already stored before: {n}.</translation>
    </message>
    <message>
        <location filename="../pending_import.py" line="66"/>
        <source>Saisies non enregistrées</source>
        <translation>Unsaved entries</translation>
    </message>
</context>
<context>
    <name>PlanBox</name>
    <message>
        <location filename="../observer/plan_box.py" line="55"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../observer/plan_box.py" line="55"/>
        <source>Responsable</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../observer/plan_box.py" line="55"/>
        <source>Priorité</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../observer/plan_box.py" line="55"/>
        <source>Échéance</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../observer/plan_box.py" line="55"/>
        <source>Objectif</source>
        <translation>Objective</translation>
    </message>
    <message>
        <location filename="../observer/plan_box.py" line="68"/>
        <source>Action corrective…</source>
        <translation>Corrective action…</translation>
    </message>
    <message>
        <location filename="../observer/plan_box.py" line="83"/>
        <source>Ajouter au plan</source>
        <translation>Add to the plan</translation>
    </message>
    <message>
        <location filename="../observer/plan_box.py" line="102"/>
        <source>Plan d&apos;actions</source>
        <translation>Improvement plan</translation>
    </message>
    <message>
        <location filename="../observer/plan_box.py" line="105"/>
        <source>Action détaillée…</source>
        <translation>Detailed action…</translation>
    </message>
    <message>
        <location filename="../observer/plan_box.py" line="106"/>
        <source>Domaine, pilote, contact, dates, état, constat auquel elle répond</source>
        <translation>Capability element, owner, contact, dates, status, the observation it answers</translation>
    </message>
    <message>
        <location filename="../observer/plan_box.py" line="108"/>
        <source>Modifier…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../observer/plan_box.py" line="110"/>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../observer/plan_box.py" line="132"/>
        <source>répond au constat n° {n}</source>
        <translation>answers observation no. {n}</translation>
    </message>
    <message>
        <location filename="../observer/plan_box.py" line="133"/>
        <source>modifiée par {who}</source>
        <translation>edited by {who}</translation>
    </message>
    <message>
        <location filename="../observer/plan_box.py" line="187"/>
        <source>l&apos;action n° {n}</source>
        <translation>action no. {n}</translation>
    </message>
</context>
<context>
    <name>PlanLineDialog</name>
    <message>
        <location filename="../observer/retex_dialogs.py" line="145"/>
        <source>Modifier l&apos;action n° {n}</source>
        <translation>Edit action no. {n}</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="146"/>
        <source>Nouvelle action</source>
        <translation>New action</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="147"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="148"/>
        <source>L&apos;action d&apos;amélioration</source>
        <translation>The improvement action</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="165"/>
        <source>Direction, service ou partenaire pilote</source>
        <translation>Owning directorate, department or partner</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="167"/>
        <source>Nom de la personne à joindre</source>
        <translation>Name of the person to contact</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="191"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="192"/>
        <source>Répond au constat</source>
        <translation>Answers observation</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="193"/>
        <source>Objectif</source>
        <translation>Objective</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="194"/>
        <source>Domaine (POETE)</source>
        <translation>Capability element (POETE)</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="195"/>
        <source>Rôle pilote</source>
        <translation>Owning role</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="196"/>
        <source>Organisation pilote</source>
        <translation>Owning organisation</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="197"/>
        <source>Contact</source>
        <translation>Point of contact</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="198"/>
        <source>Priorité</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="199"/>
        <source>Début</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="200"/>
        <source>Échéance</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="201"/>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../observer/retex_dialogs.py" line="202"/>
        <source>L&apos;action est à écrire.</source>
        <translation>Write the action.</translation>
    </message>
</context>
<context>
    <name>ProblemsPane</name>
    <message>
        <location filename="../editor/problems.py" line="63"/>
        <source>Problèmes</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../editor/problems.py" line="109"/>
        <source>Vérification…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../editor/problems.py" line="183"/>
        <source>avertissement</source>
        <translation>warning</translation>
    </message>
    <message>
        <location filename="../editor/problems.py" line="183"/>
        <source>erreur</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="../editor/problems.py" line="187"/>
        <source>préparation</source>
        <translation>readiness</translation>
    </message>
    <message>
        <location filename="../editor/problems.py" line="187"/>
        <source>remarque</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../editor/problems.py" line="154"/>
        <source>Aucun problème : l&apos;exercice peut être exécuté.</source>
        <translation>No problem: the exercise can run.</translation>
    </message>
    <message>
        <location filename="../editor/problems.py" line="156"/>
        <source>{e} erreur(s), {w} avertissement(s) : enregistrable, mais pas exécutable avant correction.</source>
        <translation>{e} error(s), {w} warning(s): can be saved, but cannot run until fixed.</translation>
    </message>
    <message>
        <location filename="../editor/problems.py" line="159"/>
        <source>{w} avertissement(s) : l&apos;exercice peut être exécuté.</source>
        <translation>{w} warning(s): the exercise can run.</translation>
    </message>
    <message>
        <location filename="../editor/problems.py" line="161"/>
        <source>Préparation : {n} alerte(s).</source>
        <translation>Readiness: {n} alert(s).</translation>
    </message>
</context>
<context>
    <name>QuickEntryBar</name>
    <message>
        <location filename="../observer/quick_entry.py" line="104"/>
        <source>Rôle observé (Ctrl+1…9, ou le code en tête de ligne)</source>
        <translation>Observed role (Ctrl+1…9, or its code at the start of the line)</translation>
    </message>
    <message>
        <location filename="../observer/quick_entry.py" line="108"/>
        <source>Type d&apos;entrée (Ctrl+K pour changer, ou « d: », « a: »… en tête de ligne)</source>
        <translation>Entry kind (Ctrl+K to change, or “d:”, “a:”… at the start of the line)</translation>
    </message>
    <message>
        <location filename="../observer/quick_entry.py" line="112"/>
        <source>Inject auquel l&apos;entrée répond (Ctrl+J pour changer, ou « &gt;I02 » dans la ligne)</source>
        <translation>Inject the entry answers (Ctrl+J to change, or “&gt;I02” in the line)</translation>
    </message>
    <message>
        <location filename="../observer/quick_entry.py" line="116"/>
        <location filename="../observer/quick_entry.py" line="378"/>
        <source>+ Point fort</source>
        <translation>+ Strength</translation>
    </message>
    <message>
        <location filename="../observer/quick_entry.py" line="117"/>
        <source>Marquer comme point fort (Alt+S, ou #fort)</source>
        <translation>Tag as a strength (Alt+S, or #strength)</translation>
    </message>
    <message>
        <location filename="../observer/quick_entry.py" line="119"/>
        <location filename="../observer/quick_entry.py" line="379"/>
        <source>△ Amélioration</source>
        <translation>△ Improvement</translation>
    </message>
    <message>
        <location filename="../observer/quick_entry.py" line="120"/>
        <source>Marquer comme axe d&apos;amélioration (Alt+I, ou #amélioration)</source>
        <translation>Tag as an area for improvement (Alt+I, or #improvement)</translation>
    </message>
    <message>
        <location filename="../observer/quick_entry.py" line="125"/>
        <source>Saisie rapide</source>
        <translation>Quick entry</translation>
    </message>
    <message>
        <location filename="../observer/quick_entry.py" line="126"/>
        <source>DSOL d: Ouverture de 3 salles rafraîchies #fort   — Entrée pour enregistrer</source>
        <translation>DSOL d: 3 cool rooms opened #strength   — Enter to save</translation>
    </message>
    <message>
        <location filename="../observer/quick_entry.py" line="147"/>
        <source>&lt;b&gt;Rôle&lt;/b&gt; en tête (Tab complète, Ctrl+1…9) · &lt;b&gt;type&lt;/b&gt; : &lt;code&gt;d:&lt;/code&gt; décision &lt;code&gt;a:&lt;/code&gt; action &lt;code&gt;i:&lt;/code&gt; information &lt;code&gt;dm:&lt;/code&gt; demande &lt;code&gt;c:&lt;/code&gt; communication &lt;code&gt;o:&lt;/code&gt; observation (Ctrl+K) · &lt;code&gt;#fort&lt;/code&gt; &lt;code&gt;#amélioration&lt;/code&gt; &lt;code&gt;#O1&lt;/code&gt; (Alt+S, Alt+I) · &lt;code&gt;&amp;gt;I02&lt;/code&gt; inject (Ctrl+J) · Échap efface</source>
        <translation>&lt;b&gt;Role&lt;/b&gt; first (Tab completes, Ctrl+1…9) · &lt;b&gt;kind&lt;/b&gt;: &lt;code&gt;d:&lt;/code&gt; decision &lt;code&gt;a:&lt;/code&gt; action &lt;code&gt;i:&lt;/code&gt; information &lt;code&gt;dm:&lt;/code&gt; request &lt;code&gt;c:&lt;/code&gt; communication &lt;code&gt;o:&lt;/code&gt; observation (Ctrl+K) · &lt;code&gt;#strength&lt;/code&gt; &lt;code&gt;#improvement&lt;/code&gt; &lt;code&gt;#O1&lt;/code&gt; (Alt+S, Alt+I) · &lt;code&gt;&amp;gt;I02&lt;/code&gt; inject (Ctrl+J) · Esc clears</translation>
    </message>
    <message>
        <location filename="../observer/quick_entry.py" line="159"/>
        <location filename="../observer/quick_entry.py" line="376"/>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../observer/quick_entry.py" line="160"/>
        <location filename="../observer/quick_entry.py" line="376"/>
        <source>Type</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../observer/quick_entry.py" line="161"/>
        <source>Répond à</source>
        <translation>Answers</translation>
    </message>
    <message>
        <location filename="../observer/quick_entry.py" line="236"/>
        <source>(aucun inject)</source>
        <translation>(no inject)</translation>
    </message>
    <message>
        <location filename="../observer/quick_entry.py" line="284"/>
        <source>Correction de l&apos;entrée {summary} — Entrée enregistre une révision, Échap annule</source>
        <translation>Correcting the entry {summary} — Enter saves a revision, Esc cancels</translation>
    </message>
    <message>
        <location filename="../observer/quick_entry.py" line="353"/>
        <source>rôle « {code} » inconnu (rôles : {known})</source>
        <translation>unknown role “{code}” (roles: {known})</translation>
    </message>
    <message>
        <location filename="../observer/quick_entry.py" line="355"/>
        <source>inject « {ref} » inconnu</source>
        <translation>unknown inject “{ref}”</translation>
    </message>
    <message>
        <location filename="../observer/quick_entry.py" line="357"/>
        <source>aucun rôle joué dans ce paquet</source>
        <translation>no played role in this package</translation>
    </message>
    <message>
        <location filename="../observer/quick_entry.py" line="384"/>
        <source>sans inject</source>
        <translation>no inject</translation>
    </message>
    <message>
        <location filename="../observer/quick_entry.py" line="386"/>
        <source>&lt;b&gt;répond à {inject}&lt;/b&gt; (proposé : attend une réponse de ce rôle ; Ctrl+J pour changer)</source>
        <translation>&lt;b&gt;answers {inject}&lt;/b&gt; (proposed: it awaits this role&apos;s response; Ctrl+J to change)</translation>
    </message>
    <message>
        <location filename="../observer/quick_entry.py" line="388"/>
        <source>&lt;b&gt;répond à {inject}&lt;/b&gt;</source>
        <translation>&lt;b&gt;answers {inject}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../observer/quick_entry.py" line="427"/>
        <source> — Entrée à nouveau pour enregistrer tel quel</source>
        <translation> — Enter again to save it as typed</translation>
    </message>
</context>
<context>
    <name>QuitGuard</name>
    <message>
        <location filename="../console/quit_guard.py" line="74"/>
        <source>L&apos;exercice est en cours. Quitter crisisdesk maintenant ?</source>
        <translation>The exercise is running. Quit crisisdesk now?</translation>
    </message>
    <message>
        <location filename="../console/quit_guard.py" line="76"/>
        <source>Rien n&apos;est perdu : chaque action est déjà enregistrée dans « {file} ».
L&apos;exercice continue de tourner pendant que crisisdesk est fermé (l&apos;horloge ne s&apos;arrête pas) ; rouvrez le fichier pour reprendre : les injects arrivés à échéance entre-temps vous seront proposés, jamais déclenchés seuls.</source>
        <translation>Nothing is lost: every action is already saved in “{file}”.
The exercise keeps running while crisisdesk is closed (the clock does not stop); reopen the file to carry on: injects that fell due meanwhile will be offered to you, never fired by themselves.</translation>
    </message>
    <message>
        <location filename="../console/quit_guard.py" line="81"/>
        <source>L&apos;exercice est en pause. Quitter crisisdesk maintenant ?</source>
        <translation>The exercise is paused. Quit crisisdesk now?</translation>
    </message>
    <message>
        <location filename="../console/quit_guard.py" line="83"/>
        <source>Rien n&apos;est perdu : chaque action est déjà enregistrée dans « {file} ».
L&apos;exercice reste en pause ; rouvrez le fichier pour reprendre.</source>
        <translation>Nothing is lost: every action is already saved in “{file}”.
The exercise stays paused; reopen the file to carry on.</translation>
    </message>
    <message>
        <location filename="../console/quit_guard.py" line="85"/>
        <source>Quitter pendant l&apos;exercice</source>
        <translation>Quit during the exercise</translation>
    </message>
    <message>
        <location filename="../console/quit_guard.py" line="89"/>
        <source>Quitter</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../console/quit_guard.py" line="90"/>
        <source>Continuer l&apos;exercice</source>
        <translation>Continue the exercise</translation>
    </message>
</context>
<context>
    <name>ReadinessSummary</name>
    <message>
        <location filename="../readiness_summary.py" line="35"/>
        <location filename="../readiness_summary.py" line="94"/>
        <source>Détails…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <location filename="../readiness_summary.py" line="39"/>
        <source>Alertes de préparation</source>
        <translation>Readiness alerts</translation>
    </message>
    <message>
        <location filename="../readiness_summary.py" line="65"/>
        <source>Préparation : aucune alerte</source>
        <translation>Readiness: no alert</translation>
    </message>
    <message>
        <location filename="../readiness_summary.py" line="67"/>
        <source>1 alerte de préparation</source>
        <translation>1 readiness alert</translation>
    </message>
    <message>
        <location filename="../readiness_summary.py" line="69"/>
        <source>{count} alertes de préparation</source>
        <translation>{count} readiness alerts</translation>
    </message>
    <message>
        <location filename="../readiness_summary.py" line="71"/>
        <source>1 remarque</source>
        <translation>1 note</translation>
    </message>
    <message>
        <location filename="../readiness_summary.py" line="71"/>
        <source>{count} remarques</source>
        <translation>{count} notes</translation>
    </message>
    <message>
        <location filename="../readiness_summary.py" line="94"/>
        <source>Masquer</source>
        <translation>Hide</translation>
    </message>
    <message>
        <location filename="../readiness_summary.py" line="111"/>
        <source>{role} : {value} réponses attendues entre {start} et {end} (plus de {limit})</source>
        <translation>{role}: {value} responses due between {start} and {end} (more than {limit})</translation>
    </message>
    <message>
        <location filename="../readiness_summary.py" line="113"/>
        <source>{role} : reçoit {value} injects entre {start} et {end} (plus de {limit})</source>
        <translation>{role}: receives {value} injects between {start} and {end} (more than {limit})</translation>
    </message>
    <message>
        <location filename="../readiness_summary.py" line="114"/>
        <source>{role} : rien à recevoir ni à rendre de {start} à {end} ({value})</source>
        <translation>{role}: nothing received or due from {start} to {end} ({value})</translation>
    </message>
    <message>
        <location filename="../readiness_summary.py" line="115"/>
        <source>{inject} : la réponse de {role} est attendue à {end}, après {boundary} ({limit})</source>
        <translation>{inject}: the response of {role} is due at {end}, after {boundary} ({limit})</translation>
    </message>
    <message>
        <location filename="../readiness_summary.py" line="117"/>
        <source>Objectif {objective} : testé par {value} inject(s) (moins de {limit})</source>
        <translation>Objective {objective}: tested by {value} inject(s) (fewer than {limit})</translation>
    </message>
    <message>
        <location filename="../readiness_summary.py" line="119"/>
        <source>Objectif {objective} : aucune réponse attendue ne sert le critère « {detail} »</source>
        <translation>Objective {objective}: no expected response serves the criterion “{detail}”</translation>
    </message>
    <message>
        <location filename="../readiness_summary.py" line="121"/>
        <source>{role} : aucun inject ne lui est adressé</source>
        <translation>{role}: no inject is sent to this role</translation>
    </message>
    <message>
        <location filename="../readiness_summary.py" line="122"/>
        <source>{role} (rôle simulé) n&apos;envoie aucun inject</source>
        <translation>{role} (simulated role) sends no inject</translation>
    </message>
    <message>
        <location filename="../readiness_summary.py" line="123"/>
        <source>{inject} : inject de secours d&apos;un inject qui n&apos;attend aucune réponse</source>
        <translation>{inject}: contingency for an inject that expects no response</translation>
    </message>
    <message>
        <location filename="../readiness_summary.py" line="125"/>
        <source>Fichier {detail} : remis par aucun inject</source>
        <translation>File {detail}: no inject hands it out</translation>
    </message>
    <message>
        <location filename="../readiness_summary.py" line="126"/>
        <source>{inject} ({start}) n&apos;attend aucune réponse</source>
        <translation>{inject} ({start}) expects no response</translation>
    </message>
    <message>
        <location filename="../readiness_summary.py" line="127"/>
        <source>Aucun inject de {start} à {end} ({value})</source>
        <translation>No inject from {start} to {end} ({value})</translation>
    </message>
    <message>
        <location filename="../readiness_summary.py" line="128"/>
        <source>Dernier inject à {start}, {value} avant la fin de l&apos;exercice</source>
        <translation>Last inject at {start}, {value} before the end of the exercise</translation>
    </message>
    <message>
        <location filename="../readiness_summary.py" line="135"/>
        <source>la fin de l&apos;exercice</source>
        <translation>the end of the exercise</translation>
    </message>
    <message>
        <location filename="../readiness_summary.py" line="137"/>
        <source>le point de situation {inject}</source>
        <translation>situation briefing {inject}</translation>
    </message>
    <message>
        <location filename="../readiness_summary.py" line="138"/>
        <source>le saut de temps</source>
        <translation>the time jump</translation>
    </message>
</context>
<context>
    <name>RecordListModel</name>
    <message>
        <location filename="../editor/models.py" line="284"/>
        <location filename="../editor/models.py" line="286"/>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../editor/models.py" line="291"/>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <location filename="../editor/record_tabs.py" line="47"/>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="48"/>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>RecoveryBanner</name>
    <message>
        <location filename="../console/alerts.py" line="152"/>
        <source>Compris</source>
        <translation>Understood</translation>
    </message>
    <message>
        <location filename="../console/alerts.py" line="175"/>
        <source>Session rouverte : l&apos;application était arrêtée de {start} à {end} ({duration}).</source>
        <translation>Session reopened: the app was down from {start} to {end} ({duration}).</translation>
    </message>
    <message>
        <location filename="../console/alerts.py" line="181"/>
        <source>L&apos;horloge a continué de tourner pendant l&apos;arrêt.</source>
        <translation>The clock kept running while it was down.</translation>
    </message>
    <message>
        <location filename="../console/alerts.py" line="184"/>
        <source>{n} inject(s) vous attendent (à déclencher ou ignorer) : {ids}.</source>
        <translation>{n} inject(s) waiting for you (fire or skip): {ids}.</translation>
    </message>
    <message>
        <location filename="../console/alerts.py" line="187"/>
        <source>L&apos;exercice est en pause : reprenez quand la salle est prête.</source>
        <translation>The exercise is paused: resume when the room is ready.</translation>
    </message>
</context>
<context>
    <name>ReportController</name>
    <message>
        <location filename="../report_action.py" line="57"/>
        <location filename="../report_action.py" line="75"/>
        <source>Préparation du rapport RETEX…</source>
        <translation>Preparing the after-action report…</translation>
    </message>
    <message>
        <location filename="../report_action.py" line="58"/>
        <location filename="../report_action.py" line="76"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../report_action.py" line="57"/>
        <location filename="../report_action.py" line="75"/>
        <location filename="../report_action.py" line="135"/>
        <source>Rapport RETEX</source>
        <translation>After-action report</translation>
    </message>
    <message>
        <location filename="../report_action.py" line="92"/>
        <source>Calcul des chiffres de l&apos;exercice…</source>
        <translation>Computing the exercise figures…</translation>
    </message>
    <message>
        <location filename="../report_action.py" line="92"/>
        <source>Mise en page du rapport…</source>
        <translation>Laying out the report…</translation>
    </message>
    <message>
        <location filename="../report_action.py" line="104"/>
        <source>Impression du PDF (A4)…</source>
        <translation>Printing the PDF (A4)…</translation>
    </message>
    <message>
        <location filename="../report_action.py" line="128"/>
        <source>Impossible d&apos;enregistrer le rapport {path} : {reason}</source>
        <translation>Could not save the report {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../report_action.py" line="131"/>
        <source>Rapport enregistré.</source>
        <translation>Report saved.</translation>
    </message>
    <message>
        <location filename="../report_action.py" line="132"/>
        <source>Rapport RETEX enregistré : {path}</source>
        <translation>After-action report saved: {path}</translation>
    </message>
    <message>
        <location filename="../report_action.py" line="135"/>
        <source>Le rapport n&apos;a pas pu être produit.</source>
        <translation>The report could not be produced.</translation>
    </message>
</context>
<context>
    <name>RetexDocumentWidget</name>
    <message>
        <location filename="../observer/retex_document.py" line="63"/>
        <source>Le contexte en trois lignes</source>
        <translation>The context in three lines</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="64"/>
        <source>Les trois principaux points forts, un par ligne</source>
        <translation>The three main strengths, one per line</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="65"/>
        <source>Les trois principaux axes d&apos;amélioration, un par ligne</source>
        <translation>The three main areas for improvement, one per line</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="66"/>
        <source>Les recommandations clés, une par ligne</source>
        <translation>The key recommendations, one per line</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="67"/>
        <source>Les décisions attendues de la direction, une par ligne</source>
        <translation>The decisions asked of senior leadership, one per line</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="68"/>
        <source>Directions et partenaires présents (par défaut : les rôles joués)</source>
        <translation>Directorates and partners present (by default: the played roles)</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="69"/>
        <source>Observateurs (par défaut : ceux de la main courante)</source>
        <translation>Observers (by default: those of the decision log)</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="70"/>
        <source>Équipe d&apos;animation</source>
        <translation>Control cell</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="71"/>
        <source>Ce que les joueurs et les observateurs disent de l&apos;exercice lui-même</source>
        <translation>What players and observers say of the exercise itself</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="86"/>
        <source>Rédaction</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="88"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="90"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="94"/>
        <source>Contexte</source>
        <translation>Context</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="94"/>
        <source>Points forts</source>
        <translation>Strengths</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="95"/>
        <source>Axes d&apos;amélioration</source>
        <translation>Areas for improvement</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="95"/>
        <source>Recommandations</source>
        <translation>Recommendations</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="96"/>
        <source>Décisions attendues</source>
        <translation>Decisions asked</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="96"/>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="97"/>
        <source>Observateurs</source>
        <translation>Observers</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="97"/>
        <source>Animation</source>
        <translation>Control cell</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="98"/>
        <source>Évaluation de l&apos;exercice</source>
        <translation>Evaluation of the exercise</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="113"/>
        <source>Proposer un brouillon de synthèse</source>
        <translation>Propose a draft summary</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="114"/>
        <source>Remplit les rubriques vides à partir des notes, des constats et du plan d&apos;actions</source>
        <translation>Fills the empty headings from the ratings, observations and improvement plan</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="116"/>
        <source>Exporter le plan d&apos;actions…</source>
        <translation>Export the improvement plan…</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="117"/>
        <source>Enregistre le plan d&apos;actions en classeur (XLSX) ou en CSV pour son suivi</source>
        <translation>Saves the improvement plan as a workbook (XLSX) or as CSV for follow-up</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="119"/>
        <source>Enregistrer le document</source>
        <translation>Save the document</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="124"/>
        <source>● modifications non enregistrées</source>
        <translation>● unsaved changes</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="181"/>
        <source>Enregistré par {who} à {time}</source>
        <translation>Saved by {who} at {time}</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="184"/>
        <source>Rien d&apos;enregistré encore</source>
        <translation>Nothing saved yet</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="213"/>
        <source>Exporter le plan d&apos;actions</source>
        <translation>Export the improvement plan</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="214"/>
        <source>Classeur Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="229"/>
        <source>Plan d&apos;actions non exporté : « {path} » n&apos;a pas pu être écrit ({why}).</source>
        <translation>Improvement plan not exported: “{path}” could not be written ({why}).</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="237"/>
        <source>Plan d&apos;actions exporté : {path}</source>
        <translation>Improvement plan exported: {path}</translation>
    </message>
    <message>
        <location filename="../observer/retex_document.py" line="253"/>
        <source>Non enregistré : erreur inattendue (détails dans la fenêtre d&apos;erreur). Votre saisie est restée à l&apos;écran.</source>
        <translation>Not saved: unexpected error (details in the error window). What you typed is still on screen.</translation>
    </message>
</context>
<context>
    <name>RoleCards</name>
    <message>
        <location filename="../console/role_cards.py" line="33"/>
        <source>Mission</source>
        <translation>Mission</translation>
    </message>
    <message>
        <location filename="../console/role_cards.py" line="37"/>
        <source>EXERCICE — document de jeu, ne pas diffuser</source>
        <translation>EXERCISE — game document, do not circulate</translation>
    </message>
    <message>
        <location filename="../console/role_cards.py" line="34"/>
        <source>Décisions attendues de vous</source>
        <translation>Decisions expected from you</translation>
    </message>
    <message>
        <location filename="../console/role_cards.py" line="35"/>
        <source>Vos moyens</source>
        <translation>Your resources</translation>
    </message>
    <message>
        <location filename="../console/role_cards.py" line="36"/>
        <source>Vos contacts</source>
        <translation>Your contacts</translation>
    </message>
</context>
<context>
    <name>RoleCardsPanel</name>
    <message>
        <location filename="../console/role_cards.py" line="98"/>
        <source>Exporter en PDF…</source>
        <translation>Export to PDF…</translation>
    </message>
    <message>
        <location filename="../console/role_cards.py" line="99"/>
        <source>Imprimer…</source>
        <translation>Print…</translation>
    </message>
</context>
<context>
    <name>RoleTimeline</name>
    <message>
        <location filename="../editor/timeline.py" line="280"/>
        <source>Charge par quart d&apos;heure : affichée dès que le paquet n&apos;a plus d&apos;erreur.</source>
        <translation>Load per quarter hour: shown once the package has no error.</translation>
    </message>
    <message>
        <location filename="../editor/timeline.py" line="285"/>
        <source>Charge par quart d&apos;heure (vérification de préparation : injects reçus / réponses dues) — rouge : surcharge (plus de {due} réponses ou {received} injects), gris : temps mort de plus de {dead} min</source>
        <translation>Load per quarter hour (readiness check: injects received / responses due) — red: overload (more than {due} responses or {received} injects), grey: dead time of more than {dead} min</translation>
    </message>
    <message>
        <location filename="../editor/timeline.py" line="328"/>
        <source>Canaux :</source>
        <translation>Channels:</translation>
    </message>
    <message>
        <location filename="../editor/timeline.py" line="330"/>
        <source>manuel (creux)</source>
        <translation>manual (hollow)</translation>
    </message>
    <message>
        <location filename="../editor/timeline.py" line="330"/>
        <source>délai de réponse attendu</source>
        <translation>expected response window</translation>
    </message>
</context>
<context>
    <name>RolesTab</name>
    <message>
        <location filename="../editor/record_tabs.py" line="240"/>
        <location filename="../editor/record_tabs.py" line="262"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="240"/>
        <location filename="../editor/record_tabs.py" line="264"/>
        <source>Type</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="240"/>
        <location filename="../editor/record_tabs.py" line="263"/>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="241"/>
        <source>Nouveau rôle</source>
        <translation>New role</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="256"/>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="265"/>
        <source>Mission</source>
        <translation>Mission</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="266"/>
        <source>Décisions (une par ligne)</source>
        <translation>Decisions (one per line)</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="267"/>
        <source>Moyens (un par ligne)</source>
        <translation>Resources (one per line)</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="268"/>
        <source>Contacts (un par ligne)</source>
        <translation>Contacts (one per line)</translation>
    </message>
    <message>
        <location filename="../editor/record_tabs.py" line="269"/>
        <source>Couleur</source>
        <translation>Colour</translation>
    </message>
</context>
<context>
    <name>RoomControl</name>
    <message>
        <location filename="../console/room_control.py" line="74"/>
        <source>Écran du projecteur</source>
        <translation>Projector screen</translation>
    </message>
    <message>
        <location filename="../console/room_control.py" line="76"/>
        <source>Contenu de l&apos;écran de salle</source>
        <translation>Room display content</translation>
    </message>
    <message>
        <location filename="../console/room_control.py" line="79"/>
        <source>Indicateurs affichés</source>
        <translation>Indicators shown</translation>
    </message>
</context>
<context>
    <name>RoomDialog</name>
    <message>
        <location filename="../room/dialog.py" line="72"/>
        <source>Ouvrir la session à la salle</source>
        <translation>Open the session to the room</translation>
    </message>
    <message>
        <location filename="../room/dialog.py" line="83"/>
        <source>Démarrer</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../room/dialog.py" line="84"/>
        <source>Arrêter</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../room/dialog.py" line="89"/>
        <source>Réseau :</source>
        <translation>Network:</translation>
    </message>
    <message>
        <location filename="../room/dialog.py" line="91"/>
        <source>Port :</source>
        <translation>Port:</translation>
    </message>
    <message>
        <location filename="../room/dialog.py" line="104"/>
        <source>Type</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../room/dialog.py" line="104"/>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../room/dialog.py" line="104"/>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../room/dialog.py" line="104"/>
        <source>Vu</source>
        <translation>Seen</translation>
    </message>
    <message>
        <location filename="../room/dialog.py" line="116"/>
        <source>Appareils connectés</source>
        <translation>Connected devices</translation>
    </message>
    <message>
        <location filename="../room/dialog.py" line="137"/>
        <source>Démarrage du serveur…</source>
        <translation>Starting the server…</translation>
    </message>
    <message>
        <location filename="../room/dialog.py" line="141"/>
        <source>Le serveur de salle s&apos;est arrêté de lui-même ; il redémarre avec les mêmes liens (les appareils se reconnectent seuls).</source>
        <translation>The room server stopped by itself; it is restarting with the same links (devices reconnect by themselves).</translation>
    </message>
    <message>
        <location filename="../room/dialog.py" line="146"/>
        <source>Serveur arrêté : les liens ne fonctionnent plus.</source>
        <translation>Server stopped: the links no longer work.</translation>
    </message>
    <message>
        <location filename="../room/dialog.py" line="147"/>
        <source>Serveur arrêté après ENDEX et le délai de grâce : les liens ne fonctionnent plus.</source>
        <translation>Server stopped after ENDEX and the grace period: the links no longer work.</translation>
    </message>
    <message>
        <location filename="../room/dialog.py" line="148"/>
        <source>Le serveur s&apos;arrête sans cesse : il n&apos;est plus relancé. Voir le journal.</source>
        <translation>The server keeps stopping: it is no longer restarted. See the log.</translation>
    </message>
    <message>
        <location filename="../room/dialog.py" line="163"/>
        <source>En service sur {base} — chacun ouvre son lien ou tape son code sur {base}/</source>
        <translation>Serving on {base} — everyone opens their link or types their code at {base}/</translation>
    </message>
    <message>
        <location filename="../room/dialog.py" line="169"/>
        <source>Observateurs</source>
        <translation>Observers</translation>
    </message>
    <message>
        <location filename="../room/dialog.py" line="169"/>
        <source>Animation</source>
        <translation>Control cell</translation>
    </message>
    <message>
        <location filename="../room/dialog.py" line="170"/>
        <source>Joueur</source>
        <translation>Player</translation>
    </message>
    <message>
        <location filename="../room/dialog.py" line="170"/>
        <source>Écran de salle</source>
        <translation>Room display</translation>
    </message>
    <message>
        <location filename="../room/dialog.py" line="195"/>
        <source>Lien retiré</source>
        <translation>Link revoked</translation>
    </message>
    <message>
        <location filename="../room/dialog.py" line="205"/>
        <source>Code : {code}</source>
        <translation>Code: {code}</translation>
    </message>
    <message>
        <location filename="../room/dialog.py" line="209"/>
        <source>Retirer ce lien</source>
        <translation>Revoke this link</translation>
    </message>
    <message>
        <location filename="../room/dialog.py" line="211"/>
        <source>Remplacer</source>
        <translation>Replace</translation>
    </message>
    <message>
        <location filename="../room/dialog.py" line="213"/>
        <source>Retire ce lien et les appareils venus par lui, et en crée un nouveau</source>
        <translation>Revokes this link and the devices that came through it, and makes a new one</translation>
    </message>
    <message>
        <location filename="../room/dialog.py" line="230"/>
        <source>il y a {s} s</source>
        <translation>{s} s ago</translation>
    </message>
    <message>
        <location filename="../room/dialog.py" line="233"/>
        <source>Couper</source>
        <translation>Cut off</translation>
    </message>
</context>
<context>
    <name>RoomDisplay</name>
    <message>
        <location filename="../room_display.py" line="252"/>
        <source>Écran de salle</source>
        <translation>Room display</translation>
    </message>
    <message>
        <location filename="../room_display.py" line="263"/>
        <source>EXERCICE</source>
        <translation>EXERCISE</translation>
    </message>
    <message>
        <location filename="../room_display.py" line="307"/>
        <source>{title} — écran de salle</source>
        <translation>{title} — room display</translation>
    </message>
    <message>
        <location filename="../room_display.py" line="334"/>
        <source>Aucune information publique pour le moment.</source>
        <translation>No public information yet.</translation>
    </message>
</context>
<context>
    <name>RoomMenu</name>
    <message>
        <location filename="../room/menu.py" line="22"/>
        <source>Ouvrir la session à la salle…</source>
        <translation>Open the session to the room…</translation>
    </message>
    <message>
        <location filename="../room/menu.py" line="35"/>
        <source>Le serveur de salle s&apos;est arrêté ; il redémarre.</source>
        <translation>The room server stopped; it is restarting.</translation>
    </message>
</context>
<context>
    <name>ServerSessionDialog</name>
    <message>
        <location filename="../server_dialog.py" line="34"/>
        <source>Session sur un serveur</source>
        <translation>Session on a server</translation>
    </message>
    <message>
        <location filename="../server_dialog.py" line="36"/>
        <source>Une session jouée sur plusieurs sites est conservée sur un serveur PostgreSQL. Indiquez son adresse, de la forme :</source>
        <translation>A session played on several sites is kept on a PostgreSQL server. Give its address, in the form:</translation>
    </message>
    <message>
        <location filename="../server_dialog.py" line="45"/>
        <source>vide si votre fichier .pgpass le contient</source>
        <translation>empty if your .pgpass file holds it</translation>
    </message>
    <message>
        <location filename="../server_dialog.py" line="46"/>
        <source>Le mot de passe n&apos;est jamais enregistré : il sert à cette connexion seulement.</source>
        <translation>The password is never stored: it is used for this connection only.</translation>
    </message>
    <message>
        <location filename="../server_dialog.py" line="55"/>
        <source>Adresse :</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location filename="../server_dialog.py" line="56"/>
        <source>Mot de passe :</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../server_dialog.py" line="74"/>
        <source>« {text} » n&apos;est pas une adresse postgresql://…</source>
        <translation>“{text}” is not a postgresql://… address</translation>
    </message>
</context>
<context>
    <name>SideWindows</name>
    <message>
        <location filename="../console/side_windows.py" line="44"/>
        <source>{hotwash} — {title}</source>
        <translation>{hotwash} — {title}</translation>
    </message>
</context>
<context>
    <name>SituationPanel</name>
    <message>
        <location filename="../console/situation_panel.py" line="46"/>
        <source>Indicateur</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../console/situation_panel.py" line="46"/>
        <source>Valeur</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../console/situation_panel.py" line="49"/>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../console/situation_panel.py" line="49"/>
        <source>Entrées</source>
        <translation>Entries</translation>
    </message>
    <message>
        <location filename="../console/situation_panel.py" line="49"/>
        <source>Vérifiées</source>
        <translation>Checked</translation>
    </message>
    <message>
        <location filename="../console/situation_panel.py" line="49"/>
        <source>Manquées</source>
        <translation>Missed</translation>
    </message>
    <message>
        <location filename="../console/situation_panel.py" line="51"/>
        <source>Réponses attendues vérifiées (obtenues ou partielles)</source>
        <translation>Expected responses checked (met or partial)</translation>
    </message>
    <message>
        <location filename="../console/situation_panel.py" line="52"/>
        <source>Réponses attendues manquées</source>
        <translation>Expected responses missed</translation>
    </message>
    <message>
        <location filename="../console/situation_panel.py" line="65"/>
        <source>Corriger la valeur…</source>
        <translation>Correct the value…</translation>
    </message>
    <message>
        <location filename="../console/situation_panel.py" line="73"/>
        <source>Indicateurs</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../console/situation_panel.py" line="77"/>
        <source>Activité par rôle</source>
        <translation>Activity by role</translation>
    </message>
    <message>
        <location filename="../console/situation_panel.py" line="133"/>
        <source>{entries} entrées en main courante, {checks} vérifications</source>
        <translation>{entries} log entries, {checks} checks</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../start_screen.py" line="42"/>
        <source>Conduite d&apos;exercice de crise</source>
        <translation>Crisis exercise control</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="48"/>
        <source>Conduite d&apos;exercice de crise — chronologie, écran de salle, main courante, RETEX</source>
        <translation>Crisis exercise control — timeline, room display, log, after-action report</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="54"/>
        <source>Nouvelle session</source>
        <translation>New session</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="64"/>
        <source>Commencer « {title} »</source>
        <translation>Start “{title}”</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="71"/>
        <source>Autre dossier d&apos;exercice…</source>
        <translation>Another exercise folder…</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="73"/>
        <source>ou déposez ici un dossier d&apos;exercice ou un fichier de session</source>
        <translation>or drop an exercise folder or a session file here</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="80"/>
        <source>Un autre exercice :</source>
        <translation>Another exercise:</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="87"/>
        <source>Reprendre une session</source>
        <translation>Resume a session</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="88"/>
        <source>Ouvrir un fichier de session…</source>
        <translation>Open a session file…</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="90"/>
        <source>Session sur un serveur (plusieurs sites)…</source>
        <translation>Session on a server (several sites)…</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="94"/>
        <source>Sessions récentes</source>
        <translation>Recent sessions</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="102"/>
        <source>Sessions récentes :</source>
        <translation>Recent sessions:</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="147"/>
        <source>sur un serveur · {url}</source>
        <translation>on a server · {url}</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="163"/>
        <source>Aucune session récente</source>
        <translation>No recent session</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="169"/>
        <source>pas commencée</source>
        <translation>not started</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="170"/>
        <source>en cours</source>
        <translation>running</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="171"/>
        <source>en pause</source>
        <translation>paused</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="172"/>
        <source>terminée</source>
        <translation>ended</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="182"/>
        <source>Choisir un dossier d&apos;exercice</source>
        <translation>Choose an exercise folder</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="194"/>
        <source>Ouvrir une session</source>
        <translation>Open a session</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="197"/>
        <source>Sessions crisisdesk (*.crisisdesk)</source>
        <translation>crisisdesk sessions (*.crisisdesk)</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="252"/>
        <source>« {name} » n&apos;est ni un dossier d&apos;exercice ni un fichier de session .crisisdesk.</source>
        <translation>“{name}” is neither an exercise folder nor a .crisisdesk session file.</translation>
    </message>
    <message>
        <location filename="../start_screen.py" line="294"/>
        <source>{injects} injects · {roles} rôles joués · durée {duration}</source>
        <translation>{injects} injects · {roles} played roles · duration {duration}</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../console/timeline_model.py" line="124"/>
        <source>Heure</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../console/timeline_model.py" line="125"/>
        <source>Scénario</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <location filename="../console/timeline_model.py" line="126"/>
        <source>N°</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../console/timeline_model.py" line="127"/>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../console/timeline_model.py" line="128"/>
        <source>De → À</source>
        <translation>From → To</translation>
    </message>
    <message>
        <location filename="../console/timeline_model.py" line="129"/>
        <source>Canal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../console/timeline_model.py" line="130"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../console/timeline_model.py" line="197"/>
        <location filename="../console/timeline_view.py" line="235"/>
        <source>(retardé)</source>
        <translation>(delayed)</translation>
    </message>
    <message>
        <location filename="../console/timeline_model.py" line="205"/>
        <source>Prévu à T+{planned}, décalé à T+{due}</source>
        <translation>Planned at T+{planned}, moved to T+{due}</translation>
    </message>
    <message>
        <location filename="../console/timeline_model.py" line="211"/>
        <source>Déclenchement manuel</source>
        <translation>Manual firing</translation>
    </message>
    <message>
        <location filename="../console/timeline_model.py" line="213"/>
        <source>Inject de rattrapage pour {id}</source>
        <translation>Contingency inject for {id}</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <location filename="../console/timeline_view.py" line="49"/>
        <source>Tous les rôles</source>
        <translation>All roles</translation>
    </message>
    <message>
        <location filename="../console/timeline_view.py" line="56"/>
        <source>Tous les statuts</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../console/timeline_view.py" line="57"/>
        <source>Restant à jouer</source>
        <translation>Still to play</translation>
    </message>
    <message>
        <location filename="../console/timeline_view.py" line="58"/>
        <source>À déclencher / en retard</source>
        <translation>Due / overdue</translation>
    </message>
    <message>
        <location filename="../console/timeline_view.py" line="59"/>
        <source>Déclenchés</source>
        <translation>Fired</translation>
    </message>
    <message>
        <location filename="../console/timeline_view.py" line="60"/>
        <source>Annulés</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <location filename="../console/timeline_view.py" line="65"/>
        <source>Rechercher (n°, titre, texte)…</source>
        <translation>Search (no., title, text)…</translation>
    </message>
    <message>
        <location filename="../console/timeline_view.py" line="89"/>
        <source>Chronologie des injects</source>
        <translation>Inject timeline</translation>
    </message>
    <message>
        <location filename="../console/timeline_view.py" line="92"/>
        <source>Filtrer :</source>
        <translation>Filter:</translation>
    </message>
</context>
<context>
    <name>UnsavedWritesGuard</name>
    <message>
        <location filename="../observer/unsaved.py" line="103"/>
        <location filename="../observer/unsaved.py" line="135"/>
        <location filename="../observer/unsaved.py" line="201"/>
        <source>Saisies non enregistrées</source>
        <translation>Unsaved entries</translation>
    </message>
    <message>
        <location filename="../observer/unsaved.py" line="104"/>
        <source>{n} saisie(s) ne sont pas encore dans le fichier de session « {file} ».</source>
        <translation>{n} entry(ies) not yet in the session file “{file}”.</translation>
    </message>
    <message>
        <location filename="../observer/unsaved.py" line="110"/>
        <source>Elles sont gardées dans un journal à côté du fichier et seront enregistrées à la prochaine ouverture de la session. Pour les mettre aussi à l&apos;abri ailleurs (clé USB), enregistrez-les dans un fichier.</source>
        <translation>They are kept in a journal beside the file and will be saved the next time the session is opened. To keep them safe elsewhere too (USB key), save them to a file.</translation>
    </message>
    <message>
        <location filename="../observer/unsaved.py" line="115"/>
        <source>Le journal à côté du fichier n&apos;a pas pu toutes les prendre (disque plein ?) : si vous quittez sans les enregistrer dans un fichier, elles seront perdues.</source>
        <translation>The journal beside the file could not take them all (disk full?): if you quit without saving them to a file, they will be lost.</translation>
    </message>
    <message>
        <location filename="../observer/unsaved.py" line="117"/>
        <source>Enregistrer dans un fichier…</source>
        <translation>Save to a file…</translation>
    </message>
    <message>
        <location filename="../observer/unsaved.py" line="119"/>
        <source>Réessayer</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../observer/unsaved.py" line="121"/>
        <source>Quitter quand même</source>
        <translation>Quit anyway</translation>
    </message>
    <message>
        <location filename="../observer/unsaved.py" line="121"/>
        <source>Quitter et les perdre</source>
        <translation>Quit and lose them</translation>
    </message>
    <message>
        <location filename="../observer/unsaved.py" line="123"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../observer/unsaved.py" line="136"/>
        <source>{n} texte(s) tapé(s) ne sont pas dans le fichier de session « {file} » et ne le seront pas seuls.</source>
        <translation>{n} typed text(s) are not in the session file “{file}” and will not get there by themselves.</translation>
    </message>
    <message>
        <location filename="../observer/unsaved.py" line="141"/>
        <source>Une entrée refusée attend d&apos;être reprise (double-clic sur la ligne « refusé »), ou une ligne de saisie n&apos;a pas été validée (Entrée). Revenez à la saisie pour les enregistrer, ou quittez sans elles.</source>
        <translation>A refused entry is waiting to be taken back (double-click its “refused” row), or an entry line was not submitted (Enter). Go back to the entry to save them, or quit without them.</translation>
    </message>
    <message>
        <location filename="../observer/unsaved.py" line="143"/>
        <source>Revenir à la saisie</source>
        <translation>Back to the entry</translation>
    </message>
    <message>
        <location filename="../observer/unsaved.py" line="144"/>
        <source>Quitter sans elles</source>
        <translation>Quit without them</translation>
    </message>
    <message>
        <location filename="../observer/unsaved.py" line="174"/>
        <source>Enregistrer les saisies non enregistrées</source>
        <translation>Save the unsaved entries</translation>
    </message>
    <message>
        <location filename="../observer/unsaved.py" line="177"/>
        <source>Fichiers JSON (*.json)</source>
        <translation>JSON files (*.json)</translation>
    </message>
</context>
<context>
    <name>WriteFailureBanner</name>
    <message>
        <location filename="../console/alerts.py" line="206"/>
        <source>Ce qui est déjà enregistré n&apos;est pas perdu, et les saisies refusées sont gardées. Fermez le programme qui bloque le fichier, ou libérez de la place sur le disque.</source>
        <translation>Nothing already saved is lost, and refused entries are kept. Close the program that holds the file, or free some disk space.</translation>
    </message>
    <message>
        <location filename="../console/alerts.py" line="227"/>
        <source>Ce qui est déjà enregistré n&apos;est pas perdu, et les saisies refusées sont gardées sur ce poste. Vérifiez le réseau ou le serveur : la console réessaie d&apos;elle-même.</source>
        <translation>What is already saved is not lost, and the refused entries are kept on this computer. Check the network or the server: the console tries again by itself.</translation>
    </message>
    <message>
        <location filename="../console/alerts.py" line="239"/>
        <source>Le serveur de la session n&apos;accepte plus d&apos;écriture : {reason}</source>
        <translation>The session&apos;s server no longer accepts writes: {reason}</translation>
    </message>
    <message>
        <location filename="../console/alerts.py" line="242"/>
        <source>Le fichier de session n&apos;accepte plus d&apos;écriture : {reason}</source>
        <translation>The session file no longer accepts writes: {reason}</translation>
    </message>
    <message>
        <location filename="../console/alerts.py" line="244"/>
        <source>Nouvel essai dans {n} s.</source>
        <translation>Next try in {n} s.</translation>
    </message>
</context>
</TS>
