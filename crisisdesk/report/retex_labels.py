"""The RETEX's own words (issue 17), laid over ``labels.LABELS`` by ``labels.labels()``.

Kept apart so the document's structure (cover, synthesis, findings as constat →
référence → cause → recommandation, plan d'actions) can grow without touching the
shared label table; a key here replaces the one of the same name there.
"""

from __future__ import annotations

RETEX_LABELS: dict[str, dict[str, str]] = {
    "fr": {
        # honest figures
        "kpi_expected_detail": "{n} sur {d} réponses évaluées (partielles : {partial}, manquées : {missed}) ; non évaluées : {unchecked}",
        "kpi_on_time": "injects envoyés à l'heure par l'animation",
        "kpi_on_time_note": "Chiffre de la cellule d'animation, non des joueurs.",
        "kpi_players": "Joueurs",
        "kpi_animation": "Animation",
        "exp_unchecked": "non évaluée",
        "exp_unchecked_h": "Non éva\u00adluées",
        "total_once": "Total (chaque réponse une fois)",
        "expected_rate_note": "Taux calculés sur les réponses évaluées par un observateur ; une réponse non évaluée n'est comptée ni obtenue ni manquée.",
    },
    "en": {
        "kpi_expected_detail": "{n} of {d} responses evaluated (partial: {partial}, missed: {missed}); not evaluated: {unchecked}",
        "kpi_on_time": "injects fired on time by the control cell",
        "kpi_on_time_note": "A figure of the control cell, not of the players.",
        "kpi_players": "Players",
        "kpi_animation": "Control cell",
        "exp_unchecked": "not evaluated",
        "exp_unchecked_h": "Not evaluated",
        "total_once": "Total (each response once)",
        "expected_rate_note": "Rates are over the responses an observer evaluated; one not evaluated counts neither as met nor as missed.",
    },
}
