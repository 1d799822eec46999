"""The report's typography filter: French spacing and apostrophes on text, never on markup."""

from __future__ import annotations

from crisisdesk.report.render import make_environment
from crisisdesk.report.typography import typography_html, typography_text

NNBSP = "\u202f"


def test_french_spacing_before_high_punctuation_and_inside_quotes():
    assert typography_text("Mission : coordonner ; vite ! Pourquoi ?", "fr") == (
        f"Mission{NNBSP}: coordonner{NNBSP}; vite{NNBSP}! Pourquoi{NNBSP}?")
    # Quotes get their inner spaces whether typed or not: no « alone at a line's end.
    assert typography_text("« Paris » et «Lyon»", "fr") == f"«{NNBSP}Paris{NNBSP}» et «{NNBSP}Lyon{NNBSP}»"
    assert typography_text("l'exercice", "fr") == "l\u2019exercice"


def test_times_urls_and_english_are_left_alone_but_for_apostrophes():
    assert typography_text("09:30, T+1:15, https://paris.fr", "fr") == "09:30, T+1:15, https://paris.fr"
    assert typography_text("Note: it's late; why?", "en") == "Note: it\u2019s late; why?"


def test_markup_is_never_touched_and_escaped_apostrophes_count():
    html = ('<style>a:hover { color: red ; }</style><p title="x : y">l&#39;heure : 09:30</p>'
            '<td style="width: 5%">&lt;b&gt; !</td>')
    out = str(typography_html(html, "fr"))
    assert out.startswith('<style>a:hover { color: red ; }</style><p title="x : y">')  # CSS and attributes as they were
    assert f"l\u2019heure{NNBSP}: 09:30" in out
    assert f"&lt;b&gt;{NNBSP}!" in out  # escaped text stays escaped


def test_the_report_template_applies_it_to_the_whole_body():
    env = make_environment()
    template = env.from_string("{% filter typography %}<p>{{ text }} :</p>{% endfilter %}")
    assert template.render(text="Rôle d'appui", lang="fr") == f"<p>Rôle d\u2019appui{NNBSP}:</p>"
    assert template.render(text="<b>'x'</b>", lang="en") == "<p>&lt;b&gt;\u2019x\u2019&lt;/b&gt; :</p>"
