"""What the command line says, in the user's language: French by default, as the app.

Messages are written in English in the command modules, wrapped in ``_()``; ``FRENCH`` below
gives each its French. The language is, in order: ``crisisdesk --language fr|en``, the
``CRISISDESK_LANG`` variable, then the usual locale variables (``LC_ALL``, ``LC_MESSAGES``,
``LANG``: English only when they name English — a machine set to ``C`` speaks French, as the app).

The exercise terms come from the core glossary (``crisisdesk.vocabulary.term``): the command line
says FINEX where the app does.
"""

from __future__ import annotations

import argparse
import os

from crisisdesk.vocabulary import term

LANGUAGE_VARIABLE = "CRISISDESK_LANG"
_language: str | None = None


def resolve_language(explicit: str | None = None, environ=None) -> str:
    """Return "fr" or "en" for the command line's messages (see the module docstring)."""
    environ = os.environ if environ is None else environ
    if explicit in ("fr", "en"):
        return explicit
    chosen = environ.get(LANGUAGE_VARIABLE, "").strip().lower()[:2]
    if chosen in ("fr", "en"):
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:  # the first one set decides, as for any POSIX program
            return "en" if value.lower().startswith("en") else "fr"
    return "fr"


def set_language(language: str | None) -> str:
    """Fix the language of the messages for this run; return it."""
    global _language
    _language = resolve_language(language)
    # argparse words its usage lines and errors through its module's ``_`` (gettext, for which
    # Python ships no French): ours stands in, so "usage :" and "erreur :" read as the rest.
    argparse._ = _argparse_words  # type: ignore[attr-defined]
    return _language


def _argparse_words(text: str) -> str:
    return ARGPARSE_FRENCH.get(text, text) if language() == "fr" else text


def language() -> str:
    return _language or set_language(None)


def _(message: str, /, **params: object) -> str:
    """Return ``message`` (in English) in the command line's language, ``params`` filled in."""
    text = FRENCH.get(message, message) if language() == "fr" else message
    if not params:
        return text
    # Values quoted from packages, sessions and file names may hold terminal escape sequences:
    # they are written escaped (crisisdesk/printable.py); the message's own lines stay lines.
    from crisisdesk.printable import printable

    safe = {key: value if isinstance(value, int | float) else printable(value, keep_newlines=True)
            for key, value in params.items()}
    return text.format(**safe)


def count(n: int, singular: str, plural: str) -> str:
    """``n`` with the right form of a word given in English (translated like any message).

    French takes the singular for 0 and 1 ("0 erreur"), English for 1 only ("0 errors").
    """
    one = n in (0, 1) if language() == "fr" else n == 1
    return f"{n} {_(singular) if one else _(plural)}"


def word(key: str) -> str:
    """An exercise term from the glossary (startex, endex, hotwash…) in the messages' language."""
    return term(key, language())


