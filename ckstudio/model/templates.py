"""New sessions: C0 and the default themes of a C-K workshop, in French or English."""

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


def new_session(
    title: str,
    c0: str | None = None,
    language: str = "fr",
    now: datetime.datetime | None = None,
) -> Session:
    """A session holding only C0 and the default themes; validated like a file."""
    stamp = (now or datetime.datetime.now().astimezone()).isoformat(timespec="seconds")
    themes = [{"id": i, "name": n, "color": c} for i, n, c in DEFAULT_THEMES[language]]
    data = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "meta": {
            "title": title,
            "date": stamp[:10],
            "language": language,
            "created": stamp,
            "modified": stamp,
        },
        "themes": themes,
        "concepts": [{"id": "c0", "parent": None, "text": c0 or DEFAULT_C0[language]}],
    }
    return Session.model_validate(data, strict=True)
