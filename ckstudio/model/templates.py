"""New sessions: a blank one (C0 and the default themes) and the "C-K workshop"
template (C0 to state, a brief to fill, the themes and the knowledge pockets a
facilitator sets up before phase K), in French or English.
"""

from __future__ import annotations

import datetime

from ckstudio.model.session import FORMAT_NAME, FORMAT_VERSION, Session

# The seed's school concepts fell into structure / flux / usages. Colours from
# the Okabe-Ito palette, told apart by red-green colour-blind viewers.
DEFAULT_THEMES = {
    "fr": (("t-structure", "Structure", "#0072B2"), ("t-flux", "Flux", "#009E73"),
           ("t-usages", "Usages", "#CC79A7")),
    "en": (("t-structure", "Structure", "#0072B2"), ("t-flux", "Flows", "#009E73"),
           ("t-usages", "Uses", "#CC79A7")),
}  # fmt: skip
DEFAULT_C0 = {"fr": "Concept initial (C0)", "en": "Initial concept (C0)"}
DEFAULT_TITLE = {"fr": "Nouvel atelier", "en": "New workshop"}
LANGUAGES = tuple(DEFAULT_THEMES)

WORKSHOP_TITLE = {"fr": "Atelier C-K", "en": "C-K workshop"}
WORKSHOP_C0 = {
    "fr": "C0 à formuler : un objet et les attributs attendus",
    "en": "C0 to state: an object and the attributes wanted",
}
# The phases of KCP (primer, "The workshop"): the brief says D, the pockets
# prepare K (state of the art, non-art, dominant design, who knows what).
WORKSHOP_BRIEF = {
    "fr": "Le champ : …\n\nQuestion : …\n\n"
    "Méthode : atelier de co-création selon la méthode C-K. On partage d’abord les "
    "connaissances acquises, en cours d’acquisition et manquantes, on nomme la conception "
    "dominante, puis on la questionne pour faire émerger des concepts, avant de juger leur "
    "atteignabilité et de décider des suites.\n\nContraintes : …",
    "en": "The field: …\n\nQuestion: …\n\n"
    "Method: a C-K (Concept / Knowledge) co-creation workshop. First share what is known, "
    "what is being learnt and what is missing, name the dominant design, then question it "
    "to find new concepts, judge their reach and decide what to do next.\n\nConstraints: …",
}
WORKSHOP_POCKETS = {
    "fr": ("État de l’art : ce que le groupe sait", "Non-art : ce qui manque",
           "Conception dominante", "Acteurs : qui sait quoi", "Règles et contraintes"),
    "en": ("State of the art: what the group knows", "Non-art: what is missing",
           "Dominant design", "Who knows what", "Rules and constraints"),
}  # fmt: skip


def new_session(
    title: str,
    c0: str | None = None,
    language: str = "fr",
    now: datetime.datetime | None = None,
) -> Session:
    """A session holding only C0 and the default themes; validated like a file."""
    return Session.model_validate(_base(title, c0 or DEFAULT_C0[language], language, now),
                                  strict=True)  # fmt: skip


def workshop_session(language: str = "fr", now: datetime.datetime | None = None) -> Session:
    """The "C-K workshop" template: C0 and the brief to fill, the default themes,
    and empty knowledge pockets to fill in phase K; validated like a file."""
    data = _base(WORKSHOP_TITLE[language], WORKSHOP_C0[language], language, now)
    data["meta"]["brief"] = WORKSHOP_BRIEF[language]
    data["knowledge"] = [
        {"id": f"k{number}", "parent": None, "text": text}
        for number, text in enumerate(WORKSHOP_POCKETS[language], start=1)
    ]
    return Session.model_validate(data, strict=True)


def _base(title: str, c0: str, language: str, now: datetime.datetime | None) -> dict:
    stamp = (now or datetime.datetime.now().astimezone()).isoformat(timespec="seconds")
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "meta": {
            "title": title,
            "date": stamp[:10],
            "language": language,
            "created": stamp,
            "modified": stamp,
        },
        "themes": [{"id": i, "name": n, "color": c} for i, n, c in DEFAULT_THEMES[language]],
        "concepts": [{"id": "c0", "parent": None, "text": c0}],
    }
