"""Typography of the report's text: one filter, applied to the whole document body.

French: a narrow no-break space before « ; : ! ? » and after « (the kits' rule,
``kits.french_spacing``, reused here), also where the author typed none (« Paris »,
"Note:" stays as typed only when it is no French text: times like 09:30 and URLs have no
space before their colon and are left alone), and the typographic apostrophe ’. English:
the typographic apostrophe. Only text is changed, never tags or attributes; the
autoescaped apostrophe (``&#39;``) counts as one.

Why one filter over the rendered body rather than a filter on each value: the report
prints hundreds of values and labels, and a rule applied in one place cannot be
forgotten on one of them (a colon after a label, a quote in an observer's text).
"""

from __future__ import annotations

import re

from markupsafe import Markup

from crisisdesk.report.kit_labels import APOSTROPHE, NNBSP
from crisisdesk.report.kits import french_spacing

_TAG = re.compile(r"(<[^>]*>)")
_ESCAPED_APOSTROPHE = re.compile(r"&#39;|&#x27;|&apos;")
# A quote typed without its inner space: «Paris» → « Paris ».
_QUOTE_OPEN = re.compile("«(?=[^\\s\u00a0\u202f])")
_QUOTE_CLOSE = re.compile("(?<=[^\\s\u00a0\u202f])»")
# Text where nothing needs changing skips the regular expressions (most table cells).
_FRENCH_MARKS = re.compile(r"[:;!?«»']|&#39;")
_SKIP_BLOCKS = ("<style", "<script")


def typography_text(text: str, language: str) -> str:
    """Apply the rules of ``language`` to plain (possibly entity-escaped) text."""
    text = _ESCAPED_APOSTROPHE.sub("'", text)
    if language != "fr":
        return text.replace("'", APOSTROPHE)
    if not _FRENCH_MARKS.search(text):
        return text
    text = _QUOTE_CLOSE.sub(NNBSP + "»", _QUOTE_OPEN.sub("«" + NNBSP, text))
    return french_spacing(text)


def typography_html(markup: str, language: str) -> Markup:
    """``typography_text`` on every text run of safe HTML ``markup``; tags, <style> and <script> untouched."""
    parts = _TAG.split(str(markup))
    out = []
    skipping = False
    for part in parts:
        if part.startswith("<"):
            lowered = part[:8].lower()
            if lowered.startswith(_SKIP_BLOCKS):
                skipping = True
            elif lowered.startswith(("</style", "</script")):
                skipping = False
            out.append(part)
        elif skipping or not part:
            out.append(part)
        else:
            out.append(typography_text(part, language))
    return Markup("".join(out))
