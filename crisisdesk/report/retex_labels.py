"""The RETEX's own words (issue 17), laid over ``labels.LABELS`` by ``labels.labels()``.

Kept apart so the document's structure (cover, synthesis, findings as constat →
référence → cause → recommandation, plan d'actions, annexes) can grow without touching
the shared label table; a key here replaces the one of the same name there. The
exercise terms and code words come from the one glossary (``crisisdesk/vocabulary.py``).
"""

from __future__ import annotations

from crisisdesk.vocabulary import ActionStatus, PoeteDomain, RetexStatus, code_label, term

_FR = {
    # honest figures
    "kpi_expected_detail": "{n} sur {d} réponses évaluées (partielles : {partial}, manquées : {missed}) ; non évaluées : {unchecked}",
    "kpi_on_time": "injects envoyés à l'heure par l'animation",
    "kpi_on_time_note": "Chiffre de la cellule d'animation, non des joueurs.",
    "kpi_players": "Joueurs",
    "kpi_animation": "Animation",
    "exp_unchecked_h": "Non éva\u00adluées",
    # soft hyphens: in the narrow count columns "Obtenues" broke as "Obtenue / s"
    "exp_met_h": "Obte\u00adnues",
    "exp_missed_h": "Man\u00adquées",
    "total_once": "Total (chaque réponse une fois)",
    "expected_rate_note": "Taux calculés sur les réponses évaluées par un observateur ; une réponse non évaluée n'est comptée ni obtenue ni manquée.",
    # cover
    "exercise_dates": "Date de l'exercice",
    "issuer": "Émetteur",
    "author": "Rédaction",
    "version": "Version",
    "version_none": "non numérotée",
    "doc_status": "Statut du document",
    "distribution": "Diffusion",
    # synthesis
    "syn_context": "Contexte",
    "syn_context_draft": "Exercice « {title} » joué le {date} pendant {played} par {roles} directions et partenaires ; {fired} injects envoyés ; {objectives} objectifs évalués.",
    "syn_strengths": "Principaux points forts",
    "syn_improvements": "Principaux axes d'amélioration",
    "syn_recommendations": "Recommandations clés",
    "syn_decisions": "Décisions attendues de la direction",
    "syn_decisions_none": "À compléter par l'équipe RETEX.",
    "syn_drafted": "Les rubriques non rédigées par l'équipe RETEX sont proposées par crisisdesk à partir des évaluations, des constats et du plan d'actions : à relire avant diffusion.",
    # presentation
    "scope_scenario": "Périmètre et scénario",
    "timetable": "Déroulé",
    "participants": "Directions et partenaires",
    "animation_team": "Équipe d'animation",
    "see_annex_timeline": "chronologie en annexe A",
    # the role cards moved to annex F (labels.py still said annex D, now the controller's log)
    "role_ids_note": "Les rôles sont désignés par leur sigle ; leur nom complet figure dans l'analyse par rôle (annexe B) et sur les fiches rôles (annexe F).",
    "chrono_times_note": "Réalisé : temps d'exercice, heure réelle, puis heure du scénario à l'envoi.",
    # analysis
    "criteria_results": "Critères et résultats observés",
    "criterion": "Critère",
    "criterion_no_response": "aucune réponse attendue liée",
    "criterion_not_played": "réponses attendues liées : {n}, aucune jouée (inject non envoyé)",
    "criterion_notes": "Notes des observateurs",
    "criterion_findings": "Constats",
    "criterion_more": "… et {n} autres",
    "criteria_note": "Résultat de chaque critère : les vérifications des réponses attendues que le chronogramme lui rattache (criterion), chacune une fois. « Aucune réponse attendue liée » ne dit rien de la réalisation du critère : l'appréciation de l'objectif en tient compte.",
    "objective_responses": "Réponses attendues : {met} obtenues sur {total} évaluées (partielles : {partial}, manquées : {missed}) ; non évaluées : {unchecked} — {n} injects liés.",
    "objective_entries": "{n} entrées de main courante rattachées (annexe C).",
    "ratings_scale_note": "Échelle : P réalisé sans difficulté, S avec quelques difficultés, M avec des difficultés majeures, U non réalisé.",
    "gaps": "Écarts constatés (réponses partielles ou manquées)",
    "gaps_more": "… et {n} autres réponses partielles ou manquées, détaillées en annexe B.",
    "constat": "Constat",
    "reference": "Référence",
    "cause": "Cause",
    "recommendation": "Recommandation",
    "plan_actions_linked": "Actions du plan",
    # plan
    "plan_intro": "Actions d'amélioration décidées à l'issue de l'exercice, avec le constat auquel chacune répond.",
    "domain": "Domaine",
    "owner": "Pilote",
    "contact": "Contact",
    "start_date": "Début",
    "action_status": "État",
    "answers_finding": "répond au constat n° {n}",
    "plan_export_note": "Le plan d'actions s'exporte pour son suivi en classeur XLSX ou en CSV : bouton « Exporter le plan d'actions… » de l'écran RETEX, ou crisisdesk report SESSION -o plan.xlsx.",
    # annexes
    "annex_timeline": "Annexe A — Chronologie : prévu / réalisé",
    "annex_roles_analysis": "Annexe B — Analyse par rôle",
    "annex_log": "Annexe C — Main courante complète",
    "annex_events": "Annexe D — Journal de l'animation",
    "annex_injects": "Annexe E — Textes des injects",
    "annex_roles": "Annexe F — Fiches rôles",
    "annex_indicators": "Annexe G — Indicateurs de situation",
    "annex_glossary": "Annexe H — Sigles et glossaire",
    "annex_hotwash": "Annexe I — {hotwash} et évaluation de l'exercice",
    "see_annex_roles": "fiches en annexe F",
    "indicator": "Indicateur",
    "value": "Valeur",
    "source": "Origine",
    "source_manual": "corrigé à la main",
    "no_indicator_change": "Aucun indicateur n'a changé pendant l'exercice.",
    "indicators_intro": "Chaque indicateur de situation : sa valeur initiale, chacun de ses changements (nouvelle valeur, temps d'exercice, inject qui l'a fixée ou correction à la main) et sa dernière valeur.",
    "indicator_initial": "Initiale",
    "indicator_moves": "Évolution (valeur, temps d'exercice, origine)",
    "indicator_final": "Dernière",
    "indicator_unchanged": "inchangé",
    "indicators_chronological": "Tous les changements dans l'ordre",
    "exercise_evaluation": "Ce que les joueurs et les observateurs disent de l'exercice",
    "exercise_evaluation_none": "Non renseigné : l'équipe RETEX le rédige dans l'écran RETEX, rubrique « Évaluation de l'exercice ».",
    "print_summary_log": "Version imprimée résumée : {n} décisions (les premières) sur {total} entrées ; la main courante complète est dans le rapport HTML et l'export (crisisdesk export).",
    "print_summary_chronology": "Version imprimée résumée : les {n} injects qui se sont écartés du prévu (en retard, en avance, annulés, non envoyés, ad hoc, manuels) ; la chronologie complète est dans le rapport HTML.",
    "print_more_findings": "… et {n} autres, dans le rapport HTML (version imprimée résumée).",
    "print_summary_indicators": "Version imprimée résumée : les {n} premiers changements sur {total} ; tous sont dans le rapport HTML.",
    "print_summary_expected": "Version imprimée résumée : le détail des réponses attendues est dans le rapport HTML.",
    "print_summary_injects": "Version imprimée résumée : les textes des injects sont dans le rapport HTML et le paquet d'exercice.",
    "print_summary_events": "Version imprimée résumée : {n} événements sur {total} (envois, pauses, reports) ; le journal complet est dans le rapport HTML.",
}

