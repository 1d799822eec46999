"""Channel words as chronogrammes write them, mapped to the package's channels.

An unknown word is never guessed: the import reports it and the mapping's
``channels`` section (word -> channel) settles it.
"""

from __future__ import annotations

import re

from crisisdesk.msel.times import normalise
from crisisdesk.package.model import CHANNELS

WORDS: dict[str, str] = {
    # e-mail
    "mail": "email", "e-mail": "email", "email": "email", "courriel": "email", "mel": "email", "message": "email",
    "messagerie": "email", "courrier electronique": "email",
    # telephone
    "telephone": "phone", "tel": "phone", "phone": "phone", "appel": "phone", "appel telephonique": "phone",
    "call": "phone", "phone call": "phone", "sms": "phone", "texto": "phone", "text message": "phone",
    "whatsapp": "phone", "signal": "phone", "messagerie instantanee": "phone", "audioconference": "phone",
    "audio": "phone", "conference telephonique": "phone",
    # radio
    "radio": "radio", "rubis": "radio", "acropol": "radio", "inpt": "radio", "talkie": "radio",
    "talkie-walkie": "radio", "vhf": "radio", "tetra": "radio",
    # press, broadcast
    "presse": "news", "tv": "news", "tele": "news", "television": "news", "journal": "news", "media": "news",
    "medias": "news", "news": "news", "flash": "news", "flash info": "news", "depeche": "news", "afp": "news",
    "radio flash": "news", "press": "news", "press release": "news", "communique de presse": "news",
    "breaking news": "news", "article": "news", "reportage": "news", "video": "news",
    # social networks
    "tweet": "social", "twitter": "social", "x": "social", "reseaux sociaux": "social", "reseau social": "social",
    "social": "social", "social media": "social", "facebook": "social", "instagram": "social", "tiktok": "social",
    "linkedin": "social", "post": "social", "publication": "social",
    # field
    "terrain": "field", "field": "field", "remontee terrain": "field", "compte rendu terrain": "field",
    "sitrep": "field", "bilan": "field", "cr": "field",
    # documents
    "note": "document", "document": "document", "fax": "document", "telecopie": "document", "courrier": "document",
    "lettre": "document", "memo": "document", "rapport": "document", "fiche": "document", "bulletin": "document",
    "arrete": "document", "formulaire": "document", "papier": "document", "paper": "document", "letter": "document",
    "report": "document", "web": "document", "site web": "document", "site internet": "document",
    # face to face
    "en personne": "face", "face-to-face": "face", "face to face": "face", "face a face": "face", "oral": "face",
    "orale": "face", "visite": "face", "in person": "face", "verbal": "face", "physique": "face", "face": "face",
    "visio": "face", "visioconference": "face", "reunion": "face", "briefing": "face", "annonce": "face",
    "video conference": "face",
}

WORDS.update({c: c for c in CHANNELS})


def _key(word: str) -> str:
    return re.sub(r"\s+", " ", normalise(word).replace("_", " ")).strip(" .:;")


_KEYS = {_key(k): v for k, v in WORDS.items()}


def channel_for(word: str, extra: dict[str, str] | None = None) -> str | None:
    """The package channel for a word of the spreadsheet, or None if unknown.

    ``extra`` (the mapping's own words) wins. "Mail / téléphone" takes the first word
    known; a longer phrase containing a known word ("appel du maire") takes that word.
    """
    key = _key(word)
    own = {_key(k): v for k, v in (extra or {}).items()}
    for table in (own, _KEYS):
        if key in table:
            return table[key]
    for part in re.split(r"\s*[/,;+&]\s*|\s+(?:et|ou|and|or)\s+", key):
        for table in (own, _KEYS):
            if part in table:
                return table[part]
    words = key.split()
    for table in (own, _KEYS):
        for word in words:
            if word in table:
                return table[word]
    return None