# English message -> French. Typography: a narrow no-break space before « : ; ! ? » as the app.
FRENCH: dict[str, str] = {
    # the parser
    "Run an in-room crisis exercise. Without a command, opens the app.":
        "Conduire un exercice de crise en salle. Sans commande, ouvre l'application.",
    "the language of these messages: fr (default) or en":
        "la langue de ces messages : fr (par défaut) ou en",
    "check an exercise package and summarise it": "vérifier un dossier d'exercice et le résumer",
    "measure a package's timeline: load, dead time, coverage, pace":
        "mesurer le chronogramme d'un dossier : charge, temps morts, couverture, rythme",
    "create a session file from a package": "créer un fichier de session à partir d'un dossier d'exercice",
    "play a package's timeline headless at N x speed": "jouer le chronogramme sans fenêtre, en accéléré (N fois)",
    "write a session's main courante and event log": "exporter la main courante et le journal d'une session",
    "render the after-action report (HTML or PDF)": "produire le rapport RETEX (HTML ou PDF)",
    "print the kits (animateur, observateur, joueur) from a package":
        "imprimer les kits (animateur, observateur, joueur) d'un dossier d'exercice",
    "the package folder (holding exercise.yaml)": "le dossier d'exercice (qui contient exercise.yaml)",
    "store writes the app saved to a file when the disk was full":
        "enregistrer les saisies que l'application a gardées dans un fichier quand le disque était plein",
    "make a package from a chronogramme spreadsheet (XLSX, ODS, CSV)":
        "faire un dossier d'exercice à partir d'un chronogramme en tableur (XLSX, ODS, CSV)",
    "write a package's or a session's chronogramme as a spreadsheet":
        "écrire le chronogramme d'un dossier d'exercice ou d'une session en tableur",
    "open a session to the room: observers, animators, players on their devices":
        "ouvrir une session à la salle : observateurs, animateurs et joueurs sur leurs appareils",
    "the session file": "le fichier de session",
    # validate
    "{path}: not a valid package: {errors}, {warnings}": "{path} : dossier d'exercice non valide : {errors}, {warnings}",
    "{path}: valid {format} package{verdict}": "{path} : dossier d'exercice {format} valide{verdict}",
    "error": "erreur", "errors": "erreurs",
    "warning": "avertissement", "warnings": "avertissements",
    "directorate": "direction", "directorates": "directions",
    "partner": "partenaire", "partners": "partenaires",
    "contingency": "rattrapage", "contingencies": "rattrapages",
    "phase": "phase", "phases": "phases",
    "title": "titre", "id": "identifiant", "roles": "rôles", "injects": "injects", "objectives": "objectifs",
    "indicators": "indicateurs", "attachments": "pièces jointes", "duration": "durée", "scenario": "scénario",
    "{total}: {played} played ({directorates}, {partners}), {simulated} simulated":
        "{total} : {played} joués ({directorates}, {partners}), {simulated} simulés",
    "{total}: {timeline} on the timeline, {manual} manual, {contingencies}":
        "{total} : {timeline} au chronogramme, {manual} manuels, {contingencies}",
    "{duration} in {phases}": "{duration} en {phases}",
    "{first} → {last} (first to last inject)": "{first} → {last} (du premier au dernier inject)",
    # new
    "the session file to create (default: <exercise id>_<date>_<time>.crisisdesk here, never overwriting)":
        "le fichier de session à créer (par défaut : <id de l'exercice>_<date>_<heure>.crisisdesk ici, "
        "sans jamais écraser)",
    "who creates the session (written in its log)": "qui crée la session (inscrit dans son journal)",
    "{output}: new session of {title} ({id}): {injects} injects, {roles} roles, {phases} phases":
        "{output} : nouvelle session de {title} ({id}) : {injects} injects, {roles} rôles, {phases} phases",
    "{path}: not a valid package (run `crisisdesk validate {path}` for details)\n{problems}":
        "{path} : dossier d'exercice non valide (détails : `crisisdesk validate {path}`)\n{problems}",
    # rehearse
    "how many exercise seconds pass per real second (default 60)":
        "combien de secondes d'exercice passent par seconde réelle (60 par défaut)",
    "keep the rehearsal's session file here": "garder ici le fichier de session de la répétition",
    "--speed must be above 0, got {speed}": "--speed doit être supérieur à 0 (reçu : {speed})",
    "{title} — rehearsal at {speed}x ({duration} of play, {injects} injects)":
        "{title} — répétition en accéléré ×{speed} ({duration} de jeu, {injects} injects)",
    "-- {at}  phase {number}: {title} (scenario {scenario}, x{scale})":
        "-- {at}  phase {number} : {title} (scénario {scenario}, ×{scale})",
    "{endex} at {elapsed}: {fired} inject(s) fired": "{endex} à {elapsed} : {fired} inject(s) déclenché(s)",
    "session kept in {db}": "session gardée dans {db}",
    "  [contingency for {id}]": "  [rattrapage de {id}]",
    "  [manual]": "  [manuel]",
    "all": "tous",
    # export
    "output format": "format de sortie",
    "json: the file to write (default: standard output); csv: the folder to write into (default: <FILE>-export "
    "beside the session)":
        "json : le fichier à écrire (par défaut : la sortie standard) ; csv : le dossier où écrire "
        "(par défaut : <FICHIER>-export à côté de la session)",
    "{out}: {entries} entries, {events} events": "{out} : {entries} entrées, {events} événements",
    "cannot write the export: {why}": "impossible d'écrire l'export : {why}",
    "{why}: {path}": "{why} : {path}",
    "{folder}: main-courante.csv ({entries} entries), events.csv ({events} events)":
        "{folder} : main-courante.csv ({entries} entrées), events.csv ({events} événements)",
    # report
    "where to write the report; .html or .pdf": "où écrire le rapport : .html ou .pdf",
    "where to write the report; .html or .pdf; .csv or .xlsx writes the improvement plan":
        "où écrire le rapport : .html ou .pdf ; .csv ou .xlsx écrit le plan d'actions",
    "{out}: improvement plan (CSV) written in {seconds} s": "{out} : plan d'actions (CSV) écrit en {seconds} s",
    "{out}: improvement plan (XLSX) written in {seconds} s": "{out} : plan d'actions (XLSX) écrit en {seconds} s",
    "a folder of Jinja templates overriding the default ones (e.g. report.css.j2)":
        "un dossier de modèles Jinja qui remplacent ceux par défaut (par exemple report.css.j2)",
    "report language (default: the exercise's language)": "langue du rapport (par défaut : celle de l'exercice)",
    "{path}: cannot write the report: {why}": "{path} : impossible d'écrire le rapport : {why}",
    "{out}: {kind} report written in {seconds} s": "{out} : rapport {kind} écrit en {seconds} s",
    "OUT.docx or OUT.odt: the report as a document to finish in Word or LibreOffice Writer "
    "(headings, tables, charts, the marking in the page header, page numbers)":
        "OUT.docx ou OUT.odt : le rapport en document à terminer dans Word ou LibreOffice Writer "
        "(titres, tableaux, graphiques, mention de diffusion en en-tête, numéros de page)",
    "{culprit} is a file, not a folder": "{culprit} est un fichier, pas un dossier",
    # check
    "text: a table for the terminal (default); html: a page with the load chart; json: for tools":
        "text : un tableau pour le terminal (par défaut) ; html : une page avec le graphique de charge ; "
        "json : pour les outils",
    "{path}: not a valid package ({errors}); run `crisisdesk validate {path}` for details":
        "{path} : dossier d'exercice non valide ({errors}) ; détails : `crisisdesk validate {path}`",
    # kit
    "the folder to write the kits into": "le dossier où écrire les kits",
    "make only this kit (animateur, observateur or joueur); may be repeated":
        "ne faire que ce kit (animateur, observateur ou joueur) ; peut être répété",
    "group the observer kit per played role (default) or per objective":
        "regrouper le kit observateur par rôle joué (par défaut) ou par objectif",
    "pdf (default) or html": "pdf (par défaut) ou html",
    "kit language (default: the exercise's language)": "langue des kits (par défaut : celle de l'exercice)",
    "{out}: is a file, not a folder": "{out} : est un fichier, pas un dossier",
    "{path}: not a valid package; see `crisisdesk validate {path}`":
        "{path} : dossier d'exercice non valide ; voir `crisisdesk validate {path}`",
    "{written}: kit {kind} written": "{written} : kit {kind} écrit",
    "{where}: cannot write the kit: {why}": "{where} : impossible d'écrire le kit : {why}",
    "{count} kit(s) written to {out} in {seconds} s": "{count} kit(s) écrit(s) dans {out} en {seconds} s",
    # session files
    "{path}: this is an exercise package folder, not a session file: create a session with "
    "`crisisdesk new {path} -o FILE.crisisdesk`, or run it with `crisisdesk rehearse {path}`":
        "{path} : c'est un dossier d'exercice, pas un fichier de session : créez une session avec "
        "`crisisdesk new {path} -o FICHIER.crisisdesk`, ou jouez-le avec `crisisdesk rehearse {path}`",
    "{path}: is a folder, not a session file (FILE.crisisdesk)":
        "{path} : est un dossier, pas un fichier de session (FICHIER.crisisdesk)",
    "{path}: no such session file": "{path} : fichier de session introuvable",
    # import / export-msel
    "a package folder or a session file": "un dossier d'exercice ou un fichier de session",
    "the spreadsheet to write: .xlsx, .ods or .csv": "le tableur à écrire : .xlsx, .ods ou .csv",
    "{out}: write {formats}": "{out} : écrivez un fichier {formats}",
    "{folder}: no such folder": "{folder} : dossier introuvable",
    "{source} is not a valid package:\n{problems}": "{source} n'est pas un dossier d'exercice valide :\n{problems}",
    "{n} injects": "{n} injects",
    "{n} injects, {fired} played": "{n} injects, {fired} joués",
    "cannot write {out}: {why}": "impossible d'écrire {out} : {why}",
    "{out}: chronogramme written ({what})": "{out} : chronogramme écrit ({what})",
    "the chronogramme: .xlsx, .xlsm, .xls, .ods or .csv": "le chronogramme : .xlsx, .xlsm, .xls, .ods ou .csv",
    "the package folder to write": "le dossier d'exercice à écrire",
    "the sheet holding the injects (default: the first one)": "la feuille des injects (par défaut : la première)",
    "the column mapping to use (default: PACKAGE_DIR/msel-mapping.yaml if present, else guessed from the headers)":
        "la correspondance des colonnes (par défaut : DOSSIER/msel-mapping.yaml s'il existe, sinon devinée "
        "d'après les en-têtes)",
    "the STARTEX moment, for sheets written in times of day (default: the first row)":
        "le moment du DEBEX, pour les feuilles écrites en heures du jour (par défaut : la première ligne)",
    "replace PACKAGE_DIR if it exists": "remplacer le dossier s'il existe",
    "{out} already exists: give another folder, or --force to replace it":
        "{out} existe déjà : donnez un autre dossier, ou --force pour le remplacer",
    "mapping: {path}": "correspondance : {path}",
    "--start: {why}": "--start : {why}",
    "{source}: not imported: {problems}": "{source} : non importé : {problems}",
    "problem": "problème", "problems": "problèmes",
    "{out}: package written from {source} (sheet {sheet})": "{out} : dossier d'exercice écrit depuis {source} (feuille {sheet})",
    "  the mapping is kept in {mapping}; check the package with: crisisdesk validate {out}":
        "  la correspondance est gardée dans {mapping} ; vérifiez le dossier avec : crisisdesk validate {out}",
    # serve
    "the session file a console is running": "le fichier de session qu'une console fait tourner",
    "address to listen on: the room network's interface address (default: this machine only, 127.0.0.1)":
        "adresse d'écoute : celle de l'interface du réseau de la salle (par défaut : cette machine seulement, "
        "127.0.0.1)",
    "port (default 8765; 0 picks a free one)": "port (8765 par défaut ; 0 en choisit un libre)",
    "address or name written in the links (default: --host)": "adresse ou nom écrit dans les liens (par défaut : --host)",
    "stop this many minutes after ENDEX (default: run until stopped)":
        "s'arrêter ce nombre de minutes après la FINEX (par défaut : jusqu'à l'arrêt demandé)",
    "speak the console's JSON line protocol on stdin/stdout (used by the app)":
        "parler le protocole de la console (lignes JSON) sur l'entrée et la sortie standard (utilisé par l'application)",
    "--port {port}: a port is between 0 and 65535": "--port {port} : un port est compris entre 0 et 65535",
    "--grace {grace}: minutes after ENDEX cannot be negative": "--grace {grace} : les minutes après la FINEX ne peuvent pas être négatives",
    "cannot listen on {host}:{port}: {why}": "impossible d'écouter sur {host}:{port} : {why}",
    # sessions on a PostgreSQL server (issue 20)
    "copy a session (e.g. on a server) into one file": "copier une session (d'un serveur, par exemple) dans un fichier",
    "copy a session file onto a PostgreSQL server": "copier un fichier de session sur un serveur PostgreSQL",
    "the session file, or postgresql://USER@HOST/DB?session=NAME":
        "le fichier de session, ou postgresql://UTILISATEUR@SERVEUR/BASE?session=NOM",
    "keep the rehearsal's session here: a file, or postgresql://USER@HOST/DB?session=NAME":
        "garder la session de la répétition ici : un fichier, ou postgresql://UTILISATEUR@SERVEUR/BASE?session=NOM",
    "create it on a PostgreSQL server instead: postgresql://USER@HOST/DB?session=NAME (several sites, one exercise; "
    "without ?session= it is named after the exercise and the time)":
        "la créer plutôt sur un serveur PostgreSQL : postgresql://UTILISATEUR@SERVEUR/BASE?session=NOM (plusieurs "
        "sites, un exercice ; sans ?session= elle est nommée d'après l'exercice et l'heure)",
    "give either -o FILE.crisisdesk or --db URL, not both": "donnez -o FICHIER.crisisdesk ou --db URL, pas les deux",
    "{url}: --db takes a server URL (postgresql://USER@HOST/DB?session=NAME); for a file use -o FILE.crisisdesk":
        "{url} : --db attend l'adresse d'un serveur (postgresql://UTILISATEUR@SERVEUR/BASE?session=NOM) ; "
        "pour un fichier, utilisez -o FICHIER.crisisdesk",
    "{url}: --db takes a server URL (postgresql://USER@HOST/DB?session=NAME); to copy a file, copy the file":
        "{url} : --db attend l'adresse d'un serveur (postgresql://UTILISATEUR@SERVEUR/BASE?session=NOM) ; "
        "pour copier un fichier, copiez le fichier",
    "the session: postgresql://USER@HOST/DB?session=NAME (or a session file)":
        "la session : postgresql://UTILISATEUR@SERVEUR/BASE?session=NOM (ou un fichier de session)",
    "the file to create": "le fichier à créer",
    "the session file to copy": "le fichier de session à copier",
    "where to put it: postgresql://USER@HOST/DB?session=NAME":
        "où la mettre : postgresql://UTILISATEUR@SERVEUR/BASE?session=NOM",
    "{target}: {events} events and {files} package files copied from {source}":
        "{target} : {events} événements et {files} fichiers de l'exercice copiés depuis {source}",
    # numbers and unsaved writes
    "{text} is not a whole number": "{text} n'est pas un nombre entier",
    "{text} is not a number": "{text} n'est pas un nombre",
    "{text} is not between {low} and {high}": "{text} n'est pas compris entre {low} et {high}",
    "--speed must be between {low} and {high}, got {speed}": "--speed doit être compris entre {low} et {high} (reçu : {speed})",
    "the session file the writes belong to": "le fichier de session auquel appartiennent les saisies",
    "the file of unsaved writes the app saved": "le fichier des saisies non enregistrées que l'application a gardé",
    "{path}: {stored} write(s) stored, {already} already in the file":
        "{path} : {stored} saisie(s) enregistrée(s), {already} déjà dans le fichier",
}


# argparse's own messages (Python 3.11–3.13 wording) -> French.
ARGPARSE_FRENCH: dict[str, str] = {
    "usage: ": "usage : ",
    "positional arguments": "arguments",
    "options": "options",
    "show this help message and exit": "afficher cette aide et quitter",
    "show program's version number and exit": "afficher la version et quitter",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "invalid choice: %(value)r (choose from %(choices)s)": "choix invalide : %(value)r (possibles : %(choices)s)",
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "expected one argument": "un argument attendu",
    "invalid %(type)s value: %(value)r": "valeur %(type)s invalide : %(value)r",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
}