_EN = {
    "kpi_expected_detail": "{n} of {d} responses evaluated (partial: {partial}, missed: {missed}); not evaluated: {unchecked}",
    "kpi_on_time": "injects fired on time by the control cell",
    "kpi_on_time_note": "A figure of the control cell, not of the players.",
    "kpi_players": "Players",
    "kpi_animation": "Control cell",
    "exp_unchecked_h": "Not eval\u00aduated",
    "total_once": "Total (each response once)",
    "expected_rate_note": "Rates are over the responses an observer evaluated; one not evaluated counts neither as met nor as missed.",
    "exercise_dates": "Exercise date",
    "issuer": "Issued by",
    "author": "Author",
    "version": "Version",
    "version_none": "not numbered",
    "doc_status": "Document status",
    "distribution": "Distribution",
    "syn_context": "Context",
    "syn_context_draft": "Exercise “{title}” played on {date} for {played} by {roles} directorates and partners; {fired} injects fired; {objectives} objectives rated.",
    "syn_strengths": "Main strengths",
    "syn_improvements": "Main areas for improvement",
    "syn_recommendations": "Key recommendations",
    "syn_decisions": "Decisions asked of senior leadership",
    "syn_decisions_none": "To be completed by the AAR team.",
    "syn_drafted": "Headings the AAR team has not written are proposed by crisisdesk from the ratings, findings and improvement plan: review them before release.",
    "scope_scenario": "Scope and scenario",
    "timetable": "Timetable",
    "participants": "Directorates and partners",
    "animation_team": "Control cell",
    "see_annex_timeline": "timeline in appendix A",
    "role_ids_note": "Roles are named by their short id; their full names are in the analysis by role (appendix B) and on the role cards (appendix F).",
    "chrono_times_note": "Actual: exercise time, wall-clock time, then the scenario time at firing.",
    "criteria_results": "Criteria and observed results",
    "criterion": "Criterion",
    "criterion_no_response": "no expected response linked",
    "criterion_not_played": "linked expected responses: {n}, none played (inject not fired)",
    "criterion_notes": "Observers' notes",
    "criterion_findings": "Findings",
    "criterion_more": "… and {n} more",
    "criteria_note": "Each criterion's result: the checks of the expected responses the MSEL links to it (criterion), each once. “No expected response linked” says nothing of how the criterion was performed: the objective's rating accounts for it.",
    "objective_responses": "Expected responses: {met} met of {total} evaluated (partial: {partial}, missed: {missed}); not evaluated: {unchecked} — {n} related injects.",
    "objective_entries": "{n} decision-log entries tagged to it (appendix C).",
    "ratings_scale_note": "Scale: P performed without challenges, S with some challenges, M with major challenges, U unable to be performed.",
    "gaps": "Gaps observed (partial or missed responses)",
    "gaps_more": "… and {n} more partial or missed responses, listed in appendix B.",
    "constat": "Observation",
    "reference": "Reference",
    "cause": "Root cause",
    "recommendation": "Recommendation",
    "plan_actions_linked": "Improvement actions",
    "plan_intro": "Corrective actions decided after the exercise, each with the observation it answers.",
    "domain": "Capability element",
    "owner": "Owner",
    "contact": "Point of contact",
    "start_date": "Start",
    "action_status": "Status",
    "answers_finding": "answers observation no. {n}",
    "plan_export_note": "The improvement plan exports for follow-up as an XLSX workbook or CSV: “Export the improvement plan…” on the AAR screen, or crisisdesk report SESSION -o plan.xlsx.",
    "annex_timeline": "Appendix A — Timeline: planned / actual",
    "annex_roles_analysis": "Appendix B — Analysis by role",
    "annex_log": "Appendix C — Full decision log",
    "annex_events": "Appendix D — Controller's event log",
    "annex_injects": "Appendix E — Inject texts",
    "annex_roles": "Appendix F — Role cards",
    "annex_indicators": "Appendix G — Situation indicators",
    "annex_glossary": "Appendix H — Acronyms and glossary",
    "annex_hotwash": "Appendix I — {hotwash} and evaluation of the exercise",
    "see_annex_roles": "cards in appendix F",
    "indicator": "Indicator",
    "value": "Value",
    "source": "Source",
    "source_manual": "set by hand",
    "no_indicator_change": "No indicator changed during the exercise.",
    "indicators_intro": "Each situation indicator: its initial value, each change (new value, exercise time, the inject that set it or a correction by hand) and its latest value.",
    "indicator_initial": "Initial",
    "indicator_moves": "Changes (value, exercise time, source)",
    "indicator_final": "Latest",
    "indicator_unchanged": "unchanged",
    "indicators_chronological": "Every change in order",
    "exercise_evaluation": "What players and observers said of the exercise",
    "exercise_evaluation_none": "Not given: the AAR team writes it on the AAR screen, under “Evaluation of the exercise”.",
    "print_summary_log": "Printed summary: {n} decisions (the first ones) of {total} entries; the full log is in the HTML report and the export (crisisdesk export).",
    "print_summary_chronology": "Printed summary: the {n} injects that departed from the plan (late, early, skipped, not fired, ad hoc, manual); the full timeline is in the HTML report.",
    "print_more_findings": "… and {n} more, in the HTML report (printed summary).",
    "print_summary_indicators": "Printed summary: the first {n} of {total} changes; all are in the HTML report.",
    "print_summary_expected": "Printed summary: the expected responses in detail are in the HTML report.",
    "print_summary_injects": "Printed summary: the inject texts are in the HTML report and the exercise package.",
    "print_summary_events": "Printed summary: {n} of {total} events (firings, pauses, delays); the full log is in the HTML report.",
}


def _with_vocabulary(words: dict[str, str], lang: str) -> dict[str, str]:
    """Add the code words and glossary terms of ``lang`` (one vocabulary for the UI and the report)."""
    words = dict(words)
    for code in PoeteDomain:
        words[f"domain_{code.value}"] = code_label(code, lang)
    for code in ActionStatus:
        words[f"action_status_{code.value}"] = code_label(code, lang)
    for code in RetexStatus:
        words[f"retex_status_{code.value}"] = code_label(code, lang)
    hotwash = term("hotwash", lang)
    words["sec_hotwash"] = hotwash[:1].upper() + hotwash[1:]
    words["annex_hotwash"] = words["annex_hotwash"].format(hotwash=words["sec_hotwash"])
    words["st_skipped"] = words["legend_skipped"] = term("skipped", lang)
    words["exp_unchecked"] = term("not_evaluated", lang)
    return words


RETEX_LABELS: dict[str, dict[str, str]] = {"fr": _with_vocabulary(_FR, "fr"), "en": _with_vocabulary(_EN, "en")}
