"""What the chronogramme import says to people, in French (the default) and English.

Exercise designers read these messages in the mapping screen and the CLI: the City of
Paris's people read French. Every problem, notice and summary line the import can emit
is a key of ``CATALOGUE`` with both texts; the code builds a :class:`Message` (a key and
its values) and the caller renders it in its own language — the UI its language
setting, the CLI its own. ``tests/msel/test_messages.py`` checks that both texts exist
and take the same values, and that the import emits no text outside this catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass, field

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"

# key: (French, English). Values are str.format fields; a value that is itself a
# Message is rendered in the same language.
CATALOGUE: dict[str, tuple[str, str]] = {
    # -- reading the file (sheets.py) --------------------------------------------
    "file.not_spreadsheet": ("n'est pas un tableur que crisisdesk sait lire (il lit {suffixes})",
                             "is not a spreadsheet this build reads (it reads {suffixes})"),
    "file.missing": ("fichier introuvable", "no such file"),
    "file.unreadable": ("ne peut pas être lu : {reason}", "cannot be read: {reason}"),
    "file.empty": ("est vide (0 octet)", "is empty (0 bytes)"),
    "file.too_big": ("pèse {size} Mo ; un chronogramme fait au plus {limit} Mo",
                     "is {size} MB; a chronogramme is at most {limit} MB"),
    "file.no_data": ("ne contient aucune donnée : toutes les feuilles sont vides",
                     "holds no data: every sheet is empty"),
    "file.password": ("est protégé par un mot de passe : enregistrez-en une copie non protégée et importez-la",
                      "is protected by a password: save an unprotected copy and import that"),
    "file.damaged": ("est endommagé ou n'est pas vraiment un fichier {kind} ({reason})",
                     "is damaged or not really a {kind} file ({reason})"),
    "file.no_worksheet": ("ne contient aucune feuille de calcul", "has no worksheet"),
    "file.not_text": ("n'est pas un fichier texte (il contient des données binaires) : "
                      "est-ce un tableur enregistré en .csv ?",
                      "is not a text file (it holds binary data); is it a spreadsheet saved as .csv?"),
    "file.csv_too_long": ("a plus de {limit} lignes ; un chronogramme en a au plus {limit}",
                          "has more than {limit:,} rows; a chronogramme is at most {limit:,}"),
    "file.csv_line": ("ligne {line} : {reason}", "line {line}: {reason}"),
    "sheet.unknown": ("pas de feuille « {name} » (le fichier contient : {names})",
                      "no sheet {name!r} (the file has: {names})"),
    "sheet.unreadable": ("la feuille « {name} » ne peut pas être lue ({reason})",
                         "sheet {name!r} cannot be read ({reason})"),
    "sheet.too_long": ("la feuille « {name} » a {rows} lignes ; un chronogramme en a au plus {limit} "
                       "(supprimez les lignes vides ou sans rapport, ou scindez le fichier)",
                       "sheet {name!r} has {rows:,} rows; a chronogramme is at most {limit:,} "
                       "(delete the empty or unrelated rows, or split the file)"),
    "sheet.too_wide": ("la feuille « {name} » a {columns} colonnes ; seules {limit} sont lues",
                       "sheet {name!r} has {columns} columns; at most {limit} are read"),
    "sheet.hidden": ("cette feuille est masquée dans le fichier", "this sheet is hidden in the file"),
    "sheet.all_empty": ("toutes les feuilles sont vides", "every sheet is empty"),
    "sheet.only_one": ("pas de feuille « {name} » : la seule feuille, « {only} », est lue",
                       "no sheet {name!r}: the only sheet, {only!r}, is read"),
    "cell.merged": ("cellules fusionnées : seule la valeur de la première cellule est lue",
                    "merged cells: the value is read from the first cell only"),
    "cell.formula": ("une formule : sa dernière valeur calculée est importée, pas la formule",
                     "a formula: its last computed value is imported, not the formula"),
    "cell.comment": ("le commentaire de cette cellule n'est pas importé : « {text} »",
                     "a comment on this cell is not imported: {text!r}"),
    "sheet.images": ("{n} image(s) de cette feuille ne sont pas importées",
                     "{n} image(s) in this sheet are not imported"),
    "row.hidden": ("cette ligne est masquée dans le tableur ; elle est importée quand même",
                   "this row is hidden in the spreadsheet; it is imported all the same"),
    # -- times (times.py) ---------------------------------------------------------
    "time.hint": ("par ex. 0:05, T+1:30, +90 min, 09h00, 9:30 AM, 26/06/2024 09h00, J+1 H+2, lundi 9:30",
                  "e.g. 0:05, T+1:30, +90 min, 09h00, 9:30 AM, 26/06/2024 09h00, J+1 H+2, lundi 9:30"),
    "time.not_time": ("« {value} » n'est pas une heure ({hint})", "{value!r} is not a time ({hint})"),
    "time.unreadable": ("« {value} » n'est pas une heure lisible ({hint})",
                        "{value!r} is not a time we can read ({hint})"),
    "time.empty": ("est vide", "is empty"),
    "time.negative": ("{number:g} est négatif : ce n'est pas une heure", "{number:g} is negative: not a time"),
    "time.not_date": ("{number:g} n'est ni une date ni une heure", "{number:g} is not a date or time"),
    # -- the columns (build.py) ------------------------------------------------------
    "header.past_end": ("la ligne d'en-tête {row} est au-delà de la fin de la feuille",
                        "the header row {row} is past the end of the sheet"),
    "header.same_meaning": ("les colonnes {columns} ont toutes le sens « {meaning} » : n'en gardez qu'une",
                            "columns {columns} are all mapped to {meaning}: map one of them only"),
    "header.missing": ("aucune colonne n'a le sens {meanings}", "no column is mapped to {meanings}"),
    "header.missing_no_header": ("aucune colonne n'a le sens {meanings} (la ligne d'en-tête n'a pas été "
                                 "reconnue : dites quelle colonne est laquelle dans la correspondance)",
                                 "no column is mapped to {meanings} (the header row was not recognised: "
                                 "say which column is which with a mapping)"),
    "meaning.time": ("Heure", "time"),
    "meaning.to": ("Destinataires", "to"),
    "meaning.title_or_body": ("Titre ou Message", "title or body"),
    "column.unmapped": ("la colonne {letter}{name} ne correspond à rien : ses cellules sont gardées "
                        "dans les notes des injects",
                        "column {letter}{name} maps to nothing: its cells are kept in the injects' notes"),
    "list.and": ("{first} et {last}", "{first} and {last}"),
    "list.more": ("{shown} et {n} autres", "{shown} and {n} more"),
    # -- rows and cells ------------------------------------------------------------
    "summary.sections": ("{n} ligne(s) de section lues comme noms de phase",
                         "{n} section row(s) read as phase names"),
    "summary.skipped_empty": ("{n} ligne(s) vide(s) ignorée(s)", "{n} empty row(s) skipped"),
    "summary.skipped_header": ("{n} ligne(s) d'en-tête répétée(s) ignorée(s)",
                               "{n} repeated header row(s) skipped"),
    "summary.skipped_total": ("{n} ligne(s) de total ignorée(s)", "{n} total row(s) skipped"),
    "summary.side_sheet": ("feuille « {name} » : {n} {kind} lu(s)", "sheet {name!r}: {n} {kind} read"),
    "kind.roles": ("rôle(s)", "roles"),
    "kind.objectives": ("objectif(s)", "objectives"),
    "kind.phases": ("phase(s)", "phases"),
    "kind.exercise": ("champ(s) d'exercice", "exercise fields"),
    "kind.indicators": ("indicateur(s)", "indicators"),
    "summary.date_beside_time": ("la colonne de date et la colonne d'heure sont lues ensemble : "
                                 "la date et l'heure de chaque ligne",
                                 "the date column and the time column are read together as each row's date and time"),
    "summary.date_taken": ("la date du scénario n'est pas dans la feuille : {date} retenue "
                           "(donnez --start ou « STARTEX le » pour la fixer)",
                           "the scenario date is not in the sheet: {date} taken (give --start to set it)"),
    "summary.no_scenario_date": ("pas de date de scénario dans la feuille : l'horloge du scénario part de "
                                 "{moment} (donnez --start ou « STARTEX le » pour la fixer)",
                                 "no scenario date in the sheet: the scenario clock starts at {moment} "
                                 "(give --start to set it)"),
    "summary.startex_first_row": ("STARTEX pris sur la première ligne : {moment}",
                                  "STARTEX taken from the first row: {moment}"),
    "summary.clock_times": ("heures du jour lues par rapport au STARTEX du {moment}",
                            "times of day read against STARTEX {moment}"),
    "time.before_startex_by": ("« {value} » tombe {delay} avant le STARTEX ({moment})",
                               "{value!r} falls {delay} before STARTEX ({moment})"),
    "time.missing": ("pas d'heure : chaque inject en demande une", "no time: every inject needs one"),
    "time.before_startex": ("« {value} » est avant le STARTEX", "{value!r} is before STARTEX"),
    "id.bad": ("« {value} » ne peut pas servir de numéro d'inject", "{value!r} cannot be an inject id"),
    "id.twice": ("le numéro d'inject {ident} est pris deux fois (d'abord ligne {row})",
                 "inject number {ident} is used twice (first at row {row})"),
    "summary.sorted": ("injects hors de l'ordre chronologique (ligne(s) {rows}) : triés par heure",
                       "injects out of time order (rows {rows}) were sorted by time"),
    "to.missing": ("pas de destinataire : nommez un rôle, plusieurs, ou Tous",
                   "no recipient: name a role, several, or Tous"),
    "summary.roles_created": ("{n} rôle(s) créé(s), à revoir : {which}", "{n} role(s) created, to review: {which}"),
    "summary.roles_played": ("joués {ids}", "played {ids}"),
    "summary.roles_simulated": ("simulés {ids}", "simulated {ids}"),
    "roles.none_played": ("aucun rôle ne reçoit d'inject : au moins un rôle doit être joué",
                          "no role receives any inject: at least one role must be played"),
    "summary.channel_default": ("canal absent : {channel} retenu", "channel missing: {channel} taken"),
    "summary.within_default": ("{n} réaction(s) attendue(s) sans délai : délai de 0:15 retenu",
                               "{n} expected response(s) without a delay: 0:15 taken"),
    "summary.sender_default": ("{n} inject(s) sans émetteur : Animation retenu",
                               "{n} inject(s) without a sender: Animation taken"),
    "summary.title_default": ("{n} inject(s) sans titre : la première ligne du message retenue",
                              "{n} inject(s) without a title: the message's first line taken"),
    "summary.html": ("{n} message(s) écrit(s) en HTML convertis en Markdown",
                     "{n} message(s) written in HTML converted to Markdown"),
    "summary.objective_created": ("objectif {ident} créé : {title}", "objective {ident} created: {title}"),
    "sheet.no_inject": ("aucun inject n'a pu être lu dans cette feuille", "no inject could be read from this sheet"),
    "summary.totals": ("{injects} injects, {roles} rôles, {phases} phase(s), durée {duration}",
                       "{injects} injects, {roles} roles, {phases} phase(s), duration {duration}"),
    "inject.no_title": ("ni titre ni message", "no title and no message"),
    "channel.unknown": ("le canal « {word} » n'est pas connu de crisisdesk ({channels}) : "
                        "ajoutez-le aux canaux de la correspondance",
                        "channel {word!r} is not one crisisdesk knows ({channels}): add it to the mapping's channels"),
    "manual.bad": ("« {value} » n'est ni oui ni non", "{value!r} is not oui or non"),
    "expected.not_role": ("« {who} » n'est pas un rôle", "{who!r} is not a role"),
    "expected.no_role": ("une réaction attendue ne nomme aucun rôle et l'inject n'a pas de destinataire",
                         "an expected response names no role and the inject has no recipient"),
    "expected.bad_delay": ("({text}) n'est pas un délai comme (0:15) ou (15 min)",
                           "({text}) is not a delay like (0:15) or (15 min)"),
    "criterion.bad": ("le critère « {criterion} » n'est pas un objectif et un numéro de critère, comme O2.3",
                      "criterion {criterion!r} is not an objective id and a criterion number, like O2.3"),
    "criterion.no_objective": ("le critère {criterion} renvoie à l'objectif {objective}, qui n'existe pas "
                               "(objectifs : {known})",
                               "criterion {criterion} names objective {objective}, which does not exist "
                               "(objectives: {known})"),
    "criterion.out_of_range": ("le critère {criterion} : l'objectif {objective} n'a que {count} critère(s)",
                               "criterion {criterion}: objective {objective} has only {count} criterion(a)"),
    "summary.criteria_created": ("critères d'objectif à compléter, créés faute de feuille des objectifs : {ids}",
                                 "objective criteria to complete, created as there is no objectives sheet: {ids}"),
    "objective.unknown": ("pas d'objectif « {value} » dans la feuille des objectifs",
                          "no objective {value!r} in the objectives sheet"),
    "attachment.missing": ("la pièce jointe « {value} » n'est pas un fichier à côté du tableur ({folder})",
                           "attachment {value!r} is not a file beside the spreadsheet ({folder})"),
    "sets.bad": ("« {value} » n'est pas de la forme indicateur = valeur", "{value!r} is not indicator = value"),
    "sets.unknown": ("pas d'indicateur « {key} » dans la feuille des indicateurs",
                     "no indicator {key!r} in the indicators sheet"),
    "sets.bad_id": ("« {key} » ne peut pas servir d'identifiant d'indicateur", "{key!r} cannot be an indicator id"),
    "summary.indicator_created": ("indicateur {key} créé, valant d'abord {value} (sa première valeur) : à revoir",
                                  "indicator {key} created, starting at {value} (its first change): review it"),
    # -- phases -------------------------------------------------------------------------
    "summary.phases": ("{n} phases trouvées (nouvelle phase en ligne(s) {rows}), échelles {scales}",
                       "{n} phases found (new phase at rows {rows}), scales {scales}"),
    "summary.scale": ("l'horloge du scénario tourne à l'échelle {scale:g}", "scenario clock runs at scale {scale:g}"),
    "phase.off_clock": ("l'heure de scénario {scenario} ne suit pas l'horloge de sa phase ({expected} à {at})",
                        "scenario time {scenario} does not follow its phase's clock ({expected} at {at})"),
    "phase.unreadable": ("phase illisible : {reason}", "phase not readable: {reason}"),
    "exercise.field": ("{key} : {reason}", "{key}: {reason}"),
    "role.bad": ("rôle « {ident} » : il faut un code en capitales et un type ({kinds})",
                 "role {ident!r}: a code in capitals and a type ({kinds}) are needed"),
    # -- writing the package (output.py) -------------------------------------------------
    "output.exists": ("{folder} existe déjà : choisissez un autre dossier, ou remplacez-le (--force)",
                      "{folder} already exists: give another folder, or --force to replace it"),
    "output.not_folder": ("{folder} existe et n'est pas un dossier", "{folder} exists and is not a folder"),
    "output.cannot_write_into": ("impossible d'écrire dans {folder} : {reason}", "cannot write into {folder}: {reason}"),
    "output.cannot_write": ("impossible d'écrire {folder} : {reason}", "cannot write {folder}: {reason}"),
    "output.invalid": ("le paquet importé n'est pas valide :\n{problems}",
                       "the imported package does not validate:\n{problems}"),
    # -- problems' prefix ---------------------------------------------------------------
    "problem.warning": ("avertissement : {message}", "warning: {message}"),
}


def render(key: str, language: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
    """The text of ``key`` in ``language`` (French for a language we do not have)."""
    french, english = CATALOGUE[key]
    template = english if language == "en" else french
    values = {k: v.text(language) if isinstance(v, Message) else v for k, v in params.items()}
    return template.format(**values)


@dataclass(frozen=True)
class Message:
    """A catalogue key and its values, rendered when the reader's language is known."""

    key: str
    params: dict[str, object] = field(default_factory=dict)

    def text(self, language: str = DEFAULT_LANGUAGE) -> str:
        return render(self.key, language, **self.params)

    def __str__(self) -> str:
        return self.text()


def message(key: str, /, **params: object) -> Message:
    if key not in CATALOGUE:  # a typo is a bug to find in tests, not a message to lose
        raise KeyError(f"no message {key!r} in the import's catalogue")
    return Message(key, params)


class MessageError(Exception):
    """An error whose text comes from the catalogue; ``str()`` is French, ``text(lang)`` any."""

    def __init__(self, key: str, /, **params: object):
        self.message = message(key, **params)
        super().__init__(self.message.text())

    def text(self, language: str = DEFAULT_LANGUAGE) -> str:
        return self.message.text(language)


def joined(items: list[str], language: str = DEFAULT_LANGUAGE) -> str:
    """``a, b et c`` / ``a, b and c``."""
    if len(items) < 2:
        return "".join(items)
    return render("list.and", language, first=", ".join(items[:-1]), last=items[-1])
